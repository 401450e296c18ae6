"""The only place where Streamlit's caches wrap `data_access`, keyed on the data's version.

Every cached function takes a `Key` first: the database URL (tests switch databases
within one process), whether only approved imports count (the sidebar's choice) and
the data's version (data_access/core/data_version.py), which every write moves in its own
transaction. `begin_run()` reads that version once per rerun with one primary-key
lookup, so a write from anywhere (this instance, another one behind the proxy, the
command line) shows on the next rerun, and unchanged data is never recomputed. There
is no time-based expiry; each cache keeps its `MAX_ENTRIES` most recent results, and
results for older versions simply age out.

A new cached figure is one typed line, e.g. `staffing_gap = cached(staffing.staffing_gap)`:
a function taking a session first becomes a function of its other arguments (which must
be hashable), with the same type hints. Pages call these by name, never by a string.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Concatenate, ParamSpec, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from sqlmodel import Session

from data_access.core import data_version
from data_access.core.config import database_url
from data_access.core.db import session_scope
from data_access.core.migrate import migrate
from data_access.core.queries import (
    list_education_partners,
    list_municipalities,
    list_programmes,
    list_sectors,
)
from data_access.core.state import reported_periods
from data_access.kpis import communities, compare, overview, staffing, targets
from data_access.kpis import figures as kpis
from data_access.kpis import map as kpi_map
from data_access.kpis.completeness import completeness_rows
from data_access.kpis.figures import communities_vs_target as _communities_vs_target
from data_access.kpis.figures import kpi_summary as _kpi_summary
from data_access.kpis.filters import CommunityFilter
from data_access.kpis.portfolio import portfolio_rows
from data_access.kpis.shared_frames import SHARE
from data_access.kpis.slides import Deck, DeckRequest, build_deck
from data_access.kpis.slides_portfolio import build_portfolio_deck

MAX_ENTRIES = 64  # results kept per cached function (old versions age out first)
MAX_FIGURES = 128  # built charts kept, shared read-only by every session
APPROVED_ONLY_KEY = "sidebar.approved_only"  # the sidebar toggle's widget key
VERSION_KEY = "cache.data_version"  # session state: (database URL, version) read this run
Key = tuple[str, bool, int]  # (database URL, approved imports only, data version)
P = ParamSpec("P")
R = TypeVar("R")

computations: Counter[str] = Counter()  # cache misses per function: what tests count
_versioned = functools.partial(st.cache_data, show_spinner=False, max_entries=MAX_ENTRIES)
_CACHES: list = []  # every cached function, for clear_all()


def begin_run() -> int:
    """Read the data's version for this rerun (app.py, once, before any page runs)."""
    url = database_url()
    with session_scope() as session:
        version = data_version.current(session)
    st.session_state[VERSION_KEY] = (url, version)
    return version


def clear_caches() -> None:
    """After a write in this run: read the version again, so the rest of the run (and
    every later one) shows the new state. Other sessions' cached results stay valid."""
    begin_run()


def _key() -> Key:
    url = database_url()
    seen = st.session_state.get(VERSION_KEY)
    version = seen[1] if seen and seen[0] == url else begin_run()
    return url, bool(st.session_state.get(APPROVED_ONLY_KEY, False)), version


@contextmanager
def _session(key: Key) -> Iterator[Session]:
    """A reading session counting approved imports only when the key says so, sharing
    as-of frames with the other figures of the same data (data_access.kpis.shared_frames)."""
    with session_scope(approved_only=key[1]) as session:
        session.info[SHARE] = True
        yield session


def _register(compute: Callable[..., R], name: str) -> Callable[..., R]:
    """`compute(key, …)` as a versioned Streamlit cache named `name`, counting misses."""

    @functools.wraps(compute)
    def counted(key: Key, *args, **kwargs):
        computations[name] += 1
        return compute(key, *args, **kwargs)

    # Streamlit names a cache by module and qualified name: one per wrapped function.
    counted.__qualname__ = f"cached[{name}]"
    stored = _versioned()(counted)
    _CACHES.append(stored)
    return stored


def cached(function: Callable[Concatenate[Session, P], R]) -> Callable[P, R]:
    """`function(session, *args, **kwargs)` cached per data version, sidebar mode and
    database; the result keeps `function`'s signature minus the session."""
    name = f"{function.__module__}.{function.__qualname__}"

    def compute(key: Key, *args, **kwargs):
        with _session(key) as session:
            return function(session, *args, **kwargs)

    stored = _register(compute, name)

    @functools.wraps(function)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        return stored(_key(), *args, **kwargs)

    return call


def _cache(function: Callable[..., R]) -> Callable[..., R]:
    """A decorator for this module's own key-taking functions (their name is the cache's)."""
    return _register(function, f"{__name__}.{function.__name__}")


@st.cache_resource(show_spinner=False)
def _migrated(url: str) -> bool:
    migrate()
    return True


def ensure_migrated() -> None:
    """Bring the schema up to date once per process and database."""
    _migrated(database_url())  # keyed on the URL alone


@_cache
def _programmes(url: Key) -> list[tuple[int, str]]:
    with _session(url) as session:
        return [(p.id, p.name) for p in list_programmes(session)]


def programmes() -> list[tuple[int, str]]:
    """(id, name) of every programme, by name."""
    return _programmes(_key())


@_cache
def _periods(url: Key, programme_id: int | None) -> list[str]:
    with _session(url) as session:
        return reported_periods(session, programme_id=programme_id)


def periods(programme_id: int | None) -> list[str]:
    """Periods with an active import for the programme, oldest first."""
    return _periods(_key(), programme_id)


@_cache
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


@_cache
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


@_cache
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


@_cache
def _deck(url: Key, request: DeckRequest) -> Deck:
    with _session(url) as session:
        return build_deck(session=session, request=request)


def deck(request: DeckRequest) -> Deck:
    """The symposium deck's slides for a programme, period, filters and language."""
    return _deck(_key(), request)


@_cache
def _portfolio_deck(url: Key, lang: str, title: str, closing: str) -> Deck | None:
    with _session(url) as session:
        return build_portfolio_deck(session=session, lang=lang, title=title, closing_remark=closing)


def portfolio_deck(*, lang: str, title: str, closing: str) -> Deck | None:
    """The symposium deck for every programme (None while nothing is reported)."""
    return _portfolio_deck(_key(), lang, title, closing)


portfolio = cached(portfolio_rows)  # every programme's headline figures (Portfolio page)
_completeness_rows = cached(completeness_rows)

# The figures the pages show, one typed line each: `cache.sector_split(programme_id=…,
# as_of=…, filters=…)` is `kpis.figures.sector_split(session, …)` cached.
sector_split = cached(kpis.sector_split)
sector_coverage = cached(kpis.sector_coverage)
success_factor_shares = cached(kpis.success_factor_shares)
midterm_checks = cached(kpis.midterm_checks)
duration_per_year = cached(kpis.duration_per_year)
facilitator_load = cached(kpis.facilitator_load)
funding_per_year = cached(kpis.funding_per_year)
year_outcome = cached(overview.year_outcome)
overview_cards = cached(overview.overview_cards)
community_table = cached(communities.community_table)
communities_per_municipality = cached(kpi_map.communities_per_municipality)
compare_periods = cached(compare.compare_periods)
funding_against_budget = cached(compare.funding_against_budget)
staffing_gap = cached(staffing.staffing_gap)
capacity_per_period = cached(staffing.capacity_per_period)
facilitator_cohorts = cached(staffing.facilitator_cohorts)
target_grid = cached(targets.target_grid)
target_changes = cached(targets.target_changes)


def _frame_fingerprint(frame: pd.DataFrame | pd.Series) -> bytes:
    """A frame's part of a figure's key: the digest of its pickled bytes. Streamlit's own
    frame hashing (`hash_pandas_object` column by column) took 2.3 ms for a 3-row frame,
    20 times this, for every chart on every rerun (py-spy: 13 % of the server's time
    under 20 sessions). Equal frames pickle alike; a frame that pickled differently
    would only build its figure once more."""
    pickled = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.md5(pickled, usedforsecurity=False).digest()


@st.cache_resource(
    show_spinner=False,
    max_entries=MAX_FIGURES,
    hash_funcs={pd.DataFrame: _frame_fingerprint, pd.Series: _frame_fingerprint},
)
def _built(name: str, _builder: Callable[..., go.Figure], args: tuple, kwargs: dict) -> go.Figure:
    computations[name] += 1
    return _builder(*args, **kwargs)


def figure(builder: Callable[P, go.Figure], *args: P.args, **kwargs: P.kwargs) -> go.Figure:
    """`builder(*args, **kwargs)`, built once per distinct input and then shared.

    Building a plotly figure (property validation, template copies) was the largest part
    of a warm rerun's server time, and its inputs (cached frames, language) rarely
    change between reruns. The key is the inputs themselves, so new data builds a new
    figure. The figure is shared by every session: callers only draw or export it.
    """
    name = f"figure:{builder.__module__}.{builder.__qualname__}"
    return _built(name, builder, args, kwargs)


def completeness(today: date) -> list[dict]:
    """Reporting completeness, programme × quarter, as of `today` (Portfolio page)."""
    return _completeness_rows(today=today)


def clear_all() -> None:
    """Empty every cache (benchmarks measuring cold runs; never needed for freshness)."""
    for stored in _CACHES:
        stored.clear()
    _built.clear()
