"""The Overview page in AppTest: figures, language, URL filters, empty states."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


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
        "Started in 2023": "0 of 10",
        "Total (cumulative)": "13 of 23",
    }
    assert at.caption[0].value == "GasErop! · as of 31 December 2022"


def test_a_stale_link_falls_back_to_the_latest_period(sample_database, app):
    app.query_params.update({"period": "1999-Q1", "programme": "999", "lang": "xx"})
    at = app.run()
    assert not at.exception
    assert at.selectbox(key="sidebar.period").value == "2023-Q4"
    assert at.query_params == {"programme": "1", "period": "2023-Q4"}


def test_empty_database_shows_the_empty_state(database, app):
    at = app.run()
    assert not at.exception
    assert [info.value for info in at.info] == [
        "Er is nog geen programma. Upload een kwartaalrapportage om te beginnen."
    ]
    assert not at.metric
