"""Validation problems as data (after frictionless): a stable code, where it is, and
the parameters of its message. Messages are rendered from data_access/locales
(`issue.<code>`), in Dutch by default.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from data_access.core.i18n import translate, translate_count

Severity = Literal["error", "warning"]
# Messages whose noun follows a count ("1 week", "2 weeks"): code -> the counting parameter.
PLURAL_PARAM = {"duration_out_of_range": "weeks", "not_reported": "count",
                "withdrawn_by_correction": "count"}  # fmt: skip


@dataclass(frozen=True)
class Issue:
    """One problem: `sheet` and `column` as written in the file, `row` as Excel numbers it.

    `sheet`, `row` and `column` are None where the problem is the whole file or sheet.
    """

    code: str
    severity: Severity = "error"
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "nl") -> str:
        counted = PLURAL_PARAM.get(self.code)
        if counted is None:
            return translate(f"issue.{self.code}", lang, **self.params)
        count = float(self.params[counted])  # "1" week, "1.5" weeks
        return translate_count(f"issue.{self.code}", count, lang, **self.params)

    def to_dict(self, lang: str = "nl") -> dict[str, object]:
        """The JSON shape of the command line contract."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "message": self.message(lang),
        }

    def flat(self) -> list[object]:
        """[sheet, row, column, code]: what tests compare."""
        return [self.sheet, self.row, self.column, self.code]


class WorkbookRefused(Exception):
    """The file as a whole can't be read (not a spreadsheet, corrupt, too big, ...).

    Maps to exit status 2 of the command line; nothing is written.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def issue(self) -> Issue:
        return Issue(self.code, "error", params=self.params)

    def message(self, lang: str = "nl") -> str:
        return self.issue().message(lang)


FRAME_KEYS = ("communities", "facilitators", "funding")
PACKED = "_date_columns_packed"


def _all_dates(column: pd.Series) -> bool:
    """An object column of `datetime.date` (not datetime) and None only, with a date."""
    if column.dtype != object:
        return False
    kinds = set(map(type, column))
    return dt.date in kinds and kinds <= {dt.date, type(None)}


@dataclass
class ParsedWorkbook:
    """What the validator read from a workbook, in canonical form.

    Frames have one row per data row, canonical column keys from `schema`
    (e.g. `start_date`), Python/pandas values already converted (dates as
    `datetime.date`, choices as codes like `running`, lists as lists of
    canonical names/codes), plus `excel_row` (int) and only the columns the
    file had. A sheet the file doesn't have is None ("not reported").
    `headers` maps (sheet key, column key) -> the header as written, and
    `sheet_names` maps sheet key -> the sheet name as written, for messages.
    """

    programme: str | None = None
    period: str | None = None
    submitted_by: str | None = None
    email: str | None = None
    communities: pd.DataFrame | None = None
    facilitators: pd.DataFrame | None = None
    funding: pd.DataFrame | None = None
    sheet_names: dict[str, str] = field(default_factory=dict)
    headers: dict[tuple[str, str], str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def __getstate__(self) -> dict:
        """Pickled (the worker sends it back whole): columns of `datetime.date` travel as
        datetime64, a third of the time of pickling 100,000 date objects each."""
        state = self.__dict__.copy()
        packed = {}
        for key in FRAME_KEYS:
            frame = state[key]
            dates = [] if frame is None else [c for c in frame.columns if _all_dates(frame[c])]
            if dates:
                state[key] = frame.assign(**{c: pd.to_datetime(frame[c]) for c in dates})
                packed[key] = dates
        return state | {PACKED: packed}

    def __setstate__(self, state: dict) -> None:
        packed = state.pop(PACKED, {})
        for key, dates in packed.items():
            frame = state[key]
            stamps = {c: frame[c] for c in dates}
            state[key] = frame.assign(
                **{c: s.dt.date.astype(object).where(s.notna(), None) for c, s in stamps.items()}
            )
        self.__dict__.update(state)

    @property
    def facilitator_names(self) -> set[str]:
        """Names in the Facilitators sheet, for the importer's "is this facilitator known"."""
        if self.facilitators is None or "name" not in self.facilitators:
            return set()
        return {name for name in self.facilitators["name"] if isinstance(name, str)}

    def add(
        self,
        code: str,
        severity: Severity = "error",
        *,
        sheet_key: str | None = None,
        row: int | None = None,
        column_key: str | None = None,
        **params: object,
    ) -> None:
        """Record an issue, naming sheet and column as the file writes them."""
        sheet = self.sheet_names.get(sheet_key) if sheet_key else None
        column = self.headers.get((sheet_key, column_key)) if sheet_key and column_key else None
        self.issues.append(Issue(code, severity, sheet, row, column, params))
