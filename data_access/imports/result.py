"""What planning or applying an import tells its caller (page, command line, test)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from data_access.workbook.report import Issue

ENTITIES = ("communities", "facilitators", "funding")
COUNT_KINDS = ("new", "updated", "unchanged", "not_reported")
# refused: unreadable file; invalid: validation errors; unchanged: nothing to write;
# ready: a valid plan (preview, --dry-run); applied: written as a new batch.
STATUSES = ("refused", "invalid", "unchanged", "ready", "applied")


def empty_counts() -> dict[str, dict[str, int]]:
    return {entity: dict.fromkeys(COUNT_KINDS, 0) for entity in ENTITIES}


@dataclass
class ImportResult:
    """A plan or an applied import: counts per entity, field changes and all issues.

    `batch_id` is the batch written (applied) or the active batch that already
    holds these figures (unchanged); `replaces_batch_id` the batch a correction
    supersedes.
    """

    status: str
    programme: str | None = None
    period: str | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=empty_counts)
    changes: list[dict] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    batch_id: int | None = None
    replaces_batch_id: int | None = None
    lang: str = "nl"

    @property
    def ok(self) -> bool:
        return self.status not in ("refused", "invalid")

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def to_dict(self, lang: str | None = None) -> dict[str, object]:
        """The command line's JSON object (spec keys first, then status and changes)."""
        lang = lang or self.lang
        return {
            "ok": self.ok,
            "programme": self.programme,
            "period": self.period,
            "counts": self.counts,
            "errors": [issue.to_dict(lang) for issue in self.errors],
            "warnings": [issue.to_dict(lang) for issue in self.warnings],
            "status": self.status,
            "batch_id": self.batch_id,
            "replaces_batch_id": self.replaces_batch_id,
            "changes": self.changes,
        }

    def to_json(self, lang: str | None = None) -> str:
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2)
