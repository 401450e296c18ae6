"""Write a large, valid quarterly workbook for the import benchmark.

`python bench/make_workbook.py ROWS OUT.xlsx` writes ROWS community rows (plus the
facilitators they name and four funding quarters) with openpyxl's write-only mode,
so even 100,000 rows are written in bounded memory.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

SECTORS = ("Energietransitie", "Circulariteit", "Logistiek", "Overig")
MUNICIPALITIES = ("Enschede", "Zwolle", "Deventer", "Hengelo", "Almelo", "Kampen")
PARTNERS = ("Saxion", "Windesheim; ROC van Twente", "Universiteit Twente", "ROC van Twente")
FACILITATOR_COUNT = 500


def write_benchmark_workbook(rows: int, out: Path, *, programme: str = "Bench") -> Path:
    """A valid workbook with `rows` communities for `programme` in 2024-Q4."""
    book = Workbook(write_only=True)
    report = book.create_sheet("Rapportage")
    report.append(["Programma", programme])
    report.append(["Periode", "2024-Q4"])
    _write_communities(book.create_sheet("Leergemeenschappen"), rows)
    _write_facilitators(book.create_sheet("Facilitatoren"))
    funding = book.create_sheet("Financiën")
    funding.append(["Jaar", "Kwartaal", "Toegekend", "Besteed", "Toelichting"])
    for quarter in range(1, 5):
        funding.append([2024, quarter, 250_000, 180_000.5, f"Kwartaal {quarter}"])
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def _write_communities(sheet, rows: int) -> None:
    sheet.append([
        "Code", "Naam", "Bedrijf", "Sector", "Gemeente", "Fieldlab", "Startdatum",
        "Einddatum", "Status", "Facilitator", "Medewerkers", "Leidinggevenden",
        "Studenten", "Docenten", "Onderwijspartners", "Vraagstelling", "Aanjager",
        "Tussentijdse check",
    ])  # fmt: skip
    first_start = date(2015, 1, 5)
    for i in range(rows):
        start = first_start + timedelta(days=i % 3500)
        completed = i % 5 != 0
        sheet.append([
            f"B-{i:06d}", f"Leergemeenschap {i}", f"Fictief Bedrijf {i % 2000} BV",
            SECTORS[i % 4], MUNICIPALITIES[i % 6], "Logistics Lab" if i % 50 == 0 else None,
            start, start + timedelta(weeks=14) if completed else None,
            "Afgerond" if completed else "Lopend", f"Facilitator {i % FACILITATOR_COUNT:03d}",
            6 + i % 3, 1 + i % 2, 2, 1, PARTNERS[i % 4], f"Vraag {i}",
            f"Aanjager {i}", start + timedelta(weeks=7),
        ])  # fmt: skip


def _write_facilitators(sheet) -> None:
    sheet.append([
        "Naam", "Organisatie", "Opgeleid op", "Status", "Uren per week",
        "Max. gelijktijdige LC's", "Sectoren",
    ])  # fmt: skip
    for i in range(FACILITATOR_COUNT):
        sheet.append([
            f"Facilitator {i:03d}", "Fictief Opleidingsinstituut", date(2014, 6, 1),
            "Gecertificeerd", 16, 3, "Energietransitie; Circulariteit",
        ])  # fmt: skip


if __name__ == "__main__":
    write_benchmark_workbook(int(sys.argv[1]), Path(sys.argv[2]))
