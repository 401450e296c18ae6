"""Every "how is this counted" text a page shows is in docs/figures.md, word for word.

The pages are found in app.py, so a new page is checked as soon as it is registered.
Pages whose help texts explain controls rather than figures are skipped (the same
list the generator of docs/figures.md leaves out).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data_access.cli.docs_figures import FIGURES_DOC, NOT_FIGURES
from tests.ui.test_app_shell import registered_pages

OFFICER = "officer@demo.lc-monitor.local"  # sees every dashboard and review page
INFO = ":material/info: "
SKIPPED = {"sign_in", "upload", *NOT_FIGURES}
PAGES = sorted(Path(f).stem for f, _ in registered_pages() if Path(f).stem not in SKIPPED)


def figure_notes(at: AppTest) -> list[str]:
    """Tooltips of the figures (metrics) and the help notes under charts."""
    tooltips = [metric.proto.help for metric in at.main.metric if metric.proto.help]
    notes = [c.value.removeprefix(INFO) for c in at.main.caption if c.value.startswith(INFO)]
    return tooltips + notes


def test_the_dashboard_pages_are_checked():
    assert {"overview", "sectors", "facilitators", "funding", "communities", "map"} <= set(PAGES)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_note_on_a_page_is_in_the_figures_doc(sample_database, app, page, lang):
    app.session_state["auth.demo_user"] = OFFICER
    app.query_params.update({"lang": lang, "period": "2023-Q4"})
    at = app.run()
    at = at.switch_page(f"pages/{page}.py").run()
    assert not at.exception
    documented = FIGURES_DOC.read_text(encoding="utf-8")
    assert [note for note in figure_notes(at) if note not in documented] == []
