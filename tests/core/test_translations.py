"""The pages and emails in the reader's language: the catalogs are complete and compiled, every
template's words are marked for translation, and the language follows the person's choice."""

import re
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.urls import reverse
from django.utils.translation import override, to_locale

from apps.core.api.exception_handler import api_exception_handler
from apps.core.exceptions import ApplicationError
from apps.core.interface_language import email_language_for, interface_language_get, interface_language_set
from tests import factories

ROOT = Path(settings.BASE_DIR)
CATALOGS = sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po"))
# Every language of the interface but the one the strings are written in has its own catalog.
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
DJANGO_LOCALE = Path(django.__file__).parent / "conf" / "locale"


def catalog_of(language: str) -> Path:
    """A language's catalog is under its locale name, which gettext and Django share: "pt-br" is pt_BR."""
    return ROOT / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"


TEMPLATES = sorted(path for path in (ROOT / "templates").rglob("*") if path.is_file())

# Words that are the same in every language: the product's name, names of formats and a bare URL scheme.
UNTRANSLATED_WORDS = re.compile(r"\b(?:factcheck|ClaimReview|Markdown|schema\.org|[A-Z]{2,5})\b|https?://")
# Attributes a reader sees or hears.
READABLE_ATTRIBUTES = {"title", "aria-label", "aria-description", "placeholder", "alt"}
TRANSLATING_TAGS = ("translate ", "trans ")
TRANSLATING_BLOCKS = ("blocktranslate", "blocktrans")
SKIPPED_BLOCKS = {"comment": "endcomment", "verbatim": "endverbatim"}


class _ReadableText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden_depth += 1
        self.texts.extend(value for name, value in attrs if name in READABLE_ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data):
        if not self._hidden_depth:
            self.texts.append(data)


def untranslated_text(source: str) -> list[str]:
    """The words of a template a reader would see that no translating tag covers.

    The template is put back together with each translated string, variable and tag left out, then
    read as HTML: its text and readable attributes are what is left.
    """
    kept: list[str] = []
    closing: str | None = None
    for token in Lexer(source).tokenize():
        contents = token.contents.strip()
        if closing is not None:
            if token.token_type == TokenType.BLOCK and contents.split()[0] == closing:
                closing = None
            continue
        if token.token_type == TokenType.TEXT:
            kept.append(token.contents)
        elif token.token_type == TokenType.BLOCK:
            name = contents.split()[0]
            if name in TRANSLATING_BLOCKS:
                closing = "end" + name
            elif name in SKIPPED_BLOCKS:
                closing = SKIPPED_BLOCKS[name]
            elif contents.startswith(TRANSLATING_TAGS):
                kept.append(" ")
    parser = _ReadableText()
    parser.feed("".join(kept))
    parser.close()
    leftovers = []
    for text in parser.texts:
        words = UNTRANSLATED_WORDS.sub("", text)
        if re.search(r"[^\W\d_]{2,}", words):
            leftovers.append(" ".join(text.split()))
    return leftovers


def test_the_reader_finds_words_outside_translating_tags():
    source = (
        '{% load i18n %}<a title="Open it" href="{% url "x" %}">{% translate "Open" %}</a>'
        "{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}{# a note #}"
        '<p>Left behind</p><script>const words = "not read";</script><input placeholder="{% translate "Type" %}">'
        "{% comment %}ignored words{% endcomment %}<span>{{ value }} · 42 CSV</span>"
    )
    assert untranslated_text(source) == ["Open it", "Left behind"]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT / "templates")))
def test_every_template_marks_its_words_for_translation(template):
    assert untranslated_text(template.read_text(encoding="utf-8")) == [], "words no translating tag covers"


def test_there_is_a_catalog_for_every_language_but_the_default():
    assert {catalog.parent.parent.name for catalog in CATALOGS} == {to_locale(code) for code in TRANSLATED_LANGUAGES}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_a_catalog_is_complete_and_keeps_every_placeholder(language):
    po = polib.pofile(str(catalog_of(language)))
    assert po.metadata["Language"] == to_locale(language)
    assert "Plural-Forms" in po.metadata
    assert not po.metadata_is_fuzzy, "a fuzzy header is skipped by msgfmt, and its plural rule with it"
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
    for entry in po:
        wanted = sorted(set(placeholder.findall(entry.msgid_plural or entry.msgid)))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(set(placeholder.findall(translation))) == wanted, entry.msgid


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_a_catalogs_plural_rule_is_djangos_and_every_count_has_each_form(language):
    """The plural rule is the one Django's own catalog uses for the language (French: one form for 0 and
    1, another above), and every counted sentence is written in each of its forms."""
    po = polib.pofile(str(catalog_of(language)))
    djangos = polib.pofile(str(DJANGO_LOCALE / to_locale(language) / "LC_MESSAGES" / "django.po"))
    assert " ".join(po.metadata["Plural-Forms"].split()) == " ".join(djangos.metadata["Plural-Forms"].split())
    forms = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    counted = [entry for entry in po if entry.msgid_plural]
    assert counted, "the interface counts things"
    for entry in counted:
        assert sorted(entry.msgstr_plural) == list(range(forms)), entry.msgid
        assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_the_compiled_catalog_is_the_catalog(language):
    """The .mo files are committed (running the app needs no gettext): `make messages` rebuilds them."""
    catalog = catalog_of(language)

    def translations(entries):
        return {
            (entry.msgctxt, entry.msgid): (dict(entry.msgstr_plural) if entry.msgid_plural else entry.msgstr)
            for entry in entries
            if entry.msgid and not entry.obsolete and "fuzzy" not in entry.flags
        }

    compiled = polib.mofile(str(catalog.with_suffix(".mo")))
    assert translations(compiled) == translations(polib.pofile(str(catalog)))


@pytest.mark.django_db
class TestLanguageOfThePages:
    def test_the_browser_language_decides_until_the_person_chooses(self, client):
        client.force_login(factories.UserFactory())
        page = client.get(reverse("dashboard"), headers={"accept-language": "es-ES,es;q=0.9"})
        assert '<html lang="es">' in page.text
        assert "Cerrar sesión" in page.text
        assert page["Content-Language"] == "es"

    def test_a_french_browser_gets_french(self, client):
        client.force_login(factories.UserFactory())
        page = client.get(reverse("dashboard"), headers={"accept-language": "fr-FR,fr;q=0.9,en;q=0.5"})
        assert '<html lang="fr">' in page.text
        assert "Se déconnecter" in page.text
        assert "Tableau de bord" in page.text
        assert page["Content-Language"] == "fr"

    @pytest.mark.parametrize("accept_language", ["pt-BR,pt;q=0.9,en;q=0.5", "pt", "pt-PT,pt;q=0.9"])
    def test_a_portuguese_browser_gets_brazilian_portuguese(self, client, accept_language):
        client.force_login(factories.UserFactory())
        page = client.get(reverse("dashboard"), headers={"accept-language": accept_language})
        assert '<html lang="pt-br">' in page.text
        assert "Sair" in page.text
        assert "Painel" in page.text
        assert page["Content-Language"] == "pt-br"

    def test_brazilian_portuguese_can_be_chosen_and_lasts_for_pages_and_emails(self, client):
        user = factories.UserFactory()
        client.force_login(user)
        page = client.get(reverse("account:notifications"), headers={"accept-language": "en"})
        assert '<option value="pt-br">Português (Brasil)</option>' in page.text

        answer = client.post(reverse("account:language"), {"language": "pt-br"}, headers={"accept-language": "fr"})
        page = client.get(answer["Location"], headers={"accept-language": "fr"})
        assert '<html lang="pt-br">' in page.text
        assert "O idioma das suas páginas e dos seus e-mails foi salvo." in page.text
        assert interface_language_get(user=user) == "pt-br"
        assert email_language_for(user) == "pt-br"

    def test_the_account_page_offers_every_language_and_french_can_be_chosen(self, client):
        user = factories.UserFactory()
        client.force_login(user)
        page = client.get(reverse("account:notifications"), headers={"accept-language": "en"})
        for code, name in settings.LANGUAGES:
            assert f'<option value="{code}">{name}</option>' in page.text
        assert '<option value="fr">Français</option>' in page.text

        answer = client.post(reverse("account:language"), {"language": "fr"}, headers={"accept-language": "es"})
        page = client.get(answer["Location"], headers={"accept-language": "es"})
        assert '<html lang="fr">' in page.text
        assert "La langue de vos pages et de vos e-mails a été enregistrée." in page.text
        assert interface_language_get(user=user) == "fr"
        assert email_language_for(user) == "fr"

    def test_an_unsupported_browser_language_gets_the_default(self, client):
        client.force_login(factories.UserFactory())
        page = client.get(reverse("dashboard"), headers={"accept-language": "fi"})
        assert '<html lang="en">' in page.text
        assert "Log out" in page.text

    def test_the_persons_choice_wins_over_the_browser_and_lasts_past_sign_in(self, client):
        user = factories.UserFactory(username="lucia")
        user.set_password("pass-for-lucia-1")
        user.save()
        client.force_login(user)
        answer = client.post(reverse("account:language"), {"language": "es"}, headers={"accept-language": "en"})
        assert answer.status_code == 302
        page = client.get(answer["Location"], headers={"accept-language": "en"})
        assert "Se guardó el idioma de sus páginas y correos." in page.text
        assert interface_language_get(user=user) == "es"

        client.logout()
        client.post(reverse("login"), {"username": "lucia", "password": "pass-for-lucia-1"})
        page = client.get(reverse("dashboard"), headers={"accept-language": "en"})
        assert '<html lang="es">' in page.text

    def test_choosing_the_browsers_language_again_hands_the_choice_back(self, client):
        user = factories.UserFactory()
        interface_language_set(user=user, language="es")
        client.force_login(user)
        client.post(reverse("account:language"), {"language": ""})
        page = client.get(reverse("dashboard"), headers={"accept-language": "en"})
        assert '<html lang="en">' in page.text
        assert interface_language_get(user=user) == ""

    def test_a_language_the_pages_are_not_in_is_refused_and_nothing_changes(self, client):
        user = factories.UserFactory()
        interface_language_set(user=user, language="es")
        client.force_login(user)
        answer = client.post(reverse("account:language"), {"language": "xx"})
        assert answer.status_code == 400
        assert "Select a valid choice" in answer.text or "Escoja una opción válida" in answer.text
        assert interface_language_get(user=user) == "es"

    def test_a_signed_out_visitor_gets_the_browsers_language(self, client):
        page = client.get(reverse("login"), headers={"accept-language": "es"})
        assert '<html lang="es">' in page.text


@pytest.mark.django_db
def test_emails_go_out_in_the_persons_choice_else_the_sites_language():
    chose, did_not = factories.UserFactory(), factories.UserFactory()
    interface_language_set(user=chose, language="es")
    assert email_language_for(chose) == "es"
    assert email_language_for(did_not) == settings.LANGUAGE_CODE


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("en", "'de' is not a language the pages are available in; choose one of en, es, fr, pt-br."),
        ("es", "'de' no es un idioma en el que estén disponibles las páginas; elija uno de en, es, fr, pt-br."),
        (
            "fr",
            "'de' n\u2019est pas une langue dans laquelle les pages sont disponibles\u00a0; choisissez-en une parmi "
            "en, es, fr, pt-br.",
        ),
    ],
)
def test_a_language_the_pages_are_not_in_is_refused_in_the_readers_language_as_a_400(language, refusal):
    # The account page's form offers only the pages' languages; a caller of the service that does not
    # check first gets the refusal the API answers any ApplicationError with.
    user = factories.UserFactory()
    interface_language_set(user=user, language="es")

    with override(language), pytest.raises(ApplicationError) as refused:
        interface_language_set(user=user, language="de")
    answer = api_exception_handler(refused.value, {})

    assert answer.status_code == 400
    assert answer.data == {"message": refusal, "extra": {"field": "language", "languages": ["en", "es", "fr", "pt-br"]}}
    assert interface_language_get(user=user) == "es"
