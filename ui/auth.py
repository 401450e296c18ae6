"""Who is using the app: OIDC sign-in, explicit demo mode, or a closed app; and page access.

With a complete `[auth]` section in `.streamlit/secrets.toml` people sign in with
`st.login` (Microsoft Entra ID, see README) and their roles come from the database
by e-mail. Demo mode (LC_MONITOR_DEMO=1, as `make run` sets) shows a selector of the
demo users and a banner on every page. Anything else (a broken or incomplete
configuration, or none) closes the app with a message: see ui.auth_config. Pages are
registered per role in app.py and check again with `require_page`; the data
functions check a third time (data_access.access.permissions).
"""

from __future__ import annotations

import streamlit as st

from data_access.access.permissions import Actor, load_actor
from data_access.access.users import DEMO_USERS
from data_access.core.db import session_scope
from data_access.core.i18n import LANGUAGES, translate
from ui.auth_config import DEMO_ENV, PROVIDER, AuthSetup, auth_setup
from ui.i18n import t, t_markdown

DEMO_USER_KEY = "auth.demo_user"
# A copy outside the widget's state: Streamlit drops a widget's value after a run that
# did not draw it, and the session would then fall back to the first demo user.
DEMO_USER_KEPT = "auth.demo_user.kept"
DEMO_USER_PARAM = "demo"  # demo mode only: ?demo=EMAIL opens the app as that demo user
ACTOR_KEY = "auth.actor"
SETUP_KEY = "auth.setup"
# Protected page → the roles that see it (registered in app.py only for them).
PAGE_ROLES: dict[str, tuple[str, ...]] = {
    "upload": ("lead",),
    "history": ("lead", "officer"),
    "approvals": ("officer",),
    "targets": ("officer",),
    "audit": ("officer", "admin"),
    "users": ("admin",),
    "programmes": ("officer", "admin"),
    "portfolio": ("viewer", "lead", "officer", "admin"),
}


def auth_configured() -> bool:
    """Whether people sign in through the identity provider in this run (not demo mode)."""
    setup = st.session_state.get(SETUP_KEY)
    return setup is not None and setup.mode == "oidc"


def sign_in() -> Actor | None:
    """Resolve the person using the app, drawing the sign-in or demo controls; may stop.

    A closed app (see ui.auth_config) says what is wrong and stops before anything else,
    the sidebar's programmes and periods included."""
    setup = auth_setup()
    st.session_state[SETUP_KEY] = setup
    if setup.mode == "closed":
        st.session_state[ACTOR_KEY] = None
        _render_closed(setup)
        st.stop()
    actor = _oidc_actor() if setup.mode == "oidc" else _demo_actor()
    st.session_state[ACTOR_KEY] = actor
    return actor


def current_actor() -> Actor | None:
    """The actor `sign_in` resolved in this run (None: not signed in)."""
    return st.session_state.get(ACTOR_KEY)


def render_banner() -> None:
    """In the sidebar of every page: demo mode says so; forced demo mode warns."""
    setup = st.session_state.get(SETUP_KEY)
    if setup is None or setup.mode != "demo":
        return
    st.sidebar.markdown(f":orange-badge[:material/science: {t('auth.demo_badge')}] "
                        + t("auth.demo_banner", env=DEMO_ENV))  # fmt: skip
    if setup.forced:
        st.sidebar.warning(t("auth.demo_forced_warning"), icon=":material/warning:")


def _render_closed(setup: AuthSetup) -> None:
    """What is wrong, in every language: there is no language switch on a closed app."""
    st.title(t("app.title"))
    for lang in LANGUAGES:
        st.error(translate(setup.problem, lang, **setup.params), icon=":material/lock:")


def may_see(actor: Actor | None, page: str) -> bool:
    """Whether `page` is registered for this actor (dashboards: anyone with a role)."""
    if actor is None or not actor.roles:
        return False
    return bool(actor.roles & set(PAGE_ROLES.get(page, actor.roles)))


def require_page(page: str) -> Actor:
    """At the top of a protected page: stop with "not allowed" unless the actor may see it."""
    actor = current_actor()
    if not may_see(actor, page):
        st.error(t("error.permission.page"), icon=":material/block:")
        st.stop()
    return actor


def refusal_page(page: st.Page, name: str) -> st.Page:
    """A hidden stand-in for a protected page this actor may not open: its address
    answers "no access, the X role opens it" instead of Streamlit's English "Page not
    found". The real page's file is never run for them."""

    def refuse() -> None:
        st.title(page.title)
        roles = ", ".join(t(f"role.{role}") for role in PAGE_ROLES[name])
        st.error(t("error.permission.page_roles", roles=roles), icon=":material/block:")

    return st.Page(refuse, title=page.title, url_path=page.url_path, visibility="hidden")


def _oidc_actor() -> Actor | None:
    with st.sidebar:
        if not st.user.is_logged_in:
            st.button(t("auth.sign_in"), on_click=st.login, args=(PROVIDER,), key="auth.in")
            return None
        st.caption(t_markdown("auth.signed_in_as", email=st.user.email))
        st.button(t("auth.sign_out"), on_click=st.logout, key="auth.out")
    return _load(str(st.user.email))


def _demo_actor() -> Actor:
    emails = [email for email, _, _ in DEMO_USERS]
    if DEMO_USER_KEY not in st.session_state:  # a fresh session may start from the link
        kept = st.session_state.get(DEMO_USER_KEPT)
        st.session_state[DEMO_USER_KEY] = kept or st.query_params.get(DEMO_USER_PARAM)
    if st.session_state.get(DEMO_USER_KEY) not in emails:
        st.session_state[DEMO_USER_KEY] = emails[0]
    with st.sidebar:
        # Plain e-mails as labels: a label that changed with the language would
        # make Streamlit treat the selector as a new widget.
        email = st.selectbox(t("auth.demo_user"), options=emails, key=DEMO_USER_KEY)
    st.session_state[DEMO_USER_KEPT] = email
    # In the address too: a session the browser opens anew (a reload, a reconnect after
    # the network dropped) comes back as the same demo user, not the first one.
    if st.query_params.get(DEMO_USER_PARAM) != email:
        st.query_params[DEMO_USER_PARAM] = email
    actor = _load(email)
    if actor.roles:
        return actor
    # A database without the demo users (no sample data yet): the declared role shows
    # the pages; every write is still checked against the database, and refused.
    return Actor(email=actor.email, roles=frozenset({_role_of(email)}))


def _role_of(email: str) -> str:
    return next(role for e, role, _ in DEMO_USERS if e == email)


def _load(email: str) -> Actor:
    """Roles are read fresh each run: a role an admin removes stops counting at once."""
    with session_scope() as session:
        return load_actor(session, email)
