"""Rules that look at more than one cell: unique keys, and the per-sheet business rules.

Each rule is a boolean mask over the whole sheet; issues are made only for the rows
it selects. A rule that depends on a value the row gets wrong elsewhere (a blank or
unreadable status, a date that isn't a date) stays quiet, so one mistake is reported once.
"""

from __future__ import annotations

import pandas as pd

from data_access.core.reference import municipality_codes
from data_access.workbook.columns import add_sheet_issue, report_rows
from data_access.workbook.read import fold
from data_access.workbook.report import ParsedWorkbook
from data_access.workbook.schema import (
    COMMUNITIES,
    DURATION_WEEKS_MAX,
    DURATION_WEEKS_MIN,
    FACILITATORS,
    FUNDING,
    SheetSpec,
)


def check_unique(parsed: ParsedWorkbook, frame: pd.DataFrame, spec: SheetSpec, key: str) -> None:
    """`duplicate_key` on every later row repeating a key (Code, Name) of an earlier one."""
    if key in frame:
        _report_repeats(parsed, frame, spec, key, frame[key])


def _report_repeats(
    parsed: ParsedWorkbook, frame: pd.DataFrame, spec: SheetSpec, column_key: str,
    keys: pd.Series,
) -> None:  # fmt: skip
    repeated = keys.notna() & keys.duplicated(keep="first")
    first_row = frame.groupby(keys, dropna=True)["excel_row"].transform("min")
    report_rows(
        parsed,
        "duplicate_key",
        repeated,
        frame,
        sheet_key=spec.key,
        column_key=column_key,
        params={"value": keys, "first_row": first_row},
    )


def require_when(
    parsed: ParsedWorkbook,
    frame: pd.DataFrame,
    blanks: dict[str, pd.Series],
    spec: SheetSpec,
    *,
    column_key: str,
    needed: pd.Series,
    lang: str,
) -> None:
    """`required` where `needed` holds and the cell is blank; a missing column once."""
    if not needed.any():
        return
    if column_key not in frame:
        column = spec.column(column_key)
        expected = column.nl if lang == "nl" else column.en
        add_sheet_issue(parsed, "missing_column", spec.key, expected, header=expected)
        return
    report_rows(
        parsed, "required", needed & blanks[column_key], frame,
        sheet_key=spec.key, column_key=column_key,
    )  # fmt: skip


def _status_is(frame: pd.DataFrame, *codes: str) -> pd.Series:
    if "status" not in frame:
        return pd.Series(False, index=frame.index)
    return frame["status"].isin(codes)


def check_communities(
    parsed: ParsedWorkbook, frame: pd.DataFrame, blanks: dict[str, pd.Series], *, lang: str
) -> None:
    """Dates against status, facilitator unless planned, municipality, duration."""
    spec = COMMUNITIES
    check_unique(parsed, frame, spec, "code")
    not_planned = _status_is(frame, "running", "completed", "stopped")
    for column_key in ("start_date", "facilitator"):
        require_when(parsed, frame, blanks, spec, column_key=column_key, needed=not_planned,
                     lang=lang)  # fmt: skip
    require_when(parsed, frame, blanks, spec, column_key="end_date",
                 needed=_status_is(frame, "completed"), lang=lang)  # fmt: skip
    if "start_date" in frame and "end_date" in frame:
        _check_dates(parsed, frame)
    if "municipality" in frame:
        known = {fold(name) for name in municipality_codes().values()}
        names = frame["municipality"]
        is_known = {name: fold(name) in known for name in names.dropna().unique()}
        unknown = names.notna() & ~names.map(is_known).astype("boolean").fillna(True)
        report_rows(parsed, "unknown_municipality", unknown, frame, severity="warning",
                    sheet_key=spec.key, column_key="municipality",
                    params={"value": names})  # fmt: skip


def _check_dates(parsed: ParsedWorkbook, frame: pd.DataFrame) -> None:
    start, end = frame["start_date"], frame["end_date"]
    where = {"sheet_key": COMMUNITIES.key, "column_key": "end_date"}
    before = end < start
    dates = {"start": _day(start[before]), "end": _day(end[before])}
    report_rows(parsed, "end_before_start", before, frame, params=dates, **where)
    weeks = (end - start).dt.days / 7
    outside = (end >= start) & ((weeks < DURATION_WEEKS_MIN) | (weeks > DURATION_WEEKS_MAX))
    report_rows(
        parsed, "duration_out_of_range", outside, frame, severity="warning",
        params={"weeks": weeks.round(1).map("{:g}".format, na_action="ignore"),
                "minimum": _constant(frame, DURATION_WEEKS_MIN),
                "maximum": _constant(frame, DURATION_WEEKS_MAX)},
        **where,
    )  # fmt: skip


def _day(stamps: pd.Series) -> pd.Series:
    """Dates as people write them in messages (31-12-2023)."""
    return stamps.dt.strftime("%d-%m-%Y")


def _constant(frame: pd.DataFrame, value: object) -> pd.Series:
    return pd.Series([value] * len(frame), index=frame.index, dtype=object)


def check_facilitators(
    parsed: ParsedWorkbook, frame: pd.DataFrame, blanks: dict[str, pd.Series], *, lang: str
) -> None:
    """Unique names; a certified facilitator states how many communities they can take."""
    check_unique(parsed, frame, FACILITATORS, "name")
    require_when(parsed, frame, blanks, FACILITATORS, column_key="max_concurrent",
                 needed=_status_is(frame, "certified"), lang=lang)  # fmt: skip


def check_funding(
    parsed: ParsedWorkbook, frame: pd.DataFrame, blanks: dict[str, pd.Series], *, lang: str
) -> None:
    """One row per quarter: two rows for the same Year and Quarter are an error, since
    the import could keep only one of them and the other's euros would vanish."""
    if "year" not in frame or "quarter" not in frame:
        return
    year = pd.to_numeric(frame["year"], errors="coerce").astype("Int64").astype("string")
    quarter = pd.to_numeric(frame["quarter"], errors="coerce").astype("Int64").astype("string")
    keys = year + "-Q" + quarter  # missing where either is: such rows repeat nothing
    _report_repeats(parsed, frame, FUNDING, "quarter", keys)


SHEET_RULES = {"communities": check_communities, "facilitators": check_facilitators,
               "funding": check_funding}  # fmt: skip
