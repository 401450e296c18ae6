"""The presentation page in AppTest: slides in order, the same numbers as the exported
deck for the same filters, navigation, title and remark, both languages, empty state."""

from __future__ import annotations

import html
import io
import re

from pptx import Presentation
from streamlit.testing.v1 import AppTest

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def open_presentation(app: AppTest, **params: str) -> AppTest:
    app.query_params.update(params)
    at = app.run()
    at.switch_page("pages/presentation.py").run()
    assert not at.exception
    return at


def shown(at: AppTest) -> dict[str, str]:
    """The slide on screen: header, and the big-type paragraphs by their CSS class."""
    found = {"title": at.header[0].value}
    for block in at.markdown:
        match = re.fullmatch(r'<p class="lc-(\w+)">(.*)</p>', block.value, re.S)
        if match:
            found[match[1]] = match[2]
    return found


def test_slides_follow_the_filters_and_step_with_next_and_previous(sample_database, app):
    at = open_presentation(app)
    assert at.title[0].value == "Presentatie voor het symposium"
    assert shown(at)["title"] == "Leergemeenschappen in Overijssel"
    assert "GasErop! · stand per 31 december 2023" in shown(at)["cover"]
    at.button(key="presentation.next").click().run()
    assert shown(at) == {
        "title": "Gestart in 2022",
        "number": "13",
        "label": "leergemeenschappen gestart in 2022",
        "sentence": "In 2022 zijn 13 van de 13 geplande leergemeenschappen gestart. "
        "In 2022 afgerond, welk startjaar ook: 13.",
    }
    at.button(key="presentation.next").click().run()
    assert (shown(at)["title"], shown(at)["number"]) == ("Gestart in 2023", "10")
    at.button(key="presentation.previous").click().run()
    assert shown(at)["number"] == "13"
    at.selectbox(key="presentation.slide").set_value(6).run()
    assert (shown(at)["title"], shown(at)["number"]) == ("Middelen in 2023", "€ 151.450")


def test_officer_title_and_closing_remark_appear_on_the_slides(sample_database, app):
    at = open_presentation(app, lang="en")
    at.text_input(key="presentation.deck_title").input("Symposium 2024").run()
    at.text_area(key="presentation.closing_remark").input("Join us!").run()
    assert shown(at)["title"] == "Symposium 2024"
    at.selectbox(key="presentation.slide").set_value(7).run()
    assert shown(at) == {"title": "Thank you", "cover": "Join us!"}


def test_the_exported_deck_shows_the_page_numbers_for_the_same_filters(sample_database, app):
    at = open_presentation(app, lang="en", period="2022-Q4", programme="1")
    on_screen = []
    for index in range(8):
        at.selectbox(key="presentation.slide").set_value(index).run()
        on_screen.append((shown(at)["title"], shown(at).get("number", "")))
    at.button(key="presentation.make.pptx").click().run()
    assert not at.exception
    download = at.get("download_button")[-1]
    assert download.proto.label == "Download PPTX"
    data = at.session_state["presentation.export.pptx"][1]
    deck = Presentation(io.BytesIO(data))
    in_file = []
    for slide in deck.slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        in_file.append((slide.shapes.title.text, texts[1] if len(texts) > 3 else ""))
    assert in_file == on_screen
    assert on_screen[1:4] == [("Started in 2022", "13"), ("Started in 2023", "0"),
                              ("On the way to the target", "13")]  # fmt: skip


def test_empty_database_shows_the_empty_state(database, app):
    at = open_presentation(app)
    assert [info.value for info in at.info] == [
        "Er is nog geen programma. Upload een kwartaalrapportage om te beginnen."
    ]


def read(at: AppTest) -> dict[str, str]:
    """The slide as a person reads it: the HTML escaping of its texts undone."""
    return {part: html.unescape(value) for part, value in shown(at).items()}


def test_the_deck_for_all_programmes_together(sample_database, app):
    at = open_presentation(app)
    at.toggle(key="presentation.portfolio").set_value(True).run()
    assert not at.exception
    assert "Alle programma's · stand per 31 december 2024" in read(at)["cover"]
    at.button(key="presentation.next").click().run()
    assert read(at) == {
        "title": "Alle programma's samen",
        "number": "27",
        "label": "leergemeenschappen gestart, alle programma's samen",
        "sentence": "Samen beoogd: 28; afgerond: 25; deelnemers: 311. "
        "Toegekend € 570.000, besteed € 373.951.",
    }
    at.selectbox(key="presentation.slide").set_value(3).run()
    assert (read(at)["title"], read(at)["number"]) == ("Rondje Circulair (fictief)", "4")
    assert "Dia 4 van 5" in [c.value for c in at.caption]
