"""The symposium deck for the whole portfolio: a summary slide with the totals and a bar
per programme, then one slide per programme (its row of the Portfolio page).

Each programme counts as of its own last reported quarter (data_access.kpis.portfolio), so
the deck's "as of" is the latest of those quarters.
"""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session

from data_access.core.i18n import plural_key, translate
from data_access.kpis.portfolio import portfolio_report
from data_access.kpis.slides import (
    EUROS,
    Deck,
    DeckRequest,
    Number,
    Sentence,
    Slide,
    closing_slide,
    title_slide,
)


def build_portfolio_deck(
    *, session: Session, lang: str, title: str = "", closing_remark: str = ""
) -> Deck | None:
    """Every programme's headline figures and the totals; None while nothing is reported."""
    report = portfolio_report(session)
    periods = [row["last_period"] for row in report["programmes"] if row["last_period"]]
    if not periods:
        return None
    request = DeckRequest(
        programme_id=None, programme_name=translate("slides.portfolio.scope", lang),
        period=max(periods), lang=lang, title=title, closing_remark=closing_remark,
    )  # fmt: skip
    slides = [
        _cover(request, len(report["programmes"])),
        _summary(report, lang),
        *(_programme(row, lang) for row in report["programmes"]),
        closing_slide(request),
    ]
    return Deck(request=request, slides=tuple(slides))


def _cover(request: DeckRequest, programmes: int) -> Slide:
    lang = request.lang
    count = translate(plural_key("slides.portfolio.cover", programmes, lang), lang,
                      count=programmes)  # fmt: skip
    return title_slide(request, text=count)


def _summary(report: dict, lang: str) -> Slide:
    totals = report["totals"]
    return Slide(
        key="portfolio",
        title=translate("slides.portfolio.title", lang),
        number=Number(totals["cumulative_started"]),
        number_label=translate("slides.portfolio.number_label", lang),
        definition=translate("kpi.started_cumulative.definition", lang),
        sentence=Sentence("slides.portfolio.sentence", {
            "target": Number(totals["cumulative_target"]),
            "completed": Number(totals["completed"]),
            "participants": Number(totals["participants"]),
            "granted": Number(totals["granted"], EUROS),
            "spent": Number(totals["spent"], EUROS),
        }),
        chart="portfolio",
        chart_data=pd.DataFrame(report["programmes"]),
    )  # fmt: skip


def _programme(row: dict, lang: str) -> Slide:
    status = row["last_status"]
    return Slide(
        key=f"programme_{row['programme_id']}",
        title=row["programme"],
        number=Number(row["cumulative_started"]),
        number_label=translate("slides.portfolio.programme.number_label", lang),
        definition=translate("kpi.started_cumulative.definition", lang),
        sentence=Sentence("slides.portfolio.programme.sentence", {
            "year": str(row["year"]),
            "started": Number(row["started_this_year"]),
            "target": Number(row["target_started_this_year"]),
            "spent": Number(row["spent_this_year"], EUROS),  # in {year}, as "started"
            "period": row["last_period"] or "–",
            "status": translate(f"completeness.status.{status}", lang) if status else "–",
        }),
    )  # fmt: skip
