"""The Portfolio and Programmes pages in AppTest, per role, on the sample data."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from data_access.access.users import DEMO_USERS
from tests.ui.test_access_pages import as_user
from ui.safe_text import shown_text

VIEWER, LEAD, OFFICER, ADMIN = (email for email, _, _ in DEMO_USERS)


def open_page(app: AppTest, email: str, page: str, lang: str | None = None) -> AppTest:
    if lang:
        app.query_params["lang"] = lang
    at = as_user(app, email)
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception
    return at


def create(at: AppTest, name: str, first_year: int | None = None) -> AppTest:
    at.text_input[0].input(name)
    if first_year is not None:
        at.number_input[0].set_value(first_year)
        at.number_input[3].set_value(4)  # target started in the first year
    at.button[0].click().run()
    assert not at.exception
    return at


def test_portfolio_shows_the_sample_programme_totals_and_completeness(sample_database, app):
    at = open_page(app, VIEWER, "portfolio")
    table = at.dataframe[0].value
    gaserop = table.iloc[0].to_dict()
    assert gaserop["Overzicht"] == "/overzicht?programme=1&period=2023-Q4"
    assert gaserop["Kwartaal"] == "2023-Q4"
    assert gaserop["Status"] == "Ingediend"
    assert gaserop["Dat jaar"] == "10 van 10"
    assert gaserop["Cumulatief"] == "23 van 23"
    circular = table.iloc[1].to_dict()  # the second sample programme, from 2024
    assert circular["Overzicht"] == "/overzicht?programme=2&period=2024-Q4"
    assert (circular["Dat jaar"], circular["Status"]) == (
        "4 van 5", "Ingediend",
    )  # fmt: skip
    assert table.iloc[-1]["Programma"] == "Totaal"
    assert table.iloc[-1]["Overzicht"] == ""  # opens nothing, and reads nothing
    assert table.iloc[-1]["Cumulatief"] == "27 van 28"
    grid = at.dataframe[1].value.set_index("Programma")
    assert list(grid.columns) == [f"{y}-Q{q}" for y in (2022, 2023, 2024) for q in (1, 2, 3, 4)]
    assert grid.loc["GasErop!", "2022-Q1"] == "⚠"  # a legend names the marks
    assert grid.loc["GasErop!", "2023-Q4"] == "…"  # sent on time: not late
    assert grid.loc["GasErop!", "2024-Q1"] == ""
    assert grid.loc["Rondje Circulair (fictief)", "2024-Q2"] == "✓"
    notes = " ".join(c.value for c in at.caption)
    assert "Hoe wordt dit geteld: per programma" in notes
    assert "Hoe wordt dit geteld: elk programma rapporteert" in notes


def test_an_officer_creates_a_programme_that_has_no_uploads_yet(sample_database, app):
    at = create(open_page(app, OFFICER, "programmes"), "Kringloop Oost (fictief)", 2026)
    assert at.success[0].value == "Programma Kringloop Oost (fictief) is aangemaakt."
    listed = at.dataframe[0].value.to_dict("records")
    assert listed[1] == {"Programma": "Kringloop Oost (fictief)", "Looptijd": "2026–?",
                         "Beschrijving": "", "Trekkers": "–", "Imports": 0,
                         "Termijn (dagen)": 30}  # fmt: skip
    at = open_page(app, OFFICER, "portfolio")
    row = at.dataframe[0].value.iloc[1].to_dict()
    assert (row["Kwartaal"], row["Dat jaar"]) == ("–", "0 van 4")  # 2026 target
    assert row["Overzicht"] == "/overzicht?programme=3"  # the sample holds 1 and 2


def test_a_duplicate_name_is_refused_with_a_sentence(sample_database, app):
    at = create(open_page(app, OFFICER, "programmes"), "gaserop!")
    assert at.error[0].value == "Er is al een programma met de naam 'gaserop!'."


def test_only_the_admin_names_a_lead(sample_database, app):
    at = open_page(app, OFFICER, "programmes")
    assert "Trekker aanwijzen" not in [s.value for s in at.subheader]
    at = open_page(app, ADMIN, "programmes")
    at.text_input[-1].input("nieuw@demo.lc-monitor.local")
    at.button[-1].click().run()
    assert (  # as a person reads it: the address's markup escaping left out
        shown_text(at.success[0].value)
        == "nieuw@demo.lc-monitor.local is trekker van GasErop! en kan nu uploaden."
    )


def test_english_portfolio(sample_database, app):
    at = open_page(app, OFFICER, "portfolio", lang="en")
    assert at.title[0].value == "Portfolio: every programme"
    assert at.dataframe[0].value.iloc[0]["That year"] == "10 of 10"


def test_the_grid_shows_a_new_programmes_first_quarter_approved(sample_database, app):
    from data_access.access.approval import approve_batch
    from data_access.access.programmes import ProgrammeDetails, create_programme
    from data_access.access.users import add_role
    from data_access.imports.importer import apply_import
    from tests.ui.test_access_pages import with_programme
    from tests.ui.test_upload_page import next_quarter_workbook

    name = "Kringloop Oost (fictief)"
    create_programme(details=ProgrammeDetails(name=name, first_year=2024), actor=OFFICER)
    add_role(email=LEAD, role="lead", programme=name, actor=ADMIN)
    content = with_programme(next_quarter_workbook(), name)
    batch_id = apply_import(content, "k.xlsx", uploaded_by=LEAD).batch_id
    approve_batch(batch_id, actor=OFFICER)
    at = open_page(app, OFFICER, "portfolio")
    grid = at.dataframe[1].value.set_index("Programma")
    assert grid.loc[name, "2024-Q1"] in ("✓", "✓*")  # late or not, as the day falls
    assert grid.loc[name, "2024-Q2"] == "⚠"
    assert at.dataframe[0].value.set_index("Programma").loc[name, "Status"] == "Goedgekeurd"
