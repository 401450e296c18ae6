"""The Help page: the docs/ guides in the user's language, for everyone signed in; the
upload page and the template's instructions sheet point at it."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from data_access.access.users import DEMO_USERS
from data_access.workbook.template import write_template

VIEWER = DEMO_USERS[0][0]


def open_help(app: AppTest, **params: str) -> AppTest:
    app.session_state["auth.demo_user"] = VIEWER
    app.query_params.update(params)
    at = app.run()
    assert "hulp" in at.session_state["nav.registered"]
    at = at.switch_page("pages/help.py").run()
    assert not at.exception
    return at


def shown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.main.markdown)


def test_help_opens_the_dutch_guide_for_programme_leads(sample_database, app):
    at = open_help(app)
    assert at.title[0].value == "Hulp"
    assert at.selectbox(key="help.document").value == "Handleiding voor programmaleiders"
    text = shown(at)
    assert text.startswith("# Handleiding voor programmaleiders")
    # Links between the documents open them on this page, in this language.
    assert "](?doc=workbook&lang=nl#error-and-warning-codes)" in text
    assert "](workbook.md" not in text


def test_help_shows_the_english_guide_in_english(sample_database, app):
    at = open_help(app, lang="en")
    assert at.title[0].value == "Help"
    assert shown(at).startswith("# Guide for programme leads")


def test_help_opens_the_document_the_link_names(sample_database, app):
    at = open_help(app, doc="workbook")
    assert at.selectbox(key="help.document").value == (
        "De kwartaalrapportage (werkmap en meldingen)"
    )
    english_only = "Dit document is alleen in het Engels beschikbaar."
    assert [c.value for c in at.main.caption] == [english_only]
    text = shown(at)
    assert "| `zip_bomb` | refused |" in text
    assert "<!--" not in text  # maintainers' notes stay out of the page


def test_every_document_can_be_chosen(sample_database, app):
    at = open_help(app, lang="en")
    documents = [("How the figures are counted", "# How the figures are counted"),
                 ("Administrator's guide", "# Administrator's guide"),
                 ("Guide for programme leads", "# Guide for programme leads")]  # fmt: skip
    for label, heading in documents:
        at = at.selectbox(key="help.document").set_value(label).run()
        assert not at.exception
        assert shown(at).startswith(heading)
        assert at.query_params["doc"] == label_to_doc(label)


def label_to_doc(label: str) -> str:
    return {"How the figures are counted": "figures", "Administrator's guide": "admin",
            "Guide for programme leads": "guide"}[label]  # fmt: skip


def test_the_template_instructions_point_at_the_help_page():
    buffer = io.BytesIO()
    write_template(buffer)
    sheet = load_workbook(buffer)["Instructies"]
    assert [cell.value for cell in sheet[2]] == [
        "Stap voor stap en alle meldingen: de pagina Hulp in LC Monitor "
        "(Handleiding voor programmaleiders).",
        "Step by step and every message: the Help page in LC Monitor (Guide for programme leads).",
    ]
