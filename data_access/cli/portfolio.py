"""Command line for programmes and the province-wide view: `programmes add|edit|list`, `status`.

`programmes add|edit` take `--as EMAIL` (officers and admins; targets and budget:
officers) and are audited; `status [--json]` prints reporting completeness per
programme and quarter, as the Portfolio page's grid shows it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from data_access.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate, translate_count


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add `programmes` and `status` to the main parser's subcommands."""
    programmes = commands.add_parser("programmes", help="list, add or edit programmes")
    actions = programmes.add_subparsers(dest="programmes_command", required=True)
    listing = actions.add_parser("list", help="every programme, its leads and targets")
    listing.add_argument("--json", action="store_true")
    for name in ("add", "edit"):
        sub = actions.add_parser(name, help=f"{name} a programme (officers and admins)")
        sub.add_argument("name")
        if name == "edit":
            sub.add_argument("--rename", help="a new name")
        sub.add_argument("--description")
        sub.add_argument("--first-year", type=int)
        sub.add_argument("--last-year", type=int)
        sub.add_argument("--deadline-days", type=int, help="report due N days after a quarter")
        sub.add_argument("--target", action="append", default=[], metavar="YEAR:MEASURE=VALUE")
        sub.add_argument("--budget", action="append", default=[], metavar="YEAR=EUROS")
        sub.add_argument("--as", dest="actor", required=True, help="e-mail of the officer")
    for sub in actions.choices.values():
        sub.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    status = commands.add_parser("status", help="reporting completeness per programme")
    status.add_argument("--json", action="store_true")
    status.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)


def run_programmes(args: argparse.Namespace) -> int:
    from data_access.access.programmes import ProgrammeRefused

    try:
        if args.programmes_command == "list":
            return _list(args)
        return _add_or_edit(args)
    except (ProgrammeRefused, ValueError) as refused:
        text = refused.message(args.lang) if isinstance(refused, ProgrammeRefused) else str(refused)
        print(text, file=sys.stderr)
        return 1


def _add_or_edit(args: argparse.Namespace) -> int:
    from data_access.access import programmes as p
    from data_access.access.permissions import PermissionDenied
    from data_access.core.db import session_scope
    from data_access.core.queries import get_programme

    targets = tuple(_target(text) for text in args.target)
    targets += tuple((int(y), "budget", float(v)) for y, v in (b.split("=") for b in args.budget))
    if args.programmes_command == "add":
        details = p.ProgrammeDetails(name=args.name, targets=targets)
        programme_id = p.create_programme(details=_with(details, args), actor=args.actor)
        print(translate("cli.programme_added", args.lang, name=args.name, id=programme_id))
        return 0
    with session_scope() as session:
        found = get_programme(session, name=args.name)
    if found is None:
        raise PermissionDenied("unknown_programme", programme=args.name)
    details = p.ProgrammeDetails(name=args.rename or found.name, description=found.description,
                                 first_year=found.first_year, last_year=found.last_year,
                                 deadline_days=found.deadline_days, targets=targets)  # fmt: skip
    changed = p.edit_programme(found.id, details=_with(details, args), actor=args.actor)
    count = len(changed)
    print(translate_count("cli.programme_edited", count, args.lang, name=details.name, count=count))
    return 0


def _with(details, args: argparse.Namespace):
    """The details with every option the command line gave (the rest as they were)."""
    given = {
        field: getattr(args, field)
        for field in ("description", "first_year", "last_year", "deadline_days")
        if getattr(args, field) is not None
    }
    return replace(details, **given)


def _target(text: str) -> tuple[int, str, float]:
    """`2024:communities_started=6` → (2024, "communities_started", 6.0)."""
    try:
        year_measure, value = text.split("=")
        year, measure = year_measure.split(":")
        return int(year), measure.strip(), float(value)
    except ValueError as error:
        raise ValueError(f"--target {text!r}: expected YEAR:MEASURE=VALUE") from error


def _list(args: argparse.Namespace) -> int:
    from data_access.access.programmes import programme_rows
    from data_access.core.db import session_scope

    with session_scope() as session:
        rows = programme_rows(session)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        years = f"{row['first_year'] or '?'}–{row['last_year'] or '?'}"
        leads = ", ".join(row["leads"]) or "-"
        print(f"{row['id']:>3} {row['name']:<30} {years:<10} {row['imports']:>3} imports  {leads}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from data_access.core.db import session_scope
    from data_access.kpis.completeness import completeness_rows

    with session_scope() as session:
        rows = completeness_rows(session, today=args.today or date.today())
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        label = translate(f"completeness.status.{row['status']}", args.lang)
        if row["late"]:
            label += f" ({translate('completeness.late', args.lang)})"
        print(f"{row['programme']:<30} {row['period']}  {label:<26} {row['due']}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "programmes": run_programmes,
    "status": run_status,
}
