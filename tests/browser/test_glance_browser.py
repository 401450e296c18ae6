"""Nothing a person needs is cut off: every page at 1024 and 1280 px in Dutch and English,
no card, label, header, button or table wider than its box, and at 1024 px no table on
the review, targets, users, audit, communities and portfolio pages (the portfolio table
and the reporting-completeness grid) hiding columns sideways. Screenshots of what
overflowed go to test-artifacts/ (the offending elements outlined in red)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import serve_app
from tests.browser.glance import (
    LANGUAGES,
    LOAD_MS,
    WIDTHS,
    overflowing,
    tables_wider_than_the_page,
    tour,
    visit,
)
from tests.browser.helpers import screenshot

pytestmark = pytest.mark.browser

OUTLINE = "[data-overflow] { outline: 2px solid red !important; }"


@pytest.fixture(scope="module")
def sample_app(tmp_path_factory: pytest.TempPathFactory):
    """One server for the whole tour: text fits or not whatever the database."""
    with serve_app(tmp_path_factory.mktemp("glance")) as url:
        yield url


# One test per width and language: the four tours run side by side on CI's two workers.
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_opens_without_an_error_or_an_outside_request_and_cuts_no_text(
    page, sample_app, lang, width
):
    """No outside host either (fonts, icons, favicon, map): a province's closed network
    would refuse it, and it would tell a third party who looks at the dashboard."""
    own_host = urlparse(sample_app).netloc
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith("http") and
            urlparse(r.url).netloc != own_host and outside.append(r.url))  # fmt: skip
    problems: dict[str, list[dict]] = {}
    for stop in tour(widths=(width,), languages=(lang,)):
        try:
            visit(page, sample_app, stop)
        except PlaywrightTimeout:
            screenshot(page, f"overflow_{stop.name}_not_loaded")
            problems[stop.name] = [{"text": "the page did not finish loading"}]
            continue
        found = errors_shown(page) + overflowing(page) + tables_wider_than_the_page(page, stop)
        if found:
            page.add_style_tag(content=OUTLINE)
            screenshot(page, f"overflow_{stop.name}")
            problems[stop.name] = found
    page.wait_for_load_state("networkidle")
    assert outside == []
    assert problems == {}


def errors_shown(page) -> list[dict]:
    """An exception box, or the app's own "something went wrong" message."""
    main = page.get_by_test_id("stMain")
    shown = page.get_by_test_id("stException").count()
    shown += main.get_by_text(re.compile("Er ging iets mis|Something went wrong")).count()
    return [{"text": "the page shows an error"}] if shown else []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", "Je hebt geen toegang tot deze pagina. Deze pagina is voor: Programmaleider."),
     ("en", "You have no access to this page. This page is for: Programme lead.")],
)  # fmt: skip
def test_a_viewer_opening_the_upload_address_is_told_which_role_opens_it(
    page, sample_app, lang, expected
):
    page.goto(f"{sample_app}/uploaden?lang={lang}&demo=viewer@demo.lc-monitor.local")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_test_id("stAlert")).to_contain_text(expected, timeout=LOAD_MS)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).not_to_contain_text("Uploaden")
