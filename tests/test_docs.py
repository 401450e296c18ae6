"""The documentation in docs/ stays true to the code (after sqlite-utils' docs tests).

Every problem code the code can report is documented in docs/workbook.md and every
documented code exists; docs/figures.md is what its generator writes; every command in
the README and docs/ parses (`--help`) with the options it shows; links point at files
that exist; and nothing cites a file outside the repository.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from data_access.cli.docs_figures import FIGURES_DOC, MEASURE, figures_markdown
from data_access.cli.main import build_parser
from data_access.core.i18n import LANGUAGES, catalog

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
WORKBOOK_DOC = DOCS / "workbook.md"
# Locale namespaces whose keys are problem codes: `Issue.message` renders `issue.<code>`.
CODE_NAMESPACES = ("issue.", "refusal.")
# Calls whose string arguments are problem codes, wherever they are defined.
CODE_CALLS = {"WorkbookRefused", "Issue", "add", "report_rows", "add_sheet_issue"}
SEVERITIES = {"error", "warning"}
SNAKE = re.compile(r"^[a-z]+(?:_[a-z0-9]+)+$|^[a-z]+$")
DOC_CODE_ROW = re.compile(r"^\| `(?P<code>[a-z0-9_]+)` \| (?P<severity>[a-z]+) \|")


def locale_codes() -> set[str]:
    """Codes with a message: the registry every reported code must be in."""
    keys = set().union(*(catalog(lang) for lang in LANGUAGES))
    codes = (key.split(".", 1)[1] for key in keys if key.startswith(CODE_NAMESPACES))
    return {code.removesuffix(".one").removesuffix(".other") for code in codes}  # plurals


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def codes_in_code() -> dict[str, set[str]]:
    """Code -> files: string arguments of the calls that report problems, and the values
    of `*_CODES` constants, in every module of data_access."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "data_access").rglob("*.py")):
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            strings: list[ast.AST] = []
            if isinstance(node, ast.Call) and _call_name(node) in CODE_CALLS:
                strings = list(node.args)
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith("_CODES") for t in node.targets
            ):
                strings = list(ast.walk(node.value))
            for item in strings:
                value = getattr(item, "value", None) if isinstance(item, ast.Constant) else None
                if isinstance(value, str) and SNAKE.match(value) and value not in SEVERITIES:
                    found.setdefault(value, set()).add(where)
    return found


def documented_codes() -> dict[str, str]:
    """Code -> its row in the codes table of docs/workbook.md."""
    rows = {}
    for line in WORKBOOK_DOC.read_text(encoding="utf-8").splitlines():
        match = DOC_CODE_ROW.match(line)
        if match:
            rows[match["code"]] = line
    return rows


def test_the_code_discovery_finds_the_codes_it_must():
    # Guards the discovery itself: a refusal, a cell error, a rule and a database check.
    found = codes_in_code()
    assert {"zip_bomb", "invalid_date", "end_before_start", "unknown_facilitator"} <= set(found)
    assert {"period_locked", "not_reported", "missing_sheet"} <= set(found)


def test_every_code_the_code_reports_has_a_message():
    missing = {code: sorted(files) for code, files in codes_in_code().items()}
    assert {c: f for c, f in missing.items() if c not in locale_codes()} == {}


def test_every_code_is_documented_in_the_workbook_doc():
    codes = locale_codes() | set(codes_in_code())
    assert sorted(codes - set(documented_codes())) == []


def test_every_documented_code_exists():
    """A row marked `<!-- pending -->` documents a code a parallel change adds; once that
    change is in, the marker can go (the row then has to match a real code anyway)."""
    existing = locale_codes() | set(codes_in_code())
    unknown = [c for c, row in documented_codes().items() if c not in existing]
    assert [c for c in unknown if "<!-- pending -->" not in documented_codes()[c]] == []


def test_documented_severities_are_known_words():
    severities = {m["severity"] for m in map(DOC_CODE_ROW.match, _doc_lines()) if m}
    assert severities == {"refused", "error", "warning"}


def _doc_lines() -> list[str]:
    return WORKBOOK_DOC.read_text(encoding="utf-8").splitlines()


def test_figures_doc_is_what_the_generator_writes():
    # Fix: .venv/bin/python -m data_access.cli.docs_figures
    assert FIGURES_DOC.read_text(encoding="utf-8") == figures_markdown()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_measure_has_a_title_for_the_figures_doc(lang):
    texts = catalog(lang)
    names = [MEASURE.match(key)["name"] for key in texts if MEASURE.match(key)]
    assert [name for name in names if f"kpi.{name}.title" not in texts] == []


def documentation_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def fenced_lines() -> list[tuple[str, str]]:
    """(file, line) for every line of every fenced block in the README and docs."""
    lines = []
    for path in documentation_files():
        blocks = path.read_text(encoding="utf-8").split("```")[1::2]
        for block in blocks:
            lines += [(path.name, line.strip()) for line in block.splitlines()[1:]]
    return lines


def cli_lines() -> list[tuple[str, str]]:
    """Documented `python -m data_access ...` commands, comments and `[...]` dropped."""
    commands = []
    for name, line in fenced_lines():
        line = re.sub(r"^(\S+=\S+\s+)*(\.venv/bin/)?", "", line.split("#")[0]).strip()
        if line.startswith("python -m data_access "):
            commands.append((name, line.removeprefix("python -m data_access ")))
    return commands


def subcommand_parser(words: list[str]):
    """Follow the subcommand words as far as the parser has subcommands."""
    parser, path = build_parser(), []
    for word in words:
        actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        if not actions or word not in actions[0].choices:
            break
        parser, path = actions[0].choices[word], [*path, word]
    return parser, path


def test_the_docs_show_commands():
    assert len(cli_lines()) >= 20  # the README's list and the workbook doc's


@pytest.mark.parametrize("where,line", cli_lines())
def test_every_documented_command_runs_with_its_options(where, line, capsys):
    words = shlex.split(line.replace("[", " ").replace("]", " ").replace("|", " "))
    parser, path = subcommand_parser(words)
    assert path, f"{where}: no such command: {line}"
    options = {o for a in parser._actions for o in a.option_strings}
    assert [w for w in words if w.startswith("--") and w not in options] == [], where
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*path, "--help"])
    assert exit_.value.code == 0
    assert "usage: python -m data_access " + " ".join(path) in capsys.readouterr().out


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, flags=re.MULTILINE))


def test_every_documented_make_command_exists():
    named = {line.split()[1] for _, line in fenced_lines() if line.startswith("make ")}
    assert named, "the README names make commands"
    assert sorted(named - make_targets()) == []


def test_other_documented_modules_exist():
    modules = set()
    for _, line in fenced_lines():
        modules.update(re.findall(r"python -m ([a-z_.]+)", line))
    modules -= {"data_access", "pytest"}
    missing = [m for m in modules if not (ROOT / (m.replace(".", "/") + ".py")).exists()
               and not (ROOT / m.replace(".", "/") / "__main__.py").exists()]  # fmt: skip
    assert missing == []


LINK = re.compile(r"\]\((?!https?:|#|mailto:)(?P<target>[^)#\s]+)")


def test_links_in_the_docs_point_at_files_in_the_repository():
    broken = []
    for path in documentation_files():
        for target in LINK.findall(path.read_text(encoding="utf-8")):
            if not (path.parent / target).resolve().is_file():
                broken.append(f"{path.name}: {target}")
    assert broken == []


def test_nothing_cites_a_file_outside_the_repository():
    """The contract and the figures live in docs/; a clone has no shared/spec folder (and
    a message on screen names a document of the Help page, not a file)."""
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    outside = re.compile(r"shared/spec|\bkpis\.md|quarterly-workbook\.md")
    citing = [
        name
        for name in tracked
        if name != "tests/test_docs.py"
        and (ROOT / name).suffix in {".py", ".md", ".toml", ".txt", ".json", ""}
        and (ROOT / name).is_file()
        and outside.search((ROOT / name).read_text(encoding="utf-8", errors="ignore"))
    ]
    assert citing == []


def test_make_docs_builds_a_site_whose_links_work(tmp_path):
    spec = importlib.util.spec_from_file_location("build_docs", ROOT / "scripts/build_docs.py")
    build_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_docs)
    written = {path.name for path in build_docs.build(tmp_path)}
    assert written == {"index.html"} | {p.stem + ".html" for p in DOCS.glob("*.md")}
    guide = (tmp_path / "guide-programme-lead.html").read_text(encoding="utf-8")
    assert 'href="workbook.html#error-and-warning-codes"' in guide
    workbook = (tmp_path / "workbook.html").read_text(encoding="utf-8")
    assert 'id="error-and-warning-codes"' in workbook
    assert "<td><code>zip_bomb</code></td>" in workbook  # tables are tables
    assert 'href="figures.html"' in (tmp_path / "index.html").read_text(encoding="utf-8")


# Refusals outside the workbook: exception class -> the locale namespace of its messages.
REFUSALS = {"PermissionDenied": "error.permission.", "BackupError": "backup.",
            "UndoRefused": "history.", "HistoryError": "history.",
            "ReviewRefused": "history.review."}  # fmt: skip


def refusal_keys() -> set[str]:
    """Every message key a refusal can show: whole namespaces that hold only refusals,
    plus the codes raised by name (undo's share `history.` with the page's labels)."""
    texts = catalog("en")
    keys = {k for k in texts if k.startswith(("error.permission.", "backup.", "history.review."))}
    for path in sorted((ROOT / "data_access").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _call_name(node) in REFUSALS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.add(REFUSALS[_call_name(node)] + first.value)
    return keys


def test_every_refusal_is_documented_in_the_admin_guide():
    guide = (DOCS / "admin-guide.md").read_text(encoding="utf-8")
    assert {"error.permission.import", "history.later_imports"} <= refusal_keys()
    assert sorted(k for k in refusal_keys() if f"`{k}`" not in guide) == []


def test_every_documented_refusal_exists():
    guide = (DOCS / "admin-guide.md").read_text(encoding="utf-8")
    named = set(re.findall(r"^\| `([a-z_.]+)` \|", guide, flags=re.MULTILINE))
    assert sorted(named - refusal_keys()) == []
