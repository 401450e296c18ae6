"""Command line for roles and reviews: `users ...`, `approve`, `reject`, `lock`, `unlock`.

Every write takes `--as EMAIL` (required: argparse exits 2 without it) and the
data functions check that person's roles; a refusal exits 1 with the reason.
`users bootstrap-admin EMAIL` makes the first admin of a fresh database only.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from data_access.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from data_access.vocabulary import ROLES


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the access commands to the main parser's subcommands."""
    users = commands.add_parser("users", help="list, add or remove roles")
    actions = users.add_subparsers(dest="users_command", required=True)
    actions.add_parser("list", help="every role, by e-mail")
    for name in ("add", "remove"):
        sub = actions.add_parser(name, help=f"{name} a role (admins only)")
        sub.add_argument("email")
        sub.add_argument("--role", choices=ROLES, required=True)
        sub.add_argument("--programme", help="the programme a lead leads (by name)")
        _actor(sub, "admin")
    boot = actions.add_parser("bootstrap-admin", help="make the first admin (no admin yet)")
    boot.add_argument("email")
    for sub in actions.choices.values():  # options after `users add` belong to `add`
        sub.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    for name in ("approve", "reject"):
        sub = commands.add_parser(name, help=f"{name} a submitted import (officers)")
        sub.add_argument("batch_id", type=int)
        sub.add_argument("--comment", required=name == "reject")
        _actor(sub, "officer")
    for name in ("lock", "unlock"):
        sub = commands.add_parser(name, help=f"{name} a programme's period (officers)")
        sub.add_argument("--programme", required=True)
        sub.add_argument("--period", required=True)
        _actor(sub, "officer")


def _actor(parser: argparse.ArgumentParser, role: str) -> None:
    parser.add_argument("--as", dest="actor", required=True, help=f"e-mail of the {role}")


def run_users(args: argparse.Namespace) -> int:
    from data_access.access import users

    command, lang = args.users_command, args.lang
    if command == "list":
        return _list_users(lang)
    if command == "bootstrap-admin":
        users.bootstrap_admin(args.email)
        print(translate("cli.admin_bootstrapped", lang, email=args.email))
        return 0
    change = users.add_role if command == "add" else users.remove_role
    changed = change(email=args.email, role=args.role, programme=args.programme, actor=args.actor)
    done = {"add": "cli.role_added", "remove": "cli.role_removed"}[command]
    key = done if changed else f"cli.role_{command}_nothing"
    print(translate(key, lang, email=args.email, role=args.role))
    return 0


def _list_users(lang: str) -> int:
    from data_access.access.users import list_roles
    from data_access.core.db import session_scope

    with session_scope() as session:
        rows = list_roles(session)
    if not rows:
        print(translate("cli.no_users", lang))
    for row in rows:
        print(f"{row['email']:<40} {row['role']:<8} {row['programme'] or ''}")
    return 0


def run_review(args: argparse.Namespace) -> int:
    from data_access.access.approval import approve_batch, reject_batch

    if args.command == "approve":
        approve_batch(args.batch_id, actor=args.actor, comment=args.comment)
    else:
        reject_batch(args.batch_id, actor=args.actor, comment=args.comment)
    key = {"approve": "cli.approved", "reject": "cli.rejected"}[args.command]
    print(translate(key, args.lang, batch_id=args.batch_id))
    return 0


def run_lock(args: argparse.Namespace) -> int:
    from data_access.access.approval import lock_period, unlock_period
    from data_access.access.permissions import PermissionDenied
    from data_access.core.db import session_scope
    from data_access.core.queries import get_programme

    with session_scope() as session:
        programme = get_programme(session, name=args.programme)
    if programme is None:
        raise PermissionDenied("unknown_programme", programme=args.programme)
    change = lock_period if args.command == "lock" else unlock_period
    change(programme.id, args.period, actor=args.actor)
    params = {"programme": programme.name, "period": args.period}
    print(translate(f"cli.{args.command}ed", args.lang, **params))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "users": run_users,
    "approve": run_review,
    "reject": run_review,
    "lock": run_lock,
    "unlock": run_lock,
}
