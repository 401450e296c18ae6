"""Free text at import: within its length, and without invisible control characters.

Each case is the flattened [sheet, row, column, code] list of a workbook with one such
value; messages render in both languages and say what is wrong.
"""

from __future__ import annotations

import pytest

from data_access.workbook.validate import validate_workbook
from data_access.workbook.values import first_control
from tests.workbook.builders import (
    community,
    facilitator,
    funding,
    report_rows,
    sheets,
    workbook_bytes,
)

LC, FAC, FIN, REP = "Leergemeenschappen", "Facilitatoren", "Financiën", "Rapportage"
ESC = "_x001B_"  # how an xlsx stores ESC (U+001B); calamine reads it back as ESC


def flat(book: dict) -> list[list[object]]:
    issues = validate_workbook(workbook_bytes(book), "q.xlsx").issues
    for issue in issues:
        assert "{" not in issue.message("nl") + issue.message("en")
    return [issue.flat() for issue in issues]


CASES = {
    "name of 201": (
        {"communities": [community(name="x" * 201)]},
        [[LC, 2, "Naam", "value_too_long"]],
    ),
    "company of 200 is fine": ({"communities": [community(company="x" * 200)]}, []),
    "question of 2,001": (
        {"communities": [community(question="x" * 2001)]},
        [[LC, 2, "Vraagstelling", "value_too_long"]],
    ),
    "question of 2,000 with line breaks and tabs is fine": (
        {"communities": [community(question="regel\n\tregel " + "x" * 1986)]},
        [],
    ),
    "one partner name of 201": (
        {"communities": [community(education_partners="Saxion; " + "x" * 201)]},
        [[LC, 2, "Onderwijspartners", "value_too_long"]],
    ),
    "facilitator organisation of 201": (
        {"facilitators": [facilitator(organisation="x" * 201)]},
        [[FAC, 2, "Organisatie", "value_too_long"]],
    ),
    "funding note of 2,001": (
        {"fundings": [funding(note="x" * 2001)]},
        [[FIN, 2, "Toelichting", "value_too_long"]],
    ),
    "right-to-left override in a company": (
        {"communities": [community(company="Stork\u202eVB")]},
        [[LC, 2, "Bedrijf", "control_characters"]],
    ),
    "isolate in a champion": (
        {"communities": [community(champion="Piet\u2066 Stork")]},
        [[LC, 2, "Aanjager", "control_characters"]],
    ),
    "zero-width space in a facilitator name": (
        {
            "facilitators": [facilitator(name="Anna\u200bde Vries")],
            "communities": [community(facilitator="Anna\u200bde Vries")],
        },
        [[LC, 2, "Facilitator", "control_characters"], [FAC, 2, "Naam", "control_characters"]],
    ),
    "escape character in a name": (
        {"communities": [community(name=f"Warmte{ESC}[2Jnet")]},
        [[LC, 2, "Naam", "control_characters"]],
    ),
    "line break in a name": (
        {"communities": [community(name="Warmte\nnet")]},
        [[LC, 2, "Naam", "control_characters"]],
    ),
    "override in a question": (
        {"communities": [community(question="Hoe\u202d?")]},
        [[LC, 2, "Vraagstelling", "control_characters"]],
    ),
}


@pytest.mark.parametrize(("tables", "expected"), CASES.values(), ids=CASES.keys())
def test_free_text_limits(tables, expected):
    assert flat(sheets(**tables)) == expected


def _with_report(**values: object) -> dict:
    book = sheets()
    rows = report_rows()
    for row in rows:
        row[1] = values.get(row[0], row[1])
    return book | {REP: rows}


def test_a_programme_name_of_201_characters_is_too_long_and_not_used():
    parsed = validate_workbook(workbook_bytes(_with_report(Programma="P" * 201)), "q.xlsx")
    assert [i.flat() for i in parsed.issues] == [[REP, 1, "Programma", "value_too_long"]]
    assert parsed.programme is None
    assert parsed.issues[0].message("en") == (
        "This text is 201 characters long; at most 200 fit here. Please shorten it."
    )


def test_an_override_in_who_submitted_is_refused_with_its_position():
    book = _with_report(**{"Ingediend door": "Jan\u202eJansen"})
    (issue,) = validate_workbook(workbook_bytes(book), "q.xlsx").issues
    assert issue.flat() == [REP, 3, "Ingediend door", "control_characters"]
    assert issue.message("nl") == (
        "Deze tekst bevat een onzichtbaar stuurteken (U+202E) op positie 4. Verwijder het: "
        "typ de tekst opnieuw of plak hem als platte tekst."
    )


@pytest.mark.parametrize(
    ("text", "multiline", "expected"),
    [
        ("a\x00b", True, {"character": "U+0000", "position": 2}),
        ("a\x85b", True, {"character": "U+0085", "position": 2}),
        ("a\x7f", False, {"character": "U+007F", "position": 2}),
        ("a\tb\nc\r\n", True, None),
        ("a\tb", False, {"character": "U+0009", "position": 2}),
        ("\ufeffa", False, {"character": "U+FEFF", "position": 1}),
        ("Zoë — ‘café’ 👩‍💻", False, None),  # accents, dashes, quotes, emoji joiners
    ],
)
def test_first_control(text, multiline, expected):
    assert first_control(text, multiline=multiline) == expected
