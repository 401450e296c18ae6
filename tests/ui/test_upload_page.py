"""The upload page in AppTest: report, preview, apply, refusal, identical file, language."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from data_access.access.history import list_imports
from data_access.core.db import get_engine, session_scope
from data_access.core.state import communities_as_of
from data_access.imports.prefill import prefilled_template
from tests.helpers import dump_tables
from ui.safe_text import shown_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEAD = "lead@demo.lc-monitor.local"  # the demo lead of GasErop!: sees the Upload page
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def next_quarter_workbook(lang: str = "nl", **overrides: object) -> bytes:
    """The pre-filled template for 2024-Q1 with one new community, as a lead would send it."""
    with session_scope() as session:
        content = prefilled_template(session=session, programme_id=1, lang=lang)
    book = load_workbook(io.BytesIO(content))
    sheet = book["Leergemeenschappen" if lang == "nl" else "Communities"]
    facilitator = book["Facilitatoren" if lang == "nl" else "Facilitators"]["A2"].value
    values = {"code": "GE24-01", "name": "Waterstof Almelo", "company": "Almelo Staal BV",
              "sector": "Energietransitie", "start_date": date(2024, 1, 8), "status": "Lopend",
              "facilitator": facilitator, "employees": 5} | overrides  # fmt: skip
    headers = {"code": 1, "name": 2, "company": 3, "sector": 4, "start_date": 7, "status": 9,
               "facilitator": 10, "employees": 11}  # fmt: skip
    row = next(r for r in range(2, sheet.max_row + 2) if sheet.cell(r, 1).value is None)
    for key, value in values.items():
        sheet.cell(row, headers[key], value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def open_upload(app: AppTest) -> AppTest:
    app.session_state["auth.demo_user"] = LEAD
    at = app.run()
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    return at


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, content, XLSX)).run()
    assert not at.exception
    return at


def frames(at: AppTest) -> list[list[dict]]:
    return [frame.value.to_dict("records") for frame in at.dataframe]


def newest_import() -> dict:
    with session_scope() as session:
        return list_imports(session)[0]


def community_codes() -> list[str]:
    with session_scope() as session:
        return communities_as_of(session, programme_id=1)["code"].tolist()


def test_valid_upload_shows_preview_counts_and_applies(sample_database, app):
    at = open_upload(app)
    upload(at, "2024-Q1.xlsx", next_quarter_workbook())
    assert at.success[0].value == "Geen fouten gevonden."
    assert at.table[0].value.to_dict("records") == [
        {"Onderdeel": "Leergemeenschappen", "Nieuw": 1, "Bijgewerkt": 0, "Ongewijzigd": 23,
         "Niet gerapporteerd": 0},
        {"Onderdeel": "Facilitatoren", "Nieuw": 0, "Bijgewerkt": 0, "Ongewijzigd": 8,
         "Niet gerapporteerd": 0},
        {"Onderdeel": "Financiën", "Nieuw": 0, "Bijgewerkt": 0, "Ongewijzigd": 0,
         "Niet gerapporteerd": 8},
    ]  # fmt: skip
    assert "GE24-01" not in community_codes()

    at.button(key="upload.apply").click().run()
    assert not at.exception
    batch = newest_import()
    assert (batch["period"], batch["uploaded_by"], batch["file_name"]) == (
        "2024-Q1", LEAD, "2024-Q1.xlsx"
    )  # fmt: skip
    assert at.success[0].value == (
        f"GasErop!, 2024-Q1 is ingediend als import #{batch['id']} "
        "en wacht op goedkeuring door een beleidsmedewerker."
    )
    assert "GE24-01" in community_codes()
    assert at.selectbox(key="sidebar.period").value == "2024-Q1"
    assert [link.label for link in at.get("page_link")][:2] == [
        "Handleiding: invullen, uploaden en meldingen verbeteren",
        "Naar het overzicht",
    ]


def test_apply_acts_as_the_signed_in_person_without_asking_a_name(sample_database, app):
    at = upload(open_upload(app), "2024-Q1.xlsx", next_quarter_workbook())
    assert not at.button(key="upload.apply").disabled
    assert f"Je werkt als {LEAD}." in [shown_text(c.value) for c in at.caption]
    assert not at.text_input


def test_invalid_upload_lists_errors_by_sheet_row_and_column_and_writes_nothing(
    sample_database, app
):
    before = dump_tables(get_engine())
    content = next_quarter_workbook(start_date="31-02-2024", status="Bijna klaar")
    at = open_upload(app)
    upload(at, "fout.xlsx", content)
    assert [e.value for e in at.error] == [
        "2 fouten: deze moeten eerst worden verbeterd. Er is niets opgeslagen."
    ]
    assert [c.value for c in at.caption if c.value.startswith("Werkblad")] == [
        "Werkblad Leergemeenschappen"
    ]
    rows = frames(at)[0]
    assert [(r["Rij"], r["Kolom"]) for r in rows] == [("25", "Startdatum"), ("25", "Status")]
    assert all(r["Melding"] for r in rows)
    assert not _has_button(at, "upload.apply")
    assert dump_tables(get_engine()) == before


def _has_button(at: AppTest, key: str) -> bool:
    return any(button.key == key for button in at.button)


def test_a_png_named_xlsx_is_refused_with_one_message(sample_database, app):
    before = dump_tables(get_engine())
    at = upload(open_upload(app), "foto.xlsx", PNG)
    assert len(at.error) == 1
    assert at.error[0].value.startswith("Dit bestand is geen spreadsheet")
    assert at.error[0].value.endswith("Er is niets opgeslagen.")
    assert not at.dataframe and not at.warning and not at.success
    assert not _has_button(at, "upload.apply")
    assert dump_tables(get_engine()) == before


def test_uploading_the_identical_file_again_says_so(sample_database, app):
    content = next_quarter_workbook()
    at = open_upload(app)
    upload(at, "2024-Q1.xlsx", content)
    at.button(key="upload.apply").click().run()
    before = dump_tables(get_engine())
    upload(at, "2024-Q1 opnieuw.xlsx", content)
    assert [i.value for i in at.info] == [
        "Niets te doen: dit bestand, of een bestand met precies dezelfde cijfers, is al "
        f"ingelezen als import #{newest_import()['id']}. Er is niets veranderd."
    ]
    assert not _has_button(at, "upload.apply")
    assert dump_tables(get_engine()) == before


def test_english_labels_after_switching_language(sample_database, app):
    at = open_upload(app)
    at.radio(key="sidebar.lang").set_value("en").run()
    upload(at, "wrong.xlsx", next_quarter_workbook("en", start_date="someday"))
    assert at.title[0].value == "Upload a quarterly report"
    assert at.error[0].value == "1 error: it must be fixed first. Nothing has been saved."
    assert list(frames(at)[0][0]) == ["Row", "Column", "Message"]
    assert frames(at)[0][0]["Column"] == "Start date"
    assert at.download_button(key="upload.error_report").label == (
        "Download the file with the cells marked"
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_template_button_is_offered_in_both_languages(sample_database, app, lang):
    app.query_params["lang"] = lang
    at = open_upload(app)
    label = at.download_button(key="upload.template").label
    assert label == {"nl": "Sjabloon downloaden", "en": "Download template"}[lang]
