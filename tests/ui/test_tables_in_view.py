"""Tables a person reads at a glance on a laptop: the columns they need come first and
are the ones shown, so at 1024 px none is off-screen (the browser sweep in
tests/browser/test_glance_browser.py checks the widths; these check which columns)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data_access.access.users import DEMO_USERS
from ui.safe_text import shown_text

VIEWER, LEAD, OFFICER, ADMIN = (email for email, _, _ in DEMO_USERS)
MOMENT = r"\d\d-\d\d-20\d\d \d\d:\d\d"  # 30-11-2026 02:53: fits beside the others


def open_as(app: AppTest, email: str, page: str, lang: str = "nl") -> AppTest:
    app.session_state["auth.demo_user"] = email
    app.query_params["lang"] = lang
    at = app.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception
    return at


def shown_columns(frame) -> list[str]:
    """The columns a data table shows by default (all, unless it names an order)."""
    return list(frame.proto.column_order) or list(frame.value.columns)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", ["Jaar", "Maat", "Oud → nieuw", "Door", "Wanneer"]),
     ("en", ["Year", "Measure", "Old → new", "By", "When"])],
)  # fmt: skip
def test_target_history_says_what_changed_first_in_a_table_that_wraps(
    sample_database, app, lang, expected
):
    at = open_as(app, OFFICER, "targets", lang)
    assert not at.dataframe  # a plain table: its text wraps instead of running off-screen
    history = at.table[0].value
    assert list(history.columns) == expected
    assert history.iloc[0].tolist()[:3] == (
        ["2023", "Budget (€)", "– → € 200.000"] if lang == "nl"
        else ["2023", "Budget (€)", "– → €200,000"]
    )  # fmt: skip
    assert history.iloc[:, 4].str.fullmatch(MOMENT).all()
    who = history.iloc[0, 3]  # a plain table reads Markdown: no mailto link of an address
    assert shown_text(who) == "sample-data@lc-monitor.local" != who


def test_users_table_shows_who_has_which_role_and_for_which_programme(sample_database, app):
    at = open_as(app, ADMIN, "users")
    table = at.dataframe[0]
    assert shown_columns(table) == ["E-mailadres", "Rol", "Programma"]
    assert "Toegekend door" in table.value.columns  # in the column menu, not in view


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nl", ["Wanneer", "Wie", "Actie", "Betreft"]),
     ("en", ["When", "Who", "Action", "Concerns"])],
)  # fmt: skip
def test_audit_log_shows_when_who_what_and_keeps_the_rest_for_the_downloads(
    sample_database, app, lang, expected
):
    at = open_as(app, OFFICER, "audit", lang)
    table = at.dataframe[0]
    assert shown_columns(table) == expected
    assert table.value.columns.tolist()[4:] == (
        ["Programma", "Periode", "Details"] if lang == "nl" else ["Programme", "Period", "Details"]
    )
    assert table.value.iloc[:, 0].str.fullmatch(MOMENT).all()


def test_imports_awaiting_review_fit_and_the_chooser_names_the_file(sample_database, app):
    at = open_as(app, OFFICER, "approvals")
    pending = at.dataframe[0]
    assert shown_columns(pending) == ["Import", "Programma", "Periode", "Wie", "Wanneer"]
    assert pending.value.iloc[0, 4] and pending.value["Wanneer"].str.fullmatch(MOMENT).all()
    assert at.selectbox(key="approvals.chosen").options == [
        "#6 · 2024-Q4 · RondjeCirculair_2024-Q4.xlsx",  # the second sample programme's
        "#4 · 2023-Q4 · GasErop_2023-Q4.xlsx",
    ]


@pytest.mark.parametrize(
    ("lang", "expected", "in_full"),
    [("nl", ["Gestart", "Afgerond", "Facilitatoren", "Budget (€)"],
      "(gestarte en afgeronde leergemeenschappen, gecertificeerde facilitatoren, budget)"),
     ("en", ["Started", "Completed", "Facilitators", "Budget (€)"],
      "(communities started and completed, facilitators certified, budget)")],
)  # fmt: skip
def test_target_form_headers_are_short_words_and_the_note_names_them_in_full(
    sample_database, app, lang, expected, in_full
):
    """At 1024 px a form column is ~110 px: "leergemeenschappen" would break mid-word."""
    at = open_as(app, OFFICER, "targets", lang)
    headers = [m.value for m in at.main.markdown if m.value.startswith("**")][1:5]
    assert headers == [f"**{label}**" for label in expected]  # after the year's
    assert any(in_full in c.value for c in at.caption)


@pytest.mark.parametrize(
    ("lang", "expected", "hidden", "legend"),
    [("nl", ["Overzicht", "Programma", "Kwartaal", "Status", "Dat jaar", "Cumulatief", "Besteed"],
      ["Afgerond", "Deelnemers", "Toegekend", "Besteed totaal", "Tekort facilitatoren"],
      "✓ Goedgekeurd; … Ingediend; ✗ Afgewezen; ⚠ Ontbreekt; · Nog niet verplicht; * te laat"),
     ("en", ["Overview", "Programme", "Quarter", "Status", "That year", "Cumulative", "Spent"],
      ["Completed", "Participants", "Granted", "Spent in all", "Facilitator capacity gap"],
      "✓ Approved; … Submitted; ✗ Rejected; ⚠ Missing; · Not yet due; * late")],
)  # fmt: skip
def test_portfolio_shows_progress_and_money_and_the_last_year_and_a_half_of_reporting(
    sample_database, app, lang, expected, hidden, legend
):
    """At 1024 px ~560 px of table: seven short columns, and six quarters of marks."""
    at = open_as(app, OFFICER, "portfolio", lang)
    table, grid = at.dataframe[0], at.dataframe[1]
    assert shown_columns(table) == expected
    assert [c for c in table.value.columns if c not in expected] == hidden  # in the menu
    # That year's spending against that year's budget; every year's in the menu.
    spent = "€ 151.450 van € 200.000" if lang == "nl" else "€151,450 of €200,000"
    assert table.value.iloc[0][expected[6]] == spent.replace("€ ", "€\u00a0")  # one line each
    assert table.value.iloc[0][hidden[3]] == ("€ 300.451" if lang == "nl" else "€300,451")
    quarters = ["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    assert shown_columns(grid) == [expected[1], *quarters]
    assert grid.value.columns.tolist()[1:] == [f"{y}-Q{q}" for y in (2022, 2023, 2024)
                                               for q in (1, 2, 3, 4)]  # fmt: skip
    assert grid.value.set_index(expected[1]).loc["GasErop!", ["2023-Q3", "2023-Q4"]].tolist() == [
        "⚠", "…"]  # fmt: skip
    assert legend in [c.value for c in at.caption]
