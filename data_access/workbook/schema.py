"""The quarterly workbook contract (docs/workbook.md) as data.

The reader, the validator, the template writer and the instructions sheet all read
this module, so the contract is written down once. Its choices and the duration rule
are the domain's (data_access/vocabulary.py): the columns map onto them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from data_access import vocabulary

# Value kinds a column can have.
TEXT = "text"
DATE = "date"
INTEGER = "integer"
NUMBER = "number"
EURO = "euro"
CHOICE = "choice"
LIST = "list"  # ';'-separated names
EMAIL = "email"

# Choice lists map onto the domain's vocabulary: stable code -> (Dutch, English label).
SECTOR_CHOICES = vocabulary.SECTORS
COMMUNITY_STATUS_CHOICES = vocabulary.COMMUNITY_STATUSES
FACILITATOR_STATUS_CHOICES = vocabulary.FACILITATOR_STATUSES

# Longest free text a cell may hold (characters): a name, company or place fits in
# 200; a question or a note in 2,000; a `;`-list of names in 2,000, each name in 200.
NAME_MAX = 200
LONG_TEXT_MAX = 2_000
EMAIL_MAX = 254  # RFC 5321
TEXT_LIMITS = {TEXT: NAME_MAX, LIST: LONG_TEXT_MAX, EMAIL: EMAIL_MAX}


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its canonical key, its Dutch and English headers, kind and bounds."""

    key: str
    nl: str
    en: str
    kind: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: dict[str, tuple[str, str]] | None = None
    # Free text: the longest a cell may be (None: the kind's default, TEXT_LIMITS),
    # and whether it may hold line breaks and tabs (a question, a note).
    max_length: int | None = None
    multiline: bool = False

    @property
    def headers(self) -> tuple[str, str]:
        return (self.nl, self.en)

    @property
    def length_limit(self) -> int | None:
        """The longest text this column accepts; None for numbers, dates and choices."""
        return self.max_length or TEXT_LIMITS.get(self.kind)


@dataclass(frozen=True)
class SheetSpec:
    key: str
    nl: str
    en: str
    columns: tuple[ColumnSpec, ...] = field(default_factory=tuple)
    required: bool = False

    @property
    def names(self) -> tuple[str, str]:
        return (self.nl, self.en)

    def column(self, key: str) -> ColumnSpec:
        return next(c for c in self.columns if c.key == key)


# The Report sheet is key/value: key in column A, value in column B.
REPORT_KEYS: tuple[ColumnSpec, ...] = (
    ColumnSpec("programme", "Programma", "Programme", TEXT, required=True),
    ColumnSpec("period", "Periode", "Period", TEXT, required=True),
    ColumnSpec("submitted_by", "Ingediend door", "Submitted by", TEXT),
    ColumnSpec("email", "E-mail", "E-mail", EMAIL),
)

REPORT = SheetSpec("report", "Rapportage", "Report", REPORT_KEYS, required=True)

COMMUNITIES = SheetSpec(
    "communities",
    "Leergemeenschappen",
    "Communities",
    (
        ColumnSpec("code", "Code", "Code", TEXT, required=True),
        ColumnSpec("name", "Naam", "Name", TEXT, required=True),
        ColumnSpec("company", "Bedrijf", "Company", TEXT, required=True),
        ColumnSpec("sector", "Sector", "Sector", CHOICE, required=True, choices=SECTOR_CHOICES),
        ColumnSpec("municipality", "Gemeente", "Municipality", TEXT),
        ColumnSpec("field_lab", "Fieldlab", "Field lab", TEXT),
        ColumnSpec("start_date", "Startdatum", "Start date", DATE),
        ColumnSpec("end_date", "Einddatum", "End date", DATE),
        ColumnSpec(
            "status", "Status", "Status", CHOICE, required=True, choices=COMMUNITY_STATUS_CHOICES
        ),
        ColumnSpec("facilitator", "Facilitator", "Facilitator", TEXT),
        ColumnSpec("employees", "Medewerkers", "Employees", INTEGER, minimum=0),
        ColumnSpec("managers", "Leidinggevenden", "Managers", INTEGER, minimum=0),
        ColumnSpec("students", "Studenten", "Students", INTEGER, minimum=0),
        ColumnSpec("teachers", "Docenten", "Teachers", INTEGER, minimum=0),
        ColumnSpec("education_partners", "Onderwijspartners", "Education partners", LIST),
        ColumnSpec(
            "question", "Vraagstelling", "Question", TEXT, max_length=LONG_TEXT_MAX, multiline=True
        ),
        ColumnSpec("champion", "Aanjager", "Champion", TEXT),
        ColumnSpec("midterm_check", "Tussentijdse check", "Mid-term check", DATE),
    ),
)

FACILITATORS = SheetSpec(
    "facilitators",
    "Facilitatoren",
    "Facilitators",
    (
        ColumnSpec("name", "Naam", "Name", TEXT, required=True),
        ColumnSpec("organisation", "Organisatie", "Organisation", TEXT),
        ColumnSpec("trained_on", "Opgeleid op", "Trained on", DATE),
        ColumnSpec(
            "status", "Status", "Status", CHOICE, required=True, choices=FACILITATOR_STATUS_CHOICES
        ),
        ColumnSpec(
            "hours_per_week", "Uren per week", "Hours per week", NUMBER, minimum=0, maximum=40
        ),
        ColumnSpec(
            "max_concurrent",
            "Max. gelijktijdige LC's",
            "Max concurrent communities",
            INTEGER,
            minimum=0,
        ),
        ColumnSpec("sectors", "Sectoren", "Sectors", LIST, choices=SECTOR_CHOICES),
    ),
)

FUNDING = SheetSpec(
    "funding",
    "Financiën",
    "Funding",
    (
        ColumnSpec("year", "Jaar", "Year", INTEGER, required=True, minimum=2000, maximum=2100),
        ColumnSpec("quarter", "Kwartaal", "Quarter", INTEGER, required=True, minimum=1, maximum=4),
        ColumnSpec("granted", "Toegekend", "Granted", EURO, minimum=0),
        ColumnSpec("spent", "Besteed", "Spent", EURO, minimum=0),
        ColumnSpec("note", "Toelichting", "Note", TEXT, max_length=LONG_TEXT_MAX, multiline=True),
    ),
)

SHEETS: tuple[SheetSpec, ...] = (REPORT, COMMUNITIES, FACILITATORS, FUNDING)
TABLE_SHEETS: tuple[SheetSpec, ...] = (COMMUNITIES, FACILITATORS, FUNDING)

ACCEPTED_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")
DURATION_WEEKS_MIN = vocabulary.DURATION_WEEKS_MIN
DURATION_WEEKS_MAX = vocabulary.DURATION_WEEKS_MAX


def normalise_name(text: object) -> str:
    """How sheet names, headers and choices are matched: case-insensitive, trimmed."""
    try:
        return _normalise_cached(text)
    except TypeError:  # unhashable: not worth remembering
        return " ".join(str(text).split()).casefold()


@functools.lru_cache(maxsize=65_536, typed=True)
def _normalise_cached(text: object) -> str:
    # An import normalises the same few partner, host and municipality names on
    # every one of up to 100,000 rows; remembering them saves most of that work.
    return " ".join(str(text).split()).casefold()
