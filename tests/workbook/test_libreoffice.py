"""Files written by LibreOffice (.xls, .ods, .xlsx) validate exactly like the original.

LibreOffice also stores formula results, so a formula counts by its cached value
there. Conversions take seconds, so they run once per test session.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import uuid
from pathlib import Path

import olefile
import pytest

from data_access.workbook.report import WorkbookRefused
from data_access.workbook.validate import validate_workbook
from tests.conftest import skip_or_fail
from tests.workbook.builders import community, sheets, workbook_bytes

FORMATS = ("xlsx", "xls", "ods")
BIFF_FILEPASS = 0x002F


def _original() -> bytes:
    records = [
        community(),
        community(code="GE22-02", status="running", end_date=None, employees="=2+4"),
        community(code="GE22-03", sector="Landbouw", municipality="Amsterdam"),
    ]
    return workbook_bytes(sheets(communities=records))


def _convert(source: Path, fmt: str, out_dir: Path) -> Path:
    profile = f"file:///tmp/lo-profile-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", fmt, "--outdir", str(out_dir / fmt), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    return out_dir / fmt / f"{source.stem}.{fmt}"


@pytest.fixture(scope="session")
def libreoffice_files(tmp_path_factory) -> dict[str, Path]:
    """The original, and LibreOffice's .xlsx, .xls and .ods of it."""
    if shutil.which("soffice") is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("libreoffice")
    source = folder / "kwartaal.xlsx"
    source.write_bytes(_original())
    return {"original": source} | {fmt: _convert(source, fmt, folder) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_libreoffice_files_validate_like_the_original(libreoffice_files, fmt):
    original = validate_workbook(libreoffice_files["original"].read_bytes(), "kwartaal.xlsx")
    converted = validate_workbook(libreoffice_files[fmt].read_bytes(), f"kwartaal.{fmt}")

    assert (
        [i.flat() for i in converted.issues]
        == [i.flat() for i in original.issues]
        == [
            ["Leergemeenschappen", 4, "Sector", "invalid_choice"],
            ["Leergemeenschappen", 4, "Gemeente", "unknown_municipality"],
        ]
    )
    assert (converted.programme, converted.period) == ("GasErop!", "2022-Q2")
    for key in ("facilitators", "funding"):
        assert getattr(converted, key).equals(getattr(original, key))
    without_formula = ["employees"]
    assert converted.communities.drop(columns=without_formula).equals(
        original.communities.drop(columns=without_formula)
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_libreoffice_stores_formula_results_which_count(libreoffice_files, fmt):
    converted = validate_workbook(libreoffice_files[fmt].read_bytes(), f"kwartaal.{fmt}")

    assert converted.communities["employees"].tolist() == [6, 6, 6]


def test_an_encrypted_xls_is_refused(libreoffice_files, tmp_path):
    target = tmp_path / "geheim.xls"
    shutil.copy(libreoffice_files["xls"], target)
    with olefile.OleFileIO(str(target), write_mode=True) as ole:
        biff = bytearray(ole.openstream("Workbook").read())
        bof_size = struct.unpack_from("<H", biff, 2)[0]
        struct.pack_into("<H", biff, 4 + bof_size, BIFF_FILEPASS)  # the record after BOF
        ole.write_stream("Workbook", bytes(biff))

    with pytest.raises(WorkbookRefused) as refused:
        validate_workbook(target.read_bytes(), "geheim.xls")

    assert refused.value.code == "password_protected"
