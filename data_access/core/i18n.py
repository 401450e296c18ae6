"""Translations: one JSON file per language under locales/, flat dotted keys.

Both the UI and the command line's messages come from here, so an error reads
the same in the browser and in a terminal.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from babel import Locale

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


@cache
def catalog(lang: str) -> dict[str, str]:
    """All strings of one language, keyed by dotted name."""
    return json.loads((LOCALES_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def translate(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text for `key` in `lang` with `{placeholders}` filled in.

    A missing key shows as the key itself rather than crashing a page; the
    locale tests make sure no key is missing in either language.
    """
    language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    template = catalog(language).get(key) or catalog(DEFAULT_LANGUAGE).get(key) or key
    return template.format(**params) if params else template


def plural_key(key: str, count: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """`key.one` or `key.other`: the form the language's plural rule (CLDR, through
    Babel) asks for with `count`, so "1 facilitator is" and "2 facilitators are"."""
    language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    if count is None or count != count:  # no count (None, NaN): the general form
        return f"{key}.other"
    number = int(count) if float(count).is_integer() else count
    return f"{key}.{Locale.parse(language).plural_form(number)}"


def translate_count(
    key: str, count: float, lang: str = DEFAULT_LANGUAGE, /, **params: object
) -> str:
    """`translate` of the plural form of `key` that fits `count` (see `plural_key`)."""
    return translate(plural_key(key, count, lang), lang, **params)
