"""Every registered page in Chromium: opens without an error, and a filtered view survives a
reload and opens the same from its link in a new browser. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.glance import DEMO_USER, URL_PATHS
from tests.browser.helpers import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_app_registers_the_dashboard_pages():
    assert {"overzicht", "leergemeenschappen", "kaart", "doelen"} <= set(URL_PATHS)


@pytest.mark.parametrize("url_path", URL_PATHS)
def test_every_page_opens_without_an_error_or_a_request_to_another_host(page, app_url, url_path):
    """No outside host either (fonts, icons, favicon, map): a province's closed network
    would refuse it, and it would tell a third party who looks at the dashboard."""
    own_host = urlparse(app_url).netloc
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith("http") and
            urlparse(r.url).netloc != own_host and outside.append(r.url))  # fmt: skip
    page.set_viewport_size({"width": 1400, "height": 1000})
    user = DEMO_USER.get(url_path, "viewer")
    page.goto(f"{app_url}/{url_path}?demo={user}@demo.lc-monitor.local")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(main.get_by_text("Er ging iets mis")).to_have_count(0)
    screenshot(page, f"page_{url_path}")
    page.wait_for_load_state("networkidle")
    assert outside == []


def _map_metric(page):
    return page.get_by_test_id("stMain").get_by_test_id("stMetricValue").first


def test_a_filtered_map_survives_a_reload_and_opens_the_same_from_its_link(page, app_url, browser):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    expect(_map_metric(page)).to_have_text("23")
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stMultiSelect").first.click()
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
