"""Sectors, Facilitators, Funding and Compare in AppTest: figures, filters, languages, empty."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

PAGES = ("sectors", "facilitators", "funding", "compare")


def open_page(app: AppTest, page: str) -> AppTest:
    at = app.run()
    return at.switch_page(f"pages/{page}.py").run()


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_sectors_page_shows_split_coverage_and_success_factors(sample_database, app):
    at = open_page(app, "sectors")
    assert not at.exception
    assert at.title[0].value == "Sectoren"
    figures = charts(at)
    assert len(figures) == 5  # count, share, coverage, success per year, per sector
    count = {trace["name"]: trace["y"] for trace in figures[0]["data"]}
    assert count == {"Energietransitie": [13, 6], "Circulariteit": [0, 4]}
    share = {trace["name"]: trace["y"] for trace in figures[1]["data"]}
    assert share == {"Energietransitie": [1.0, 0.6], "Circulariteit": [0.0, 0.4]}
    coverage = {trace["name"]: trace["y"] for trace in figures[2]["data"]}
    assert coverage["Gecertificeerde facilitatoren"] == [5, 3, 1, 0]
    assert len(at.caption) >= 3  # every figure has its "how is this counted" note


def test_sectors_page_respects_the_sector_filter_in_english(sample_database, app):
    app.query_params.update({"lang": "en", "sector": "circularity"})
    at = open_page(app, "sectors")
    assert not at.exception
    figures = charts(at)
    assert [trace["name"] for trace in figures[0]["data"]] == ["Circularity"]
    assert figures[2]["data"][0]["x"] == ["Circularity"]


def test_facilitators_page_answers_whether_2023_can_be_staffed(sample_database, app):
    app.query_params.update({"period": "2022-Q4"})
    at = open_page(app, "facilitators")
    assert not at.exception
    assert {m.label: m.value for m in at.metric} == {
        "Doel 2023: te starten": "10",
        "Capaciteit nu": "14",
        "Tekort (+) of ruimte (−)": "-4",
    }
    assert "Ja: de gecertificeerde facilitatoren hebben 4 plaatsen over." in [
        m.value for m in at.markdown
    ]
    capacity = charts(at)[0]
    assert capacity["data"][2]["y"] == [14, 14]  # capacity as of 2022-Q2 and 2022-Q4


def test_facilitators_page_says_when_next_year_has_no_target(sample_database, app):
    app.query_params.update({"lang": "en"})
    at = open_page(app, "facilitators")
    assert not at.exception
    assert [i.value for i in at.info] == [
        "No 'communities started' target has been set for 2024 yet."
    ]
    assert len(charts(at)) == 3


def test_funding_page_shows_quarters_budget_and_per_community(sample_database, app):
    at = open_page(app, "funding")
    assert not at.exception
    quarter, budget, per_community = charts(at)
    assert quarter["data"][0]["y"][:4] == [150_000, 0, 100_000, 0]
    assert budget["data"][2]["y"] == [250_000] * 4 + [None] + [200_000] * 4  # a break per year
    assert [round(y) for y in per_community["data"][0]["y"]] == [11_462, 15_145]


def test_funding_page_says_filters_do_not_apply(sample_database, app):
    app.query_params.update({"sector": "circularity", "lang": "en"})
    at = open_page(app, "funding")
    assert not at.exception
    assert [i.value for i in at.info] == [
        "Funding is reported per programme: the sector, municipality and education "
        "partner filters don't apply here."
    ]


def test_compare_page_sets_two_years_side_by_side_from_a_link(sample_database, app):
    app.query_params.update({"a": "2022", "b": "2023"})
    at = open_page(app, "compare")
    assert not at.exception
    table = at.table[0].value
    assert list(table.columns) == ["A: 2022", "B: 2023", "Verschil (B − A)"]
    assert table.loc["Gestart in het jaar"].tolist() == ["13", "10", "-3"]
    assert table.loc["Gestart, cumulatief"].tolist() == ["13", "23", "+10"]
    assert table.loc["Toegekend in het jaar"].tolist() == ["€ 250.000", "€ 200.000", "-€ 50.000"]
    # a difference of percentages in percentage points, a negative shortage a surplus
    assert table.loc["Afrondingspercentage"].tolist() == ["100%", "100%", "0 procentpunt"]
    assert table.loc["Capaciteit: tekort of overschot"].tolist() == [
        "overschot 14", "overschot 13", "+1"]  # fmt: skip


def test_compare_page_choice_goes_into_the_url(sample_database, app):
    at = open_page(app, "compare")
    at.selectbox(key="compare.a").set_value("2022-Q2").run()
    assert not at.exception
    assert at.query_params["a"] == "2022-Q2"
    assert at.table[0].value.loc["Lopend"].tolist() == ["5", "1", "-4"]


def test_compare_choices_leave_the_url_elsewhere_and_come_back_with_the_page(sample_database, app):
    app.query_params.update({"a": "2022", "b": "2023"})
    at = open_page(app, "compare")
    assert (at.query_params["a"], at.query_params["b"]) == ("2022", "2023")
    at = at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert "a" not in at.query_params and "b" not in at.query_params
    assert at.query_params["period"] == "2023-Q4"  # the sidebar's own stay
    at = at.switch_page("pages/funding.py").run()
    at = at.switch_page("pages/compare.py").run()  # back: the choices were kept
    assert (at.query_params["a"], at.query_params["b"]) == ("2022", "2023")


@pytest.mark.parametrize(("page", "chart_count"), [("sectors", 5), ("facilitators", 3),
                                                   ("funding", 3)])  # fmt: skip
def test_every_chart_offers_png_svg_and_excel_downloads(page, chart_count, sample_database, app):
    at = open_page(app, page)
    assert not at.exception
    assert len(charts(at)) == chart_count
    labels = [button.label for button in at.get("download_button")]
    assert sorted(labels) == sorted(["PNG", "SVG", "Gegevens (Excel)"] * chart_count)


@pytest.mark.parametrize("page", PAGES)
def test_every_dashboard_page_has_an_empty_state(page, database, app):
    at = open_page(app, page)
    assert not at.exception
    assert [i.value for i in at.info] == [
        "Er is nog geen programma. Upload een kwartaalrapportage om te beginnen."
    ]


def test_funding_page_opens_with_its_headline_figures(sample_database, app):
    at = open_page(app, "funding")
    assert not at.exception
    cards = {metric.label: metric.value for metric in at.metric}
    assert cards == {
        "Budget 2023": "€ 200.000",
        "Toegekend 2023": "€ 200.000",
        "Besteed 2023": "€ 151.450",
        "Resterend budget 2023": "€ 48.550",
        "Besteed per leergemeenschap 2023": "€ 15.145",
    }
