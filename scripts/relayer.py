"""Issue #15's package moves: `git mv` each module, then rewrite every reference.

Idempotent: re-running after a merge moves what is still at an old path and rewrites
any reference that still names an old module (imports, dotted strings such as
monkeypatch targets and `python -m` commands, and `data_access/…py` paths in docs).

    .venv/bin/python scripts/relayer.py
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MOVES = {  # old module (under data_access) -> new module
    "config": "core.config",
    "db": "core.db",
    "models": "core.models",
    "migrate": "core.migrate",
    "state": "core.state",
    "periods": "core.periods",
    "data_version": "core.data_version",
    "i18n": "core.i18n",
    "reference": "core.reference",
    "queries": "core.queries",
    "exports": "core.exports",
    "roles": "vocabulary",
    "importer": "imports.importer",
    "import_plan": "imports.plan",
    "import_diff": "imports.diff",
    "import_apply": "imports.apply",
    "import_context": "imports.context",
    "import_result": "imports.result",
    "bulk_insert": "imports.bulk_insert",
    "review": "imports.review",
    "sample": "imports.sample",
    "workbook.prefill": "imports.prefill",
    "kpis": "kpis.figures",
    "kpis_communities": "kpis.communities",
    "kpis_compare": "kpis.compare",
    "kpis_facilitators": "kpis.facilitators",
    "kpis_funding": "kpis.funding",
    "kpis_map": "kpis.map",
    "kpis_overview": "kpis.overview",
    "kpis_progress": "kpis.progress",
    "kpis_staffing": "kpis.staffing",
    "kpis_success": "kpis.success",
    "kpis_summary": "kpis.summary",
    "kpis_targets": "kpis.targets",
    "filters": "kpis.filters",
    "shared_frames": "kpis.shared_frames",
    "slides": "kpis.slides",
    "portfolio": "kpis.portfolio",
    "completeness": "kpis.completeness",
    "access": "access.permissions",
    "approval": "access.approval",
    "audit": "access.audit",
    "users": "access.users",
    "locks": "access.locks",
    "programmes": "access.programmes",
    "history": "access.history",
    "targets": "access.targets",
    "target_edits": "access.target_edits",
    "backup": "access.backup",
    "cli": "cli.main",
    "cli_access": "cli.access",
    "cli_portfolio": "cli.portfolio",
    "docs_figures": "cli.docs_figures",
}
PACKAGES = {"core", "imports", "kpis", "access", "cli"}
SUFFIXES = {".py", ".md", ".toml", ".ini", ".cfg", ".txt", ".yml", ".yaml", ".sh"}
NAMES = {"Makefile", "Dockerfile"}
SKIP = {".venv", ".git", "node_modules", "__pycache__"}


def children(package: str) -> set[str]:
    return {new.split(".", 1)[1] for new in MOVES.values() if new.startswith(package + ".")}


def old_name_pattern(old: str) -> str:
    """`old` as a whole dotted name. An old module that is now a package's name (kpis,
    access, cli) only counts where it is followed by a name that is not one of the
    package's modules: `data_access.kpis.sector_split`, `from data_access.kpis import
    kpi_summary`; the bare package (`"data_access.kpis"`) is new code's."""
    if old not in PACKAGES:
        return re.escape(old) + r"(?![\w])"
    names = sorted(children(old))
    # `from data_access.cli import main` named the old cli.py's function.
    imported = "|".join(name for name in names if name != "main")
    attribute = r"\.(?!(?:{})\b)\w".format("|".join(names))
    from_import = rf"\s+import\s+\(?\s*(?!(?:{imported})\b)\w"
    return re.escape(old) + r"(?=" + attribute + "|" + from_import + ")"


def move_files() -> None:
    for old, new in MOVES.items():
        source = ROOT / "data_access" / (old.replace(".", "/") + ".py")
        if not source.exists() or (old in PACKAGES and (ROOT / "data_access" / old).is_dir()):
            continue
        target = ROOT / "data_access" / (new.replace(".", "/") + ".py")
        target.parent.mkdir(parents=True, exist_ok=True)
        init = target.parent / "__init__.py"
        if target.parent.name in PACKAGES and not init.exists():
            init.write_text(f'"""data_access.{target.parent.name}"""\n', encoding="utf-8")
            subprocess.run(["git", "add", str(init)], cwd=ROOT, check=True)
        if old in PACKAGES:  # kpis.py -> kpis/figures.py: the folder takes the name
            temporary = source.with_name(f"_{old}_moving.py")
            subprocess.run(["git", "mv", str(source), str(temporary)], cwd=ROOT, check=True)
            source = temporary
        subprocess.run(["git", "mv", str(source), str(target)], cwd=ROOT, check=True)


def rewrite(text: str) -> str:
    olds = sorted(MOVES, key=len, reverse=True)

    def from_import(match: re.Match) -> str:  # from data_access import kpis_funding as kfu
        indent, names, comment = match.group(1), match.group(2), match.group(3) or ""
        lines, kept = [], []
        for part in (p.strip() for p in names.split(",") if p.strip()):
            name, _, alias = part.partition(" as ")
            alias = alias.strip() or name.strip()
            new = MOVES.get(name.strip())
            if new is None:
                kept.append(part)
                continue
            package, _, module = new.rpartition(".")
            source = "data_access" + ("." + package if package else "")
            suffix = "" if alias == module else f" as {alias}"
            lines.append(f"{indent}from {source} import {module}{suffix}{comment}")
        if kept:
            lines.insert(0, f"{indent}from data_access import {', '.join(kept)}{comment}")
        return "\n".join(lines)

    text = re.sub(
        r"(?m)^([ \t]*)from data_access import ([\w ,]+?)([ \t]*#.*)?$", from_import, text
    )
    dotted = "|".join(old_name_pattern(o) for o in olds)
    text = re.sub(rf"\bdata_access\.({dotted})", lambda m: "data_access." + MOVES[m.group(1)], text)
    slashed = "|".join(re.escape(o.replace(".", "/")) for o in olds)
    text = re.sub(
        rf"\bdata_access/({slashed})\.py\b",
        lambda m: "data_access/" + MOVES[m.group(1).replace("/", ".")].replace(".", "/") + ".py",
        text,
    )
    return text


def rewrite_files() -> None:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in listed:
        path = ROOT / name
        if path == Path(__file__).resolve() or not path.is_file():
            continue
        if path.suffix not in SUFFIXES and path.name not in NAMES:
            continue
        if "migrations/versions" in name:
            continue
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    move_files()
    rewrite_files()
