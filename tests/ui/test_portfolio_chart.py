"""The Portfolio chart: names stay text, axes cover every bar, numbers in the reader's language."""

from __future__ import annotations

from ui.charts.portfolio import build_portfolio_progress_figure

ROWS = [
    {"programme": "GasErop!", "cumulative_started": 23, "cumulative_target": 23},
    {"programme": "Prog <b>injhtml</b>", "cumulative_started": 4, "cumulative_target": None},
]


def test_programme_names_with_markup_are_escaped_so_plotly_draws_them_as_text():
    figure = build_portfolio_progress_figure(ROWS, lang="nl")
    names = list(figure.data[0].x)
    assert names[0] == "GasErop!"
    assert "<b>" not in names[1] and "injhtml" in names[1]


def test_the_count_axis_reaches_above_the_highest_bar_even_with_a_missing_target():
    figure = build_portfolio_progress_figure(ROWS, lang="nl")
    assert figure.layout.yaxis.range[1] > 23
    assert figure.layout.yaxis.dtick == 5


def test_numbers_use_the_readers_separators():
    assert build_portfolio_progress_figure(ROWS, lang="nl").layout.separators == ",."
    assert build_portfolio_progress_figure(ROWS, lang="en").layout.separators == ".,"


def test_the_figure_has_no_title_of_its_own_for_the_legend_to_cover():
    assert build_portfolio_progress_figure(ROWS, lang="nl").layout.title.text is None
