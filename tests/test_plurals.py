"""Counts meet nouns through plural rules (CLDR, through Babel): "1 doel", "2 doelen",
never "doel(en)", in both languages."""

from __future__ import annotations

import re

import pytest

from data_access.core.i18n import LANGUAGES, catalog, translate_count
from data_access.kpis.overview import programme_sentence
from data_access.kpis.slides import Counted, Sentence
from data_access.workbook.report import Issue
from ui.export.text import format_sentence

NO_TARGET = "voor dat jaar is geen doel vastgelegd."
# "(en)", "(s)", "(n)", "(ies)": a noun that left its number to the reader.
BRACKETED_PLURAL = re.compile(r"\w\((en|s|n|e|ies|es)\)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_message_writes_a_plural_in_brackets(lang):
    assert {k: v for k, v in catalog(lang).items() if BRACKETED_PLURAL.search(v)} == {}


@pytest.mark.parametrize(
    ("key", "lang", "params", "one", "two"),
    [("targets.saved", "nl", {}, "1 doel opgeslagen. Alle pagina's rekenen nu met het nieuwe doel.",
      "2 doelen opgeslagen. Alle pagina's rekenen nu met de nieuwe doelen."),
     ("targets.saved", "en", {}, "1 target saved. Every page now uses the new target.",
      "2 targets saved. Every page now uses the new targets."),
     ("upload.report.warnings", "nl", {},
      "1 waarschuwing: controleer die; ze houdt het verwerken niet tegen.",
      "2 waarschuwingen: controleer ze; ze houden het verwerken niet tegen."),
     ("upload.report.warnings", "en", {},
      "1 warning: please check it; it does not block applying.",
      "2 warnings: please check them; they do not block applying."),
     ("cli.programme_edited", "nl", {"name": "X"}, "Programma X: 1 gegeven gewijzigd.",
      "Programma X: 2 gegevens gewijzigd."),
     ("cli.programme_edited", "en", {"name": "X"}, "Programme X: 1 detail changed.",
      "Programme X: 2 details changed."),
     ("facilitators.staffing.enough", "nl", {},
      "Ja: de gecertificeerde facilitatoren hebben 1 plaats over.",
      "Ja: de gecertificeerde facilitatoren hebben 2 plaatsen over."),
     ("facilitators.staffing.shortage", "en", {},
      "No: certified facilitators are 1 place short.",
      "No: certified facilitators are 2 places short.")],
)  # fmt: skip
def test_a_count_of_one_reads_in_the_singular_and_two_in_the_plural(key, lang, params, one, two):
    assert translate_count(key, 1, lang, count=1, **params) == one
    assert translate_count(key, 2, lang, count=2, **params) == two


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [("nl", "In 2024 is 1 leergemeenschap gestart en afgerond; " + NO_TARGET,
      "In 2024 zijn 2 leergemeenschappen gestart en afgerond; " + NO_TARGET),
     ("en", "In 2024, 1 community started and was completed; no target was set for that year.",
      "In 2024, 2 communities started and were completed; no target was set for that year.")],
)  # fmt: skip
def test_the_overview_sentence_counts_one_community_in_the_singular(lang, one, two):
    def outcome(n: int) -> dict:
        return {"year": 2024, "target": None, "started": n, "completed": n, "running": 0,
                "stopped": 0}  # fmt: skip

    assert programme_sentence(outcome(1), lang=lang) == one
    assert programme_sentence(outcome(2), lang=lang) == two


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [("nl", "De looptijd is 1 week; een leergemeenschap duurt normaal 12 tot 52 weken.",
      "De looptijd is 1.5 weken; een leergemeenschap duurt normaal 12 tot 52 weken."),
     ("en", "The duration is 1 week; a learning community normally lasts 12 to 52 weeks.",
      "The duration is 1.5 weeks; a learning community normally lasts 12 to 52 weeks.")],
)  # fmt: skip
def test_a_workbook_issue_counts_its_noun_too(lang, one, many):
    def issue(weeks: str) -> Issue:
        params = {"weeks": weeks, "minimum": 12, "maximum": 52}
        return Issue("duration_out_of_range", "warning", params=params)

    assert issue("1").message(lang) == one
    assert issue("1.5").message(lang) == many
    withdrawn = Issue("withdrawn_by_correction", "warning", params={"count": 1, "names": "A"})
    assert withdrawn.message("nl").startswith("1 stond wel in de vorige upload")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", "1 medewerker, 2 leidinggevenden, 1 student en 1.200 docenten leren samen."),
     ("en", "1 employee, 2 managers, 1 student and 1,200 teachers learn together.")],
)  # fmt: skip
def test_the_participants_slide_says_each_count_with_its_own_noun(lang, expected):
    counts = {"employees": 1, "managers": 2, "students": 1, "teachers": 1200}
    params = {role: Counted(n, f"slides.participants.{role}") for role, n in counts.items()}
    assert format_sentence(Sentence("slides.participants.sentence", params), lang=lang) == expected
