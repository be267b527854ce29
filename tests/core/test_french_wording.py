"""French that reads as French: one word for each of the desk's roles and things, French spacing
(a non-breaking space before ; : ! ? and inside « »), and sentences that agree with what they count."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

CATALOG = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
NBSP = "\u00a0"
# A colon that is not French punctuation but part of something typed or read by a program.
LITERAL_COLONS = ("X-Factcheck-Signature: t=", '{"text": ...}', "es: Falso", '{"es": "Falso"}')
# Words a French translation might reach for instead of the ones the catalog chose.
OTHER_WORDS = re.compile(r"\b(?:relecteurs?|relectrices?|revendications?|réclamations?|rédacteurs? en chef)\b", re.I)


def _translations():
    for entry in polib.pofile(str(CATALOG)):
        yield entry, (list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr])


@pytest.fixture(autouse=True)
def _french():
    with translation.override("fr"):
        yield


def test_the_desks_roles_and_things_have_one_name_each():
    assert [gettext(word) for word in ("Claim", "Reviewer", "Editor", "Desk", "Verdict", "Rating")] == [
        "Affirmation",
        "Vérificateur",
        "Éditeur",
        "Rédaction",
        "Verdict",
        "Évaluation",
    ]
    assert pgettext("review status", "Submitted") == "Soumise"
    found = [(entry.msgid, text) for entry, texts in _translations() for text in texts if OTHER_WORDS.search(text)]
    assert found == []


def test_french_spacing_before_double_punctuation_and_inside_quotation_marks():
    found = []
    for entry, texts in _translations():
        for text in texts:
            checked = text
            for literal in LITERAL_COLONS:
                checked = checked.replace(literal, "")
            for match in re.finditer(r"(.)([;:!?])(?=\s|$|<)", checked):
                if match.group(1) != NBSP:
                    found.append((entry.msgid, checked[max(0, match.start() - 20) : match.end()]))
            if re.search(f"«[^{NBSP}]|[^{NBSP}]»", checked):
                found.append((entry.msgid, checked))
            if "'" in checked:
                found.append((entry.msgid, "a straight apostrophe: " + checked))
    assert found == []


def test_counts_agree_with_the_number_as_french_counts():
    """French takes the singular for 0 and 1."""
    failures = "%(failures)s failed in a row"
    assert [ngettext(failures, failures, n) % {"failures": n} for n in (0, 1, 2)] == [
        "0 échec d\u2019affilée",
        "1 échec d\u2019affilée",
        "2 échecs d\u2019affilée",
    ]
    found = "%(found)s claim found.", "%(found)s claims found."
    assert ngettext(*found, 0) % {"found": 0} == "0 affirmation trouvée."
    assert ngettext(*found, 12) % {"found": 12} == "12 affirmations trouvées."
    tasks = ngettext("%(open)s open task, %(overdue)s overdue.", "%(open)s open tasks, %(overdue)s overdue.", 1)
    assert tasks % {"open": 1, "overdue": 3} == "1 tâche ouverte, 3 en retard."


def test_sentences_with_a_list_read_well_whatever_its_length():
    sentence = gettext("References could not be gathered: %(sources)s failed. Refresh to try again.")

    assert sentence % {"sources": "Wikipédia et GDELT"} == (
        f"Les références n\u2019ont pas pu être rassemblées (sources en échec{NBSP}: Wikipédia et GDELT). "
        "Actualisez pour réessayer."
    )
