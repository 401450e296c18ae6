"""The Overview page in AppTest: figures, language, URL filters, empty states."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

YEAR_CARD_PREFIXES = ("Gestart in", "Started in", "Totaal", "Total")


def metrics(at: AppTest) -> dict[str, str]:
    """The per-year cards under "started against the target" (not the headline cards)."""
    return {m.label: m.value for m in at.metric if m.label.startswith(YEAR_CARD_PREFIXES)}


def headline(at: AppTest) -> dict[str, tuple[str, str]]:
    """The headline cards: label → (value, change since the previous quarter)."""
    return {m.label: (m.value, m.delta) for m in at.metric[:8]}


def test_overview_shows_started_against_target_in_dutch(sample_database, app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "Overzicht leergemeenschappen"
    assert metrics(at) == {
        "Gestart in 2022": "13 van 13",
        "Gestart in 2023": "10 van 10",
        "Totaal (cumulatief)": "23 van 23",
    }
    assert at.caption[0].value == "GasErop! · stand per 31 december 2023"


def test_overview_switches_to_english_and_records_it_in_the_url(sample_database, app):
    at = app.run()
    at.radio(key="sidebar.lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Learning communities overview"
    assert metrics(at) == {
        "Started in 2022": "13 of 13",
        "Started in 2023": "10 of 10",
        "Total (cumulative)": "23 of 23",
    }
    assert at.query_params["lang"] == "en"


def test_a_copied_link_reproduces_language_and_period(sample_database, app):
    app.query_params.update({"lang": "en", "period": "2022-Q4", "programme": "1"})
    at = app.run()
    assert not at.exception
    assert at.selectbox(key="sidebar.period").value == "2022-Q4"
    # Targets are not reports: the 2023 target counts whatever the period.
    assert metrics(at) == {
        "Started in 2022": "13 of 13",
        "Total (cumulative)": "13 of 13",  # 2023 has not begun: its target is not due
    }
    assert at.caption[0].value == "GasErop! · as of 31 December 2022"


def test_a_stale_link_falls_back_to_the_latest_period(sample_database, app):
    app.query_params.update({"period": "1999-Q1", "programme": "999", "lang": "xx"})
    at = app.run()
    assert not at.exception
    assert at.selectbox(key="sidebar.period").value == "2023-Q4"
    # Demo mode keeps the demo user in the address too (a reconnect comes back as them).
    assert at.query_params == {
        "programme": "1",
        "period": "2023-Q4",
        "demo": "viewer@demo.lc-monitor.local",
    }


def test_empty_database_shows_the_empty_state(database, app):
    at = app.run()
    assert not at.exception
    assert [info.value for info in at.info] == [
        "Er is nog geen programma. Upload een kwartaalrapportage om te beginnen."
    ]
    assert not at.metric


def test_headline_cards_show_value_target_and_change_since_the_previous_quarter(
    sample_database, app
):
    at = app.run()
    assert not at.exception
    assert at.markdown[0].value == (
        "**In 2023 zijn 10 van de 10 geplande leergemeenschappen gestart: "
        "9 afgerond en 1 nog bezig.**"
    )
    assert headline(at) == {
        "Gestart dit jaar (2023)": ("10 van 10", "+3"),
        "Gestart, cumulatief": ("23 van 23", "+3"),
        "Afgerond dit jaar (2023)": ("9 van 10", "+6"),
        "Lopend nu": ("1", "-3"),
        "Deelnemers bereikt": ("265", "+34"),
        "Gecertificeerde facilitatoren": ("6 van 7", ""),
        "Toegekend dit jaar (2023), budget € 200.000": ("€ 200.000", ""),
        "Besteed dit jaar (2023), van € 200.000 toegekend": ("€ 151.450", "+€ 90.950"),
    }
    assert at.metric[0].help.startswith("Leergemeenschappen met een startdatum in het jaar")


def test_headline_cards_in_english_as_of_2022(sample_database, app):
    app.query_params.update({"lang": "en", "period": "2022-Q4"})
    at = app.run()
    assert not at.exception
    assert at.markdown[0].value == (
        "**In 2022, 13 of the 13 planned communities started and were completed.**"
    )
    cards = headline(at)
    assert cards["Started this year (2022)"] == ("13 of 13", "+4")
    assert cards["Spent this year (2022), of €250,000 granted"] == (
        "€149,001",
        "+€98,250",
    )  # €149,000.50 rounds half up


def test_the_sector_filter_from_a_link_narrows_every_card(sample_database, app):
    app.query_params.update({"sector": "circularity"})
    at = app.run()
    assert not at.exception
    assert at.multiselect(key="sidebar.sectors").value == ["circularity"]
    assert metrics(at) == {
        # the programme's targets are not a sector's: the counts alone, every year
        "Gestart in 2022": "0",
        "Gestart in 2023": "4",
        "Totaal (cumulatief)": "4",
    }
    assert headline(at)["Gecertificeerde facilitatoren"] == ("3", "")
    assert at.query_params["sector"] == "circularity"


def test_choosing_a_municipality_writes_it_to_the_url(sample_database, app):
    at = app.run()
    at.multiselect(key="sidebar.municipalities").set_value(["GM0153"]).run()
    assert not at.exception
    assert at.query_params["municipality"] == "GM0153"
    assert metrics(at)["Totaal (cumulatief)"] == "2"
