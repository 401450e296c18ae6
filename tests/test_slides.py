"""The symposium deck's content on the sample data: one message per slide, same numbers
as the dashboard, in the chosen language, with the officer's title and remark."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.core.db import session_scope
from data_access.core.i18n import plural_key, translate
from data_access.core.queries import get_programme
from data_access.kpis.filters import CommunityFilter
from data_access.kpis.slides import EUROS, SHARE, DeckRequest, Number, Sentence, build_deck
from tests.factories import make_batch, make_community, make_programme


@pytest.fixture
def programme_id(sample_database) -> int:
    with session_scope() as session:
        return get_programme(session, name="GasErop!").id


def deck_for(programme_id: int, **choices):
    request = DeckRequest(
        programme_id=programme_id,
        programme_name="GasErop!",
        **{"period": "2023-Q4", "lang": "nl", **choices},
    )
    with session_scope() as session:
        return build_deck(session=session, request=request)


def test_deck_has_one_slide_per_message_in_order(programme_id):
    deck = deck_for(programme_id)
    assert [(s.key, s.title) for s in deck.slides] == [
        ("title", "Leergemeenschappen in Overijssel"),
        ("year_2022", "Gestart in 2022"),
        ("year_2023", "Gestart in 2023"),
        ("cumulative", "Op weg naar het doel"),
        ("participants", "Wie doen er mee"),
        ("facilitators", "Facilitatoren"),
        ("funding", "Middelen in 2023"),
        ("closing", "Dank u wel"),
    ]


def test_big_numbers_are_the_dashboard_figures(programme_id):
    numbers = {s.key: s.number for s in deck_for(programme_id).slides}
    assert numbers == {
        "title": None,
        "year_2022": Number(13),
        "year_2023": Number(10),
        "cumulative": Number(23),
        "participants": Number(265),
        "facilitators": Number(6),
        "funding": Number(151450.0, EUROS),
        "closing": None,
    }


def test_year_and_cumulative_sentences_carry_targets_and_progress(programme_id):
    slides = {s.key: s for s in deck_for(programme_id).slides}
    assert slides["year_2023"].sentence == Sentence(
        "slides.year.sentence.other",
        {"year": "2023", "started": Number(10), "target": Number(10.0), "completed": Number(9)},
    )
    assert slides["cumulative"].sentence.params["progress"] == Number(1.0, SHARE)
    assert slides["year_2022"].chart == "sector_split"
    assert slides["year_2022"].chart_data["communities"].sum() == 13


def test_without_any_target_the_cumulative_slide_says_so(database):
    with session_scope(write=True) as session:
        batch = make_batch(session, programme=make_programme(session, "Zonder doel"),
                           period="2022-Q4")  # fmt: skip
        make_community(session, batch=batch, code="Z-1")
        programme_id = batch.programme_id
    request = DeckRequest(programme_id=programme_id, programme_name="Zonder doel",
                          period="2022-Q4", lang="nl")  # fmt: skip
    with session_scope() as session:
        slides = {s.key: s for s in build_deck(session=session, request=request).slides}
    sentence = slides["cumulative"].sentence
    assert sentence.key == "slides.cumulative.sentence_no_target.one"
    assert sentence.params["started"] == Number(1)
    assert "{target}" not in translate(sentence.key, "nl")  # the sentence names no target


def test_first_slide_names_programme_period_and_filters(programme_id):
    title = deck_for(programme_id).slides[0]
    assert title.sentence == Sentence(
        "slides.title.sentence", {"programme": "GasErop!", "as_of": date(2023, 12, 31)}
    )
    assert title.text == "Alle leergemeenschappen van het programma."
    filtered = deck_for(
        programme_id, lang="en", filters=CommunityFilter(sectors=("circularity",))
    ).slides[0]
    assert filtered.text == "Filters: sector Circularity."


def test_officer_sets_deck_title_and_closing_remark(programme_id):
    deck = deck_for(programme_id, lang="en", title=" Symposium 2024 ", closing_remark="See you!")
    assert deck.slides[0].title == "Symposium 2024"
    assert (deck.slides[-1].title, deck.slides[-1].text) == ("Thank you", "See you!")


def test_an_earlier_period_shows_what_was_known_then(programme_id):
    numbers = {s.key: s.number for s in deck_for(programme_id, period="2022-Q4").slides}
    assert (numbers["year_2022"], numbers["year_2023"], numbers["cumulative"]) == (
        Number(13),
        Number(0),
        Number(13),
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "Samen kunnen zij 14 leergemeenschappen tegelijk begeleiden (nu lopend: 1); "
               "1 facilitator is in opleiding."),
        ("en", "Together they can guide 14 communities at once (running now: 1); "
               "1 facilitator is in training."),
    ],
)  # fmt: skip
def test_one_facilitator_in_training_is_singular(programme_id, lang, expected):
    sentence = {s.key: s for s in deck_for(programme_id, lang=lang).slides}["facilitators"].sentence
    params = {name: str(int(number.value)) for name, number in sentence.params.items()}
    assert translate(sentence.key, lang, **params) == expected


def test_a_year_sentence_says_what_it_counts(programme_id):
    """Completed counts by end year, whatever the start year: the sentence says so."""
    slides = {s.key: s for s in deck_for(programme_id, period="2023-Q4").slides}
    sentence = slides["year_2023"].sentence
    params = {
        name: str(getattr(v, "value", v)).removesuffix(".0") for name, v in sentence.params.items()
    }
    assert translate(sentence.key, "nl", **params) == (
        "In 2023 zijn 10 van de 10 geplande leergemeenschappen gestart. "
        "In 2023 afgerond, welk startjaar ook: 9."
    )


@pytest.mark.parametrize(
    ("lang", "count", "form"),
    [("nl", 1, "one"), ("nl", 0, "other"), ("nl", 2, "other"), ("en", 1.0, "one"),
     ("en", 3, "other"), ("nl", None, "other")],
)  # fmt: skip
def test_plural_key_follows_the_languages_rule(lang, count, form):
    assert plural_key("x", count, lang) == f"x.{form}"
