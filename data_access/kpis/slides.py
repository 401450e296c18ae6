"""The symposium deck's content: one message per slide, computed from the KPI functions.

A slide is a title, one big number, one sentence and (at most) one chart. Numbers
stay values here (`Number`), so the presentation page, the PPTX and the PDF format
them the same way for the chosen language; texts are already translated. The first
slide names the programme, the as-of period and the active filters; the last one
carries the officer's closing remark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlmodel import Session

from data_access.core.i18n import plural_key, translate
from data_access.core.periods import period_end, period_year
from data_access.core.queries import list_municipalities, list_sectors
from data_access.kpis import funding as kfu
from data_access.kpis import progress as kp
from data_access.kpis.filters import CommunityFilter
from data_access.kpis.summary import KpiFrames, load_frames, summarise, vs_target

COUNT, SHARE, EUROS = "count", "share", "euros"


@dataclass(frozen=True)
class Number:
    """A figure to show, with how to write it: a count, a share (0.87) or euros."""

    value: float | None
    kind: str = COUNT


@dataclass(frozen=True)
class Counted:
    """A count with its noun: `key.one` / `key.other` ("{count} docent", "{count}
    docenten"), in the form the language's plural rule asks for with `value`."""

    value: float
    key: str


@dataclass(frozen=True)
class Sentence:
    """A locale template and its parameters (`Number`, `date` or plain text)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Slide:
    """One message: title, big number with its label, one sentence, one chart."""

    key: str
    title: str
    number: Number | None = None
    number_label: str = ""
    sentence: Sentence | None = None
    text: str = ""  # free text (the officer's remark, the filter line)
    definition: str = ""  # how the big number is counted (docs/figures.md)
    chart: str | None = None  # which builder draws `chart_data`
    chart_data: pd.DataFrame | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class DeckRequest:
    """What the officer chose: scope, period, language, deck title and closing remark."""

    programme_id: int | None  # None: the whole portfolio (data_access.kpis.slides_portfolio)
    programme_name: str
    period: str
    lang: str
    filters: CommunityFilter = field(default_factory=CommunityFilter)
    title: str = ""
    closing_remark: str = ""


@dataclass(frozen=True)
class Deck:
    """The slides of a request, plus the sector names charts need."""

    request: DeckRequest
    slides: tuple[Slide, ...]
    sector_labels: dict[str, str] = field(default_factory=dict, compare=False)


def build_deck(*, session: Session, request: DeckRequest) -> Deck:
    """Compute every slide of the deck from the as-of state of the chosen scope."""
    frames = load_frames(
        session, programme_id=request.programme_id, as_of=request.period, filters=request.filters
    )
    year = period_year(request.period)
    summary = summarise(frames, year=year)
    lang = request.lang
    slides = [
        _title_slide(session, request),
        *_year_slides(frames, lang),
        _cumulative_slide(frames, lang),
        _participants_slide(frames, summary, lang),
        _facilitators_slide(summary, lang),
        _funding_slide(frames, summary, year, lang),
        closing_slide(request),
    ]
    labels = {s.code: (s.name_nl if lang == "nl" else s.name_en) for s in list_sectors(session)}
    return Deck(request=request, slides=tuple(slides), sector_labels=labels)


def _title_slide(session: Session, request: DeckRequest) -> Slide:
    return title_slide(request, text=describe_filters(session, request.filters, request.lang))


def title_slide(request: DeckRequest, *, text: str) -> Slide:
    """The cover: the officer's title (or the default), scope and date, and `text` under it
    (what the figures cover). Shared with the portfolio deck."""
    lang = request.lang
    as_of: date = period_end(request.period)
    return Slide(
        key="title",
        title=request.title.strip() or translate("slides.title.default", lang),
        sentence=Sentence(
            "slides.title.sentence", {"programme": request.programme_name, "as_of": as_of}
        ),
        text=text,
    )


def describe_filters(session: Session, filters: CommunityFilter, lang: str) -> str:
    """The active filters in words, or that every community counts."""
    if filters.is_empty:
        return translate("slides.filters.none", lang)
    sectors = {s.code: (s.name_nl if lang == "nl" else s.name_en) for s in list_sectors(session)}
    places = {m.cbs_code: m.name for m in list_municipalities(session)}
    parts = [
        (key, [lookup.get(value, value) for value in chosen])
        for key, chosen, lookup in (
            ("sectors", filters.sectors, sectors),
            ("municipalities", filters.municipalities, places),
            ("partners", filters.education_partners, {}),
        )
        if chosen
    ]
    described = [
        translate(f"slides.filters.{key}", lang, names=", ".join(names)) for key, names in parts
    ]
    return translate("slides.filters.some", lang, filters="; ".join(described))


def _year_slides(frames: KpiFrames, lang: str) -> list[Slide]:
    """One slide per year with a start or a target: started against the target."""
    per_year = vs_target(frames)
    split = kp.sector_split(frames.communities)
    slides = []
    for row in per_year.itertuples():
        year = int(row.year)
        has_target = not pd.isna(row.target_started)
        key = "slides.year.sentence" if has_target else "slides.year.sentence_no_target"
        key = plural_key(key, int(row.started), lang)
        slides.append(
            Slide(
                key=f"year_{year}",
                title=translate("slides.year.title", lang, year=year),
                number=Number(int(row.started)),
                number_label=translate("slides.year.number_label", lang, year=year),
                definition=translate("kpi.started_year.definition", lang),
                sentence=Sentence(
                    key,
                    {
                        "year": str(year),
                        "started": Number(int(row.started)),
                        "target": Number(row.target_started),
                        "completed": Number(int(row.completed)),
                    },
                ),
                chart="sector_split",
                chart_data=split[split["year"] == year].reset_index(drop=True),
            )
        )
    return slides


def _cumulative_slide(frames: KpiFrames, lang: str) -> Slide:
    per_year = vs_target(frames)
    last = per_year.iloc[-1] if len(per_year) else None
    started = int(last["cumulative_started"]) if last is not None else 0
    first_year = str(int(per_year["year"].min())) if last is not None else ""
    return Slide(
        key="cumulative",
        title=translate("slides.cumulative.title", lang),
        number=Number(started),
        number_label=translate("slides.cumulative.number_label", lang),
        definition=translate("kpi.started_cumulative.definition", lang),
        sentence=Sentence(
            plural_key(
                "slides.cumulative.sentence"
                if last is not None and not pd.isna(last["cumulative_target"])
                else "slides.cumulative.sentence_no_target",
                started,
                lang,
            ),
            {
                "first_year": first_year,
                "started": Number(started),
                "target": Number(None if last is None else last["cumulative_target"]),
                "progress": Number(None if last is None else last["cumulative_progress"], SHARE),
            },
        ),
        chart="cumulative" if last is not None else None,
        chart_data=per_year,
    )


def _participants_slide(frames: KpiFrames, summary: dict, lang: str) -> Slide:
    totals = summary["participants"]
    return Slide(
        key="participants",
        title=translate("slides.participants.title", lang),
        number=Number(totals["total"]),
        number_label=translate("slides.participants.number_label", lang),
        definition=translate("kpi.participants.definition", lang),
        sentence=Sentence(
            "slides.participants.sentence",
            {role: Counted(totals[role], f"slides.participants.{role}") for role in kp.ROLES},
        ),
        chart="participants",
        chart_data=kp.participants_per_year(frames.communities),
    )


def _facilitators_slide(summary: dict, lang: str) -> Slide:
    return Slide(
        key="facilitators",
        title=translate("slides.facilitators.title", lang),
        number=Number(summary["facilitators_certified"]),
        number_label=translate("slides.facilitators.number_label", lang),
        definition=translate("kpi.facilitators_certified.definition", lang),
        sentence=Sentence(
            plural_key("slides.facilitators.sentence", summary["facilitators_in_training"], lang),
            {
                "capacity": Number(summary["facilitator_capacity"]),
                "running": Number(summary["running_now"]),
                "in_training": Number(summary["facilitators_in_training"]),
            },
        ),
    )


def _funding_slide(frames: KpiFrames, summary: dict, year: int, lang: str) -> Slide:
    per_year = kfu.funding_per_year(frames.funding, frames.communities)
    return Slide(
        key="funding",
        title=translate("slides.funding.title", lang, year=year),
        number=Number(summary["spent_this_year"], EUROS),
        number_label=translate("slides.funding.number_label", lang, year=year),
        definition=translate("kpi.spent.definition", lang),
        sentence=Sentence(
            "slides.funding.sentence",
            {
                "year": str(year),
                "granted": Number(summary["granted_this_year"], EUROS),
                "per_community": Number(summary["spent_per_community_this_year"], EUROS),
            },
        ),
        chart="funding",
        chart_data=per_year,
    )


def closing_slide(request: DeckRequest) -> Slide:
    """The last slide: the officer's closing remark. Shared with the portfolio deck."""
    return Slide(
        key="closing",
        title=translate("slides.closing.title", request.lang),
        text=request.closing_remark.strip(),
    )
