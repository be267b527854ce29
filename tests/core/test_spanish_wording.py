"""Spanish sentences that agree with what they count or name, whatever the numbers: a count that
English leaves invariant ("overdue", "failed") and a subject English leaves implicit ("They sign in")
are worded so the Spanish does not guess them wrong."""

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext


@pytest.fixture(autouse=True)
def _spanish():
    with translation.override("es"):
        yield


def test_open_and_overdue_tasks_agree_with_their_own_counts():
    sentence = ngettext("%(open)s open task, %(overdue)s overdue.", "%(open)s open tasks, %(overdue)s overdue.", 1)

    assert sentence % {"open": 1, "overdue": 1} == "1 tarea abierta (vencidas: 1)."


def test_no_open_claim_matching_the_filters_reads_well_with_one():
    sentence = ngettext(
        "None of your %(open)s open claims match these filters.",
        "None of your %(open)s open claims match these filters.",
        1,
    )

    assert sentence % {"open": 1} == "Ninguna de sus afirmaciones abiertas (1) coincide con estos filtros."


def test_failed_deliveries_in_a_row_are_failures():
    one = ngettext("%(failures)s failed in a row", "%(failures)s failed in a row", 1)
    three = ngettext("%(failures)s failed in a row", "%(failures)s failed in a row", 3)

    assert one % {"failures": 1} == "1 fallo seguido"
    assert three % {"failures": 3} == "3 fallos seguidos"


def test_sources_that_failed_are_listed_whatever_their_number():
    sentence = gettext("References could not be gathered: %(sources)s failed. Refresh to try again.")

    assert sentence % {"sources": "Wikipedia y GDELT"} == (
        "No se pudieron reunir las referencias (fuentes con fallos: Wikipedia y GDELT). "
        "Actualice para volver a intentarlo."
    )


def test_a_new_account_page_says_whose_password_it_is():
    assert gettext("They sign in with the password you chose.") == (
        "Esta persona inicia sesión con la contraseña que usted eligió."
    )
    assert gettext("This claim is not assigned to you, so it takes no work from you.") == (
        "Esta afirmación no está asignada a usted, así que no le corresponde trabajar en ella."
    )
