"""What the database already knows about a workbook's programme and period.

The validator reads one file in isolation; these checks need the database: is the
programme new, is every facilitator a community names known, which education
partners are new. Names are rewritten to their known spelling so that "saxion"
and "Saxion" are one partner.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from data_access.core import state
from data_access.core.models import EducationPartner, ImportBatch, Programme
from data_access.imports.diff import state_rows
from data_access.workbook.report import ParsedWorkbook
from data_access.workbook.schema import normalise_name


@dataclass
class ImportContext:
    """The programme (None when new), its state as of the period, and known names."""

    programme_id: int | None
    programme_name: str
    period: str
    old: dict[str, dict[object, dict]] = field(default_factory=dict)
    replaced_batch: ImportBatch | None = None


def load_context(session: Session, parsed: ParsedWorkbook, *, lock: bool = False) -> ImportContext:
    """Match the programme case-insensitively and read its state as of the period.

    `lock` takes a row lock on the programme (PostgreSQL) so two uploads for one
    programme apply one after the other.
    """
    wanted = normalise_name(parsed.programme)
    programmes = session.execute(select(Programme.id, Programme.name)).all()
    match = next((p for p in programmes if normalise_name(p.name) == wanted), None)
    if match is None:
        empty = {"communities": {}, "facilitators": {}, "funding": {}}
        return ImportContext(None, parsed.programme.strip(), parsed.period, empty)
    if lock:
        session.execute(select(Programme.id).where(Programme.id == match.id).with_for_update())
    scope = {"programme_id": match.id, "as_of": parsed.period}
    old = {
        "communities": state_rows(state.communities_as_of(session, **scope), "communities"),
        "facilitators": state_rows(state.facilitators_as_of(session, **scope), "facilitators"),
        "funding": state_rows(state.funding_as_of(session, **scope), "funding"),
    }
    replaced = session.execute(
        select(ImportBatch).where(
            ImportBatch.programme_id == match.id,
            ImportBatch.period == parsed.period,
            ImportBatch.status == "active",
        )
    ).scalar_one_or_none()
    return ImportContext(match.id, match.name, parsed.period, old, replaced)


def check_context(session: Session, parsed: ParsedWorkbook, context: ImportContext) -> None:
    """Add the issues only the database can tell, and use known spellings of names."""
    if context.programme_id is None:
        parsed.add("new_programme", "warning", sheet_key="report", programme=context.programme_name)
    old_facilitators = context.old.get("facilitators", {}).values()
    known = {normalise_name(row["name"]): row["name"] for row in old_facilitators}
    facilitators = parsed.facilitators
    if facilitators is not None and "name" in facilitators.columns:
        in_file = facilitators["name"].dropna().astype(str).str.strip()
        known = {normalise_name(name): name for name in in_file} | known
        parsed.facilitators = facilitators.assign(
            name=facilitators["name"].map(lambda n: _spelling(n, known))
        )
    communities = parsed.communities
    if communities is None:
        return
    if "facilitator" in communities.columns:
        _check_facilitators(parsed, communities, known)
    if "education_partners" in communities.columns:
        _check_partners(session, parsed, parsed.communities)


def _spelling(name: object, known: dict[str, str]) -> object:
    if not isinstance(name, str) or not name.strip():
        return None
    return known.get(normalise_name(name), name.strip())


def _check_facilitators(parsed: ParsedWorkbook, frame: pd.DataFrame, known: dict) -> None:
    """A community's facilitator must be in the Facilitators sheet or already known."""
    unknown = _remembered(
        lambda n: isinstance(n, str) and n.strip() and normalise_name(n) not in known
    )
    for excel_row, name in zip(frame["excel_row"], frame["facilitator"], strict=True):
        if unknown(name):
            parsed.add(
                "unknown_facilitator",
                sheet_key="communities",
                row=int(excel_row),
                column_key="facilitator",
                name=name.strip(),
            )
    parsed.communities = frame.assign(
        facilitator=frame["facilitator"].map(_remembered(lambda n: _spelling(n, known)))
    )


def _remembered(function):
    """`function`, worked out once per distinct argument (100,000 rows name a few hundred
    facilitators); an unhashable argument is worked out each time."""
    done: dict = {}

    def remembered(value):
        try:
            return done[value]
        except KeyError:
            result = done[value] = function(value)
            return result
        except TypeError:
            return function(value)

    return remembered


def _check_partners(session: Session, parsed: ParsedWorkbook, frame: pd.DataFrame) -> None:
    """Unknown education partners are added (level unknown), with one warning each."""
    known = {normalise_name(n): n for n in session.execute(select(EducationPartner.name)).scalars()}
    first_seen: dict[str, tuple[str, int]] = {}
    spelled = []
    done: dict[tuple, list] = {}  # the same few lists on many rows: each spelled once
    for excel_row, names in zip(frame["excel_row"], frame["education_partners"], strict=True):
        names = names if isinstance(names, list | tuple) else []
        key_of_row = tuple(names)
        with contextlib.suppress(TypeError):  # an equal list of names seen before
            if key_of_row in done:
                spelled.append(done[key_of_row].copy())
                continue
        row_names = []
        for name in names:
            key = normalise_name(name)
            if key not in known and key not in first_seen:
                first_seen[key] = (str(name).strip(), int(excel_row))
            row_names.append(known.get(key) or first_seen[key][0])
        if all(type(name) is str for name in names):  # names only: equal means the same
            done[key_of_row] = row_names.copy()
        spelled.append(row_names)
    for name, excel_row in first_seen.values():
        parsed.add(
            "unknown_education_partner",
            "warning",
            sheet_key="communities",
            row=excel_row,
            column_key="education_partners",
            name=name,
        )
    parsed.communities = frame.assign(education_partners=spelled)
