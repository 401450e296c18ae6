"""The pages in Chromium: the app registers them, and a filtered view survives a reload and
opens the same from its link in a new browser. (That every page opens without an error or
an outside request is checked on the glance tour, test_glance_browser.py, at both widths
in both languages.) Screenshots go to test-artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.glance import URL_PATHS
from tests.browser.helpers import open_dropdown, screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_app_registers_the_dashboard_pages():
    assert {"overzicht", "leergemeenschappen", "kaart", "doelen"} <= set(URL_PATHS)


def _map_metric(page):
    return page.get_by_test_id("stMain").get_by_test_id("stMetricValue").first


def test_a_filtered_map_survives_a_reload_and_opens_the_same_from_its_link(page, app_url, browser):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    expect(_map_metric(page)).to_have_text("23")
    sidebar = page.get_by_test_id("stSidebar")
    open_dropdown(page, sidebar.get_by_test_id("stMultiSelect").first)
    page.get_by_role("option", name="Circulariteit").click()
    page.keyboard.press("Escape")
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"[?&]sector=circularity\b"))
    expect(_map_metric(page)).to_have_text("4")
    link = page.url

    page.reload()
    wait_for_app(page)
    expect(_map_metric(page)).to_have_text("4")
    expect(sidebar.get_by_test_id("stMultiSelect").first).to_contain_text("Circulariteit")
    screenshot(page, "map_filtered_reloaded")

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    other = fresh.new_page()
    other.goto(link)
    wait_for_app(other)
    expect(_map_metric(other)).to_have_text("4")
    expect(other.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first).to_contain_text(
        "Circulariteit"
    )
    fresh.close()
