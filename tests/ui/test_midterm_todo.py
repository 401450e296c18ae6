"""Communities page: the mid-term check as the programme lead's to-do, in both languages
(exact figures in tests/test_kpis_midterm.py)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.ui.test_communities_map_targets import open_page


def midterm_section(at: AppTest) -> dict:
    heading = next(h.value for h in at.subheader if h.value in ("Tussentijdse check",
                                                               "Mid-term check"))  # fmt: skip
    return {
        "heading": heading,
        "cards": {m.label: m.value for m in at.metric[-2:]},
        "rows": at.dataframe[-1].value.values.tolist(),  # the last table of the page
    }


def test_as_of_2023_q4_three_of_23_communities_past_half_way_lack_a_check(sample_database, app):
    app.query_params["period"] = "2023-Q4"
    at = open_page(app, "communities")
    assert not at.exception
    assert midterm_section(at) == {
        "heading": "Tussentijdse check",
        "cards": {"Voorbij de helft, zonder check": "3 van 23", "Aandeel zonder check": "13%"},
        "rows": [
            ["GE22-04", "LC Warmtepomp Demo BV", "Afgerond", "2 mei 2022"],
            ["GE22-12", "LC Schijnwerk Installaties BV", "Afgerond", "27 oktober 2022"],
            ["GE23-08", "LC Warmtenet Voorbeeld BV", "Afgerond", "16 oktober 2023"],
        ],
    }
    definition = at.metric[-1].help
    assert "telt niet mee" in definition
    assert any(definition in c.value for c in at.caption)


def test_in_english_as_of_2022_q2_the_two_not_yet_half_way_do_not_count(sample_database, app):
    app.query_params.update({"lang": "en", "period": "2022-Q2"})
    at = open_page(app, "communities")
    assert not at.exception
    assert midterm_section(at) == {
        "heading": "Mid-term check",
        "cards": {"Past half-way, no check": "1 of 7", "Share without a check": "14%"},
        "rows": [["GE22-04", "LC Warmtepomp Demo BV", "Completed", "2 May 2022"]],
    }


def test_a_community_not_yet_half_way_shows_its_check_as_not_due_yet(sample_database, app):
    """GE22-08 at 2022-Q2: no check and not half-way (2 August 2022), so no "nee"."""
    app.query_params["period"] = "2022-Q2"
    at = open_page(app, "communities")
    chooser = at.selectbox(key="communities.selected")
    chosen = next(o for o in chooser.options if o.startswith("GE22-08"))
    at = chooser.select(chosen).run()
    assert not at.exception
    lines = [m.value for m in at.main.markdown if "Tussentijdse check:" in m.value]
    assert lines == [":material/schedule: Tussentijdse check: **nog niet nodig**"]
