"""The Overview's headline cards with their change since the previous period, and the
one sentence that says where the programme stands.

A card compares "as of P" with "as of the quarter before P" for the same year, so a
delta says what the latest report changed. The sentence is built from locale
templates, so it reads naturally in Dutch and English.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlmodel import Session

from data_access.core.i18n import translate, translate_count
from data_access.core.periods import period_year, previous_period
from data_access.kpis.filters import CommunityFilter
from data_access.kpis.progress import started
from data_access.kpis.summary import load_frames, summarise

CARD_COLUMNS = ["measure", "value", "target", "previous", "change"]
# measure → (summary key of the value, summary key of its target or None)
CARDS = {
    "started_year": ("started_this_year", "target_started_this_year"),
    "started_cumulative": ("cumulative_started", "cumulative_target"),
    "completed_year": ("completed_this_year", "target_completed_this_year"),
    "running_now": ("running_now", None),
    "participants": ("participants_total", None),
    "facilitators_certified": ("facilitators_certified", "target_facilitators_certified"),
    "granted": ("granted_this_year", "target_budget_this_year"),
    "spent": ("spent_this_year", "granted_this_year"),
}


def overview_cards(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str,
    filters: CommunityFilter | None = None,
) -> pd.DataFrame:
    """One row per card: value and target as of `as_of`, the value a quarter earlier,
    and the change (value − previous). "This year" is `as_of`'s year on both sides."""
    year = period_year(as_of)
    now = _figures(session, programme_id, as_of, filters, year)
    before = _figures(session, programme_id, previous_period(as_of), filters, year)
    rows = [
        {
            "measure": measure,
            "value": now[value_key],
            "target": now[target_key] if target_key else np.nan,
            "previous": before[value_key],
            "change": now[value_key] - before[value_key],
        }
        for measure, (value_key, target_key) in CARDS.items()
    ]
    return pd.DataFrame(rows, columns=CARD_COLUMNS).astype({c: "float64" for c in CARD_COLUMNS[1:]})


def _figures(
    session: Session,
    programme_id: int | None,
    as_of: str,
    filters: CommunityFilter | None,
    year: int,
) -> dict:
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    figures = summarise(frames, year=year)
    figures["participants_total"] = figures["participants"]["total"]
    return figures


def year_outcome(
    session: Session,
    *,
    programme_id: int | None = None,
    as_of: str,
    filters: CommunityFilter | None = None,
) -> dict:
    """Of `as_of`'s year: the target and the started communities by their current status."""
    year = period_year(as_of)
    frames = load_frames(session, programme_id=programme_id, as_of=as_of, filters=filters)
    this_year = started(frames.communities)
    this_year = this_year[this_year["year"] == year]
    statuses = this_year["status"].value_counts()
    targets = frames.targets
    wanted = targets[(targets["measure"] == "communities_started") & (targets["year"] == year)]
    return {
        "year": year,
        "target": float(wanted["value"].sum()) if len(wanted) else np.nan,
        "started": len(this_year),
        **{status: int(statuses.get(status, 0)) for status in ("completed", "running", "stopped")},
    }


def programme_sentence(outcome: dict, *, lang: str) -> str:
    """Where the programme stands this year, in one sentence of `lang`.

    E.g. "In 2022 zijn 13 van de 13 geplande leergemeenschappen gestart en afgerond."
    """
    year, target, count = outcome["year"], outcome["target"], outcome["started"]
    target_text = None if pd.isna(target) else _count(target)
    if count == 0:
        if target_text is None:
            return translate("sentence.nothing", lang, year=year)
        return translate("sentence.none_started", lang, year=year, target=target_text)
    prefix = "sentence.of_target" if target_text else "sentence.no_target"
    if outcome["completed"] == count:
        return translate_count(
            f"{prefix}.all_completed", count, lang, year=year, started=count, target=target_text
        )
    parts = [
        translate(f"sentence.part.{status}", lang, count=outcome[status])
        for status in ("completed", "running", "stopped")
        if outcome[status]
    ]
    joined = _join(parts, lang)
    return translate_count(
        f"{prefix}.mixed", count, lang, year=year, started=count, target=target_text, parts=joined
    )


def _join(parts: list[str], lang: str) -> str:
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {translate('sentence.and', lang)} {parts[-1]}"


def _count(value: float) -> str:
    return str(int(np.floor(value + 0.5)))
