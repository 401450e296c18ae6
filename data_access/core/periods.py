"""Reporting periods ("2023-Q2"): parsing what people type, and ordering.

The canonical form `YYYY-Qn` sorts chronologically as plain text, which the
as-of queries rely on.
"""

from __future__ import annotations

import re
from datetime import date

_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})\s*[-/ ]?\s*[Qq](?P<q>[1-4])$"),  # 2023-Q2, 2023 Q2, 2023Q2
    re.compile(r"^[Qq](?P<q>[1-4])\s*[-/ ]?\s*(?P<year>\d{4})$"),  # Q2 2023, Q2-2023
)


def parse_period(text: object) -> str | None:
    """Return the canonical `YYYY-Qn` for a typed period, or None if it isn't one."""
    if text is None:
        return None
    cleaned = str(text).strip()
    for pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            return f"{int(match['year']):04d}-Q{match['q']}"
    return None


def period_year(period: str) -> int:
    return int(period[:4])


def period_quarter(period: str) -> int:
    return int(period[-1])


def make_period(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def period_end(period: str) -> date:
    """The last day of the period: what 'as of 2023-Q2' means on a calendar."""
    year, quarter = period_year(period), period_quarter(period)
    month = quarter * 3
    next_month_first = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(next_month_first.toordinal() - 1)


def previous_period(period: str) -> str:
    year, quarter = period_year(period), period_quarter(period)
    return make_period(year - 1, 4) if quarter == 1 else make_period(year, quarter - 1)


def as_of_day(as_of: str | None) -> date:
    """The day figures "as of" a period stand on: its last day; today for the latest state."""
    return period_end(as_of) if as_of else date.today()
