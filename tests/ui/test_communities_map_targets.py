"""Communities, Map and Targets in AppTest: figures, search, languages, empty states, saving."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from data_access.db import session_scope
from data_access.targets import target_history

OFFICER = "officer@demo.lc-monitor.local"  # a demo user: sees the Targets page


def open_page(app: AppTest, page: str) -> AppTest:
    app.session_state["auth.demo_user"] = OFFICER
    at = app.run()
    return at.switch_page(f"pages/{page}.py").run()


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def caption_values(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


def test_communities_page_lists_all_and_shows_the_first_communitys_details(sample_database, app):
    at = open_page(app, "communities")
    assert not at.exception
    assert at.title[0].value == "Leergemeenschappen"
    assert "23 van 23 leergemeenschappen getoond." in caption_values(at)
    assert at.dataframe[0].value.shape == (23, 10)
    assert {m.label: m.value for m in at.metric} == {
        "Medewerkers": "7", "Leidinggevenden": "2", "Studenten": "2", "Docenten": "1",
    }  # fmt: skip
    timeline = charts(at)[0]
    assert [trace.get("name") for trace in timeline["data"][1:]] == [
        "Start", "Tussentijdse check", "Einde",
    ]  # fmt: skip
    assert ":material/check_circle: Scherpe vraag: **ja**" in [m.value for m in at.markdown]
    assert "**Onderwijspartners (niveau):** Windesheim (hbo)" in [m.value for m in at.markdown]


def test_communities_search_status_and_year_narrow_the_list(sample_database, app):
    at = open_page(app, "communities")
    at.text_input(key="communities.search").input("proef").run()
    assert "3 van 23 leergemeenschappen getoond." in caption_values(at)
    at.multiselect(key="communities.years").select(2023).run()
    assert at.dataframe[0].value.iloc[:, 0].tolist() == ["GE23-05"]
    at.text_input(key="communities.search").input("").run()
    at.multiselect(key="communities.statuses").select("running").run()
    assert at.dataframe[0].value.iloc[:, 0].tolist() == ["GE23-10"]
    assert any("Gepland einde" in str(t.get("name")) for t in charts(at)[0]["data"])
    at.text_input(key="communities.search").input("bestaat niet").run()
    assert not at.exception
    assert at.info[0].value.startswith("Geen leergemeenschap past")


def test_communities_page_in_english_with_a_sector_from_the_link(sample_database, app):
    app.query_params.update({"lang": "en", "sector": "circularity"})
    at = open_page(app, "communities")
    assert not at.exception
    assert "Showing 4 of 4 communities." in caption_values(at)
    table = at.dataframe[0].value
    assert set(table["Sector"]) == {"Circularity"}
    assert list(table.columns[:3]) == ["Code", "Name", "Company"]


def test_map_page_counts_communities_in_all_25_municipalities(sample_database, app):
    at = open_page(app, "map")
    assert not at.exception
    assert {m.label: m.value for m in at.metric} == {
        "Gestarte leergemeenschappen": "23",
        "Gemeenten met een leergemeenschap": "13 van 25",
    }
    trace = charts(at)[0]["data"][0]
    assert trace["type"] == "choroplethmap" and len(trace["locations"]) == 25
    counts = dict(zip(trace["locations"], trace["z"], strict=True))
    assert (counts["GM0193"], counts["GM0147"], counts["GM0180"]) == (2, 1, 0)
    assert "Bron: CBS / PDOK (Kadaster)" in caption_values(at)
    assert at.dataframe[0].value.shape == (25, 2)


def test_map_page_in_english_as_of_2022(sample_database, app):
    app.query_params.update({"lang": "en", "period": "2022-Q4"})
    at = open_page(app, "map")
    assert not at.exception
    assert at.metric[0].label == "Communities started" and at.metric[0].value == "13"


def test_targets_page_saves_a_change_with_who_and_shows_it_in_the_history(sample_database, app):
    at = open_page(app, "targets")
    assert not at.exception
    assert at.number_input(key="targets.value.2023.communities_started").value == 10
    at.number_input(key="targets.value.2024.communities_started").set_value(12)
    assert f"Je werkt als {OFFICER}." in caption_values(at)  # no name to type: signed in
    at.button[0].click().run()  # the form's save button
    assert not at.exception
    assert at.success[0].value.startswith("1 doel(en) opgeslagen")
    history = at.dataframe[0].value
    assert history.iloc[0].tolist()[1:] == [
        OFFICER, "2024", "Gestarte leergemeenschappen", "– → 12",
    ]  # fmt: skip
    with session_scope() as session:
        assert target_history(session, programme_id=1).iloc[0]["new_value"] == 12


def test_targets_page_in_english_says_who_saves(sample_database, app):
    app.query_params.update({"lang": "en"})
    at = open_page(app, "targets")
    assert not at.exception
    assert f"You are acting as {OFFICER}." in caption_values(at)


def test_pages_say_there_is_nothing_yet_on_an_empty_database(app, tmp_path, monkeypatch):
    from data_access import db

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    db.reset_engine()
    for page in ("communities", "map", "targets"):
        at = open_page(AppTest.from_file(app._script_path, default_timeout=30), page)
        assert not at.exception
        assert len(at.info) == 1, page
    db.reset_engine()
