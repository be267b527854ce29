"""Brazilian dates in lower case ("sábado, 28 de novembro de 2026"), as Brazilian usage writes them, where
Django's own pt_BR catalog capitalises the month and weekday names. A hand-kept catalog in
locale_overrides/, second in LOCALE_PATHS, corrects them: `make messages` writes only the first
LOCALE_PATHS entry, so it survives, and compilemessages compiles it like the others."""

import datetime as dt
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, dates, translation
from django.utils.formats import date_format

from apps.core.interface_language import interface_language_set
from tests import factories

ROOT = Path(settings.BASE_DIR)
OVERRIDES = ROOT / "locale_overrides" / "pt_BR" / "LC_MESSAGES" / "django.po"
SATURDAY = dt.date(2026, 11, 28)


def _names_django_translates():
    """(context, English name) of every month and weekday name Django's date formats look up."""
    tables = [
        (None, dates.WEEKDAYS),
        (None, dates.WEEKDAYS_ABBR),
        (None, dates.MONTHS),
        ("abbrev. month", dates.MONTHS_AP),
        ("alt. month", dates.MONTHS_ALT),
    ]
    with translation.override(None):
        return {(context, str(name)) for context, table in tables for name in table.values()}


def _translations(entries):
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in entries if entry.msgid}


def test_the_override_catalog_comes_after_ours_and_makemessages_does_not_write_it():
    # makemessages builds its .pot files in the first LOCALE_PATHS entry (every source file lies under
    # its parent) and finds more only in folders named "locale": the override is neither.
    assert [Path(path) for path in settings.LOCALE_PATHS] == [ROOT / "locale", ROOT / "locale_overrides"]


def test_the_override_catalog_lowers_every_month_and_weekday_name_and_is_compiled():
    po = polib.pofile(str(OVERRIDES))
    assert po.metadata["Language"] == "pt_BR"
    assert not po.metadata_is_fuzzy
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert set(_translations(po)) == _names_django_translates()
    assert all(entry.msgstr == entry.msgstr.lower() for entry in po)
    assert _translations(polib.mofile(str(OVERRIDES.with_suffix(".mo")))) == _translations(po)


def test_our_own_catalog_does_not_shadow_the_overrides():
    """The first LOCALE_PATHS entry wins: a month name there would hide the override's."""
    ours = polib.pofile(str(ROOT / "locale" / "pt_BR" / "LC_MESSAGES" / "django.po"))
    assert not set(_translations(ours)) & _names_django_translates()


def test_every_brazilian_date_format_writes_its_names_in_lower_case():
    with translation.override("pt-br"):
        assert date_format(SATURDAY) == "28 de novembro de 2026"
        assert dateformat.format(SATURDAY, r"l, j \d\e F \d\e Y") == "sábado, 28 de novembro de 2026"
        assert dateformat.format(SATURDAY, "D j E N b") == "sáb 28 novembro nov. nov"
        assert dateformat.format(dt.date(2026, 3, 2), "D N") == "seg março"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "sábado 28 noviembre 2026"), ("fr", "samedi 28 novembre 2026")],
)
def test_spanish_and_french_dates_are_already_lower_case_in_djangos_catalogs(language, expected):
    with translation.override(language):
        assert dateformat.format(SATURDAY, "l j F Y") == expected


@pytest.mark.django_db
def test_a_brazilian_article_page_shows_its_date_in_lower_case(editor, editor_client, desk):
    interface_language_set(user=editor, language="pt-br")
    article = factories.ArticleFactory(desk=desk, published_on=SATURDAY)

    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert '<html lang="pt-br">' in page
    assert '<time datetime="2026-11-28">28 novembro 2026</time>' in page
    assert "Novembro" not in page
