"""Communities, Map and Targets in AppTest: figures, search, languages, empty states, saving."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from data_access.access.targets import target_history
from data_access.core.db import session_scope
from data_access.imports.importer import apply_import
from data_access.kpis import figures as kpis
from tests.ui.test_upload_page import LEAD, next_quarter_workbook
from ui.safe_text import shown_text

OFFICER = "officer@demo.lc-monitor.local"  # a demo user: sees the Targets page


def open_page(app: AppTest, page: str) -> AppTest:
    app.session_state["auth.demo_user"] = OFFICER
    at = app.run()
    return at.switch_page(f"pages/{page}.py").run()


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def caption_values(at: AppTest) -> list[str]:
    """The captions as a person reads them (values from data are escaped Markdown)."""
    return [shown_text(caption.value) for caption in at.caption]


def test_communities_page_lists_all_and_shows_the_first_communitys_details(sample_database, app):
    at = open_page(app, "communities")
    assert not at.exception
    assert at.title[0].value == "Leergemeenschappen"
    assert "23 van 23 leergemeenschappen getoond." in caption_values(at)
    assert at.dataframe[0].value.shape == (23, 10)
    assert {m.label: m.value for m in at.metric} == {
        "Medewerkers": "7", "Leidinggevenden": "2", "Studenten": "2", "Docenten": "1",
        "Afrondingspercentage": "100%",
        "Voorbij de helft, zonder check": "3 van 23", "Aandeel zonder check": "13%",
    }  # fmt: skip
    timeline = charts(at)[0]
    assert [trace.get("name") for trace in timeline["data"][1:]] == [
        "Start", "Tussentijdse check", "Einde",
    ]  # fmt: skip
    assert ":material/check_circle: Scherpe vraag: **ja**" in [m.value for m in at.markdown]
    assert "**Onderwijspartners (niveau):** Windesheim (hbo)" in [m.value for m in at.markdown]


def duration_section(at: AppTest, *, card_label: str) -> dict:
    """The duration and completion section: the heading and table before the page's last
    section (the mid-term check), the completion card, and the first words of its two
    definitions."""
    card = next(m for m in at.metric if m.label == card_label)
    table = next(f.value for f in at.dataframe if f.value.columns[0] in ("Startjaar", "Start year"))
    notes = [c for c in caption_values(at) if c.startswith(":material/info:")]
    return {
        "heading": at.subheader[-2].value,
        "card": card.value,
        "card_help": " ".join(card.help.split()[:3]),
        "columns": list(table.columns),
        "rows": table.values.tolist(),
        "note": " ".join(notes[-2].split()[1:4]),
    }


def test_communities_page_shows_completion_rate_and_duration_per_start_year(sample_database, app):
    # By hand from the sample: 22 completed, none stopped -> 100%. The 13 started in
    # 2022 took 12,14,16,12,15,18,13,16,17,14,12,13,11 weeks: mean 183/13 = 14.08 -> 14,
    # median 14, all within 10-20 weeks -> 100%. 2023: nine completed and one running
    # (planned end) took 14,16,12,18,15,13,16,12,13,18: mean 14.7 -> 15, median 14.5 -> 15.
    with session_scope() as session:
        per_year = kpis.duration_per_year(session, programme_id=1)
        rate = kpis.kpi_summary(session, programme_id=1)["completion_rate"]
    assert rate == 1.0 and per_year["share_within_range"].tolist() == [1.0, 1.0]
    at = open_page(app, "communities")
    assert not at.exception
    assert duration_section(at, card_label="Afrondingspercentage") == {
        "heading": "Looptijd en afronding",
        "card": "100%",
        "card_help": "Afgeronde leergemeenschappen gedeeld",
        "columns": [
            "Startjaar", "Aantal", "Gemiddeld (weken)", "Mediaan (weken)",
            "Binnen 10–20 weken",
        ],
        "rows": [["2022", "13", "14", "14", "100%"], ["2023", "10", "15", "15", "100%"]],
        "note": "Weken van startdatum",
    }  # fmt: skip


def test_communities_duration_and_completion_in_english_as_of_2022(sample_database, app):
    app.query_params.update({"lang": "en", "period": "2022-Q4"})
    at = open_page(app, "communities")
    assert not at.exception
    assert duration_section(at, card_label="Completion rate") == {
        "heading": "Duration and completion",
        "card": "100%",
        "card_help": "Completed communities divided",
        "columns": ["Start year", "Count", "Mean (weeks)", "Median (weeks)",
                    "Within 10–20 weeks"],
        "rows": [["2022", "13", "14", "14", "100%"]],
        "note": "Weeks from start",
    }  # fmt: skip


def test_the_search_and_chosen_community_are_kept_across_a_visit_elsewhere(sample_database, app):
    at = open_page(app, "communities")
    at.text_input(key="communities.search").input("proef").run()
    at.multiselect(key="communities.years").select(2023).run()
    at.selectbox(key="communities.selected").select_index(0).run()
    chosen = at.selectbox(key="communities.selected").value
    at = at.switch_page("pages/overview.py").run()
    at = at.switch_page("pages/map.py").run()  # Streamlit has forgotten the widgets now
    at = at.switch_page("pages/communities.py").run()
    assert not at.exception
    assert at.text_input(key="communities.search").value == "proef"
    assert at.multiselect(key="communities.years").value == [2023]
    assert at.selectbox(key="communities.selected").value == chosen
    assert "1 van 23 leergemeenschappen getoond." in caption_values(at)


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
    # Status next to the name: on a laptop the last columns are off-screen
    assert list(table.columns[:4]) == ["Code", "Name", "Status", "Company"]


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
    # The source once: on the map itself (so it travels with the PNG, SVG and deck).
    annotations = [a["text"] for a in charts(at)[0]["layout"]["annotations"]]
    assert (caption_values(at) + annotations).count("Bron: CBS / PDOK (Kadaster)") == 1
    assert "Bron: CBS / PDOK (Kadaster)" in annotations
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
    assert at.success[0].value == (  # one target, in the singular
        "1 doel opgeslagen. Alle pagina's rekenen nu met het nieuwe doel."
    )
    history = at.table[0].value
    assert [shown_text(cell) for cell in history.iloc[0].tolist()[:4]] == [
        "2024", "Gestarte leergemeenschappen", "– → 12", OFFICER,
    ]  # fmt: skip
    with session_scope() as session:
        assert target_history(session, programme_id=1).iloc[0]["new_value"] == 12


def test_targets_page_in_english_says_who_saves(sample_database, app):
    app.query_params.update({"lang": "en"})
    at = open_page(app, "targets")
    assert not at.exception
    assert f"You are acting as {OFFICER}." in caption_values(at)


def test_pages_say_there_is_nothing_yet_on_an_empty_database(app, tmp_path, monkeypatch):
    from data_access.core import db

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    db.reset_engine()
    for page in ("communities", "map", "targets"):
        at = open_page(AppTest.from_file(app._script_path, default_timeout=30), page)
        assert not at.exception
        assert len(at.info) == 1, page
    db.reset_engine()


def test_a_stopped_community_lowers_the_completion_rate_on_the_page(sample_database, app):
    # 2024-Q1 adds GE24-01, stopped: completed 22, stopped 1 -> 22 / 23 = 95.7% -> 96%.
    # It has no end date, so it has no duration: the per-year table stays as it was.
    content = next_quarter_workbook(status="Gestopt")
    assert apply_import(content, "2024-Q1.xlsx", uploaded_by=LEAD).status == "applied"
    app.query_params.update({"period": "2024-Q1"})
    at = open_page(app, "communities")
    assert not at.exception
    section = duration_section(at, card_label="Afrondingspercentage")
    assert section["card"] == "96%"
    assert section["rows"] == [["2022", "13", "14", "14", "100%"],
                               ["2023", "10", "15", "15", "100%"]]  # fmt: skip


def test_communities_search_and_status_live_in_the_url(sample_database, app):
    app.query_params.update({"status": "running"})
    at = open_page(app, "communities")
    assert not at.exception
    assert at.multiselect(key="communities.statuses").value == ["running"]
    assert "1 van 23 leergemeenschappen getoond." in caption_values(at)
    at.multiselect(key="communities.statuses").set_value(["completed"])
    at.text_input(key="communities.search").input("GAS").run()
    assert at.query_params["status"] in ("completed", ["completed"])
    assert at.query_params["q"] in ("GAS", ["GAS"])
