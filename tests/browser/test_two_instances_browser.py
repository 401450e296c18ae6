"""Two app instances on one PostgreSQL database (the deployment guide's set-up behind a
proxy), in Chromium: an import and an approval made elsewhere (here: the command line)
show on the other instance's Overview on its next rerun, not a cache lifetime later.

Each instance keeps its own caches; both key them on the data's version (issue 14).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page
from sqlmodel import Session

from data_access.core.db import make_engine
from data_access.imports.prefill import prefilled_template
from tests.browser.conftest import serve_app
from tests.browser.helpers import IDLE_APP, expect_year_cards
from tests.browser.test_upload_flow_browser import BEFORE, fill_in
from tests.conftest import PROJECT_ROOT, TEMPLATE_DB, cloned_postgres, skip_or_fail

pytestmark = pytest.mark.browser

FIRST_RUN_MS = 180_000  # two servers' first runs on two busy shared cores (30 s elsewhere)
LEAD = "lead@demo.lc-monitor.local"
OFFICER = "officer@demo.lc-monitor.local"


@pytest.fixture
def two_instances(tmp_path, postgres_template) -> Iterator[tuple[str, str, str]]:
    """(database URL, first instance's URL, second instance's URL) on one database."""
    if postgres_template is None:
        skip_or_fail("TEST_DATABASE_URL is not set")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        cloned_postgres(postgres_template, TEMPLATE_DB) as database_url,
        serve_app(tmp_path / "a", database_url) as first,
        serve_app(tmp_path / "b", database_url) as second,
    ):
        yield database_url, first, second


def cli(database_url: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "data_access", *args], cwd=PROJECT_ROOT, capture_output=True,
        text=True, env=os.environ | {"DATABASE_URL": database_url}, timeout=300, check=True,
    )  # fmt: skip
    return done.stdout


def next_quarter(database_url: str) -> bytes:
    """The lead's 2024-Q1 workbook: the upload page's prefilled template plus GE24-01."""
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            return fill_in(prefilled_template(session=session, programme_id=1, lang="nl"))
    finally:
        engine.dispose()


def overview(page: Page, url: str, query: str = ""):
    page.goto(f"{url}/{query}", timeout=FIRST_RUN_MS)
    page.wait_for_selector(IDLE_APP, timeout=FIRST_RUN_MS)
    return page.get_by_test_id("stMain")


def total_card(page: Page) -> str:
    card = page.get_by_test_id("stMetric").filter(has_text="Totaal (cumulatief)")
    return card.get_by_test_id("stMetricValue").inner_text()


def test_an_import_and_an_approval_elsewhere_show_on_the_other_instance(
    page: Page, two_instances, tmp_path: Path
):
    database_url, first, second = two_instances
    main = overview(page, second)  # the second instance caches today's figures
    expect_year_cards(main, BEFORE)
    approved_view = "?approved=1&period=2024-Q1"
    workbook = tmp_path / "2024-Q1.xlsx"
    workbook.write_bytes(next_quarter(database_url))
    imported = json.loads(cli(database_url, "import", str(workbook), "--as", LEAD, "--json"))
    assert imported["status"] == "applied"

    main = overview(page, second)  # the next rerun on the other instance
    expect_year_cards(
        main, {**BEFORE, "Gestart in 2024": "1 (geen doel)", "Totaal (cumulatief)": "24 van 23"}
    )
    # An approval: with "approved imports only", the Overview counts what officers approved.
    history = json.loads(cli(database_url, "history", "--json", "--as", OFFICER))
    sample_2023 = max(i["id"] for i in history if i["period"] == "2023-Q4")
    cli(database_url, "approve", str(sample_2023), "--as", OFFICER)
    overview(page, first, approved_view)  # the first instance caches these figures too
    before = int(total_card(page).split()[0])
    overview(page, second, approved_view)
    assert int(total_card(page).split()[0]) == before

    cli(database_url, "approve", str(imported["batch_id"]), "--as", OFFICER)
    for instance in (second, first):
        overview(page, instance, approved_view)
        assert int(total_card(page).split()[0]) == before + 1  # GE24-01, started in 2024
