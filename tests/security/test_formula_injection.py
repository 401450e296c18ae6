"""Every download opened in LibreOffice holds data, never a formula.

A workbook full of formula-looking text (`Acme;=2+5;`, `=HYPERLINK(…)`, `@SUM(1)`) is
imported, a later upload is rejected with such a comment, and then each download is
opened the way a person would: the Communities and audit CSV split on `;` (a Dutch
Excel) and on `,`, their Excel files, the prefilled template, and the marked-cells
report of an `.ods` upload with an `=…` header. LibreOffice's own `.ods` of each must
have no `table:formula` cell. Conversions take seconds: each batch is one soffice run.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from sqlmodel import select

from data_access.access.approval import reject_batch
from data_access.access.audit import audit_frame
from data_access.core.db import session_scope
from data_access.core.exports import csv_separator, to_csv_bytes, to_excel_bytes
from data_access.core.models import Programme
from data_access.imports.importer import apply_import
from data_access.imports.prefill import prefilled_template
from data_access.kpis.communities import community_table
from data_access.workbook.error_report import write_error_report
from data_access.workbook.export import export_table
from data_access.workbook.validate import validate_workbook
from tests.actors import OFFICER, ensure_uploader
from tests.conftest import skip_or_fail
from tests.security.injected import FORMULA_TEXTS, PROGRAMME, injected_workbook
from tests.workbook.builders import sheets, workbook_bytes
from ui.charts.portfolio import build_portfolio_progress_figure
from ui.export.pptx_charts import add_native_chart

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
# LibreOffice's CSV import: separator, `"` quotes, UTF-8, from line 1, evaluate formulas.
CSV_FILTER = "CSV:{code},34,76,1,,,false,false,false,false,false,,true"
SEPARATORS = {"semicolon": 59, "comma": 44}


def convert(sources: list[Path], out_dir: Path, *, infilter: str | None = None) -> list[Path]:
    """LibreOffice's `.ods` of each source, in one soffice run with its own profile."""
    if not sources:
        return []  # soffice without a file would wait for one
    if shutil.which("soffice") is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
    profile = Path(f"/tmp/lo-profile-{uuid.uuid4().hex[:8]}")
    filter_args = [f"--infilter={infilter}"] if infilter else []
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *filter_args,
         "--convert-to", "ods", "--outdir", str(out_dir), *map(str, sources)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    shutil.rmtree(profile, ignore_errors=True)
    return [out_dir / f"{source.stem}.ods" for source in sources]


def formula_cells(ods: Path) -> list[str]:
    """The formulas of every cell of an `.ods` that holds one."""
    with zipfile.ZipFile(ods) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    return [
        cell.get(f"{{{TABLE}}}formula")
        for cell in root.iter(f"{{{TABLE}}}table-cell")
        if cell.get(f"{{{TABLE}}}formula") is not None
    ]


def open_all(files: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """Each file's formula cells as LibreOffice opens it (CSV: with each separator)."""
    formulas = {}
    spreadsheets = [_write(folder / "in", name, content) for name, content in files.items()
                    if not name.endswith(".csv")]  # fmt: skip
    for path, ods in zip(spreadsheets, convert(spreadsheets, folder / "xlsx"), strict=True):
        formulas[path.name] = formula_cells(ods)
    texts = [_write(folder / "in", name, content) for name, content in files.items()
             if name.endswith(".csv")]  # fmt: skip
    for label, code in SEPARATORS.items():
        out = folder / label
        for path, ods in zip(texts, convert(texts, out, infilter=CSV_FILTER.format(code=code)),
                             strict=True):  # fmt: skip
            formulas[f"{path.name} split on {label}"] = formula_cells(ods)
    return formulas


def _write(folder: Path, name: str, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)
    return folder / name


def test_libreoffice_finds_the_formula_a_plain_csv_would_run(tmp_path):
    """The check itself: a CSV written without escaping does give formula cells."""
    plain = pd.DataFrame({"Bedrijf": list(FORMULA_TEXTS)}).to_csv(index=False).encode()
    found = open_all({"plain.csv": plain}, tmp_path)
    assert "of:=2+5" in found["plain.csv split on semicolon"]
    assert found["plain.csv split on comma"]


@pytest.fixture
def downloads(database) -> dict[str, bytes]:
    """Every download the app offers for a programme whose data is all injected text."""
    ensure_uploader(OFFICER, PROGRAMME)
    assert apply_import(injected_workbook(), "q4.xlsx", uploaded_by=OFFICER).ok
    ensure_uploader(OFFICER, PROGRAMME)
    rejected = apply_import(injected_workbook("2023-Q3"), "q3.xlsx", uploaded_by=OFFICER)
    reject_batch(rejected.batch_id, actor=OFFICER, comment="=1+1;@SUM(A1), -2+3")
    files = {}
    with session_scope() as session:
        programme_id = session.exec(select(Programme.id)).one()
        for lang in ("nl", "en"):
            table = export_table(
                community_table(session, programme_id=programme_id, as_of="2023-Q4"), lang=lang
            )
            audit = audit_frame(session).astype({"at": str})  # the page shows times as text
            for name, frame in (("communities", table), ("audit", audit)):
                files[f"{name}-{lang}.csv"] = to_csv_bytes(frame, separator=csv_separator(lang))
                files[f"{name}-{lang}.xlsx"] = to_excel_bytes(frame, sheet_name=name)
        files["template.xlsx"] = prefilled_template(session=session, programme_id=programme_id)
    return files


def test_no_download_holds_a_formula_whichever_separator_opens_it(downloads, tmp_path):
    found = open_all(downloads, tmp_path)
    assert len(found) == 13
    assert {name: cells for name, cells in found.items() if cells} == {}
    assert "Acme;'=2+5;" in downloads["communities-nl.csv"].decode("utf-8-sig")


def test_the_marked_cells_report_of_an_ods_upload_holds_no_formula(tmp_path):
    """`.ods`/`.xls` cells are copied by value: text starting with `=` must stay text,
    and so must an unknown header `=…` on the problems sheet."""
    book = sheets()
    book["Leergemeenschappen"][0].append('=HYPERLINK("http://evil.example";"klik")')
    book["Leergemeenschappen"][1].append("=2+5")
    book["Leergemeenschappen"][1][2] = "Acme;=2+5;"
    xlsx = _write(tmp_path / "in", "upload.xlsx", workbook_bytes(book, text=True))
    (ods,) = convert([xlsx], tmp_path / "ods")
    assert formula_cells(ods) == []  # the upload itself holds text only
    parsed = validate_workbook(ods.read_bytes(), "upload.ods")
    assert ["Leergemeenschappen", None, '=HYPERLINK("http://evil.example";"klik")',
            "unknown_column"] in [issue.flat() for issue in parsed.issues]  # fmt: skip
    report = write_error_report(ods.read_bytes(), parsed.issues)
    assert open_all({"report.xlsx": report}, tmp_path / "report") == {"report.xlsx": []}


def test_the_deck_charts_data_sheet_holds_no_formula(tmp_path):
    """A native PPTX chart embeds its data as a workbook (PowerPoint's "Edit data"):
    a programme name like `=HYPERLINK(…)` stays text there, while python-pptx's own
    workbook writer would have made it a formula (the check bites)."""
    rows = [{"programme": text, "cumulative_started": 1, "cumulative_target": 2}
            for text in FORMULA_TEXTS]  # fmt: skip
    figure = build_portfolio_progress_figure(rows, lang="nl")
    pptx = Presentation()
    chart = add_native_chart(pptx.slides.add_slide(pptx.slide_layouts[6]), figure, lang="nl")
    plain = CategoryChartData()
    plain.categories = list(FORMULA_TEXTS)
    plain.add_series("=1+1", [1] * len(FORMULA_TEXTS))
    found = open_all(
        {"deck-chart.xlsx": chart.part.chart_workbook.xlsx_part.blob, "plain.xlsx":
         plain.xlsx_blob}, tmp_path,
    )  # fmt: skip
    assert found["deck-chart.xlsx"] == []
    assert "of:=1+1" in found["plain.xlsx"]
