"""A new programme from day one, in Chromium (demo mode): the admin creates it and names
its lead → the lead makes its first upload → the officer reviews the diff and the KPI
effect, confirms, and finds nothing preselected → Portfolio and its completeness grid
show the quarter approved.

Runs its own server (fresh sample database): the flow writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BROWSER_DATABASES, serve_on
from tests.browser.helpers import IDLE_APP, open_dropdown, screenshot, wait_for_app
from tests.browser.test_approval_flow_browser import choose_and_confirm, open_as, upload
from tests.browser.test_upload_flow_browser import download_template, fill_in
from tests.ui.test_access_pages import with_programme
from ui.safe_text import WORD_JOINER

pytestmark = pytest.mark.browser

ADMIN = "admin@demo.lc-monitor.local"
LEAD = "lead@demo.lc-monitor.local"
OFFICER = "officer@demo.lc-monitor.local"
NAME = "Kringloop Oost (fictief)"


@pytest.fixture(params=BROWSER_DATABASES)
def own_app_url(request, tmp_path, postgres_template) -> Iterator[str]:
    """A server of its own: the flow creates a programme and approves its quarter."""
    with serve_on(request.param, tmp_path, postgres_template) as url:
        yield url


def test_admin_creates_lead_uploads_officer_approves_portfolio_shows_it(
    page: Page,
    own_app_url: str,
):
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.goto(f"{own_app_url}/?demo={ADMIN}")  # the first run of a fresh server is slow
    page.wait_for_selector(IDLE_APP, timeout=120_000)
    main = open_as(page, own_app_url, "programmas", ADMIN)
    main.get_by_label("Naam", exact=True).fill(NAME)
    main.get_by_label("Eerste jaar", exact=True).fill("2024")
    # A programme of 2024 alone: the completeness grid then ends with 2024 whatever today's
    # date, and its last six quarters (in view) hold the new programme's 2024-Q1.
    main.get_by_label("Laatste jaar", exact=True).fill("2024")
    main.get_by_role("button", name="Opslaan").click()
    wait_for_app(page)
    expect(main.get_by_text(f"Programma {NAME} is aangemaakt.")).to_be_visible()
    wait_for_app(page)  # saving reruns the page once more (st.rerun)
    lead_form = main.get_by_test_id("stForm").last
    open_dropdown(page, lead_form.get_by_test_id("stSelectbox"))
    page.get_by_role("option", name=NAME).click()
    lead_form.get_by_label("E-mailadres van de trekker").fill(LEAD)
    lead_form.get_by_role("button", name="Trekker aanwijzen").click()
    wait_for_app(page)
    # The address is shown with an invisible word joiner inside (no link is made of it).
    joinable = f"{WORD_JOINER}?".join(re.escape(ch) for ch in f"{LEAD} is trekker van {NAME}")
    expect(main.get_by_text(re.compile(joinable))).to_be_visible()

    main = open_as(page, own_app_url, "uploaden", LEAD)
    content = with_programme(fill_in(download_template(page)), NAME)
    upload(main, content, "kringloop 2024-Q1.xlsx")
    main.get_by_role("button", name="Verwerken").click()
    wait_for_app(page)
    expect(main.get_by_text(f"{NAME}, 2024-Q1 is ingediend als import #7")).to_be_visible()

    main = open_as(page, own_app_url, "goedkeuren", OFFICER)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text("Goedkeuren (3)")).to_be_visible()
    open_dropdown(page, main.get_by_test_id("stSelectbox").first)
    page.get_by_role("option", name=re.compile("#7 · 2024-Q1")).click()
    wait_for_app(page)
    expect(main.get_by_text("Effect op de kerncijfers")).to_be_visible()
    expect(main.get_by_role("cell", name="Gestart 2024", exact=True)).to_be_visible()
    screenshot(page, "approval_review_1280")
    choose_and_confirm(main, "#7 · 2024-Q1")
    expect(main.get_by_text("Import #7 is goedgekeurd")).to_be_visible()
    # Nothing preselected: #4 and #6 still wait, but neither it nor an approve button shows.
    for waiting in ("#4", "#6"):
        expect(main.get_by_test_id("stSelectbox").first).not_to_contain_text(waiting)
    expect(main.get_by_role("button", name="Goedkeuren en vergrendelen")).to_have_count(0)
    expect(nav.get_by_text("Goedkeuren (2)")).to_be_visible()

    main = open_as(page, own_app_url, "", OFFICER)  # two programmes: officers land here
    expect(main.get_by_role("heading", name="Portfolio: alle programma's")).to_be_visible()
    # The grids draw on a canvas; their accessible (hidden) cells carry the text.
    cells = main.locator('td[role="gridcell"]')
    expect(cells.filter(has_text=re.compile(f"^{re.escape(NAME)}$"))).to_have_count(2)
    # Portfolio: its last quarter's status (the sample's 2023-Q4 and 2024-Q4 still wait).
    expect(cells.filter(has_text=re.compile("^Goedgekeurd$"))).to_have_count(1)
    # Completeness, 2023-Q3 to 2024-Q4 in view, as marks named in the legend under it:
    # approved are Rondje Circulair's 2024-Q2 and the new programme's 2024-Q1, the latter
    # late ("*"): it was uploaded today, long after its deadline.
    expect(cells.filter(has_text=re.compile("^✓$"))).to_have_count(1)
    expect(cells.filter(has_text=re.compile(r"^✓\*$"))).to_have_count(1)
    expect(main.get_by_text(re.compile("^✓ Goedgekeurd; "))).to_be_visible()
    screenshot(page, "portfolio_1280")
