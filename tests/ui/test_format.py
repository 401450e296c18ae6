"""Numbers, euros and dates as each language writes them (docs/figures.md rounding rules)."""

from __future__ import annotations

from datetime import date

import pytest

from ui.format import format_count, format_euro, format_long_date, format_share


@pytest.mark.parametrize(
    ("amount", "lang", "expected"),
    [
        (1234, "nl", "€ 1.234"),
        (1234, "en", "€1,234"),
        (1234.5, "nl", "€ 1.235"),
        (0.5, "en", "€1"),
        (-2500, "nl", "€ -2.500"),
        (None, "nl", "–"),
        (float("nan"), "en", "–"),
    ],
)
def test_euros_are_whole_and_written_the_language_s_way(amount, lang, expected):
    assert format_euro(amount, lang=lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"), [("nl", "31 december 2023"), ("en", "31 December 2023")]
)
def test_long_dates_spell_out_the_month(lang, expected):
    assert format_long_date(date(2023, 12, 31), lang=lang) == expected


def test_counts_and_shares_round_half_up():
    assert format_count(12345.5, lang="nl") == "12.346"
    assert format_count(12345, lang="en") == "12,345"
    assert format_share(0.455, lang="nl") == "46%"
    assert format_share(1.0, lang="en") == "100%"
