"""How people get in: OpenID Connect sign-in, explicit demo mode, or nothing (fail closed).

Sign-in is configured by an `[auth]` section in `.streamlit/secrets.toml`. Demo mode
(pick any demo user, admin included) is only ever an explicit choice: the environment
variable LC_MONITOR_DEMO=1, which `make run` and the test fixtures set. A secrets file
that doesn't parse, an incomplete `[auth]` section, or neither sign-in nor demo mode
leaves the app closed with a message saying what is wrong: never a quiet fallback to
demo mode. Demo mode also stays closed on a non-local server address and behind a
reverse proxy (a proxy on the same host makes every visitor look local) unless
LC_MONITOR_FORCE_DEMO=1 says that anyone who reaches the app may pick any role.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

log = logging.getLogger(__name__)

DEMO_ENV = "LC_MONITOR_DEMO"
FORCE_DEMO_ENV = "LC_MONITOR_FORCE_DEMO"
PROVIDER = "microsoft"  # the [auth.microsoft] section; st.login("microsoft")
LOCAL_ADDRESSES = ("localhost", "127.0.0.1", "::1")
# Headers a reverse proxy adds: their presence means the visitor is not on this host.
PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-Ip", "X-Forwarded-Host")
REQUIRED_AUTH = ("redirect_uri", "cookie_secret")
REQUIRED_PROVIDER = ("client_id", "client_secret", "server_metadata_url")


@dataclass(frozen=True)
class AuthSetup:
    """`mode` is "oidc", "demo" or "closed"; a closed app shows `problem` (a locale key)."""

    mode: str
    problem: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    forced: bool = False  # demo mode on a non-local address or behind a proxy, by choice


def demo_requested() -> bool:
    return os.environ.get(DEMO_ENV) == "1" or demo_forced()


def demo_forced() -> bool:
    return os.environ.get(FORCE_DEMO_ENV) == "1"


def server_is_local() -> bool:
    """Streamlit's default address (unset) binds to all interfaces: not local."""
    return (st.get_option("server.address") or "") in LOCAL_ADDRESSES


def behind_proxy(headers: Mapping[str, str]) -> bool:
    """Whether this request came through a reverse proxy (header names are case-blind)."""
    names = {name.lower() for name in headers}
    return any(header.lower() in names for header in PROXY_HEADERS)


def auth_setup() -> AuthSetup:
    """Decide, on every run, how this request may get in (the files may change meanwhile)."""
    secrets = _read_secrets()
    if isinstance(secrets, AuthSetup):
        return secrets
    if "auth" in secrets:
        missing = missing_auth_settings(secrets["auth"])
        if missing:
            return AuthSetup("closed", "auth.config.incomplete", {"missing": ", ".join(missing)})
        return AuthSetup("oidc")
    if not demo_requested():
        return AuthSetup("closed", "auth.config.missing", {"env": DEMO_ENV})
    return _demo_setup()


def missing_auth_settings(section: object) -> list[str]:
    """The settings st.login needs that `[auth]` lacks, as `auth.name` / `auth.microsoft.name`."""
    section = section if isinstance(section, Mapping) else {}
    missing = [f"auth.{name}" for name in REQUIRED_AUTH if not section.get(name)]
    provider = section.get(PROVIDER)
    provider = provider if isinstance(provider, Mapping) else {}
    missing += [f"auth.{PROVIDER}.{name}" for name in REQUIRED_PROVIDER if not provider.get(name)]
    return missing


def _read_secrets() -> Mapping | AuthSetup:
    """Streamlit's own secrets (the files st.login reads); a file that is there but can't
    be read closes the app rather than counting as "no sign-in configured"."""
    try:
        return st.secrets.to_dict()
    except StreamlitSecretNotFoundError as error:
        present = [p for p in st.get_option("secrets.files") if Path(p).exists()]
        if not present:
            return {}
        log.error("secrets unreadable: %s", error)
        detail = {"path": ", ".join(present), "error": str(error)}
        return AuthSetup("closed", "auth.config.unreadable", detail)


def _demo_setup() -> AuthSetup:
    """Demo mode, unless this request may come from anyone (then only when forced)."""
    if demo_forced():
        exposed = not server_is_local() or behind_proxy(st.context.headers or {})
        return AuthSetup("demo", forced=exposed)
    if behind_proxy(st.context.headers or {}):
        return AuthSetup("closed", "auth.demo_behind_proxy", {"env": FORCE_DEMO_ENV})
    if not server_is_local():
        return AuthSetup("closed", "auth.demo_refused", {"env": FORCE_DEMO_ENV})
    return AuthSetup("demo")
