"""Steps every browser test takes: wait for Streamlit to settle, keep a screenshot."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
IDLE_APP = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished the script run an action started."""
    page.wait_for_selector(IDLE_APP, timeout=30_000)


def open_dropdown(page, box, *, attempts: int = 3) -> None:
    """Click a select box until its list shows, as a person clicks again: on a machine
    busy with other tests a click can land while the widget is still being drawn."""
    for attempt in range(attempts):
        box.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=10_000)
            return
        except PlaywrightTimeoutError:
            if attempt == attempts - 1:
                raise


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under the git-ignored test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def expect_year_cards(main, values_by_label: dict[str, str]) -> None:
    """The Overview card with each label (e.g. "Gestart in 2022") shows its value."""
    from playwright.sync_api import expect

    for label, value in values_by_label.items():
        card = main.get_by_test_id("stMetric").filter(
            has=main.page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
        )
        expect(card.get_by_test_id("stMetricValue")).to_have_text(value)
