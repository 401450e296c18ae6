"""A shared link opened as the very first request after a server start shows its page.

Streamlit's legacy `pages/` mode used to answer that first request with a
"Page not found" dialog over the right page; `python -m ui.serve` switches it off.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serve_app
from tests.browser.helpers import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_a_link_opened_first_after_start_shows_its_page_without_a_not_found_dialog(page, tmp_path):
    with serve_app(tmp_path) as url:
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.goto(f"{url}/kaart?sector=circularity")
        wait_for_app(page)
        page.wait_for_timeout(500)  # the dialog, when it comes, follows the first run
        screenshot(page, "shared_link_first_request")
        expect(page.get_by_role("dialog")).to_have_count(0)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_test_id("stMetricValue").first).to_have_text("4")
