"""Language tags as the desk stores them: BCP 47 in conventional case, with English names."""

import pytest
from django.core.exceptions import ValidationError

from apps.core.languages import language_code_normalize, language_name


@pytest.mark.parametrize(
    ("given", "stored"),
    [("en", "en"), ("PT-br", "pt-BR"), ("zh-hant-tw", "zh-Hant-TW"), ("en_GB", "en-GB"), ("es-419", "es-419"),
     ("", "")],
)  # fmt: skip
def test_tags_are_stored_in_their_conventional_case(given, stored):
    assert language_code_normalize(given) == stored


@pytest.mark.parametrize("given", ["english", "e", "pt-", "es--MX", "fr-FRANCE-", "x" * 40, "es MX", "ñ"])
def test_malformed_tags_are_refused(given):
    with pytest.raises(ValidationError):
        language_code_normalize(given)


@pytest.mark.parametrize(
    ("code", "name"),
    [("es", "Spanish"), ("pt-BR", "Brazilian Portuguese"), ("es-MX", "Mexican Spanish"), ("fr-CH", "French"),
     ("gcf", "gcf"), ("", "")],
)  # fmt: skip
def test_languages_are_named_in_english_down_to_their_base_language(code, name):
    assert language_name(code) == name
