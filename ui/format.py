"""Numbers, euros and dates written the way each language writes them (Babel).

Dutch: `€ 1.234` and `31 december 2023`; English: `€1,234` and `31 December 2023`.
Rounding follows docs/figures.md: counts and euros whole, percentages to whole percent.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
EURO_PATTERNS = {"nl": "¤ #,##0;¤ -#,##0", "en": "¤#,##0;-¤#,##0"}
MISSING = "–"


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _whole(value: float | Decimal) -> Decimal:
    # Half up, as people round, rather than Python's round-half-to-even.
    return Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def format_count(value: float | int | None, *, lang: str) -> str:
    """A whole number with the language's thousands separator: `1.234` / `1,234`."""
    if _is_missing(value):
        return MISSING
    return format_decimal(_whole(value), locale=_locale(lang))


def format_euro(value: float | Decimal | None, *, lang: str) -> str:
    """Whole euros: `€ 1.234` in Dutch, `€1,234` in English."""
    if _is_missing(value):
        return MISSING
    pattern = EURO_PATTERNS.get(lang, EURO_PATTERNS["nl"])
    return format_currency(
        _whole(value), "EUR", format=pattern, locale=_locale(lang), currency_digits=False
    )


def format_share(value: float | None, *, lang: str) -> str:
    """A fraction (0.456) as a whole percentage (`46%`)."""
    if _is_missing(value):
        return MISSING
    whole = _whole(Decimal(str(value)) * 100) / 100
    return format_percent(whole, locale=_locale(lang))


def format_long_date(value: date | None, *, lang: str) -> str:
    """`31 december 2023` / `31 December 2023`."""
    if value is None:
        return MISSING
    return babel_format_date(value, format="d MMMM y", locale=_locale(lang))
