"""Brazilian Portuguese that reads as a Brazilian newsroom writes: one word for each of the desk's roles and
things (a claim is an "alegação", its fact-check a "checagem", the reviewer a "checador", the desk a
"redação"), Brazilian words rather than Portugal's, the reader addressed as "você", Brazilian quotation
marks, and sentences that agree with what they count."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

CATALOG = Path(settings.BASE_DIR) / "locale" / "pt_BR" / "LC_MESSAGES" / "django.po"
# Words a translation might reach for instead of the ones the catalog chose: other names for a claim, a
# reviewer, a desk, a verdict or a rating, and a fact-check called a "verificação".
OTHER_WORDS = re.compile(
    r"\b(?:afirmaç(?:ão|ões)|reivindicaç(?:ão|ões)|verificador(?:es|a|as)?|revisor(?:es|a|as)?|verificaç(?:ão|ões)"
    r"|veredictos?|mesas?|avaliaç(?:ão|ões))\b",
    re.IGNORECASE,
)
# Portugal's words where Brazil says another: arquivo, usuário, senha, equipe, registro, tela, baixar, seção, fato.
EUROPEAN_WORDS = re.compile(
    r"\b(?:ficheiros?|utilizador(?:es)?|palavras?-passe|equipas?|registos?|ecrãs?|descarregar|secç(?:ão|ões)"
    r"|factos?|actual|acção)\b",
    re.IGNORECASE,
)
# The reader is "você" throughout, never "tu".
SECOND_PERSON = re.compile(r"\b(?:tu|teu|teus|tua|tuas|contigo|vós)\b", re.IGNORECASE)


def _translations():
    for entry in polib.pofile(str(CATALOG)):
        yield entry, (list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr])


@pytest.fixture(autouse=True)
def _brazilian_portuguese():
    with translation.override("pt-br"):
        yield


def test_the_desks_roles_and_things_have_one_name_each():
    assert [gettext(word) for word in ("Claim", "Reviewer", "Editor", "Desk", "Verdict", "Rating", "Reviewers")] == [
        "Alegação",
        "Checador",
        "Editor",
        "Redação",
        "Veredito",
        "Classificação",
        "Checadores",
    ]
    assert gettext("Fact-check: %(title)s") % {"title": "Orçamento"} == "Checagem: Orçamento"
    assert pgettext("the review of a claim", "Review") == "Checagem"
    assert pgettext("review status", "Submitted") == "Enviada"
    found = [(entry.msgid, text) for entry, texts in _translations() for text in texts if OTHER_WORDS.search(text)]
    assert found == []


def test_the_words_are_brazilian_and_the_reader_is_addressed_as_voce():
    found = [
        (entry.msgid, text)
        for entry, texts in _translations()
        for text in texts
        if EUROPEAN_WORDS.search(text) or SECOND_PERSON.search(text)
    ]
    assert found == []
    assert gettext("Password") == "Senha"
    assert gettext("Username") == "Nome de usuário"
    assert gettext("…or upload a file") == "…ou envie um arquivo"


def test_quotations_are_in_curly_double_quotation_marks_each_closed():
    found = []
    for entry, texts in _translations():
        for text in texts:
            if "«" in text or "»" in text or "\u2019" in text or "'" in text:
                found.append((entry.msgid, text))
            if text.count("“") != text.count("”"):
                found.append((entry.msgid, "a quotation left open: " + text))
    assert found == []


def test_counts_agree_with_the_number_as_brazilian_portuguese_counts():
    """Brazilian Portuguese takes the singular for 0 and 1."""
    failures = "%(failures)s failed in a row"
    assert [ngettext(failures, failures, n) % {"failures": n} for n in (0, 1, 2)] == [
        "0 falha consecutiva",
        "1 falha consecutiva",
        "2 falhas consecutivas",
    ]
    found = "%(found)s claim found.", "%(found)s claims found."
    assert ngettext(*found, 1) % {"found": 1} == "1 alegação encontrada."
    assert ngettext(*found, 12) % {"found": 12} == "12 alegações encontradas."
    tasks = ngettext("%(open)s open task, %(overdue)s overdue.", "%(open)s open tasks, %(overdue)s overdue.", 1)
    assert tasks % {"open": 1, "overdue": 3} == "1 tarefa aberta, 3 com atraso."
    approved = ngettext("%(count)s of your verdicts was approved", "%(count)s of your verdicts were approved", 2)
    assert approved % {"count": 2} == "2 dos seus vereditos foram aprovados"


def test_sentences_with_a_list_read_well_whatever_its_length():
    sentence = gettext("References could not be gathered: %(sources)s failed. Refresh to try again.")

    assert sentence % {"sources": "Wikipédia e GDELT"} == (
        "Não foi possível reunir as referências (fontes com falha: Wikipédia e GDELT). "
        "Atualize a página para tentar novamente."
    )
