"""The Communities page's table and the map's counts, on the sample data and hand-built cases."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.core.db import session_scope
from data_access.core.queries import get_programme
from data_access.kpis.communities import community_table, search_communities
from data_access.kpis.map import communities_per_municipality
from data_access.workbook.export import export_table
from tests.factories import make_batch, make_community, make_programme


@pytest.fixture
def sample(sample_database) -> int:
    with session_scope() as s:
        return get_programme(s, name="GasErop!").id


def test_table_holds_every_community_with_year_participants_and_factors(sample):
    with session_scope() as s:
        table = community_table(s, programme_id=sample, as_of="2023-Q4")
    assert len(table) == 23
    assert table.groupby("year").size().to_dict() == {2022: 13, 2023: 10}
    row = table.set_index("code").loc["GE23-06"]
    assert (row["participants"], row["score"]) == (9, 3)
    assert [row[f"factor_{f}"] for f in ("sharp_question", "company_champion")] == [False, True]
    assert table.set_index("code").loc["GE22-01", "participants"] == 12


def test_search_matches_code_name_company_and_question_in_any_case(sample):
    with session_scope() as s:
        table = community_table(s, programme_id=sample, as_of="2023-Q4")
    assert search_communities(table, text="PROEF")["code"].tolist() == [
        "GE22-03",
        "GE22-10",
        "GE23-05",
    ]
    assert search_communities(table, text="ge23-0")["code"].tolist() == [
        f"GE23-0{i}" for i in range(1, 10)
    ]
    assert len(search_communities(table, text="energietransitie")) > 0  # the question
    assert len(search_communities(table, years=(2023,), statuses=("completed",))) == 9
    assert search_communities(table, statuses=("running",))["code"].tolist() == ["GE23-10"]
    assert search_communities(table, text="geen-treffer").empty


def test_planned_community_has_no_factors_and_no_year(database):
    with session_scope(write=True) as s:
        batch = make_batch(s, programme=make_programme(s), period="2023-Q4")
        make_community(s, batch=batch, code="P-1", status="planned", start=None, end=None)
        make_community(s, batch=batch, code="R-1", status="running", end=date(2024, 2, 1))
        programme_id = batch.programme_id
    with session_scope() as s:
        table = community_table(s, programme_id=programme_id, as_of="2023-Q4").set_index("code")
    assert table.loc["P-1", "factor_sharp_question"] is None or (
        str(table.loc["P-1", "factor_sharp_question"]) == "<NA>"
    )
    assert str(table.loc["P-1", "year"]) == "<NA>"
    assert table.loc["R-1", "year"] == 2022
    assert bool(table.loc["R-1", "factor_sharp_question"]) is True
    assert search_communities(table.reset_index(), years=(2022,))["code"].tolist() == ["R-1"]


def test_a_community_without_partners_sits_beside_one_with_two(database):
    # The partner columns are exploded per community; one with none used to break
    # the whole table (reindex on repeated labels) and with it the Communities page.
    with session_scope(write=True) as s:
        batch = make_batch(s, programme=make_programme(s), period="2023-Q4")
        make_community(s, batch=batch, code="TWO", partners=("Saxion", "ROC van Twente"))
        make_community(s, batch=batch, code="NONE", partners=())
        programme_id = batch.programme_id
    with session_scope() as s:
        table = community_table(s, programme_id=programme_id, as_of="2023-Q4").set_index("code")
    assert table.loc["TWO", "education_partners"] == "ROC van Twente; Saxion"
    assert table.loc["NONE", "education_partners"] == ""
    assert table.loc["NONE", "partners_with_level"] == ""


def test_export_uses_the_workbook_headers_and_labels_in_each_language(sample):
    with session_scope() as s:
        table = community_table(s, programme_id=sample, as_of="2023-Q4")
    dutch, english = export_table(table, lang="nl"), export_table(table, lang="en")
    assert list(dutch.columns[:5]) == ["Code", "Naam", "Bedrijf", "Sector", "Gemeente"]
    assert list(english.columns[:5]) == ["Code", "Name", "Company", "Sector", "Municipality"]
    assert dutch.iloc[0][["Status", "Sector"]].tolist() == ["Afgerond", "Energietransitie"]
    assert english.iloc[0][["Status", "Start date"]].tolist() == ["Completed", date(2022, 2, 7)]


SAMPLE_MAP = {
    "Almelo": 2, "Borne": 1, "Deventer": 2, "Enschede": 2, "Hardenberg": 2, "Hengelo": 2,
    "Hof van Twente": 1, "Kampen": 2, "Oldenzaal": 2, "Raalte": 2, "Rijssen-Holten": 2,
    "Wierden": 1, "Zwolle": 2,
}  # fmt: skip


def test_map_counts_all_25_municipalities_with_the_sample_counts(sample):
    with session_scope() as s:
        frame = communities_per_municipality(s, programme_id=sample, as_of="2023-Q4")
    assert len(frame) == 25 and frame["municipality_code"].is_unique
    counts = dict(zip(frame["municipality"], frame["communities"], strict=True))
    assert {name: n for name, n in counts.items() if n} == SAMPLE_MAP
    assert sum(counts.values()) == 23
    assert counts["Staphorst"] == 0
    sectors = frame.set_index("municipality")["sectors"]
    assert sectors["Zwolle"] == {"circularity": 1, "energy_transition": 1}
    assert sectors["Ommen"] == {}


def test_map_counts_as_of_an_earlier_period(sample):
    with session_scope() as s:
        frame = communities_per_municipality(s, programme_id=sample, as_of="2022-Q4")
    assert frame["communities"].sum() == 13
    assert len(frame) == 25


def test_map_on_an_empty_database_has_25_zeros(database):
    with session_scope() as s:
        frame = communities_per_municipality(s, programme_id=None, as_of=None)
    assert len(frame) == 25 and frame["communities"].sum() == 0
