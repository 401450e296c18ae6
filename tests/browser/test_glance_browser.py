"""Nothing a person needs is cut off: every page at 1024 and 1280 px in Dutch and English,
no card, label, header, button or table wider than its box. Screenshots of what
overflowed go to test-artifacts/ (the offending elements outlined in red)."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import serve_app
from tests.browser.glance import overflowing, tour, visit
from tests.browser.helpers import screenshot

pytestmark = pytest.mark.browser

OUTLINE = "[data-overflow] { outline: 2px solid red !important; }"


@pytest.fixture(scope="module")
def sample_app(tmp_path_factory: pytest.TempPathFactory):
    """One server for the whole tour: text fits or not whatever the database."""
    with serve_app(tmp_path_factory.mktemp("glance")) as url:
        yield url


def test_no_text_is_cut_off_on_any_page_at_laptop_widths_in_either_language(page, sample_app):
    problems: dict[str, list[dict]] = {}
    for stop in tour():
        try:
            visit(page, sample_app, stop)
        except PlaywrightTimeout:
            screenshot(page, f"overflow_{stop.name}_not_loaded")
            problems[stop.name] = [{"text": "the page did not finish loading"}]
            continue
        found = overflowing(page)
        if found:
            page.add_style_tag(content=OUTLINE)
            screenshot(page, f"overflow_{stop.name}")
            problems[stop.name] = found
    assert problems == {}
