"""Every language has the same keys and the same placeholders, so no screen falls back
to a key or to the other language, and no `{placeholder}` is left unfilled."""

from __future__ import annotations

import json
import re
import string

import pytest

from data_access.core.i18n import LANGUAGES, LOCALES_DIR, catalog


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_has_the_same_keys() -> None:
    keys = {lang: set(catalog(lang)) for lang in LANGUAGES}
    reference = keys["nl"]
    for lang, found in keys.items():
        assert sorted(reference - found) == [], f"missing in {lang}"
        assert sorted(found - reference) == [], f"only in {lang}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_the_dutch_text(lang: str) -> None:
    dutch = catalog("nl")
    differing = [
        key
        for key, template in catalog(lang).items()
        if key in dutch and _placeholders(template) != _placeholders(dutch[key])
    ]
    assert differing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_locale_file_has_no_empty_text_and_no_repeated_key(lang: str) -> None:
    pairs = json.loads(
        (LOCALES_DIR / f"{lang}.json").read_text(encoding="utf-8"),
        object_pairs_hook=lambda items: items,
    )
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys))
    assert [key for key, text in pairs if not str(text).strip()] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_sum_of_gaserop_targets_in_a_shared_text_is_given_as_an_example(lang: str) -> None:
    """A definition is shown for every programme (a portfolio deck's Rondje Circulair
    slide too), so GasErop!'s "13 + 10 = 23" in it is an example, never a statement."""
    example = {"nl": "bijvoorbeeld", "en": "for example"}[lang]
    stated = [
        key
        for key, text in catalog(lang).items()
        for sum_ in re.findall(r"\(([^()]*\d+ \+ \d+ = \d+)\)", text)
        if not sum_.startswith(example)
    ]
    assert stated == []
