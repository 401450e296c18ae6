"""Cached figures key on the data's version (issue 14): a write anywhere is seen on the
next rerun, and a rerun with unchanged data recomputes nothing and reads the version once.

The writes go through the real data layer: in this process (as the pages do) and in
another process (`python -c`, as the command line or a second app instance would).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from sqlalchemy import event

from data_access.access.targets import set_target
from data_access.access.users import DEMO_USERS
from data_access.core.db import get_engine, session_scope
from tests.ui.test_overview import metrics
from ui import cache

OFFICER = next(email for email, role, _ in DEMO_USERS if role == "officer")
ROOT = Path(__file__).resolve().parents[2]
RAISE_2023_TARGET = (
    "from data_access.core.db import session_scope\n"
    "from data_access.access.targets import set_target\n"
    "with session_scope(write=True) as session:\n"
    f"    set_target(session, programme_id=1, year=2023, measure='communities_started',"
    f" value=12, actor={OFFICER!r})\n"
)


def _raise_2023_target_here() -> None:
    with session_scope(write=True) as session:
        set_target(session, programme_id=1, year=2023, measure="communities_started",
                   value=12, actor=OFFICER)  # fmt: skip


def _raise_2023_target_elsewhere(url: str) -> None:
    subprocess.run([sys.executable, "-c", RAISE_2023_TARGET], cwd=ROOT, check=True,
                   env=os.environ | {"DATABASE_URL": url}, timeout=120)  # fmt: skip


def test_a_write_in_this_process_shows_on_the_next_rerun(sample_database, app):
    at = app.run()
    assert metrics(at)["Gestart in 2023"] == "10 van 10"
    _raise_2023_target_here()
    at.run()
    assert metrics(at)["Gestart in 2023"] == "10 van 12"
    assert metrics(at)["Totaal (cumulatief)"] == "23 van 25"


def test_a_write_in_another_process_shows_on_the_next_rerun(sample_database, app):
    at = app.run()
    assert metrics(at)["Gestart in 2023"] == "10 van 10"
    _raise_2023_target_elsewhere(sample_database)
    at.run()
    assert metrics(at)["Gestart in 2023"] == "10 van 12"


def test_a_rerun_on_unchanged_data_recomputes_nothing_and_reads_the_version_once(
    sample_database, app
):
    at = app.run()
    at.run()  # any first-run-only reads are done
    before = cache.computations.copy()
    statements: list[str] = []
    event.listen(get_engine(), "before_cursor_execute", _collect(statements))
    at.run()
    assert not at.exception
    assert cache.computations == before  # no cached figure was computed again
    assert sum("dataversion" in s for s in statements) == 1
    _raise_2023_target_here()
    at.run()
    recomputed = cache.computations - before
    assert recomputed["ui.cache._vs_target"] == 1  # the changed figure, once


def _collect(statements: list[str]):
    def on_execute(_conn, _cursor, statement, _params, _context, _many) -> None:
        statements.append(statement)

    return on_execute


def test_a_rerun_on_unchanged_data_builds_no_chart_again_and_new_data_builds_it_anew(
    sample_database, app
):
    cache.clear_all()  # figures are shared across tests of this process: start empty
    at = app.run()
    at.run()
    before = cache.computations.copy()
    at.run()
    assert not at.exception
    rebuilt = cache.computations - before
    assert not [name for name in rebuilt if name.startswith("figure:")]
    _raise_2023_target_here()
    at.run()
    rebuilt = cache.computations - before
    assert rebuilt["figure:ui.charts.progress.build_communities_vs_target_figure"] == 1
    assert rebuilt["figure:ui.charts.cumulative.build_cumulative_progress_figure"] == 1


def test_a_chart_is_built_once_per_distinct_frame_and_anew_for_one_changed_value():
    """The figure key fingerprints frames by their pickled bytes (cheaper than Streamlit's
    hashing): a copy as a cached read returns it finds the built chart, one changed
    value or another language builds a new one."""
    cache.clear_all()
    built: list[str] = []

    def build(frame: pd.DataFrame, *, lang: str) -> go.Figure:
        built.append(lang)
        return go.Figure()

    frame = pd.DataFrame({"year": [2022, 2023], "sector": ["Energie", "Circulair"],
                          "communities": [13, 10], "share": [1.0, 0.5]})  # fmt: skip
    cache.figure(build, frame, lang="nl")
    cache.figure(build, pickle.loads(pickle.dumps(frame)), lang="nl")  # as st.cache_data returns
    assert built == ["nl"]
    changed = frame.copy()
    changed.loc[1, "communities"] = 11
    cache.figure(build, changed, lang="nl")
    renamed = frame.copy()
    renamed.loc[0, "sector"] = "Energietransitie"
    cache.figure(build, renamed, lang="nl")
    cache.figure(build, frame, lang="en")
    assert built == ["nl", "nl", "nl", "en"]
