"""The portfolio deck's slides: the totals, then one slide per programme, exact figures."""

from __future__ import annotations

from data_access.core.db import session_scope
from data_access.kpis.slides_portfolio import build_portfolio_deck
from ui.export.text import slide_text


def texts(lang: str) -> list[tuple[str, str, str]]:
    with session_scope() as session:
        deck = build_portfolio_deck(session=session, lang=lang, closing_remark="Tot ziens")
    assert deck.request.period == "2024-Q4"  # the latest programme's last quarter
    shown = [slide_text(slide, lang=lang) for slide in deck.slides]
    return [(text.title, text.number, text.sentence) for text in shown]


def test_portfolio_deck_on_the_sample(sample_database):
    assert texts("nl") == [
        ("Leergemeenschappen in Overijssel", "", "Alle programma's · stand per 31 december 2024"),
        ("Alle programma's samen", "27", "Samen beoogd: 28; afgerond: 25; deelnemers: 311. "
         "Toegekend € 570.000, besteed € 373.951."),
        ("GasErop!", "23", "In 2023 gestart: 10 van 10; besteed: € 151.450. "
         "Laatste kwartaal 2023-Q4: Ingediend."),
        ("Rondje Circulair (fictief)", "4", "In 2024 gestart: 4 van 5; besteed: € 73.500. "
         "Laatste kwartaal 2024-Q4: Ingediend."),
        ("Dank u wel", "", ""),
    ]  # fmt: skip
    assert texts("en")[1][2] == (
        "Target together: 28; completed: 25; participants: 311. Granted €570,000, spent €373,951."
    )


def test_nothing_reported_gives_no_portfolio_deck(database):
    with session_scope() as session:
        assert build_portfolio_deck(session=session, lang="nl") is None
