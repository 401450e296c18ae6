"""Many people at once in one Chromium: each a Playwright context that opens pages and
changes the sidebar's filters until time is up, timing every script run.

A response time is from the action (a link opened, a filter changed) until Streamlit
reports the run finished: `stApp`'s `data-test-script-state` turning `notRunning`,
seen by a MutationObserver the page installs before any of its own scripts run.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlparse

from playwright.async_api import Browser, Page, async_playwright

# The pages a viewer (demo mode's first user) sees; the default page lives at the root
# ("/overzicht" is not its address: Streamlit would show "Page not found").
DASHBOARD_PAGES = ["", "sectoren", "facilitatoren", "financiering", "vergelijken",
                   "leergemeenschappen", "kaart"]  # fmt: skip
PERIOD_LABEL = re.compile("Stand per kwartaal|As of quarter")
LANGUAGE_LABEL = re.compile("Taal|Language")
PERIODS = ["2022-Q2", "2022-Q4", "2023-Q2", "2023-Q4"]
SECTORS = ["energy_transition", "circularity", "logistics", "other"]
ACTION_TIMEOUT_MS = 90_000
RAMP_UP_SECONDS = 0.5  # people arrive over the first seconds, not all in one instant
THINK_SECONDS = (0.5, 2.0)  # a person looks at the result before the next click
IDLE_COUNTER = """
window.__lcIdleRuns = 0;
window.__lcDocument = Math.random();
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.getAttribute("data-test-script-state") === "notRunning") {
      window.__lcIdleRuns += 1;
    }
  }
}).observe(document, {attributes: true, subtree: true,
                      attributeFilter: ["data-test-script-state"]});
"""
ERROR_SIGNS = ['[data-testid="stException"]', "text=Page not found", "text=Er ging iets mis",
               "text=Something went wrong"]  # fmt: skip


@dataclass
class LoadResult:
    """Every timed action (seconds, by kind) and every error seen (kind, detail)."""

    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, kind: str, seconds: float) -> None:
        self.timings.setdefault(kind, []).append(seconds)


def run_load(base_url: str, *, sessions: int, seconds: float, chromium: str) -> LoadResult:
    """Drive `sessions` contexts against `base_url` for `seconds` (blocks; own event loop)."""
    return asyncio.run(_run(base_url, sessions, seconds, chromium))


async def _run(base_url: str, sessions: int, seconds: float, chromium: str) -> LoadResult:
    result = LoadResult()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        deadline = time.monotonic() + seconds
        await asyncio.gather(
            *(_person(browser, base_url, deadline, n, result) for n in range(sessions))
        )
        await browser.close()
    return result


async def _person(browser: Browser, base_url: str, deadline: float, n: int, result) -> None:
    """One person: arrives `RAMP_UP_SECONDS` after the previous one, then keeps busy."""
    rng = random.Random(n)
    await asyncio.sleep(n * RAMP_UP_SECONDS)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    await context.add_init_script(IDLE_COUNTER)
    page = await context.new_page()
    try:
        await _timed(page, result, "open", lambda: _open(page, base_url, rng))
        while time.monotonic() < deadline:
            kind = rng.choice(["open", "period", "sector", "language", "navigate"])
            action = {"open": lambda: _open(page, base_url, rng), "period": lambda: _period(page),
                      "sector": lambda: _sector(page, rng), "language": lambda: _language(page),
                      "navigate": lambda: _navigate(page, rng)}[kind]  # fmt: skip
            await _timed(page, result, kind, action)
            await asyncio.sleep(rng.uniform(*THINK_SECONDS))
    finally:
        await context.close()


async def _timed(page: Page, result: LoadResult, kind: str, action) -> None:
    """Run one action and wait for the script run it starts; note errors on the page."""
    started = time.monotonic()
    try:
        before = await page.evaluate("[window.__lcIdleRuns || 0, window.__lcDocument || 0]")
        opened = await action() or page.url
        # A run finished since the action, in this document or in a new one (a reload).
        await page.wait_for_function(
            f"window.__lcDocument !== {before[1]} ? window.__lcIdleRuns > 0"
            f" : window.__lcIdleRuns > {before[0]}",
            timeout=ACTION_TIMEOUT_MS, polling=50,
        )  # fmt: skip
        result.add(kind, time.monotonic() - started)
    except Exception as error:  # a timeout or a vanished element is a failure we report
        state = await _script_state(page)
        result.errors.append(
            (kind, f"{type(error).__name__}: {str(error).splitlines()[0]} (script {state})")
        )
        return
    for sign in ERROR_SIGNS:
        if await page.locator(sign).count():
            result.errors.append((kind, f"{sign} on {page.url} (opened {opened})"))


async def _script_state(page: Page) -> str:
    """What the app says it is doing (tells a slow server from a lost click)."""
    try:
        app = page.locator('[data-testid="stApp"]')
        return f"{await app.get_attribute('data-test-script-state', timeout=5000)}"
    except Exception as error:
        return f"unknown: {type(error).__name__}"


async def _open(page: Page, base_url: str, rng: random.Random) -> str:
    """A shared link: a page with a period, a sector and a language in the URL."""
    params = [("period", rng.choice(PERIODS)), ("lang", rng.choice(["nl", "en"]))]
    params += [("sector", s) for s in rng.sample(SECTORS, rng.randint(0, 2))]
    url = f"{base_url}/{rng.choice(DASHBOARD_PAGES)}?{urlencode(params)}"
    await page.goto(url)
    return url


async def _period(page: Page) -> None:
    """Pick another quarter in the sidebar's period box (the URL says which is chosen)."""
    current = parse_qs(urlparse(page.url).query).get("period", [""])[0]
    boxes = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
    await boxes.filter(has_text=PERIOD_LABEL).click()
    options = page.get_by_role("option")
    await options.first.wait_for()
    await options.filter(has_not_text=current or "-").first.click()


async def _sector(page: Page, rng: random.Random) -> None:
    """Add a sector to the filter, or take the last one off when one is chosen."""
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    await box.click()
    if "sector=" in page.url:
        await page.keyboard.press("Backspace")
    else:
        options = page.get_by_role("option")
        await options.first.wait_for()
        await options.nth(rng.randrange(await options.count())).click()
    await page.keyboard.press("Escape")


async def _language(page: Page) -> None:
    """Switch between Dutch and English with the sidebar's radio."""
    radio = page.get_by_test_id("stSidebar").get_by_test_id("stRadio")
    options = radio.filter(has_text=LANGUAGE_LABEL).get_by_test_id("stRadioOption")
    checked = await options.locator("input").evaluate_all("ins => ins.findIndex(i => i.checked)")
    await options.nth(1 if checked == 0 else 0).click()


async def _navigate(page: Page, rng: random.Random) -> None:
    """Another page through the sidebar's navigation (the session and filters stay)."""
    here = _last_part(page.url)
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    shown = await links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")
    targets = [h for h in shown if _last_part(h) in DASHBOARD_PAGES and _last_part(h) != here]
    await links.and_(page.locator(f'[href="{rng.choice(targets)}"]')).click()


def _last_part(url: str) -> str:
    return urlparse(url).path.rstrip("/").rsplit("/", 1)[-1] if urlparse(url).path else ""


def summarise(result: LoadResult, *, sessions: int, seconds: float) -> dict:
    """p50/p95/max per action kind and overall, the counts, and the errors."""
    every = sorted(t for times in result.timings.values() for t in times)
    kinds = {kind: _stats(sorted(times)) for kind, times in sorted(result.timings.items())}
    return {"sessions": sessions, "seconds": seconds, "overall": _stats(every),
            "by_kind": kinds, "errors": [list(e) for e in result.errors]}  # fmt: skip


def _stats(times: list[float]) -> dict:
    if not times:
        return {"count": 0}
    pick = lambda q: times[min(len(times) - 1, round(q * (len(times) - 1)))]  # noqa: E731
    return {"count": len(times), "p50": round(pick(0.5), 3), "p95": round(pick(0.95), 3),
            "max": round(times[-1], 3)}  # fmt: skip
