"""What a submitted import changes against the last *approved* state: the officer's review.

The upload preview compares a file with everything counted so far (submitted
imports included). An officer approving an import needs another comparison: the
figures as approved now against the figures if this one import were approved too.
Both sides are the as-of state of the import's period (`state.PLUS_BATCH`), so the
counts, the field changes and the headline figures all come from one definition.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlmodel import Session

from data_access.access.history import list_imports
from data_access.core import state
from data_access.core.models import ImportBatch
from data_access.imports.diff import ENTITY_SHEETS, KEY_FIELDS, json_safe, state_rows
from data_access.imports.plan import keys_in_batch
from data_access.imports.result import ENTITIES, empty_counts
from data_access.kpis.summary import kpi_summary

# Headline figures whose effect the review shows, and how each is written (docs/figures.md).
EFFECT_MEASURES = {
    "started_this_year": "count",
    "completed_this_year": "count",
    "cumulative_started": "count",
    "participants": "count",
    "facilitators_certified": "count",
    "granted_this_year": "euro",
    "spent_this_year": "euro",
}
STATE_READERS = {
    "communities": state.communities_as_of,
    "facilitators": state.facilitators_as_of,
    "funding": state.funding_as_of,
}


@dataclass
class ImportReview:
    """One import against the last approved state of its programme and period."""

    batch: dict
    counts: dict[str, dict[str, int]] = field(default_factory=empty_counts)
    changes: list[dict] = field(default_factory=list)
    effect: list[dict] = field(default_factory=list)


def count_pending(session: Session) -> int:
    """How many active imports wait for an officer (the navigation's "Goedkeuren (2)")."""
    query = select(func.count()).where(
        ImportBatch.status == "active", ImportBatch.review_status == "submitted"
    )
    return int(session.execute(query).scalar_one())


def review_import(session: Session, *, batch_id: int) -> ImportReview | None:
    """The review of import `batch_id` (None when there is no such import)."""
    batch = next((row for row in list_imports(session) if row["id"] == batch_id), None)
    if batch is None:
        return None
    scope = {"programme_id": batch["programme_id"], "as_of": batch["period"]}
    with _counting(session, plus_batch=None):
        before = {e: state_rows(STATE_READERS[e](session, **scope), e) for e in ENTITIES}
        summary_before = kpi_summary(session, **scope)
    with _counting(session, plus_batch=batch_id):
        after = {e: state_rows(STATE_READERS[e](session, **scope), e) for e in ENTITIES}
        summary_after = kpi_summary(session, **scope)
    review = ImportReview(batch=batch)
    reported = keys_in_batch(session, batch_id)
    for entity in ENTITIES:
        counts, changes = _compare(entity, before[entity], after[entity], set(reported[entity]))
        review.counts[entity] = counts
        review.changes.extend(changes)
    review.effect = headline_effect(summary_before, summary_after)
    return review


def headline_effect(before: dict, after: dict) -> list[dict]:
    """Each headline figure before and after, for the year of the period."""
    return [
        {
            "measure": measure,
            "kind": kind,
            "year": after["year"],
            "before": _value(before, measure),
            "after": _value(after, measure),
        }
        for measure, kind in EFFECT_MEASURES.items()
    ]


def _value(summary: dict, measure: str) -> float:
    value = summary[measure]
    return value["total"] if isinstance(value, dict) else value


def _compare(
    entity: str, before: dict, after: dict, reported: set
) -> tuple[dict[str, int], list[dict]]:
    """New / updated / unchanged among what the import reports; the rest 'not reported'."""
    counts = {"new": 0, "updated": 0, "unchanged": 0, "not_reported": 0}
    changes = []
    columns = ENTITY_SHEETS[entity].columns
    for key in sorted(reported, key=str):
        new_row, old_row = after.get(key), before.get(key)
        if new_row is None:
            continue
        if old_row is None:
            counts["new"] += 1
            continue
        changed = [
            {"sheet": entity, "key": _display(entity, new_row), "field": c.key,
             "old": json_safe(old_row.get(c.key)), "new": json_safe(new_row.get(c.key))}
            for c in columns
            if old_row.get(c.key) != new_row.get(c.key)
        ]  # fmt: skip
        counts["updated" if changed else "unchanged"] += 1
        changes.extend(changed)
    counts["not_reported"] = sum(1 for key in before if key not in reported)
    return counts, changes


def _display(entity: str, row: dict) -> str:
    return "-Q".join(str(row[k]) for k in KEY_FIELDS[entity])


@contextmanager
def _counting(session: Session, *, plus_batch: int | None) -> Iterator[None]:
    """Approved imports only (plus one, if given) for the reads inside the block."""
    saved = dict(session.info)
    session.info[state.APPROVED_ONLY] = True
    session.info[state.PLUS_BATCH] = plus_batch
    try:
        yield
    finally:
        session.info.clear()
        session.info.update(saved)
