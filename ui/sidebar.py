"""The shared sidebar: language, programme, period and community filters, in the URL.

The filters live in widget state (so they survive page switches) and in
`st.query_params` (so a copied link reproduces the view). On a fresh session
the URL seeds the widgets; afterwards the widgets write the URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from data_access.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from data_access.kpis.filters import CommunityFilter
from ui import cache
from ui.i18n import LANGUAGE_KEY, LANGUAGE_PARAM, current_language, t

PROGRAMME_KEY = "sidebar.programme"
PERIOD_KEY = "sidebar.period"
FILTERS_KEY = "sidebar.filters"
PROGRAMME_PARAM = "programme"
PERIOD_PARAM = "period"
# Multi-choice filters: widget key and URL parameter (repeated, one value each).
SECTORS_KEY, SECTOR_PARAM = "sidebar.sectors", "sector"
MUNICIPALITIES_KEY, MUNICIPALITY_PARAM = "sidebar.municipalities", "municipality"
PARTNERS_KEY, PARTNER_PARAM = "sidebar.partners", "partner"
APPROVED_PARAM = "approved"  # "1": approved imports only (key: cache.APPROVED_ONLY_KEY)
# URL parameters that belong to one page (by its url_path), each with the widget key
# it seeds. Once the page has read one into its widget, other pages drop it from the
# URL, so a link copied there says only what that page shows.
PAGE_PARAMS = {
    "vergelijken": {"a": "compare.a", "b": "compare.b"},
    "leergemeenschappen": {"q": "communities.search", "status": "communities.statuses"},
}


@dataclass(frozen=True)
class Filters:
    """What the user chose in the sidebar; None where there is nothing to choose."""

    programme_id: int | None = None
    programme_name: str | None = None
    period: str | None = None
    community: CommunityFilter = field(default_factory=CommunityFilter)
    approved_only: bool = False


def render_sidebar() -> Filters:
    """Draw the selectors, sync them with the URL, and remember the choice for pages."""
    with st.sidebar:
        _language_switch()
        approved_only = _approved_toggle()  # before any read: the cache keys on it
        names = dict(cache.programmes())
        programme_id = _programme_selector(names)
        periods = cache.periods(programme_id) if programme_id is not None else []
        period = _period_selector(periods)
        community = _community_filters()
    filters = Filters(programme_id, names.get(programme_id), period, community, approved_only)
    _write_url(filters)
    st.session_state[FILTERS_KEY] = filters
    return filters


def render_language_only() -> None:
    """The sidebar before sign-in: the language, and no programme, period or partner names."""
    with st.sidebar:
        _language_switch()


def current_filters() -> Filters:
    """The filters the sidebar chose in this run (empty before it ran)."""
    return st.session_state.get(FILTERS_KEY) or Filters()


def _language_switch() -> str:
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = current_language()
    st.radio(
        t("sidebar.language"),
        options=list(LANGUAGES),
        format_func=lambda code: t(f"language.{code}"),
        horizontal=True,
        key=LANGUAGE_KEY,
    )
    return current_language()


def _approved_toggle() -> bool:
    """Approved figures only, or submitted ones too (the default); the caption says which."""
    if cache.APPROVED_ONLY_KEY not in st.session_state:
        st.session_state[cache.APPROVED_ONLY_KEY] = st.query_params.get(APPROVED_PARAM) == "1"
    approved = st.toggle(
        t("sidebar.approved_only"), key=cache.APPROVED_ONLY_KEY, help=t("sidebar.approved_help")
    )
    st.caption(t("sidebar.showing_approved" if approved else "sidebar.showing_submitted"))
    return approved


def _programme_selector(names: dict[int, str]) -> int | None:
    if not names:
        return None
    options = list(names)
    from_url = st.query_params.get(PROGRAMME_PARAM)
    replaced = _seed(PROGRAMME_KEY, _int_or_none(from_url), options, given=from_url)
    chosen = st.selectbox(
        t("sidebar.programme"), options=options, format_func=names.__getitem__, key=PROGRAMME_KEY
    )
    if replaced:
        _say_replaced("programme", from_url, names[chosen])
    return chosen


def _period_selector(periods: list[str]) -> str | None:
    if not periods:
        return None
    options = list(reversed(periods))  # newest first: the usual question is "where are we now"
    from_url = st.query_params.get(PERIOD_PARAM)
    replaced = _seed(PERIOD_KEY, from_url, options, given=from_url)
    chosen = st.selectbox(
        t("sidebar.period"),
        options=options,
        help=t("sidebar.period_help"),
        key=PERIOD_KEY,
    )
    if replaced:
        _say_replaced("period", from_url, chosen)
    return chosen


def _community_filters() -> CommunityFilter:
    """Sector, municipality and partner: empty means all (kpis are filtered in data_access)."""
    lang = current_language()
    sectors = _multi_selector(SECTORS_KEY, SECTOR_PARAM, cache.sector_labels(lang), "sectors")
    municipalities = _multi_selector(
        MUNICIPALITIES_KEY, MUNICIPALITY_PARAM, cache.municipality_names(), "municipalities"
    )
    partners = {name: name for name in cache.partner_names()}
    chosen_partners = _multi_selector(PARTNERS_KEY, PARTNER_PARAM, partners, "partners")
    return CommunityFilter(tuple(sectors), tuple(municipalities), tuple(chosen_partners))


def _multi_selector(key: str, param: str, labels: dict[str, str], name: str) -> list[str]:
    if not labels:
        return []
    if key not in st.session_state:  # a fresh session starts from the URL
        st.session_state[key] = [v for v in st.query_params.get_all(param) if v in labels]
    st.session_state[key] = [v for v in st.session_state[key] if v in labels]
    return st.multiselect(
        t(f"sidebar.{name}"),
        options=list(labels),
        format_func=labels.__getitem__,
        placeholder=t("sidebar.all"),
        help=t(f"sidebar.{name}_help"),
        key=key,
    )


def _seed(key: str, from_url: object, options: list, *, given: str | None = None) -> bool:
    """Start from the URL on a fresh session; fall back to the first option if stale.
    True when a link's value (`given`) was not on offer and so was replaced."""
    fresh = key not in st.session_state
    if fresh and from_url in options:
        st.session_state[key] = from_url
    if st.session_state.get(key) not in options:
        st.session_state[key] = options[0]
    return fresh and given is not None and from_url not in options


def _say_replaced(name: str, given: str, shown: str) -> None:
    """A link asked for what does not exist: say so rather than quietly show another."""
    st.warning(t(f"sidebar.replaced.{name}", given=given, shown=shown), icon=":material/link_off:")


def _write_url(filters: Filters) -> None:
    wanted = {
        LANGUAGE_PARAM: current_language(),
        PROGRAMME_PARAM: None if filters.programme_id is None else str(filters.programme_id),
        PERIOD_PARAM: filters.period,
    }
    wanted[APPROVED_PARAM] = "1" if filters.approved_only else None
    if wanted[LANGUAGE_PARAM] == DEFAULT_LANGUAGE:
        wanted[LANGUAGE_PARAM] = None  # the default needs no parameter
    community = filters.community
    wanted[SECTOR_PARAM] = list(community.sectors) or None
    wanted[MUNICIPALITY_PARAM] = list(community.municipalities) or None
    wanted[PARTNER_PARAM] = list(community.education_partners) or None
    for name, value in wanted.items():
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        elif isinstance(value, list):
            if st.query_params.get_all(name) != value:
                st.query_params[name] = value
        elif st.query_params.get(name) != value:
            st.query_params[name] = value


def drop_other_pages_params(url_path: str) -> None:
    """Take the parameters other pages have already read out of the URL."""
    for owner, params in PAGE_PARAMS.items():
        if owner == url_path:
            continue
        for name, key in params.items():
            if name in st.query_params and key in st.session_state:
                del st.query_params[name]


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
