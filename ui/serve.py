"""Start the app: `python -m ui.serve [streamlit options]` is `streamlit run app.py ...`.

app.py builds its pages with `st.navigation`. Because the customer's layout has a
`pages/` folder, Streamlit would treat the first script run after every server start
as a legacy multipage app: a shared link such as `/kaart?sector=circularity`,
opened first, shows a "Page not found" dialog over the right page. Setting the
flag before the server starts tells Streamlit there is no legacy pages folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"


def main() -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
