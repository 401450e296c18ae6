"""Screenshots of every page at 1024 and 1280 px, in Dutch and English (`make screenshots`).

Serves the app on a fresh SQLite database with the sample data (as the browser tests do)
and saves one full-page PNG per page, width and language under screenshots/ (git-ignored).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve_app  # noqa: E402
from tests.browser.glance import tour, visit  # noqa: E402

OUT = ROOT / "screenshots"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as folder,
        serve_app(Path(folder)) as base,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for stop in tour():
            visit(page, base, stop)
            page.screenshot(path=str(OUT / f"{stop.name}.png"), full_page=True)
            print(OUT / f"{stop.name}.png")
        browser.close()


if __name__ == "__main__":
    main()
