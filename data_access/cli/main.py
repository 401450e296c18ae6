"""The command line: `python -m data_access COMMAND ...` (import, template, history, ...).

Every command first brings the database up to date, so a fresh machine works.
User errors are sentences in the chosen language on stderr, never tracebacks.
Exit status of `import`: 0 valid (and applied unless --dry-run), 1 validation
errors, 2 unreadable or unsupported file. Every write names its actor with
`--as EMAIL` (checked against the roles in the database, see data_access.access.permissions),
and so does `history`, which lists only the imports that person may see:
a missing `--as` exits 2 (usage), a refused actor exits 1 with the reason.

Start-up is kept short (issue 14): this module imports only the standard library at
the top; each command imports what it needs (pandas, SQLAlchemy, the importer), so
`--help` costs little more than Python itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from data_access.cli import access as cli_access
from data_access.cli import portfolio as cli_portfolio
from data_access.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate

if TYPE_CHECKING:
    from data_access.imports.result import ImportResult
    from data_access.workbook.report import Issue

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data_access", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="validate and apply a quarterly workbook")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="validate and plan, store nothing")
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.add_argument("--as", dest="actor", help="e-mail of who uploads (required unless --dry-run)")
    template = commands.add_parser("template", help="write an empty workbook to fill in")
    template.add_argument("file")
    template.add_argument("--programme")
    template.add_argument("--period")
    commands.add_parser("migrate", help="bring the database schema up to date")
    commands.add_parser("seed-sample", help="load the sample data")
    kpis = commands.add_parser("kpis", help="print the KPI report")
    scope = kpis.add_mutually_exclusive_group()
    scope.add_argument("--period")
    scope.add_argument("--portfolio", action="store_true",
                       help="every programme as of its last quarter, and the totals")  # fmt: skip
    kpis.add_argument("--json", action="store_true")
    kpis.add_argument("--approved-only", action="store_true", help="count approved imports only")
    history = commands.add_parser("history", help="list the imports the --as person may see")
    history.add_argument("--json", action="store_true")
    history.add_argument("--as", dest="actor", required=True, help="e-mail of who looks")
    undo = commands.add_parser("undo", help="undo an import")
    undo.add_argument("batch_id", type=int)
    undo.add_argument("--as", dest="actor", required=True, help="e-mail of who undoes")
    cli_access.add_commands(commands)
    cli_portfolio.add_commands(commands)
    backup = commands.add_parser("backup", help="write a backup of the database to FILE")
    backup.add_argument("file")
    restore = commands.add_parser("restore", help="replace the database with the backup FILE")
    restore.add_argument("file")
    restore.add_argument("--as", dest="actor", required=True, help="e-mail of an administrator")
    for sub in commands.choices.values():
        sub.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from sqlalchemy.exc import SQLAlchemyError

    from data_access.access.backup import BackupError
    from data_access.access.history import HistoryError
    from data_access.access.permissions import PermissionDenied

    try:
        from data_access.core.migrate import migrate_if_behind

        migrate_if_behind()
        return COMMANDS[args.command](args)
    except (HistoryError, PermissionDenied) as error:
        return _fail(error.message(args.lang), EXIT_INVALID)
    except BackupError as error:
        return _fail(error.message(args.lang), EXIT_UNREADABLE)
    except SQLAlchemyError as error:
        detail = str(error).splitlines()[0]
        return _fail(translate("cli.database_error", args.lang, detail=detail), EXIT_UNREADABLE)


def run_import(args: argparse.Namespace) -> int:
    from data_access.imports.importer import apply_import, plan_import

    path = Path(args.file)
    if not path.is_file():
        return _fail(translate("cli.file_not_found", args.lang, path=path), EXIT_UNREADABLE)
    oversized = _refuse_oversized(path, args.lang)
    if oversized is not None:
        return _report_import(oversized, args)
    content = path.read_bytes()
    if args.dry_run:
        result = plan_import(content, path.name, lang=args.lang)
    elif not args.actor:
        return _fail(translate("cli.as_required", args.lang), EXIT_UNREADABLE)
    else:
        result = apply_import(content, path.name, uploaded_by=args.actor, lang=args.lang)
    return _report_import(result, args)


def _refuse_oversized(path: Path, lang: str) -> ImportResult | None:
    """A file over the size limit is refused from its size alone, before it is read."""
    from data_access.core.config import UploadLimits
    from data_access.imports.result import ImportResult
    from data_access.workbook.report import WorkbookRefused
    from data_access.workbook.sniff import check_size

    try:
        check_size(path.stat().st_size, limits=UploadLimits.from_env())
    except WorkbookRefused as refused:
        return ImportResult(status="refused", issues=[refused.issue()], lang=lang)
    return None


def _report_import(result: ImportResult, args: argparse.Namespace) -> int:
    print(result.to_json(args.lang) if args.json else summarise(result, args.lang))
    if result.status == "refused":
        return EXIT_UNREADABLE
    return EXIT_OK if result.ok else EXIT_INVALID


def summarise(result: ImportResult, lang: str) -> str:
    """A readable summary of an import for a terminal."""
    from data_access.imports.result import ENTITIES

    params = {"programme": result.programme, "period": result.period, "batch_id": result.batch_id}
    lines = [translate(f"cli.status.{result.status}", lang, **params)]
    if result.ok:
        for entity in ENTITIES:
            name = translate(f"cli.entity.{entity}", lang)
            lines.append("  " + translate("cli.counts", lang, entity=name, **result.counts[entity]))
    for heading, issues in (("cli.errors", result.errors), ("cli.warnings", result.warnings)):
        if issues:
            lines.append(translate(heading, lang))
            lines.extend("  " + _describe_issue(issue, lang) for issue in issues)
    return "\n".join(lines)


def _describe_issue(issue: Issue, lang: str) -> str:
    row = translate("cli.row", lang, row=issue.row) if issue.row is not None else None
    where = ", ".join(str(part) for part in (issue.sheet, row, issue.column) if part)
    return f"{where}: {issue.message(lang)}" if where else issue.message(lang)


def run_template(args: argparse.Namespace) -> int:
    from data_access.workbook.template import write_template

    write_template(args.file, lang=args.lang, programme=args.programme, period=args.period)
    print(translate("cli.template_written", args.lang, path=args.file))
    return EXIT_OK


def run_migrate(args: argparse.Namespace) -> int:
    print(translate("cli.migrated", args.lang))  # main() has just migrated
    return EXIT_OK


def run_seed_sample(args: argparse.Namespace) -> int:
    from data_access.imports.sample import load_sample_data

    load_sample_data()
    print(translate("cli.seeded", args.lang))
    return EXIT_OK


def run_kpis(args: argparse.Namespace) -> int:
    from data_access.core.db import session_scope
    from data_access.kpis.figures import kpis_report
    from data_access.kpis.portfolio import portfolio_report

    with session_scope(approved_only=args.approved_only) as session:
        if args.portfolio:
            report = portfolio_report(session)
        else:
            report = kpis_report(session, as_of=args.period)
    print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    return EXIT_OK


def run_history(args: argparse.Namespace) -> int:
    """The imports `--as` may see (access.history.imports_visible_to): the list names
    files, uploaders and programmes, so a lead sees only the programmes they lead."""
    from data_access.access.history import SEES_EVERY_IMPORT, imports_visible_to
    from data_access.access.permissions import require, resolve_actor
    from data_access.core.db import session_scope

    with session_scope() as session:
        who = resolve_actor(session, args.actor)
        require(who, "read")  # no role at all: refused, as on every other command
        imports = imports_visible_to(session, actor=who)
    if args.json:
        print(json.dumps(imports, ensure_ascii=False, indent=2, default=str))
    elif not imports and who.roles & SEES_EVERY_IMPORT:
        print(translate("cli.no_imports", args.lang))
    elif not imports:  # there may be imports, just none of this person's programmes
        print(translate("cli.no_imports_visible", args.lang, email=who.email))
    for item in [] if args.json else imports:
        uploaded = item["uploaded_at"].strftime("%Y-%m-%d %H:%M")
        shown = {key: printable(str(item[key])) for key in ("period", "programme", "uploaded_by")}
        print(f"#{item['id']:<5} {shown['period']}  {shown['programme']:<20} {item['status']:<10} "
              f"{uploaded}  {shown['uploaded_by']:<15} {printable(item['file_name'])}")  # fmt: skip
    return EXIT_OK


def printable(text: str) -> str:
    """Stored text for a terminal: control and format characters (an ANSI escape that clears
    the screen, a bidi override that reverses a name) print as `\\x1b`, `\\u202e`."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def run_undo(args: argparse.Namespace) -> int:
    from data_access.access.history import undo_import

    outcome = undo_import(args.batch_id, actor=args.actor)
    print(translate("cli.undone", args.lang, batch_id=outcome.batch_id))
    if outcome.reactivated_batch_id is not None:
        print(translate("cli.reactivated", args.lang, batch_id=outcome.reactivated_batch_id))
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    from data_access.access.backup import backup_database

    path = backup_database(args.file)
    print(translate("cli.backed_up", args.lang, path=path))
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from data_access.access.backup import restore_backup

    restore_backup(args.file, actor=args.actor)
    print(translate("cli.restored", args.lang, path=args.file))
    return EXIT_OK


def _fail(message: str, status: int) -> int:
    print(message, file=sys.stderr)
    return status


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": run_import,
    "template": run_template,
    "migrate": run_migrate,
    "seed-sample": run_seed_sample,
    "kpis": run_kpis,
    "history": run_history,
    "undo": run_undo,
    "backup": run_backup,
    "restore": run_restore,
    **cli_access.COMMANDS,
    **cli_portfolio.COMMANDS,
}
