"""Every rule of the contract, pinned as the flattened [sheet, row, column, code] list."""

from __future__ import annotations

import re
from datetime import date

import pytest

from data_access.core.i18n import catalog
from data_access.workbook.schema import COMMUNITIES, FACILITATORS
from data_access.workbook.validate import validate_workbook
from tests.workbook.builders import (
    community,
    facilitator,
    funding,
    report_rows,
    sheets,
    table_rows,
    workbook_bytes,
)

LC, FAC, FIN, REP = "Leergemeenschappen", "Facilitatoren", "Financiën", "Rapportage"


def flat(book: dict) -> list[list[object]]:
    """The flattened issues, after checking each renders in both languages."""
    issues = validate_workbook(workbook_bytes(book), "q.xlsx").issues
    for issue in issues:
        assert "{" not in issue.message("nl") + issue.message("en")
    return [issue.flat() for issue in issues]


def without_column(spec, key: str, records: list[dict], lang: str = "nl") -> list[list]:
    order = [c.key for c in spec.columns if c.key != key]
    return table_rows(spec, records, lang=lang, order=order)


COMMUNITY_CASES = {
    "required code": ([community(code=" ")], [[LC, 2, "Code", "required"]]),
    "invalid date": ([community(start_date="31-02-2022")], [[LC, 2, "Startdatum", "invalid_date"]]),
    "number as date": (
        [community(midterm_check=44000)], [[LC, 2, "Tussentijdse check", "invalid_date"]],
    ),
    "invalid integer": ([community(employees="3,5")], [[LC, 2, "Medewerkers", "invalid_integer"]]),
    "text integer": ([community(students="veel")], [[LC, 2, "Studenten", "invalid_integer"]]),
    "negative count": ([community(managers=-1)], [[LC, 2, "Leidinggevenden", "out_of_range"]]),
    "invalid sector": ([community(sector="Landbouw")], [[LC, 2, "Sector", "invalid_choice"]]),
    "invalid status": ([community(status="Klaar")], [[LC, 2, "Status", "invalid_choice"]]),
    "duplicate code": (
        [community(), community(name="Ander"), community(code="GE22-02")],
        [[LC, 3, "Code", "duplicate_key"]],
    ),
    "end before start": (
        [community(end_date=date(2022, 4, 1))], [[LC, 2, "Einddatum", "end_before_start"]],
    ),
    "start required unless planned": (
        [community(status="running", start_date=None, end_date=None)],
        [[LC, 2, "Startdatum", "required"]],
    ),
    "end required when completed": (
        [community(end_date=None)], [[LC, 2, "Einddatum", "required"]],
    ),
    "facilitator required unless planned": (
        [community(status="stopped", facilitator="")], [[LC, 2, "Facilitator", "required"]],
    ),
    "unknown municipality": (
        [community(municipality="Amsterdam")], [[LC, 2, "Gemeente", "unknown_municipality"]],
    ),
    "short duration": (
        [community(end_date=date(2022, 5, 2))], [[LC, 2, "Einddatum", "duration_out_of_range"]],
    ),
    "long duration": (
        [community(end_date=date(2022, 9, 1))], [[LC, 2, "Einddatum", "duration_out_of_range"]],
    ),
    "several at once": (
        [community(code="", employees="x"), community(code="GE22-02", sector="?")],
        [[LC, 2, "Code", "required"], [LC, 2, "Medewerkers", "invalid_integer"],
         [LC, 3, "Sector", "invalid_choice"]],
    ),
}  # fmt: skip


@pytest.mark.parametrize(("records", "expected"), COMMUNITY_CASES.values(), ids=COMMUNITY_CASES)
def test_community_rules(records, expected):
    assert flat(sheets(communities=records)) == expected


FACILITATOR_CASES = {
    "certified needs max concurrent": (
        [facilitator(max_concurrent=None)], [[FAC, 2, "Max. gelijktijdige LC's", "required"]],
    ),
    "in training needs no max": ([facilitator(status="in_training", max_concurrent=None)], []),
    "invalid sector in list": (
        [facilitator(sectors="Logistiek; Zorg")], [[FAC, 2, "Sectoren", "invalid_choice"]],
    ),
    "hours over 40": (
        [facilitator(hours_per_week=41)], [[FAC, 2, "Uren per week", "out_of_range"]],
    ),
    "hours not a number": (
        [facilitator(hours_per_week="veel")], [[FAC, 2, "Uren per week", "invalid_number"]],
    ),
    "duplicate name": (
        [facilitator(), facilitator(organisation="ROC")], [[FAC, 3, "Naam", "duplicate_key"]],
    ),
    "invalid status": ([facilitator(status="Actief")], [[FAC, 2, "Status", "invalid_choice"]]),
    "required status": ([facilitator(status=None)], [[FAC, 2, "Status", "required"]]),
}  # fmt: skip


@pytest.mark.parametrize(("records", "expected"), FACILITATOR_CASES.values(), ids=FACILITATOR_CASES)
def test_facilitator_rules(records, expected):
    assert flat(sheets(facilitators=records)) == expected


FUNDING_CASES = {
    "year required": ([funding(year=None)], [[FIN, 2, "Jaar", "required"]]),
    "year too early": ([funding(year=1999)], [[FIN, 2, "Jaar", "out_of_range"]]),
    "quarter 5": ([funding(quarter=5)], [[FIN, 2, "Kwartaal", "out_of_range"]]),
    "quarter not whole": ([funding(quarter=2.5)], [[FIN, 2, "Kwartaal", "invalid_integer"]]),
    "granted not euros": ([funding(granted="veel")], [[FIN, 2, "Toegekend", "invalid_euro"]]),
    "spent negative": ([funding(spent="-5")], [[FIN, 2, "Besteed", "out_of_range"]]),
    "same quarter twice": (
        [funding(), funding(quarter=3), funding(granted=0, note="Correctie")],
        [[FIN, 4, "Kwartaal", "duplicate_key"]],
    ),
    "same quarter in another year": ([funding(), funding(year=2023)], []),
}


@pytest.mark.parametrize(("records", "expected"), FUNDING_CASES.values(), ids=FUNDING_CASES)
def test_funding_rules(records, expected):
    assert flat(sheets(fundings=records)) == expected


def test_a_repeated_funding_quarter_names_the_first_row():
    book = sheets(fundings=[funding(), funding(spent=0)])
    (issue,) = validate_workbook(workbook_bytes(book), "q.xlsx").issues
    assert issue.message("nl") == "'2022-Q2' komt al voor in rij 2."
    assert issue.message("en") == "'2022-Q2' already appears in row 2."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", [[LC, None, "Bedrijf", "missing_column"]]),
     ("en", [["Communities", None, "Company", "missing_column"]])],
)  # fmt: skip
def test_missing_required_column_is_named_in_the_files_language(lang, expected):
    book = sheets(lang)
    name = COMMUNITIES.names[0 if lang == "nl" else 1]
    book[name] = without_column(COMMUNITIES, "company", [community()], lang)

    assert flat(book) == expected


def test_missing_conditionally_required_column_is_reported_once():
    book = sheets()
    records = [community(status="running"), community(code="GE22-02", status="running")]
    book[LC] = without_column(COMMUNITIES, "start_date", records)

    assert flat(book) == [[LC, None, "Startdatum", "missing_column"]]


def test_certified_facilitators_without_the_max_column():
    book = sheets()
    book[FAC] = without_column(FACILITATORS, "max_concurrent", [facilitator()])

    assert flat(book) == [[FAC, None, "Max. gelijktijdige LC's", "missing_column"]]


def test_unknown_and_repeated_columns_are_warnings():
    book = sheets()
    rows = table_rows(COMMUNITIES, [community()])
    book[LC] = [[*rows[0], "Opmerking", "Naam"], [*rows[1], "let op", "dubbel"]]
    parsed = validate_workbook(workbook_bytes(book), "x")

    assert [i.flat() for i in parsed.issues] == [
        [LC, None, "Opmerking", "unknown_column"],
        [LC, None, "Naam", "duplicate_column"],
    ]
    assert parsed.ok
    assert parsed.communities["name"].tolist() == ["Warmtenet Hengelo"]


def test_a_sheet_without_a_header_row():
    book = sheets() | {LC: [["Overzicht"], ["iets", "anders"]]}
    parsed = validate_workbook(workbook_bytes(book), "x")

    assert [i.flat() for i in parsed.issues] == [[LC, None, None, "no_header_row"]]
    assert parsed.communities is None


REPORT_CASES = {
    "invalid period": (
        report_rows(period="tweede kwartaal"), [[REP, 2, "Periode", "invalid_period"]]
    ),
    "programme key missing": (report_rows(programme=None), [[REP, None, "Programma", "required"]]),
    "programme key missing (en)": (
        report_rows("en", programme=None), [[REP, None, "Programme", "required"]]
    ),
    "programme empty": (
        [["Programma", " "], ["Periode", "2022-Q2"]], [[REP, 1, "Programma", "required"]],
    ),
    "invalid email": (
        [["Programma", "X"], ["Periode", "2022-Q2"], ["E-mail", "jan at example"]],
        [[REP, 3, "E-mail", "invalid_email"]],
    ),
    "unknown key with a value": (
        [["Programma", "X"], ["Periode", "2022-Q2"], ["Versie", 3]],
        [[REP, 3, None, "unknown_key"]],
    ),
    "period twice": (
        [["Programma", "X"], ["Periode", "2022-Q2"], ["Period", "2022-Q3"]],
        [[REP, 3, "Periode", "duplicate_key"]],
    ),
}  # fmt: skip


@pytest.mark.parametrize(("rows", "expected"), REPORT_CASES.values(), ids=REPORT_CASES)
def test_report_sheet_rules(rows, expected):
    assert flat(sheets() | {REP: rows}) == expected


def test_missing_report_sheet_is_an_error_not_a_refusal():
    book = sheets()
    del book[REP]
    parsed = validate_workbook(workbook_bytes(book), "x")

    assert [i.flat() for i in parsed.issues] == [[None, None, None, "missing_sheet"]]
    assert len(parsed.communities) == 1


def test_warnings_do_not_block_and_errors_do():
    book = sheets(communities=[community(municipality="Amsterdam", employees=-2)])
    parsed = validate_workbook(workbook_bytes(book), "x")

    assert [i.code for i in parsed.warnings] == ["unknown_municipality"]
    assert [i.code for i in parsed.errors] == ["out_of_range"]
    assert not parsed.ok


def test_messages_name_the_value_in_both_languages():
    book = sheets(communities=[community(sector="Landbouw", employees=-1)])
    issues = validate_workbook(workbook_bytes(book), "x").issues

    assert [i.message("nl") for i in issues] == [
        "'Landbouw' is geen geldige keuze; kies uit: "
        "Energietransitie, Circulariteit, Logistiek, Overig.",
        "-1 valt buiten het toegestane bereik (≥ 0).",
    ]
    assert issues[1].message("en") == "-1 is outside the allowed range (≥ 0)."


ALL_CODES = sorted(
    {code for _, expected in (*COMMUNITY_CASES.values(), *FACILITATOR_CASES.values(),
                              *FUNDING_CASES.values(), *REPORT_CASES.values())
     for *_, code in expected}
    | {"missing_column", "unknown_column", "duplicate_column", "no_header_row", "missing_sheet"}
)  # fmt: skip


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_issue_code_has_a_message_in_both_languages(code):
    templates = [
        catalog(lang).get(f"issue.{code}") or catalog(lang).get(f"issue.{code}.other")
        for lang in ("nl", "en")
    ]  # a message that counts: its plural form

    assert None not in templates
    assert set(re.findall(r"{(\w+)}", templates[0])) == set(re.findall(r"{(\w+)}", templates[1]))


def test_a_day_that_does_not_exist_is_named_as_such():
    book = sheets(communities=[community(start_date="31-02-2024")])
    issues = validate_workbook(workbook_bytes(book), "x").issues
    assert [i.code for i in issues] == ["invalid_date"]
    assert issues[0].message("nl") == (
        "'31-02-2024' is geen bestaande datum: controleer dag en maand, "
        "in de vorm dag-maand-jaar (bijvoorbeeld 31-12-2023)."
    )
    assert issues[0].message("en").startswith("'31-02-2024' is not a date that exists")
