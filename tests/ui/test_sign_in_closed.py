"""Sign-in fails closed (issue 11, section 3), in AppTest: demo mode only when chosen, a
broken or incomplete configuration closes the app with a message in both languages,
and nobody sees a programme, period or partner name before signing in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config
from streamlit.runtime.secrets import secrets_singleton
from streamlit.testing.v1 import AppTest

from ui.auth_config import DEMO_ENV, FORCE_DEMO_ENV

APP_FILE = Path(__file__).resolve().parents[2] / "app.py"
ADMIN = "admin@demo.lc-monitor.local"
COMPLETE_AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-long-random-test-secret-of-enough-length",
    "microsoft": {
        "client_id": "lc-monitor",
        "client_secret": "secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    },
}


@pytest.fixture
def closed_app(sample_database, monkeypatch, tmp_path) -> Iterator[AppTest]:
    """The app with neither demo setting, reading secrets only from `tmp_path/secrets.toml`
    (absent unless a test writes it), opened with `?demo=` for the admin."""
    for name in (DEMO_ENV, FORCE_DEMO_ENV):
        monkeypatch.delenv(name, raising=False)
    original = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(tmp_path / "secrets.toml")])
    secrets_singleton._reset()
    at = AppTest.from_file(str(APP_FILE), default_timeout=30)
    at.query_params["demo"] = ADMIN
    yield at
    config.set_option("secrets.files", original)
    secrets_singleton._reset()


def shown_closed(at: AppTest) -> list[str]:
    """The page's error messages, after checking that nothing else was drawn."""
    assert not at.exception
    assert "nav.registered" not in at.session_state  # no navigation, no page ran
    assert not at.sidebar.selectbox and not at.sidebar.multiselect
    return [error.value for error in at.error]


def test_without_sign_in_or_demo_setting_the_app_is_closed_and_says_why(closed_app):
    errors = shown_closed(closed_app.run())
    assert errors == [
        "LC Monitor is gesloten: er is geen aanmelding ingesteld. Zet een sectie [auth] in "
        ".streamlit/secrets.toml, of start bewust in demomodus met LC_MONITOR_DEMO=1 "
        "(zoals make run doet).",
        "LC Monitor is closed: no sign-in is configured. Add an [auth] section to "
        ".streamlit/secrets.toml, or choose demo mode with LC_MONITOR_DEMO=1 (as make run does).",
    ]


def test_a_secrets_file_that_does_not_parse_closes_the_app_even_with_demo_chosen(
    closed_app, tmp_path, monkeypatch
):
    monkeypatch.setenv(DEMO_ENV, "1")
    (tmp_path / "secrets.toml").write_text('[auth\nredirect_uri = "x"\n', encoding="utf-8")
    errors = shown_closed(closed_app.run())
    assert [e.split(" (")[0] for e in errors] == [
        "LC Monitor is gesloten: het bestand met de aanmeldgegevens",
        "LC Monitor is closed: the file with the sign-in settings",
    ]
    assert all(str(tmp_path / "secrets.toml") in error for error in errors)


def test_an_incomplete_auth_section_names_what_is_missing(closed_app, monkeypatch):
    monkeypatch.setenv(DEMO_ENV, "1")
    closed_app.secrets["auth"] = {"redirect_uri": COMPLETE_AUTH["redirect_uri"]}
    errors = shown_closed(closed_app.run())
    missing = ("auth.cookie_secret, auth.microsoft.client_id, auth.microsoft.client_secret, "
               "auth.microsoft.server_metadata_url")  # fmt: skip
    assert [e.split("Ontbreekt: ")[-1].split("Missing: ")[-1].split(". ")[0] for e in errors] == [
        missing,
        missing,
    ]


def test_before_sign_in_the_sidebar_shows_no_programme_period_or_partner(closed_app):
    closed_app.secrets["auth"] = COMPLETE_AUTH
    closed_app.user["is_logged_in"] = False
    at = closed_app.run()
    assert not at.exception
    assert at.session_state["nav.registered"] == ["aanmelden"]
    assert not at.sidebar.selectbox and not at.sidebar.multiselect
    assert [b.label for b in at.sidebar.button] == ["Aanmelden met Microsoft"]
    assert [r.label for r in at.sidebar.radio] == ["Taal"]  # the language, nothing more
    assert at.info[0].value.startswith("Meld je aan met je account van de provincie")
