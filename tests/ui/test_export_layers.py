"""`ui/export` runs without Streamlit: the command line and `make deck` use it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT
from tests.test_layers import imported_top_level_names

EXPORT = PROJECT_ROOT / "ui" / "export"


def test_no_export_source_file_imports_streamlit():
    offenders = [
        path.name for path in sorted(EXPORT.glob("*.py"))
        if "streamlit" in imported_top_level_names(path)
    ]  # fmt: skip
    assert offenders == []


def test_importing_every_export_module_leaves_streamlit_unloaded():
    modules = [f"ui.export.{path.stem}" for path in sorted(EXPORT.glob("*.py"))]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "print('streamlit' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
