"""The only place where Streamlit's caches wrap `data_access`.

Every cached function takes the database URL (and whether only approved imports
count, the sidebar's choice) as its first argument, so a page never shows figures
from another database (tests switch databases within one process) or mode.
Call `clear_caches()` after anything that writes: an import, an undo,
a target edit. The short TTL picks up imports made from the command line.
"""

from __future__ import annotations

import importlib
from datetime import date

import pandas as pd
import streamlit as st

from data_access import kpis
from data_access.completeness import completeness_rows
from data_access.config import database_url
from data_access.db import session_scope
from data_access.filters import CommunityFilter
from data_access.kpis import communities_vs_target as _communities_vs_target
from data_access.kpis import kpi_summary as _kpi_summary
from data_access.migrate import migrate
from data_access.portfolio import portfolio_rows
from data_access.queries import (
    list_education_partners,
    list_municipalities,
    list_programmes,
    list_sectors,
)
from data_access.slides import Deck, DeckRequest, build_deck
from data_access.state import reported_periods

TTL_SECONDS = 60
APPROVED_ONLY_KEY = "sidebar.approved_only"  # the sidebar toggle's widget key
Key = tuple[str, bool]  # (database URL, approved imports only)


def _key() -> Key:
    return database_url(), bool(st.session_state.get(APPROVED_ONLY_KEY, False))


def _session(key: Key):
    """A reading session counting approved imports only when the key says so."""
    return session_scope(approved_only=key[1])


@st.cache_resource(show_spinner=False)
def _migrated(url: str) -> bool:
    migrate()
    return True


def ensure_migrated() -> None:
    """Bring the schema up to date once per process and database."""
    _migrated(database_url())  # keyed on the URL alone


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _programmes(url: Key) -> list[tuple[int, str]]:
    with _session(url) as session:
        return [(p.id, p.name) for p in list_programmes(session)]


def programmes() -> list[tuple[int, str]]:
    """(id, name) of every programme, by name."""
    return _programmes(_key())


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _periods(url: Key, programme_id: int | None) -> list[str]:
    with _session(url) as session:
        return reported_periods(session, programme_id=programme_id)


def periods(programme_id: int | None) -> list[str]:
    """Periods with an active import for the programme, oldest first."""
    return _periods(_key(), programme_id)


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _vs_target(
    url: Key, programme_id: int | None, as_of: str | None, filters: CommunityFilter | None
) -> pd.DataFrame:
    with _session(url) as session:
        return _communities_vs_target(
            session, programme_id=programme_id, as_of=as_of, filters=filters
        )


def communities_vs_target(
    programme_id: int | None, as_of: str | None, filters: CommunityFilter | None = None
) -> pd.DataFrame:
    """Communities started per year against the target (see docs/figures.md)."""
    return _vs_target(_key(), programme_id, as_of, filters)


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _summary(
    url: Key, programme_id: int | None, as_of: str | None, filters: CommunityFilter | None
) -> dict:
    with _session(url) as session:
        return _kpi_summary(session, programme_id=programme_id, as_of=as_of, filters=filters)


def kpi_summary(
    programme_id: int | None, as_of: str | None, filters: CommunityFilter | None = None
) -> dict:
    """The headline figures of a programme as of a period."""
    return _summary(_key(), programme_id, as_of, filters)


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _choices(url: Key) -> dict[str, list[tuple]]:
    with _session(url) as session:
        return {
            "sectors": [(s.code, s.name_nl, s.name_en) for s in list_sectors(session)],
            "municipalities": [(m.cbs_code, m.name) for m in list_municipalities(session)],
            "partners": [(p.name,) for p in list_education_partners(session)],
        }


def sector_labels(lang: str) -> dict[str, str]:
    """Sector code → its name in `lang`, in display order."""
    return {code: nl if lang == "nl" else en for code, nl, en in _choices(_key())["sectors"]}


def municipality_names() -> dict[str, str]:
    """CBS code → municipality name, by name: the municipality filter's choices."""
    return dict(_choices(_key())["municipalities"])


def partner_names() -> list[str]:
    """Education partner names, sorted: the partner filter's choices."""
    return [name for (name,) in _choices(_key())["partners"]]


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _kpi(
    url: Key,
    name: str,
    programme_id: int | None,
    as_of: str | None,
    options: tuple[tuple[str, object], ...],
) -> object:
    """Any session-taking function of `data_access.kpis`, cached per call."""
    with _session(url) as session:
        function = getattr(kpis, name)
        return function(session, programme_id=programme_id, as_of=as_of, **dict(options))


def kpi(name: str, programme_id: int | None, as_of: str | None, **options: object) -> object:
    """`data_access.kpis.<name>(session, programme_id=…, as_of=…, **options)`, cached.

    Options must be hashable (a CommunityFilter, tuples, numbers, strings).
    """
    return _kpi(_key(), name, programme_id, as_of, tuple(sorted(options.items())))


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _call(url: Key, name: str, options: tuple[tuple[str, object], ...]) -> object:
    module_name, function_name = name.rsplit(".", 1)
    function = getattr(importlib.import_module(f"data_access.{module_name}"), function_name)
    with _session(url) as session:
        return function(session, **dict(options))


def call(name: str, **options: object) -> object:
    """`data_access.<module>.<function>(session, **options)`, cached; e.g.
    `call("kpis_staffing.staffing_gap", programme_id=1, as_of="2023-Q4")`.

    Only `kpis*` modules: these are read-only figure functions.
    """
    if not name.startswith("kpis"):
        raise ValueError(f"not a KPI function: {name}")
    return _call(_key(), name, tuple(sorted(options.items())))


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _deck(url: Key, request: DeckRequest) -> Deck:
    with _session(url) as session:
        return build_deck(session=session, request=request)


def deck(request: DeckRequest) -> Deck:
    """The symposium deck's slides for a programme, period, filters and language."""
    return _deck(_key(), request)


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _portfolio(url: Key) -> list[dict]:
    with _session(url) as session:
        return portfolio_rows(session)


def portfolio() -> list[dict]:
    """Every programme's headline figures as of its last reported quarter (Portfolio page)."""
    return _portfolio(_key())


@st.cache_data(show_spinner=False, ttl=TTL_SECONDS)
def _completeness(url: Key, today: date) -> list[dict]:
    with _session(url) as session:
        return completeness_rows(session, today=today)


def completeness(today: date) -> list[dict]:
    """Reporting completeness, programme × quarter, as of `today` (Portfolio page)."""
    return _completeness(_key(), today)


def clear_caches() -> None:
    """Forget cached data after a write, so every page shows the new state."""
    for cached in (_portfolio, _completeness):
        cached.clear()
    for cached in (_programmes, _periods, _vs_target, _summary, _choices, _kpi, _call, _deck):
        cached.clear()
