# ruff: noqa: E501  (the sample communities read best as a one-line-per-row table)
"""Write the sample quarterly workbooks (fictional companies and people) of two programmes.

`python sample_data/make_sample_workbooks.py` (re)writes `sample_data/GasErop_<period>.xlsx`
for 2022-Q2, 2022-Q4, 2023-Q2 and 2023-Q4, and `RondjeCirculair_<period>.xlsx` for
2024-Q2 and 2024-Q4 (a second, circularity-only programme from 2024, so the portfolio
has more than one programme), in the format of docs/workbook.md. Every file is a full register: it lists every
community and facilitator known by then and the funding quarters so far, so each one
imports on its own. Statuses follow from the dates: at a period's end a community
whose end date has passed is completed, one that has started is running, the rest are
planned. The figures reproduce the province's: 13 communities started and completed
in 2022 (energy transition), 10 started in 2023 (6 energy transition, 4 circularity),
of which 9 completed by 2023-Q4 and GE23-10 still running into 2024. Files are written
byte-for-byte reproducibly, so regenerating them changes nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

OUT_DIR = Path(__file__).resolve().parent
PROGRAMME = "GasErop!"
PERIODS = ("2022-Q2", "2022-Q4", "2023-Q2", "2023-Q4")
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
ET, CIRC, LOG = "Energietransitie", "Circulariteit", "Logistiek"
PARTNER_SETS = (
    "Saxion; ROC van Twente",
    "Windesheim",
    "Universiteit Twente; Saxion",
    "ROC van Twente",
    "Saxion; Windesheim; ROC van Twente",
)
MUNICIPALITIES = (
    "Enschede", "Hengelo", "Almelo", "Zwolle", "Deventer", "Kampen", "Hardenberg", "Oldenzaal",
    "Rijssen-Holten", "Raalte", "Hof van Twente", "Borne", "Wierden",
)  # fmt: skip


@dataclass(frozen=True)
class FacilitatorSpec:
    name: str
    organisation: str
    trained_on: date | None  # None while in training
    sectors: str
    max_concurrent: int
    hours: float
    inactive_from: str | None = None  # first period reported as inactive


@dataclass(frozen=True)
class CommunitySpec:
    code: str
    company: str
    sector: str
    start: date
    weeks: int
    facilitator: str
    roles: tuple[int, int, int, int]  # employees, managers, students, teachers
    partners: str
    question: bool = True
    champion: bool = True
    midterm: bool = True
    field_lab: str | None = None

    @property
    def end(self) -> date:
        return self.start + timedelta(weeks=self.weeks)


FACILITATORS = (
    FacilitatorSpec("Anna Voorbeeld", "Fictief Leeradvies", date(2022, 1, 28), ET, 3, 16),
    FacilitatorSpec(
        "Bram Fictief", "Voorbeeld Leren BV", date(2022, 1, 28), f"{ET}; {CIRC}", 2, 12
    ),
    FacilitatorSpec("Carla Testers", "Fictief Leeradvies", date(2022, 1, 28), ET, 2, 8, "2023-Q2"),
    FacilitatorSpec("Daan Demo", "Demo Opleidingen", date(2022, 1, 28), f"{ET}; {LOG}", 2, 12),
    FacilitatorSpec("Eva Proef", "Voorbeeld Leren BV", date(2022, 1, 28), f"{CIRC}; {ET}", 3, 20),
    FacilitatorSpec("Frank Verzonnen", "Demo Opleidingen", date(2022, 2, 11), ET, 2, 10),
    FacilitatorSpec("Gerda Schets", "Fictief Leeradvies", date(2023, 3, 3), CIRC, 2, 8),
    FacilitatorSpec("Hugo Oefen", "Demo Opleidingen", None, f"{ET}; {CIRC}", 2, 8),
)


def _community(code, company, sector, start, weeks, facilitator, **extra) -> CommunitySpec:
    n = int(code[-2:])
    roles = (6 + n % 3, 1 + n % 2, 1 + n % 3, 1)
    partners = extra.pop("partners", PARTNER_SETS[n % len(PARTNER_SETS)])
    return CommunitySpec(code, company, sector, start, weeks, facilitator, roles, partners, **extra)


COMMUNITIES = (
    _community("GE22-01", "Installatiebedrijf Voorbeeld BV", ET, date(2022, 2, 7), 12, "Anna Voorbeeld"),
    _community("GE22-02", "Fictief Techniek", ET, date(2022, 2, 21), 14, "Bram Fictief"),
    _community("GE22-03", "Installatietechniek Proefmans BV", ET, date(2022, 3, 7), 16, "Carla Testers"),
    _community("GE22-04", "Warmtepomp Demo BV", ET, date(2022, 3, 21), 12, "Frank Verzonnen", midterm=False),
    _community("GE22-05", "Installatiebedrijf De Testkraan", ET, date(2022, 4, 4), 15, "Anna Voorbeeld"),
    _community("GE22-06", "Fictieve Installaties Oost", ET, date(2022, 4, 19), 18, "Bram Fictief"),
    _community("GE22-07", "Voorbeeld Klimaattechniek", ET, date(2022, 5, 9), 13, "Carla Testers", question=False),
    _community("GE22-08", "Installatiebedrijf Nepstroom", ET, date(2022, 6, 7), 16, "Daan Demo"),
    _community("GE22-09", "Demo Duurzaam Installeren BV", ET, date(2022, 6, 20), 17, "Eva Proef", partners="Universiteit Twente"),
    _community("GE22-10", "Proefbedrijf Elektro Twente", ET, date(2022, 8, 29), 14, "Frank Verzonnen"),
    _community("GE22-11", "Installatiegroep Verzinsel", ET, date(2022, 9, 5), 12, "Anna Voorbeeld", champion=False),
    _community("GE22-12", "Schijnwerk Installaties BV", ET, date(2022, 9, 12), 13, "Carla Testers", midterm=False),
    _community("GE22-13", "Fictief Warmte & Water", ET, date(2022, 9, 19), 11, "Daan Demo"),
    _community("GE23-01", "Installatiebedrijf Voorbeeld BV", ET, date(2023, 2, 6), 14, "Anna Voorbeeld"),
    _community("GE23-02", "Zonnedak Fictief BV", ET, date(2023, 2, 20), 16, "Bram Fictief"),
    _community("GE23-03", "Kringloopfabriek Demo", CIRC, date(2023, 3, 6), 12, "Eva Proef", champion=False),
    _community("GE23-04", "Voorbeeld Recycling BV", CIRC, date(2023, 3, 20), 18, "Gerda Schets"),
    _community("GE23-05", "Proeftransport Oost BV", ET, date(2023, 4, 17), 15, "Daan Demo", field_lab="Logistics Lab"),
    _community("GE23-06", "Verzonnen Circulair Bouwen", CIRC, date(2023, 5, 15), 13, "Frank Verzonnen", question=False, partners="Universiteit Twente"),
    _community("GE23-07", "Fictief Techniek", ET, date(2023, 6, 12), 16, "Eva Proef"),
    _community("GE23-08", "Warmtenet Voorbeeld BV", ET, date(2023, 9, 4), 12, "Frank Verzonnen", midterm=False),
    _community("GE23-09", "Hergebruik Demo Twente", CIRC, date(2023, 9, 18), 13, "Bram Fictief"),
    _community("GE23-10", "Installatiegroep Verzinsel", ET, date(2023, 10, 16), 18, "Daan Demo"),
)  # fmt: skip

# (year, quarter): granted, spent, note: illustrative euros, not the province's books.
FUNDING = {
    (2022, 1): (150_000, 12_500, "Toekenning eerste tranche"),
    (2022, 2): (0, 38_250.5, None),
    (2022, 3): (100_000, 41_000, "Toekenning tweede tranche"),
    (2022, 4): (0, 57_250, None),
    (2023, 1): (200_000, 18_000, "Toekenning 2023: 10 leergemeenschappen"),
    (2023, 2): (0, 42_500, None),
    (2023, 3): (0, 39_750, None),
    (2023, 4): (0, 51_200, None),
}

COMMUNITY_HEADERS = [
    "Code", "Naam", "Bedrijf", "Sector", "Gemeente", "Fieldlab", "Startdatum", "Einddatum",
    "Status", "Facilitator", "Medewerkers", "Leidinggevenden", "Studenten", "Docenten",
    "Onderwijspartners", "Vraagstelling", "Aanjager", "Tussentijdse check",
]  # fmt: skip
FACILITATOR_HEADERS = [
    "Naam", "Organisatie", "Opgeleid op", "Status", "Uren per week", "Max. gelijktijdige LC's",
    "Sectoren",
]  # fmt: skip
FUNDING_HEADERS = ["Jaar", "Kwartaal", "Toegekend", "Besteed", "Toelichting"]
DATE_FORMAT = "DD-MM-YYYY"
EURO_FORMAT = '"€" #,##0.00'


def period_end(period: str) -> date:
    year, quarter = int(period[:4]), int(period[-1])
    return date(year + quarter // 4, quarter % 4 * 3 + 1, 1) - timedelta(days=1)


def community_status(spec: CommunitySpec, period: str) -> str:
    """Dutch status label at the end of `period`, following from the dates."""
    end_of_period = period_end(period)
    if spec.end <= end_of_period:
        return "Afgerond"
    return "Lopend" if spec.start <= end_of_period else "Gepland"


def community_row(spec: CommunitySpec, period: str, index: int) -> list:
    midterm_date = spec.start + timedelta(weeks=spec.weeks / 2)
    midterm = midterm_date if spec.midterm and midterm_date <= period_end(period) else None
    question = f"Hoe zetten we {spec.sector.lower()} om in ons dagelijks werk?"
    champion = f"Aanjager {spec.company.split()[0]} (fictief)"
    return [
        spec.code, f"LC {spec.company}", spec.company, spec.sector,
        MUNICIPALITIES[index % len(MUNICIPALITIES)], spec.field_lab, spec.start, spec.end,
        community_status(spec, period), spec.facilitator, *spec.roles, spec.partners,
        question if spec.question else None, champion if spec.champion else None, midterm,
    ]  # fmt: skip


def facilitator_row(spec: FacilitatorSpec, period: str) -> list:
    trained = spec.trained_on is not None and spec.trained_on <= period_end(period)
    if spec.inactive_from is not None and period >= spec.inactive_from:
        status = "Inactief"
    else:
        status = "Gecertificeerd" if trained else "In opleiding"
    return [
        spec.name, spec.organisation, spec.trained_on if trained else None, status,
        spec.hours, spec.max_concurrent, spec.sectors,
    ]  # fmt: skip


@dataclass(frozen=True)
class ProgrammeSample:
    """One sample programme: what its lead reports, and the file names it is saved under."""

    name: str
    file_prefix: str
    periods: tuple[str, ...]
    communities: tuple[CommunitySpec, ...]
    facilitators: tuple[FacilitatorSpec, ...]
    funding: dict[tuple[int, int], tuple[float, float, str | None]]
    e_mail: str = "programmaleider@example.org"


GASEROP = ProgrammeSample(PROGRAMME, "GasErop", PERIODS, COMMUNITIES, FACILITATORS, FUNDING)
# Circularity only, from 2024: 4 communities started (target 5), 3 completed by 2024-Q4.
CIRCULAR = ProgrammeSample(
    "Rondje Circulair (fictief)", "RondjeCirculair", ("2024-Q2", "2024-Q4"),
    (
        _community("RC24-01", "Kringloopmeubel Fictief BV", CIRC, date(2024, 2, 5), 14, "Ilse Kringloop"),
        _community("RC24-02", "Voorbeeld Reststromen", CIRC, date(2024, 3, 18), 16, "Joost Hergebruik"),
        _community("RC24-03", "Demo Textiel Circulair", CIRC, date(2024, 9, 2), 12, "Ilse Kringloop", champion=False),
        _community("RC24-04", "Proefbouw Hergebruik BV", CIRC, date(2024, 10, 7), 15, "Karin Ontwerp"),
    ),
    (
        FacilitatorSpec("Ilse Kringloop", "Fictief Circulair Advies", date(2024, 1, 12), CIRC, 2, 12),
        FacilitatorSpec("Joost Hergebruik", "Demo Opleidingen", date(2024, 1, 12), f"{CIRC}; {LOG}", 2, 10),
        FacilitatorSpec("Karin Ontwerp", "Voorbeeld Leren BV", date(2024, 6, 14), CIRC, 1, 8),
    ),
    {
        (2024, 1): (120_000, 9_000, "Toekenning 2024: circulaire leergemeenschappen"),
        (2024, 2): (0, 21_500, None),
        (2024, 3): (0, 18_250, None),
        (2024, 4): (0, 24_750, None),
    },
    e_mail="kringloop@example.org",
)  # fmt: skip
SAMPLES = (GASEROP, CIRCULAR)


def build_workbook(period: str, sample: ProgrammeSample = GASEROP) -> Workbook:
    """The workbook the sample programme's lead would send for `period`."""
    book = Workbook()
    report = book.active
    report.title = "Rapportage"
    for row in (
        ["Programma", sample.name],
        ["Periode", period],
        ["Ingediend door", f"Programmaleider {sample.name.removesuffix(' (fictief)')} (fictief)"],
        ["E-mail", sample.e_mail],
    ):
        report.append(row)
    year = int(period[:4])
    known = [c for c in sample.communities if c.start.year <= year]
    communities = book.create_sheet("Leergemeenschappen")
    communities.append(COMMUNITY_HEADERS)
    for index, spec in enumerate(known):
        communities.append(community_row(spec, period, index))
    facilitators = book.create_sheet("Facilitatoren")
    facilitators.append(FACILITATOR_HEADERS)
    for spec in sample.facilitators:
        facilitators.append(facilitator_row(spec, period))
    funding = book.create_sheet("Financiën")
    funding.append(FUNDING_HEADERS)
    for (y, q), (granted, spent, note) in sample.funding.items():
        if f"{y}-Q{q}" <= period:
            funding.append([y, q, granted, spent, note])
    _format(communities, ("G", "H", "R"), DATE_FORMAT)
    _format(facilitators, ("C",), DATE_FORMAT)
    _format(funding, ("C", "D"), EURO_FORMAT)
    return book


def _format(sheet, columns: tuple[str, ...], number_format: str) -> None:
    for column in columns:
        for cell in sheet[column][1:]:
            cell.number_format = number_format


def save_reproducibly(book: Workbook, path: Path) -> None:
    """Save with fixed timestamps, so the same content gives the same bytes (and checksum)."""
    book.properties.creator = "LC Monitor sample data"
    book.properties.created = datetime(*FIXED_TIME)
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>2024-01-01T00:00:00Z\g<2>",
                    data,
                )
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


def main() -> None:
    for sample in SAMPLES:
        for period in sample.periods:
            path = OUT_DIR / f"{sample.file_prefix}_{period}.xlsx"
            save_reproducibly(build_workbook(period, sample), path)
            print(path.relative_to(OUT_DIR.parent))


if __name__ == "__main__":
    main()
