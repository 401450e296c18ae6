"""The plan of an import: what a valid workbook would change, before anything is written.

The same plan is shown as the preview, printed by `--dry-run`, and (made again
inside the writing transaction) applied, so the preview is what gets written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from data_access.core.models import (
    Community,
    CommunityReport,
    Facilitator,
    FacilitatorReport,
    FundingReport,
)
from data_access.imports.context import ImportContext, check_context, load_context
from data_access.imports.diff import EntityDiff, diff_entity
from data_access.imports.result import ENTITIES, ImportResult, empty_counts
from data_access.workbook import schema
from data_access.workbook.report import ParsedWorkbook

NAMES_SHOWN = 20  # a warning names at most this many codes, then says how many more


@dataclass
class ImportPlan:
    parsed: ParsedWorkbook
    checksum: str
    context: ImportContext | None = None
    diffs: dict[str, EntityDiff] = field(default_factory=dict)
    withdrawn: dict[str, list] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        """The very same file is already the active report of this programme and period."""
        replaced = self.context.replaced_batch if self.context else None
        return replaced is not None and replaced.checksum == self.checksum

    @property
    def has_changes(self) -> bool:
        new_or_updated = any(d.counts["new"] or d.counts["updated"] for d in self.diffs.values())
        return new_or_updated or any(self.withdrawn.values())

    def result(self, lang: str = "nl") -> ImportResult:
        """The plan as the caller sees it: ready, unchanged or invalid."""
        parsed, context = self.parsed, self.context
        counts = empty_counts()
        for entity, diff in self.diffs.items():
            counts[entity] = diff.counts
        replaced = context.replaced_batch if context else None
        status = "invalid" if not parsed.ok else "ready" if self.has_changes else "unchanged"
        if parsed.ok and self.identical:
            status = "unchanged"
        return ImportResult(
            status=status,
            programme=context.programme_name if context else parsed.programme,
            period=parsed.period,
            counts=counts,
            changes=[c for d in self.diffs.values() for c in d.changes],
            issues=list(parsed.issues),
            batch_id=replaced.id if replaced and status == "unchanged" else None,
            replaces_batch_id=replaced.id if replaced and status == "ready" else None,
            lang=lang,
        )


def build_plan(
    session: Session, parsed: ParsedWorkbook, *, checksum: str, lock: bool = False
) -> ImportPlan:
    """Check the workbook against the database and compare it with the state as of its period."""
    plan = ImportPlan(parsed, checksum)
    if not parsed.programme or not parsed.period:
        return plan  # the validator has already said what is missing
    plan.context = load_context(session, parsed, lock=lock)
    check_context(session, parsed, plan.context)
    if not parsed.ok:
        return plan
    for entity in ENTITIES:
        diff = diff_entity(entity, getattr(parsed, entity), plan.context.old[entity])
        plan.diffs[entity] = diff
        _warn_not_reported(parsed, entity, diff, plan.context)
    if plan.context.replaced_batch is not None:
        _find_withdrawn(session, plan)
    return plan


def _warn_not_reported(
    parsed: ParsedWorkbook, entity: str, diff: EntityDiff, context: ImportContext
) -> None:
    """Known communities and facilitators the file leaves out are kept, with a warning."""
    if entity == "funding" or getattr(parsed, entity) is None or not diff.missing_keys:
        return
    names = [_display_key(entity, key, context) for key in diff.missing_keys]
    parsed.add("not_reported", "warning", sheet_key=entity, **_name_params(names))


def _find_withdrawn(session: Session, plan: ImportPlan) -> None:
    """What the corrected report of this period had and the correction leaves out.

    A correction replaces the period's report as a whole, so these fall back to
    what was reported before this period; say so instead of doing it silently.
    """
    batch_id = plan.context.replaced_batch.id
    reported = keys_in_batch(session, batch_id)
    for entity in ENTITIES:
        missing = set(plan.diffs[entity].missing_keys)
        withdrawn = [key for key in reported[entity] if key in missing]
        plan.withdrawn[entity] = withdrawn
        if withdrawn:
            names = [_display_key(entity, key, plan.context) for key in withdrawn]
            sheet_key = entity if getattr(plan.parsed, entity) is not None else None
            plan.parsed.add(
                "withdrawn_by_correction", "warning", sheet_key=sheet_key, **_name_params(names)
            )


def keys_in_batch(session: Session, batch_id: int) -> dict[str, list]:
    codes = session.execute(
        select(Community.code)
        .join(CommunityReport, CommunityReport.community_id == Community.id)
        .where(CommunityReport.batch_id == batch_id)
    ).scalars()
    names = session.execute(
        select(Facilitator.name)
        .join(FacilitatorReport, FacilitatorReport.facilitator_id == Facilitator.id)
        .where(FacilitatorReport.batch_id == batch_id)
    ).scalars()
    quarters = session.execute(
        select(FundingReport.year, FundingReport.quarter).where(FundingReport.batch_id == batch_id)
    ).all()
    return {
        "communities": sorted(codes),
        "facilitators": sorted(schema.normalise_name(n) for n in names),
        "funding": sorted((int(y), int(q)) for y, q in quarters),
    }


def _display_key(entity: str, key: object, context: ImportContext) -> str:
    if entity == "facilitators":
        return context.old[entity][key]["name"]
    if entity == "funding":
        return f"{key[0]}-Q{key[1]}"
    return str(key)


def _name_params(names: list[str]) -> dict[str, object]:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return {"count": len(names), "names": shown + (f" (+{more})" if more > 0 else "")}
