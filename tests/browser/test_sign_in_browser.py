"""Real sign-in (issue 11, section 3), in Chromium: st.login through a local OpenID Connect
provider (oidc-provider-mock), with demo mode off. A person with a role sees their pages;
an unknown address sees only the sign-in page until an admin grants a role in the
database; sign-out works. Demo mode refuses a request that came through a proxy.

The provider's Authorize form takes a subject; an unknown subject gets the claims
{"email": subject}, so the subject is the e-mail address the app looks up.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BROWSER_DATABASES, _free_port, serve_app, serve_on
from tests.browser.helpers import IDLE_APP, screenshot
from tests.conftest import PROJECT_ROOT, TEMPLATE_DB, cloned_postgres, skip_or_fail
from ui.safe_text import WORD_JOINER

pytestmark = pytest.mark.browser

LEAD = "lead@demo.lc-monitor.local"  # seeded with the sample data: lead of GasErop!
SYSTEM = "sample-data@lc-monitor.local"  # the seeded admin that grants a role below
STRANGER = "nieuw@overijssel.nl"
COLD_START_MS = 120_000  # a server's first run imports pandas and plotly; CI machines are busy
SECRETS = """[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "a-long-random-cookie-secret-for-the-sign-in-test"

[auth.microsoft]
client_id = "lc-monitor"
client_secret = "lc-monitor-secret"
server_metadata_url = "{issuer}/.well-known/openid-configuration"
"""


def as_shown(text: str) -> re.Pattern[str]:
    """`text` as the page shows it: addresses carry an invisible word joiner (no link)."""
    return re.compile(f"{WORD_JOINER}?".join(re.escape(ch) for ch in text))


@pytest.fixture(scope="module")
def identity_provider(tmp_path_factory) -> Iterator[str]:
    """`python -m oidc_provider_mock` on a free local port; yields its issuer URL."""
    port = _free_port()
    log = (tmp_path_factory.mktemp("oidc") / "oidc.log").open("w")
    provider = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    issuer = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{issuer}/.well-known/openid-configuration", provider)
        yield issuer
    finally:
        provider.terminate()
        provider.wait(timeout=10)
        log.close()


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds}s")


@contextmanager
def _database(database: str, folder: Path, postgres_template: str | None) -> Iterator[str]:
    if database == "sqlite":
        yield f"sqlite:///{folder / 'app.sqlite3'}"
        return
    if postgres_template is None:
        skip_or_fail("TEST_DATABASE_URL is not set")
    with cloned_postgres(postgres_template, TEMPLATE_DB) as url:
        yield url


@pytest.fixture(scope="module", params=BROWSER_DATABASES)
def signed_app(request, tmp_path_factory, identity_provider, postgres_template):
    """(app URL, database URL): the app with sign-in through the provider, no demo mode."""
    folder = tmp_path_factory.mktemp("signin")
    secrets = folder / "secrets.toml"
    secrets.write_text(SECRETS.format(issuer=identity_provider), encoding="utf-8")
    args = ("--secrets.files", str(secrets))
    with (
        _database(request.param, folder, postgres_template) as database_url,
        serve_app(folder, database_url, extra_args=args, demo=False) as url,
    ):
        yield url, database_url


def open_app(page: Page, url: str) -> None:
    """Open a page and wait for its first run, which may be a server's cold start."""
    page.goto(url)
    page.wait_for_selector(IDLE_APP, timeout=COLD_START_MS)


def sign_in_as(page: Page, url: str, email: str):
    """From the sign-in page through the provider's form, back into the app."""
    open_app(page, url)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("button", name="Aanmelden met Microsoft").click()
    page.locator("input[name=sub]").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{url}/**")
    page.wait_for_selector(IDLE_APP, timeout=COLD_START_MS)
    return sidebar


def nav_links(page: Page) -> list[str]:
    """The page names in the sidebar's navigation (each link's text ends with its name)."""
    links = page.get_by_test_id("stSidebarNav").get_by_role("link").all_inner_texts()
    return [text.split("\n")[-1] for text in links]


def test_a_lead_signs_in_sees_their_pages_and_signs_out(page: Page, signed_app):
    url, _ = signed_app
    sidebar = sign_in_as(page, url, LEAD)
    expect(sidebar).to_contain_text(as_shown(f"Aangemeld als {LEAD}"))
    links = nav_links(page)
    assert "Uploaden" in links and "Geschiedenis" in links and "Overzicht" in links
    assert "Goedkeuren" not in links and "Gebruikers" not in links
    screenshot(page, "sign-in-lead")
    sidebar.get_by_role("button", name="Afmelden").click()
    end_session = page.get_by_role("button", name="End session")
    end_session.wait_for()  # the provider ends its session too, then sends us back
    end_session.click()
    open_app(page, url)
    expect(sidebar.get_by_role("button", name="Aanmelden met Microsoft")).to_be_visible()
    expect(page.get_by_test_id("stMain").get_by_role("heading", name="Aanmelden")).to_be_visible()


def test_an_unknown_address_sees_only_the_sign_in_page_until_given_a_role(page: Page, signed_app):
    url, database_url = signed_app
    sidebar = sign_in_as(page, url, STRANGER)
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text(as_shown(STRANGER))  # "... has no role yet"
    assert nav_links(page) == []  # one page only: Streamlit shows no navigation
    assert sidebar.get_by_test_id("stSelectbox").count() == 0  # no programmes, no periods
    screenshot(page, "sign-in-unknown")
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run([sys.executable, "-m", "data_access", "users", "add", STRANGER,
                    "--role", "viewer", "--as", SYSTEM],
                   env=env, cwd=PROJECT_ROOT, check=True, capture_output=True)  # fmt: skip
    page.reload()
    page.wait_for_selector(IDLE_APP, timeout=COLD_START_MS)
    links = nav_links(page)
    assert "Overzicht" in links and "Uploaden" not in links  # the role the database gave


@pytest.fixture(scope="module", params=BROWSER_DATABASES)
def demo_app_url(request, tmp_path_factory, postgres_template) -> Iterator[str]:
    with serve_on(request.param, tmp_path_factory.mktemp("demo"), postgres_template) as url:
        yield url


def test_demo_mode_refuses_a_request_through_a_reverse_proxy(browser, demo_app_url):
    context = browser.new_context(extra_http_headers={"X-Forwarded-For": "203.0.113.7"})
    page = context.new_page()
    open_app(page, f"{demo_app_url}/?demo=admin@demo.lc-monitor.local")
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("LC Monitor start niet in demomodus achter een reverse proxy")
    expect(main).to_contain_text("LC Monitor doesn't run in demo mode behind a reverse proxy")
    assert page.get_by_test_id("stSidebarNav").count() == 0
    assert page.get_by_test_id("stSelectbox").count() == 0
    context.close()
