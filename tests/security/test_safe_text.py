"""Values from a file shown as text: the escaping helpers and every chart builder that
draws a name from a file (plotly reads `<a>`, `<span style>`, `<b>`, `<br>` as markup)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from data_access.core.reference import municipality_geojson
from data_access.kpis.success import SUCCESS_FACTORS
from ui.charts import (
    build_municipality_map_figure,
    build_sector_coverage_figure,
    build_sector_split_figure,
    build_success_factor_figure,
    build_utilisation_figure,
)
from ui.safe_text import (
    WORD_JOINER,
    escape_html,
    escape_markdown,
    escape_plotly,
    markdown_params,
)

# What a hostile workbook puts in a name: each would create an element or fetch a host.
HOSTILE = {
    "image": "![p](http://evil.example/p.png)",
    "link": "[klik](http://evil.example)",
    "autolink": "<http://evil.example> www.evil.example mail@evil.example",
    "heading": "# Kop",
    "list": "- punt",
    "ordered": "1. punt",
    "emphasis": "**vet** _schuin_",
    "html": '<img src="http://evil.example/p.png"><b>x</b>',
    "colour": ":red[rood] :blue-background[blauw]",
    "icon": ":material/home: :streamlit:",
    "latex": "$x^2$ $$y$$",
    "table": "| a | b |",
    "code": "`code`",
    "entity": "&amp; &#60;",
}
MARKUP = r"\`*_[]<>|~$&:/{}"  # what must never reach Markdown unescaped


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_markdown_escaping_leaves_no_markdown_character_unescaped(text):
    escaped = escape_markdown(text)
    unescaped = re.sub(r"\\.", "", escaped)  # what is left once every escape pair is gone
    assert not set(unescaped) & set(MARKUP)
    assert not re.match(r"\s*([-+=>#]|\d+[.)])", unescaped)  # no heading, list or quote
    shown = re.sub(r"\\(.)", r"\1", escaped).replace(WORD_JOINER, "")
    assert shown == text  # shown exactly as written


def test_a_bare_url_or_address_gets_an_invisible_joiner_so_no_link_is_made():
    escaped = escape_markdown("https://evil.example www.evil.example jan@evil.example")
    assert escaped == (
        "https\\:\u2060\\/\\/evil.example www\u2060.evil.example jan@\u2060evil.example"
    )


def test_markdown_escaping_puts_a_value_on_one_line():
    assert escape_markdown("a\n\n    # b\r\nc") == "a # b c"
    assert escape_markdown("# kop") == r"\# kop"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("GasErop!, 2024-Q1", "GasErop!, 2024-Q1"), ("- punt", r"\- punt"),
     ("1. punt", r"1\. punt"), ("+31 6", r"\+31 6"), ("---", r"\---")],
)  # fmt: skip
def test_ordinary_punctuation_stays_and_a_block_start_is_escaped(text, escaped):
    assert escape_markdown(text) == escaped


def test_markdown_params_escape_text_and_keep_numbers():
    assert markdown_params({"name": "*x*", "count": 3}) == {"name": r"\*x\*", "count": 3}


def test_plotly_and_html_escaping():
    assert (
        escape_plotly('<a href="x">A&B</a><br>') == '&lt;a href="x"&gt;A&amp;B&lt;/a&gt;&lt;br&gt;'
    )
    assert escape_html("<b>'x'\n\nz</b>") == "&lt;b&gt;&#x27;x&#x27; z&lt;/b&gt;"


NAME = '<a href="http://evil.example">Anna</a><span style="font-size:99px">x</span><br>'
SHOWN = escape_plotly(NAME)


def test_utilisation_chart_shows_a_facilitator_name_as_text():
    people = pd.DataFrame(
        {"name": [NAME], "load": [1], "max_concurrent": [2], "utilisation": [0.5]}
    )
    (bars,) = build_utilisation_figure(people, lang="nl").data
    assert list(bars.y) == [SHOWN]


def test_map_hover_shows_municipality_and_sector_names_as_text():
    counts = pd.DataFrame(
        {"municipality_code": ["GM0193"], "municipality": [NAME], "communities": [1],
         "sectors": [{"<b>x</b>": 1}]}
    )  # fmt: skip
    figure = build_municipality_map_figure(
        counts, geojson=municipality_geojson(), labels={}, lang="nl"
    )
    assert list(figure.data[0].customdata[0]) == [SHOWN, 1, "&lt;b&gt;x&lt;/b&gt;: 1"]


def test_sector_charts_show_unknown_sector_codes_as_text():
    split = pd.DataFrame({"year": [2023], "sector": [NAME], "communities": [1], "share": [1.0]})
    assert [t.name for t in build_sector_split_figure(split, labels={}, lang="nl").data] == [SHOWN]
    coverage = pd.DataFrame(
        {"sector": [NAME], "communities": [1], "certified_facilitators": [1], "capacity": [1]}
    )
    figure = build_sector_coverage_figure(coverage, labels={}, lang="nl")
    assert {tuple(t.x) for t in figure.data} == {(SHOWN,)}


def test_success_chart_shows_a_group_label_as_text():
    shares = pd.DataFrame([{"sector": "x", **dict.fromkeys(SUCCESS_FACTORS, 0.5)}])
    figure = build_success_factor_figure(shares, by="sector", group_labels={"x": NAME}, lang="nl")
    assert [t.name for t in figure.data] == [SHOWN]
