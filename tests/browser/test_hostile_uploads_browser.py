"""Issue 11 §1 in Chromium: hostile uploads are refused and the server keeps serving others.

A lead uploads each file of tests/security/hostile_files.py through the upload page
while a second browser context keeps loading the Overview. Before the extent checks
and the worker process, the first file aborted the Streamlit server: the second
context saw "Connection error" and the uploader never saw a refusal.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import IDLE_APP, expect_year_cards, screenshot
from tests.security.hostile_files import HOSTILE_UPLOADS

pytestmark = pytest.mark.browser

LEAD = "lead@demo.lc-monitor.local"
CARD = {"Gestart in 2022": "13 van 13"}
UPLOAD_MS = 120_000  # a fresh server's first runs, and each upload's reader process


# What each refusal says (nl), checked on the page; the messages' own test is elsewhere.
SAYS = {
    "too_many_columns": "heeft een gevulde cel in kolom",
    "too_many_cells": "cellen van A1 tot de laatste gevulde cel",
    "text_too_long": "bevat een tekst van meer dan 32767 tekens",
    "too_much_text": "MB tekst; het maximum is",
}


def load_overview(viewer: Page, app_url: str) -> None:
    viewer.goto(f"{app_url}/?demo={LEAD}")
    viewer.wait_for_selector(IDLE_APP, timeout=UPLOAD_MS)
    expect_year_cards(viewer.get_by_test_id("stMain"), CARD)
    expect(viewer.get_by_text("Connection error")).to_have_count(0)


def test_hostile_uploads_are_refused_while_the_overview_keeps_loading(
    page: Page, browser: Browser, app_url: str
):
    viewer = browser.new_context().new_page()
    load_overview(viewer, app_url)
    # Straight to the page with the demo user in the address (as ui.serve answers a deep
    # link): every run of this session, and any session the browser opens anew, is the lead.
    page.goto(f"{app_url}/uploaden?demo={LEAD}")
    page.wait_for_selector(IDLE_APP, timeout=UPLOAD_MS)
    main = page.get_by_test_id("stMain")
    expect(main.locator("input[type=file]")).to_have_count(1, timeout=UPLOAD_MS)
    for build, file_name, code in HOSTILE_UPLOADS.values():
        content = build()
        main.locator("input[type=file]").set_input_files(
            {"name": file_name, "mimeType": "application/octet-stream", "buffer": content}
        )
        load_overview(viewer, app_url)  # while the upload is being read
        page.wait_for_selector(IDLE_APP, timeout=UPLOAD_MS)
        refusal = main.get_by_test_id("stAlert").filter(has_text="Er is niets opgeslagen.")
        expect(refusal).to_contain_text(SAYS[code], timeout=UPLOAD_MS)
        expect(page.get_by_text("Connection error")).to_have_count(0)
    screenshot(page, "upload_hostile_refused")
    load_overview(viewer, app_url)
    viewer.context.close()
