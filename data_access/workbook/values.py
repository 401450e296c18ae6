"""Typed values as people type them, parsed a whole column at a time.

Cells arrive as calamine gives them: str, float, int, bool, date, datetime or ""
for empty. Each parser takes one column (an object Series) and returns the
converted values plus a mask of the cells that could not be read as that type.
Blank cells are never invalid here: whether a blank is allowed is the caller's rule.
Work is done with pandas string and datetime operations over the whole column,
because a workbook may hold 100,000 rows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from data_access.workbook.schema import normalise_name


class Parsed(NamedTuple):
    """Converted values (missing where blank or invalid) and which cells were invalid."""

    values: pd.Series
    invalid: pd.Series


MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(
        ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
         "september", "oktober", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(
        ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
        start=1)},
    **{"mar": 3, "may": 5, "oct": 10, "sept": 9},
}  # fmt: skip

_DMY = r"^(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})$"
_YMD = r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$"
_D_MONTH_Y = r"^(?P<d>\d{1,2})\s+(?P<month>[a-z]+)\.?\s+(?P<y>\d{4})$"
# Dutch notation first (1.234,56 and 1234,56), then English (1,234.56 and 1234.56):
# an ambiguous `1.234` is therefore one thousand two hundred and thirty-four.
_NUMBER_NL = r"^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$"
_NUMBER_EN = r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$"
_EMAIL = r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$"


DATE_TYPES = (dt.date, dt.datetime, pd.Timestamp)


@dataclass(frozen=True)
class Cells:
    """One raw column with what every parser needs, computed once.

    `kinds` is each cell's Python type; `text` each cell as trimmed text ("" when
    empty, whole numbers without `.0`, dates as ISO); `blank` where text is "".
    """

    raw: pd.Series
    kinds: pd.Series
    text: pd.Series
    blank: pd.Series

    @classmethod
    def of(cls, raw: pd.Series) -> Cells:
        if pd.api.types.infer_dtype(raw, skipna=False) == "string":
            # All text (calamine's blanks are "" too): most columns of most files.
            kinds = pd.Series(str, index=raw.index, dtype=object)
            text = raw.astype("str").str.strip()
        else:
            kinds = raw.map(type)
            text = _as_text(raw, kinds)
        return cls(raw, kinds, text, (text == "").astype(bool))

    def typed(self, *types: type) -> pd.Series:
        """Mask of cells of these Python types."""
        return self.kinds.isin(types)

    def typed_text(self) -> pd.Series:
        """The non-blank text cells only (usually few in a number or date column)."""
        return self.text[self.typed(str) & ~self.blank]


def _as_text(raw: pd.Series, kinds: pd.Series) -> pd.Series:
    """Each cell as `str()` gives it, trimmed; whole numbers without `.0`, dates as ISO
    and datetimes without a midnight time. Dates and whole numbers are converted as a
    column (`str()` of 100,000 dates takes 0.1 s), everything else as pandas does."""
    floats = kinds.isin([float])
    whole = pd.Series(False, index=raw.index)
    if floats.any():
        whole = floats & raw.where(floats, 0.5).map(float.is_integer, na_action="ignore")
    dates = kinds.isin([dt.date])  # `date` only: a datetime keeps its time
    other = ~(whole | dates)
    if other.all():
        text = raw.astype("str").str.strip().where(raw.notna(), "")
    else:
        text = pd.Series("", index=raw.index, dtype="str")
        if other.any():
            rest = raw[other]
            text[other] = rest.astype("str").str.strip().where(rest.notna(), "")
        if dates.any():
            text[dates] = pd.to_datetime(raw[dates]).astype("str")  # all midnight: ISO dates
        if whole.any():
            text[whole] = _whole_numbers_as_text(raw[whole])
    stamps = kinds.isin([dt.datetime])
    if stamps.any():
        text[stamps] = text[stamps].str.removesuffix(" 00:00:00")
    return text


def _whole_numbers_as_text(raw: pd.Series) -> pd.Series:
    """`12.0` as `12`; beyond int64 (a typo like 9.2e18) through Python's own ints."""
    try:
        return raw.astype("int64").astype("str")
    except OverflowError:
        return raw.map(lambda value: str(int(value)))


def cell_text(value: object) -> str:
    """One cell as trimmed text, the same way `Cells.text` renders a column."""
    return str(Cells.of(pd.Series([value], dtype=object)).text.iloc[0])


def _missing(cells: Cells) -> pd.Series:
    return pd.Series(float("nan"), index=cells.raw.index, dtype="float64")


def parse_text(cells: Cells) -> Parsed:
    """Free text, trimmed; blank becomes None."""
    values = cells.text.astype(object).where(~cells.blank, None)
    return Parsed(values, pd.Series(False, index=cells.raw.index))


def parse_number(cells: Cells) -> Parsed:
    """Real numbers, and text as `1.234,56`, `1234,56`, `€ 1.234` or `1,234.56`."""
    real = cells.typed(int, float)
    values = _missing(cells)
    values[real] = cells.raw[real].astype("float64")
    text = cells.typed_text().str.replace(r"[€\s\u00a0\u202f]", "", regex=True)
    if len(text):
        dutch = text.str.fullmatch(_NUMBER_NL)
        english = ~dutch & text.str.fullmatch(_NUMBER_EN)
        from_dutch = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        from_english = text.str.replace(",", "", regex=False)
        typed = from_dutch.where(dutch, from_english.where(english, "x"))
        values[text.index] = pd.to_numeric(typed, errors="coerce").astype("float64")
    return Parsed(values, values.isna() & ~cells.blank)


def parse_integer(cells: Cells) -> Parsed:
    """Whole numbers (nullable Int64); `3,0` is fine, `3,5` is not."""
    number = parse_number(cells)
    fractional = number.values.notna() & (number.values != number.values.round())
    too_big = number.values.abs() > 2**53
    invalid = number.invalid | fractional | too_big
    values = number.values.where(~invalid).round().astype("Int64")
    return Parsed(values, invalid)


def parse_euro(cells: Cells) -> Parsed:
    """Amounts in euros, rounded to cents."""
    number = parse_number(cells)
    return Parsed(number.values.round(2), number.invalid)


def parse_date(cells: Cells) -> Parsed:
    """Real dates, and text as `31-12-2023`, `31/12/2023`, `2023-12-31`, `31 december 2023`.

    Values are `datetime64` here (so rules can compare columns); `to_dates`
    turns them into `datetime.date` objects for the frames others read.
    """
    real = cells.typed(*DATE_TYPES)
    values = pd.Series(pd.NaT, index=cells.raw.index, dtype="datetime64[us]")
    values[real] = pd.to_datetime(cells.raw[real]).dt.normalize().astype("datetime64[us]")
    text = cells.typed_text().str.casefold()
    if len(text):
        parts = pd.concat(
            [text.str.extract(pattern) for pattern in (_DMY, _YMD, _D_MONTH_Y)], axis=1
        )
        day, month, year = (_first_found(parts[name]) for name in ("d", "m", "y"))
        month = month.fillna(parts["month"].map(MONTHS).astype("float64"))
        typed = pd.to_datetime(
            pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce"
        )
        values[text.index] = typed.astype("datetime64[us]")
    return Parsed(values, values.isna() & ~cells.blank)


def _first_found(columns: pd.DataFrame) -> pd.Series:
    """The first pattern's captured number for each cell, as float (NaN where none)."""
    return columns.astype("float64").bfill(axis=1).iloc[:, 0]


def to_dates(stamps: pd.Series) -> pd.Series:
    """datetime64 -> `datetime.date` objects, None where missing."""
    return stamps.dt.date.astype(object).where(stamps.notna(), None)


def choice_lookup(choices: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Normalised Dutch label, English label and code -> code."""
    lookup = {normalise_name(code): code for code in choices}
    for code, labels in choices.items():
        lookup.update({normalise_name(label): code for label in labels})
    return lookup


def parse_choice(cells: Cells, choices: dict[str, tuple[str, str]]) -> Parsed:
    """A Dutch or English label, any case, surrounding spaces ignored -> its code."""
    distinct = pd.Series(cells.text.unique(), dtype="str")  # a few labels, many rows
    normal = distinct.str.replace(r"\s+", " ", regex=True).str.casefold()
    code_of = dict(zip(distinct.tolist(), normal.map(choice_lookup(choices)).tolist(), strict=True))
    codes = cells.text.map(code_of)
    values = codes.astype(object).where(codes.notna(), None)
    return Parsed(values, codes.isna() & ~cells.blank)


def split_list(text: str) -> list[str]:
    """`Saxion; ROC van Twente` -> ["Saxion", "ROC van Twente"]."""
    return [part.strip() for part in text.split(";") if part.strip()]


def parse_list(cells: Cells) -> Parsed:
    """`;`-separated names -> a list of trimmed names (empty list when blank)."""
    texts = cells.text.tolist()
    split = {text: split_list(text) for text in set(texts)}  # the same few lists, many rows
    items = [split[text].copy() for text in texts]
    index = cells.raw.index
    return Parsed(pd.Series(items, index=index, dtype=object), pd.Series(False, index=index))


def parse_choice_list(cells: Cells, choices: dict[str, tuple[str, str]]) -> Parsed:
    """`;`-separated labels -> a list of codes; a cell with any unknown label is invalid."""
    lookup = choice_lookup(choices)
    codes = [[lookup.get(normalise_name(name)) for name in row] for row in parse_list(cells).values]
    index = cells.raw.index
    invalid = pd.Series([None in row for row in codes], index=index, dtype=bool)
    values = pd.Series([[code for code in row if code] for row in codes], index=index, dtype=object)
    return Parsed(values, invalid)


def unknown_choices(text: str, choices: dict[str, tuple[str, str]]) -> str:
    """The labels in one `;`-separated cell that aren't choices (for the message)."""
    lookup = choice_lookup(choices)
    return "; ".join(name for name in split_list(text) if normalise_name(name) not in lookup)


def parse_email(cells: Cells) -> Parsed:
    """An e-mail address (a plausibility check, not RFC 5322)."""
    invalid = ~cells.blank & ~cells.text.str.fullmatch(_EMAIL, case=False).astype(bool)
    values = cells.text.astype(object).where(~cells.blank & ~invalid, None)
    return Parsed(values, invalid)


def is_email(text: str) -> bool:
    return re.fullmatch(_EMAIL, text, flags=re.IGNORECASE) is not None


# Characters no name or sentence needs, refused with their position rather than
# silently removed: C0/C1 controls (an ANSI escape, a NUL), zero-width spaces and the
# bidirectional overrides and isolates that make text display in another order than
# it is stored ("Trojan Source"). Tabs and line breaks are fine in a question or note.
_INVISIBLE = "\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
CONTROLS_IN_LONG_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_INVISIBLE}]")
CONTROLS_IN_SHORT_TEXT = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_INVISIBLE}]")


def controls_pattern(multiline: bool) -> re.Pattern[str]:
    return CONTROLS_IN_LONG_TEXT if multiline else CONTROLS_IN_SHORT_TEXT


def first_control(text: str, *, multiline: bool) -> dict[str, object] | None:
    """The first refused character as `U+202E` and its 1-based position, or None."""
    found = controls_pattern(multiline).search(text)
    if found is None:
        return None
    return {"character": f"U+{ord(found.group()):04X}", "position": found.start() + 1}


def longest_item(text: str) -> int:
    """The length of the longest name in a `;`-separated cell."""
    return max((len(name) for name in split_list(text)), default=0)
