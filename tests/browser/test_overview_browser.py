"""Open the Overview in Chromium, read the figures, switch to English."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import expect_year_cards, screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_overview_shows_the_yearly_figures_and_switches_to_english(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_url)
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Overzicht leergemeenschappen")).to_be_visible()
    expect_year_cards(main, {"Gestart in 2022": "13 van 13", "Gestart in 2023": "10 van 10",
                             "Totaal (cumulatief)": "23 van 23"})  # fmt: skip
    expect(main.locator(".js-plotly-plot")).to_have_count(2)  # yearly and cumulative
    screenshot(page, "overview_nl")

    page.get_by_test_id("stSidebar").get_by_text("English").click()
    wait_for_app(page)
    expect(main.get_by_role("heading", name="Learning communities overview")).to_be_visible()
    expect_year_cards(main, {"Started in 2022": "13 of 13", "Started in 2023": "10 of 10",
                             "Total (cumulative)": "23 of 23"})  # fmt: skip
    expect(page).to_have_url(re.compile(r"[?&]lang=en\b"))
    screenshot(page, "overview_en")
