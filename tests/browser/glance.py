"""Every page at a laptop's widths in both languages: the tour `make screenshots` and the
overflow test take, and the check for text that does not fit its box.

One server and one browser serve the whole tour; each stop is one page load.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tests.browser.helpers import IDLE_APP, open_dropdown
from tests.conftest import PROJECT_ROOT

WIDTHS = (1024, 1280)
HEIGHT = 800
LOAD_MS = 120_000
LANGUAGES = ("nl", "en")
# "aanmelden" is only registered for someone without a role: not reachable with sample data.
URL_PATHS = [
    path
    for path in re.findall(
        r'":material/\w+:",\s*"([a-z-]+)"\)', (PROJECT_ROOT / "app.py").read_text()
    )
    if path != "aanmelden"
]
# Protected pages are registered only for some roles: open each as a demo user who sees it.
DEMO_USER = {"uploaden": "lead", "geschiedenis": "lead", "goedkeuren": "officer",
             "doelen": "officer", "logboek": "officer", "gebruikers": "admin"}  # fmt: skip


@dataclass(frozen=True)
class Stop:
    url_path: str
    width: int
    lang: str

    @property
    def name(self) -> str:
        return f"{self.url_path}_{self.width}_{self.lang}"

    def url(self, base: str) -> str:
        user = DEMO_USER.get(self.url_path, "viewer")
        return f"{base}/{self.url_path}?lang={self.lang}&demo={user}@demo.lc-monitor.local"


TALL_SCRIPT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return Math.ceil(main.scrollHeight + main.getBoundingClientRect().top);
}"""


def tour(
    widths: tuple[int, ...] = WIDTHS, languages: tuple[str, ...] = LANGUAGES
) -> Iterator[Stop]:
    for url_path in URL_PATHS:
        for width in widths:
            for lang in languages:
                yield Stop(url_path, width, lang)


def _open_first_review(page) -> None:
    """Goedkeuren: choose the waiting import, so its review tables are on the page too."""
    open_dropdown(page, page.get_by_test_id("stMain").get_by_test_id("stSelectbox").first)
    page.get_by_role("option").first.click()
    page.get_by_test_id("stMain").get_by_test_id("stTable").first.wait_for(timeout=LOAD_MS)
    page.wait_for_selector(IDLE_APP, timeout=LOAD_MS)


# What a person does on arriving, before the page is looked at.
FIRST_STEP = {"goedkeuren": _open_first_review}


def visit(page, base: str, stop: Stop) -> None:
    """Open one stop, wait until the page and its charts are drawn, then make the
    window as tall as the page: Streamlit scrolls inside its own main element, so a
    full-page screenshot would otherwise show only the first screen."""
    page.set_viewport_size({"width": stop.width, "height": HEIGHT})
    page.goto(stop.url(base))
    # Generous waits: a first visit imports plotly, and the machine may be busy.
    page.get_by_test_id("stMain").get_by_role("heading").first.wait_for(timeout=LOAD_MS)
    page.wait_for_selector(IDLE_APP, timeout=LOAD_MS)
    if stop.url_path in FIRST_STEP:
        FIRST_STEP[stop.url_path](page)
    height = page.evaluate(TALL_SCRIPT)
    page.set_viewport_size({"width": stop.width, "height": max(HEIGHT, height)})
    page.wait_for_timeout(300)  # fonts and plotly settle after the resize


# Text a person reads in cards, labels, headers and buttons; chart internals (plotly's
# SVG, its mode bar, a chart's PNG/SVG buttons) are left out. Tables draw on a canvas:
# AppTest checks which of their columns come first instead. An element overflows when
# its content is wider than its box (cut off or spilling out), or shows an ellipsis.
OVERFLOW_SCRIPT = """
() => {
  const selector = [
    '[data-testid="stMetric"] *', '[data-testid="stWidgetLabel"] *',
    '[data-testid="stMain"] h1', '[data-testid="stMain"] h2', '[data-testid="stMain"] h3',
    '[data-testid="stMain"] button', '[data-testid="stMain"] button *',
    '[data-testid="stMain"] [role="tab"]',
    '[data-testid="stTable"] th',
  ].join(',');
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest('.js-plotly-plot, .modebar, [data-testid="stSidebar"]')) continue;
    // A chart's PNG/SVG buttons belong with the chart (keys "<chart>.png"/".svg").
    if (el.closest('[class*="st-key-"]')?.className.match(/st-key-\\S+-(png|svg)\\b/)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || el.clientWidth === 0) continue;
    const style = getComputedStyle(el);
    const cut = el.scrollWidth > el.clientWidth + 1;
    const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth;
    if (cut || ellipsis) {
      const text = (el.innerText || el.getAttribute('aria-label') || el.className || '');
      found.push({text: text.trim().slice(0, 80), tag: el.tagName,
                  testid: el.closest('[data-testid]')?.dataset.testid || '',
                  scroll: el.scrollWidth, client: el.clientWidth});
      el.setAttribute('data-overflow', '1');
    }
  }
  return found;
}
"""


def overflowing(page) -> list[dict]:
    """The text elements on the page whose content does not fit their box."""
    return page.evaluate(OVERFLOW_SCRIPT)


# Pages whose tables show every column a person needs without scrolling sideways at
# 1024 px (their columns are chosen, ordered and labelled to fit). Exempt: the
# Communities list, wide by nature, whose identifying and status columns come first
# (AppTest checks the order).
WHOLE_TABLE_PAGES = (
    "doelen",
    "goedkeuren",
    "gebruikers",
    "logboek",
    "leergemeenschappen",
    "portefeuille",
)
WIDE_TABLE_KEYS = ("communities-list",)
NARROWEST = min(WIDTHS)

# A data grid (drawn on a canvas) scrolls sideways when its columns are wider than its
# box; a plain table when it is wider than its container.
WIDE_TABLES_SCRIPT = """
(exempt) => {
  const found = [];
  const main = document.querySelector('[data-testid="stMain"]');
  const tables = '[data-testid="stDataFrame"], [data-testid="stTable"]';
  for (const grid of main.querySelectorAll(tables)) {
    const keyed = grid.closest('[class*="st-key-"]');
    if (keyed && exempt.some(key => keyed.classList.contains('st-key-' + key))) continue;
    const scroller = grid.querySelector('.dvn-scroller');
    const table = grid.querySelector('table');
    const [wide, box] = scroller ? [scroller.scrollWidth, scroller.clientWidth]
                                 : [table.getBoundingClientRect().width, grid.clientWidth];
    if (wide > box + 1) {
      const heads = [...grid.querySelectorAll('[role="columnheader"], th')];
      found.push({columns: heads.map(h => h.innerText.trim()).join(' | ').slice(0, 160),
                  wide: Math.round(wide), box: Math.round(box)});
      grid.setAttribute('data-overflow', '1');
    }
  }
  return found;
}
"""


def tables_wider_than_the_page(page, stop: Stop) -> list[dict]:
    """At 1024 px on the pages above: the tables some of whose columns are off-screen."""
    if stop.width != NARROWEST or stop.url_path not in WHOLE_TABLE_PAGES:
        return []
    return page.evaluate(WIDE_TABLES_SCRIPT, list(WIDE_TABLE_KEYS))
