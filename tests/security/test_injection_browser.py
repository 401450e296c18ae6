"""Every page in Chromium with a programme whose every value tries to inject markup.

The injected workbook (tests/security/injected.py) is imported next to the sample data
(a later upload rejected with such a comment, the first approved so its lock shows),
then each page is opened on that programme, on SQLite and on PostgreSQL. The test fails
on any request to another host and on any element the values made: an element whose
whole text is one of the markers, anything pointing at evil.example, or rendered math.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from data_access.access.permissions import SYSTEM_ACTOR
from tests.browser.conftest import BROWSER_DATABASES, serve_on
from tests.browser.glance import DEMO_USER, URL_PATHS
from tests.browser.helpers import IDLE_APP, screenshot
from tests.conftest import PROJECT_ROOT
from tests.security.injected import EVIL_HOST, MARKERS, PROGRAMME, injected_workbook
from ui.safe_text import WORD_JOINER

pytestmark = pytest.mark.browser

FILE_NAME = "kwartaal <i>injem [injlink](http:{host}).xlsx"  # no "/" in a file name
COMMENT = f"Afgewezen: ![injimg](http://{EVIL_HOST}/r.png) =1+1 <b>injhtml</b>"
# Elements the values must not have made; run in the page.
FIND_INJECTED = """([markers, host]) => {
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const shown = (el.textContent || '').trim();
    if (markers.includes(shown)) found.push(`${el.tagName}: ${shown}`);
    for (const name of ['src', 'href', 'xlink:href', 'srcset', 'style', 'action', 'data']) {
      const value = el.getAttribute(name);
      if (value && value.includes(host)) found.push(`${el.tagName}[${name}=${value}]`);
    }
  }
  for (const el of document.querySelectorAll('.katex, math')) found.push(el.tagName);
  return found;
}"""


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "data_access", *args], env=env, check=True,
                          cwd=PROJECT_ROOT, capture_output=True, text=True)  # fmt: skip
    return done.stdout


def _import_injected(folder: Path):
    """A `prepare` step: import Q4 and approve it, import Q3 and reject it."""

    def prepare(env: dict[str, str]) -> None:
        for period, review in (("2023-Q4", "approve"), ("2023-Q3", "reject")):
            path = folder / f"{period} {FILE_NAME.format(host=EVIL_HOST)}"
            path.write_bytes(injected_workbook(period))
            output = _cli(env, "import", str(path), "--as", SYSTEM_ACTOR, "--json")
            batch = str(json.loads(output)["batch_id"])
            _cli(env, review, batch, "--as", SYSTEM_ACTOR, "--comment", COMMENT)
            if review == "approve":  # the first upload made the programme: lead it now
                _cli(env, "users", "add", SYSTEM_ACTOR, "--role", "lead", "--programme",
                     PROGRAMME, "--as", SYSTEM_ACTOR)  # fmt: skip

    return prepare


# On both databases, as issue 11 asks of every finding that involves one: the values go
# through PostgreSQL's text types and back (the other browser tests run on SQLite only).
@pytest.fixture(scope="module", params=[*BROWSER_DATABASES, "postgresql"])
def injected_app(request, tmp_path_factory, postgres_template) -> Iterator[tuple[str, int]]:
    """The app's URL and the injected programme's id."""
    folder = tmp_path_factory.mktemp("injected")
    prepare = _import_injected(folder)
    urls: dict[str, str] = {}

    def remember(env: dict[str, str]) -> None:
        prepare(env)
        urls["database"] = env["DATABASE_URL"]

    with serve_on(request.param, folder, postgres_template, prepare=remember) as url:
        engine = create_engine(urls["database"])
        with engine.connect() as connection:
            query = text("SELECT id FROM programme WHERE name = :name")
            programme_id = connection.execute(query, {"name": PROGRAMME}).scalar_one()
        engine.dispose()
        yield url, programme_id


@pytest.mark.parametrize("url_path", URL_PATHS)
def test_injected_values_make_no_element_and_fetch_no_other_host(page, injected_app, url_path):
    app_url, programme_id = injected_app
    own_host = urlparse(app_url).netloc
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith("http") and
            urlparse(r.url).netloc != own_host and outside.append(r.url))  # fmt: skip
    page.set_viewport_size({"width": 1280, "height": 1000})
    user = DEMO_USER.get(url_path, "viewer")
    page.goto(f"{app_url}/{url_path}?demo={user}@demo.lc-monitor.local"
              f"&programme={programme_id}&period=2023-Q4")  # fmt: skip
    # A page's first run on a loaded machine may take longer than wait_for_app allows.
    page.wait_for_selector(IDLE_APP, timeout=120_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    if url_path in ("overzicht", "leergemeenschappen"):  # shown, as text
        assert PROGRAMME in page.get_by_test_id("stMain").inner_text().replace(WORD_JOINER, "")
    screenshot(page, f"injected_{url_path}")
    assert page.evaluate(FIND_INJECTED, [list(MARKERS), EVIL_HOST]) == []
    assert outside == []
