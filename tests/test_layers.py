"""`data_access` must stay usable without Streamlit (command line, tests, other front ends)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_ACCESS = PROJECT_ROOT / "data_access"


def imported_top_level_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def data_access_modules() -> list[str]:
    modules = []
    for path in sorted(DATA_ACCESS.rglob("*.py")):
        relative = path.relative_to(PROJECT_ROOT).with_suffix("")
        if "migrations" in relative.parts or relative.name == "__main__":
            continue
        modules.append(".".join(relative.parts).removesuffix(".__init__"))
    return modules


def test_no_data_access_source_file_imports_streamlit():
    offenders = [
        str(path.relative_to(PROJECT_ROOT))
        for path in sorted(DATA_ACCESS.rglob("*.py"))
        if "streamlit" in imported_top_level_names(path)
    ]
    assert offenders == []


def test_importing_every_data_access_module_leaves_streamlit_unloaded():
    code = (
        "import importlib, sys\n"
        f"for name in {data_access_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print('streamlit' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
