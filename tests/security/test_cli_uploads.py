"""Issue 11 §1 and §5 on the command line: the same bounded worker path, size checked first."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import uuid

from tests.conftest import PROJECT_ROOT, skip_or_fail
from tests.security.hostile_files import ods_repeated, xls_shared_text, xlsx_far_cell
from tests.workbook.builders import valid_workbook

ONE_GIB = 1024**3


def run_limited(database: str, *args: str) -> subprocess.CompletedProcess:
    """The command line under a 1 GiB address-space limit, as a small server would run it."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ONE_GIB, ONE_GIB))

    return subprocess.run(
        [sys.executable, "-m", "data_access", *args], capture_output=True, text=True,
        cwd=PROJECT_ROOT, env=os.environ | {"DATABASE_URL": database}, timeout=180,
        preexec_fn=limit,
    )  # fmt: skip


def test_a_3_gb_file_is_refused_by_its_size_without_being_read(database, tmp_path):
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(3 * ONE_GIB)

    done = run_limited(database, "import", str(path), "--dry-run", "--json", "--lang", "en")

    assert (done.returncode, done.stderr) == (2, "")
    [error] = json.loads(done.stdout)["errors"]
    assert (error["code"], error["message"]) == (
        "file_too_large",
        "The file is 3072.0 MB; the maximum is 25.0 MB.",
    )


def test_hostile_files_are_refused_on_the_command_line(database, tmp_path):
    cases = (("far.xlsx", xlsx_far_cell(), "too_many_columns"),
             ("repeat.ods", ods_repeated(200_000, 100), "too_many_cells"),
             ("text.xls", xls_shared_text(), "too_much_text"))  # fmt: skip
    for name, content, code in cases:
        path = tmp_path / name
        path.write_bytes(content)

        done = run_limited(database, "import", str(path), "--dry-run", "--json")

        assert done.returncode == 2, done.stderr
        assert [e["code"] for e in json.loads(done.stdout)["errors"]] == [code], done.stderr


def test_an_xls_referencing_a_gigabyte_of_shared_text_is_refused_with_the_xlsx_message(
    database, tmp_path
):
    # 450 KB: one 32,767-character string in the SST, referenced by 30,000 cells.
    path = tmp_path / "text.xls"
    path.write_bytes(xls_shared_text())

    done = run_limited(database, "import", str(path), "--dry-run", "--json", "--lang", "en")

    assert (done.returncode, done.stderr) == (2, "")
    [error] = json.loads(done.stdout)["errors"]
    assert (error["code"], error["message"]) == (
        "too_much_text",
        "Sheet 'Leergemeenschappen' holds 937.5 MB of text; the maximum is 100.0 MB.",
    )


def test_a_normal_xls_from_libreoffice_still_imports_on_the_command_line(database, tmp_path):
    if shutil.which("soffice") is None:
        skip_or_fail("LibreOffice (soffice) is not installed")
    source = tmp_path / "kwartaal.xlsx"
    source.write_bytes(valid_workbook())
    profile = f"file:///tmp/lo-profile-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xls",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)

    done = run_limited(database, "import", str(tmp_path / "kwartaal.xls"), "--dry-run", "--json")

    assert (done.returncode, done.stderr) == (0, "")
    output = json.loads(done.stdout)
    assert (output["ok"], output["errors"]) == (True, [])
    assert output["counts"]["communities"]["new"] == 1
