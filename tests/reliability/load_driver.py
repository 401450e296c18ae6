"""Many people at once in one Chromium: each a Playwright context that opens pages and
changes the sidebar's filters until time is up, timing every action.

A response time is from the action (a link opened, a filter changed) until the page
shows the action's effect (the address it leads to) with Streamlit idle again:
`stApp`'s `data-test-script-state` is `notRunning` and the page has its heading.
Each action names its own effect, because counting `running` → `notRunning`
transitions loses runs under load: a busy browser handles "run started" and "run
finished" in one render, and the attribute never changes.

Every decision is taken from the address (which the server writes), not from widgets
that may be half-drawn. A click after which the page sends the server nothing is a
lost click, not a slow run: the person reloads the page and does it again, and the
count of those is reported. An action the server was asked for and did not finish is
an error.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlparse

from playwright.async_api import Browser, Page, WebSocket, async_playwright

from tests.browser.conftest import CHROMIUM_ARGS
from tests.reliability.conftest import RESULTS_DIR

# The pages a viewer (demo mode's first user) sees; the default page lives at the root
# ("/overzicht" is not its address: Streamlit would show "Page not found").
DASHBOARD_PAGES = ["", "sectoren", "facilitatoren", "financiering", "vergelijken",
                   "leergemeenschappen", "kaart"]  # fmt: skip
PERIOD_LABEL = re.compile("Stand per kwartaal|As of quarter")
LANGUAGE_LABEL = re.compile("Taal|Language")
PERIODS = ["2022-Q2", "2022-Q4", "2023-Q2", "2023-Q4"]
SECTORS = ["energy_transition", "circularity", "logistics", "other"]
ACTION_TIMEOUT_MS = 90_000
DROPDOWN_TIMEOUT_MS = 15_000  # a list that didn't open is clicked again, and counted
REQUEST_SEEN_SECONDS = 20  # a click that sent the server nothing by then was lost
ATTEMPTS = 3  # a person tries an action this often (reloading in between) before giving up
RAMP_UP_SECONDS = 0.5  # people arrive over the first seconds, not all in one instant
THINK_SECONDS = (0.5, 2.0)  # a person looks at the result before the next click
SETTLED = """(effect) => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute("data-test-script-state") === "notRunning"
    && !!document.querySelector('[data-testid="stMain"] h1') && effect();
}"""
ERROR_SHOTS = RESULTS_DIR  # a screenshot of the page of each error
ERROR_SIGNS = ['[data-testid="stException"]', "text=Page not found", "text=Er ging iets mis",
               "text=Something went wrong"]  # fmt: skip

# An action does its clicks and returns the JavaScript test of its effect.
Action = Callable[[], Awaitable[str]]


class LostClick(Exception):
    """The page sent the server nothing after an action, every time it was tried."""


@dataclass
class LoadResult:
    """Every timed action (seconds, by kind), every error (kind, detail), the clicks and
    dropdowns that had to be done again, and a trace of every action."""

    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    lost_clicks: int = 0
    dropdown_retries: int = 0
    trace: list[list] = field(default_factory=list)
    began: float = field(default_factory=time.monotonic)

    def add(self, kind: str, seconds: float) -> None:
        self.timings.setdefault(kind, []).append(seconds)

    def now(self) -> float:
        return round(time.monotonic() - self.began, 2)


@dataclass
class Person:
    """One context's page, its random choices and the websocket messages it sent."""

    n: int
    page: Page
    rng: random.Random
    base_url: str
    result: LoadResult
    traffic: list[tuple[float, str, int]] = field(default_factory=list)

    def sent(self) -> int:
        return sum(1 for _, direction, _ in self.traffic if direction == "sent")

    def watch(self, socket: WebSocket) -> None:
        """Note each message to and from the server (an error's trace shows them)."""
        for event, direction in (("framesent", "sent"), ("framereceived", "received")):
            socket.on(event, lambda frame, d=direction: self.traffic.append(
                (self.result.now(), d, len(frame))))  # fmt: skip


def run_load(base_url: str, *, sessions: int, seconds: float, chromium: str) -> LoadResult:
    """Drive `sessions` contexts against `base_url` for `seconds` (blocks; own event loop)."""
    return asyncio.run(_run(base_url, sessions, seconds, chromium))


async def _run(base_url: str, sessions: int, seconds: float, chromium: str) -> LoadResult:
    result = LoadResult()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        deadline = time.monotonic() + seconds
        await asyncio.gather(
            *(_person(browser, base_url, deadline, n, result) for n in range(sessions))
        )
        await browser.close()
    return result


async def _person(browser: Browser, base_url: str, deadline: float, n: int, result) -> None:
    """One person: arrives `RAMP_UP_SECONDS` after the previous one, then keeps busy."""
    await asyncio.sleep(n * RAMP_UP_SECONDS)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    person = Person(n, await context.new_page(), random.Random(n), base_url, result)
    person.page.on("websocket", person.watch)
    actions: dict[str, Callable[[Person], Awaitable[str]]] = {
        "open": _open, "period": _period, "sector": _sector, "language": _language,
        "navigate": _navigate,
    }  # fmt: skip
    try:
        await _timed(person, "open", _open)
        while time.monotonic() < deadline:
            kind = person.rng.choice(list(actions))
            await _timed(person, kind, actions[kind])
            await asyncio.sleep(person.rng.uniform(*THINK_SECONDS))
    finally:
        await context.close()


async def _timed(person: Person, kind: str, action) -> None:
    """Do one action, wait until its effect shows on an idle app; note errors on the page."""
    page, result = person.page, person.result
    started, url_before, effect = time.monotonic(), page.url, "true"
    try:
        effect = await _attempt(person, kind, action)
        await page.wait_for_function(f"({SETTLED})(() => {effect})",
                                     timeout=ACTION_TIMEOUT_MS, polling=100)  # fmt: skip
    except Exception as error:  # a timeout, a lost click or a vanished element
        state = await _script_state(page)
        detail = f"{type(error).__name__}: {str(error).splitlines()[0]}"
        result.errors.append((kind, f"{detail} (script {state}, at {page.url}, for {effect})"))
        since = started - result.began - 1
        traffic = [frame for frame in person.traffic if frame[0] >= since]
        result.trace.append([person.n, round(since + 1, 1), kind, url_before, None, page.url,
                             traffic])  # fmt: skip
        await page.screenshot(path=ERROR_SHOTS / f"load-error-{len(result.errors)}.png")
        return
    seconds = time.monotonic() - started
    result.add(kind, seconds)
    result.trace.append([person.n, round(started - result.began, 1), kind, url_before,
                         round(seconds, 1), page.url])  # fmt: skip
    for sign in ERROR_SIGNS:
        if await page.locator(sign).count():
            result.errors.append((kind, f"{sign} on {page.url}"))


async def _attempt(person: Person, kind: str, action) -> str:
    """Do the action until the page asks the server for a run (a new page always does);
    after a lost click, reload the page as a person would and try again."""
    for _ in range(ATTEMPTS):
        sent = person.sent()
        effect = await action(person)
        if kind == "open" or await _request_sent(person, sent):
            return effect
        person.result.lost_clicks += 1
        await person.page.reload()
        await person.page.wait_for_function(f"({SETTLED})(() => true)", polling=100)
    raise LostClick(f"no request to the server after {ATTEMPTS} tries")


async def _request_sent(person: Person, sent_before: int) -> bool:
    waited = 0.0
    while waited < REQUEST_SEEN_SECONDS:
        if person.sent() > sent_before:
            return True
        await asyncio.sleep(0.25)
        waited += 0.25
    return False


async def _script_state(page: Page) -> str:
    """What the app says it is doing (tells a slow server from a lost click)."""
    try:
        app = page.locator('[data-testid="stApp"]')
        return f"{await app.get_attribute('data-test-script-state', timeout=5000)}"
    except Exception as error:
        return f"unknown: {type(error).__name__}"


def _params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _param_is(name: str, values: list[str]) -> str:
    """JavaScript: the address's parameter `name` has exactly these values now."""
    return (f"JSON.stringify(new URLSearchParams(location.search).getAll({json.dumps(name)}))"
            f" === {json.dumps(json.dumps(values, separators=(',', ':')))}")  # fmt: skip


def _param_is_not(name: str, values: list[str]) -> str:
    return f"!({_param_is(name, values)})"


async def _open(person: Person) -> str:
    """A shared link: a page with a period, a sector and a language in the URL."""
    rng = person.rng
    period = rng.choice(PERIODS)
    params = [("period", period), ("lang", rng.choice(["nl", "en"]))]
    params += [("sector", s) for s in rng.sample(SECTORS, rng.randint(0, 2))]
    path = rng.choice(DASHBOARD_PAGES)
    await person.page.goto(f"{person.base_url}/{path}?{urlencode(params)}")
    # The run after loading has written the period back and kept the page.
    return f"{_param_is('period', [period])} && {_path_is(path)}"


async def _open_dropdown(person: Person, box) -> None:
    """Click a select box until its list shows (a person clicks again too), counting
    the second clicks."""
    for attempt in range(3):
        await box.click()
        try:
            await person.page.get_by_role("option").first.wait_for(timeout=DROPDOWN_TIMEOUT_MS)
            return
        except Exception:
            if attempt == 2:
                raise
            person.result.dropdown_retries += 1


async def _period(person: Person) -> str:
    """Pick another quarter in the sidebar's period box (the URL says which is chosen)."""
    page = person.page
    current = _params(page).get("period", [])
    boxes = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")
    await _open_dropdown(person, boxes.filter(has_text=PERIOD_LABEL))
    await page.get_by_role("option").filter(has_not_text=(current or ["-"])[0]).first.click()
    return _param_is_not("period", current) + " && " + _param_is_not("period", [])


async def _sector(person: Person) -> str:
    """Add a sector to the filter, or take the last one off when one is chosen."""
    page = person.page
    before = _params(page).get("sector", [])
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first
    if before:
        await box.click()
        await page.keyboard.press("Backspace")
    else:
        await _open_dropdown(person, box)
        options = page.get_by_role("option")
        await options.nth(person.rng.randrange(await options.count())).click()
    await page.keyboard.press("Escape")
    return _param_is_not("sector", before)


async def _language(person: Person) -> str:
    """Switch between Dutch and English with the sidebar's radio (the URL says which)."""
    before = _params(person.page).get("lang", [])
    radio = person.page.get_by_test_id("stSidebar").get_by_test_id("stRadio")
    options = radio.filter(has_text=LANGUAGE_LABEL).get_by_test_id("stRadioOption")
    await options.nth(0 if before == ["en"] else 1).click()  # Nederlands, English
    return _param_is_not("lang", before)


async def _navigate(person: Person) -> str:
    """Another page through the sidebar's navigation (the session and filters stay)."""
    page = person.page
    here = _last_part(page.url)
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    shown = await links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")
    targets = [h for h in shown if _last_part(h) in DASHBOARD_PAGES and _last_part(h) != here]
    target = person.rng.choice(targets)
    await links.and_(page.locator(f'[href="{target}"]')).click()
    return _path_is(_last_part(target))


def _path_is(last_part: str) -> str:
    """JavaScript: the address's last path part is this page's (empty: the default page)."""
    return (
        f"(location.pathname.replace(/\\/+$/, '').split('/').pop() || '')"
        f" === {json.dumps(last_part)}"
    )


def _last_part(url: str) -> str:
    return urlparse(url).path.rstrip("/").rsplit("/", 1)[-1] if urlparse(url).path else ""


def summarise(result: LoadResult, *, sessions: int, seconds: float) -> dict:
    """p50/p95/max per action kind and overall, the counts, and the errors."""
    every = sorted(t for times in result.timings.values() for t in times)
    kinds = {kind: stats(sorted(times)) for kind, times in sorted(result.timings.items())}
    return {"sessions": sessions, "seconds": seconds, "overall": stats(every),
            "by_kind": kinds, "lost_clicks": result.lost_clicks,
            "dropdown_retries": result.dropdown_retries,
            "errors": [list(e) for e in result.errors]}  # fmt: skip


def stats(times: list[float]) -> dict:
    if not times:
        return {"count": 0}
    pick = lambda q: times[min(len(times) - 1, round(q * (len(times) - 1)))]  # noqa: E731
    return {"count": len(times), "p50": round(pick(0.5), 3), "p95": round(pick(0.95), 3),
            "max": round(times[-1], 3)}  # fmt: skip
