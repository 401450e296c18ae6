"""The dashboard loads everything from its own server: an officer's browser asks no
outside host for anything (fonts, icons, map tiles), which a province's closed network
would refuse and which would tell a third party who looks at the dashboard."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.helpers import wait_for_app

pytestmark = pytest.mark.browser

PAGES = ["", "sectoren", "facilitatoren", "financiering", "vergelijken", "leergemeenschappen",
         "kaart", "presentatie"]  # fmt: skip


def test_no_page_asks_another_host_for_anything(page, app_url):
    own_host = urlparse(app_url).netloc
    outside: list[str] = []
    page.on("request", lambda r: urlparse(r.url).netloc not in (own_host, "") and
            r.url.startswith("http") and outside.append(r.url))  # fmt: skip
    for path in PAGES:
        page.goto(f"{app_url}/{path}")
        wait_for_app(page)
        page.wait_for_load_state("networkidle")
    assert outside == []
