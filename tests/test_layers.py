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


# The layers of README.md's "Architecture", as import-linter contracts in pyproject.toml.
LINT_IMPORTS = (
    "import sys\n"
    "from importlinter.cli import lint_imports\n"
    "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
)
TOP_LEVEL_SCRIPTS = {"app", "pages"}  # run by Streamlit, imported by nobody


def test_every_import_follows_the_contracts_in_pyproject():
    result = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_nothing_imports_the_pages_or_the_app_script():
    """`pages/` and `app.py` are no packages, so import-linter can't see them."""
    offenders = [
        str(path.relative_to(PROJECT_ROOT))
        for folder in ("data_access", "ui")
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py"))
        if imported_top_level_names(path) & TOP_LEVEL_SCRIPTS
    ]
    assert offenders == []


def cache_attributes_used(path: Path) -> set[str]:
    return {
        node.attr
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "cache"
    }


def test_every_cached_read_a_page_calls_is_defined_in_ui_cache():
    """Pages call `cache.<figure>(...)` by name: a typo fails here, not on a page."""
    tree = ast.parse((PROJECT_ROOT / "ui" / "cache.py").read_text(encoding="utf-8"))
    defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)} | {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    callers = [PROJECT_ROOT / "app.py", *(PROJECT_ROOT / "pages").glob("*.py")]
    callers += (PROJECT_ROOT / "ui").rglob("*.py")
    unknown = {
        f"{path.relative_to(PROJECT_ROOT)}: cache.{name}"
        for path in callers
        for name in cache_attributes_used(path) - defined
    }
    assert unknown == set()
