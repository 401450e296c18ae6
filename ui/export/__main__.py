"""`python -m ui.export OUT [--period 2023-Q4] [--lang en] ...`: the symposium deck
from the command line (`make deck OUT=deck.pptx`), the same deck the app exports;
`--portfolio` makes it for every programme (a summary slide, then one per programme).

Uses the app's database (DATABASE_URL, else the embedded SQLite file) after bringing
its schema up to date. The file type follows OUT's suffix: .pptx or .pdf. OUT may also be
a folder: the deck is then written there under its own name, which says what it covers
(`lc-monitor-portfolio-2024-Q4-nl.pptx`), as --format asks (default pptx).
Exit status: 0 written, 1 nothing to present (no programme or period), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from data_access.core.db import session_scope
from data_access.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from data_access.core.migrate import migrate
from data_access.core.periods import parse_period
from data_access.core.queries import get_programme, list_programmes
from data_access.core.state import reported_periods
from data_access.kpis.slides import Deck, DeckRequest, build_deck
from data_access.kpis.slides_portfolio import build_portfolio_deck
from ui.export.deck import deck_file_name, export_deck

FORMATS = {".pptx": "pptx", ".pdf": "pdf"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ui.export", description=__doc__)
    parser.add_argument(
        "out", type=Path, help="the file to write (deck.pptx or deck.pdf), or a folder"
    )
    parser.add_argument("--format", choices=tuple(FORMATS.values()), default="pptx",
                        help="the file type when OUT is a folder")  # fmt: skip
    parser.add_argument("--period", help="as-of period, e.g. 2023-Q4 (default: the latest)")
    parser.add_argument("--programme", help="programme name (default: the first by name)")
    parser.add_argument("--portfolio", action="store_true", help="every programme and the totals")
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--title", default="", help="the deck's title")
    parser.add_argument("--closing", default="", help="the closing slide's remark")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    folder = args.out.is_dir()
    fmt = args.format if folder else FORMATS.get(args.out.suffix.lower())
    period = parse_period(args.period) if args.period else None
    if fmt is None or (args.period and period is None):
        print("expected OUT ending in .pptx or .pdf and a period like 2023-Q4", file=sys.stderr)
        return 2
    migrate()
    deck = _deck(args, period)
    if deck is None:
        print("nothing to present: no programme with reported periods", file=sys.stderr)
        return 1
    request = deck.request
    result = export_deck(deck, fmt=fmt)
    if result.warning:
        print(result.warning, file=sys.stderr)
    out = args.out / deck_file_name(request, fmt) if folder else args.out
    out.write_bytes(result.data)
    print(f"{out}: {len(deck.slides)} slides, {request.programme_name} as of {request.period}")
    return 0


def _deck(args: argparse.Namespace, period: str | None) -> Deck | None:
    """The portfolio's deck, or the chosen programme's (None: nothing to present)."""
    with session_scope() as session:
        if args.portfolio:
            return build_portfolio_deck(session=session, lang=args.lang, title=args.title,
                                        closing_remark=args.closing)  # fmt: skip
    request = _request(args, period)
    if request is None:
        return None
    with session_scope() as session:
        return build_deck(session=session, request=request)


def _request(args: argparse.Namespace, period: str | None) -> DeckRequest | None:
    """The programme and period asked for, defaulting to the first and the latest."""
    with session_scope() as session:
        if args.programme:
            programme = get_programme(session, name=args.programme)
        else:
            programme = next(iter(list_programmes(session)), None)
        if programme is None:
            return None
        periods = reported_periods(session, programme_id=programme.id)
        chosen = period or (periods[-1] if periods else None)
        if chosen is None:
            return None
        return DeckRequest(
            programme_id=programme.id, programme_name=programme.name, period=chosen,
            lang=args.lang, title=args.title, closing_remark=args.closing,
        )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
