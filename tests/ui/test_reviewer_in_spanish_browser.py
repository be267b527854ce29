"""A reviewer whose account is in Spanish works in Spanish from their queue to a recorded verdict,
the words the page's script writes included, though their browser asks for English."""

import pytest

from apps.core.interface_language import interface_language_set
from apps.references.models import JobStatus, ReferenceJob
from apps.reviews.models import TaskStatus
from tests import factories
from tests.browser import chromium, log_in, script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RATIONALE = "La lista de vetos de la ONU registra tres: S/2011/612, S/2012/77 y S/2012/538."


def test_a_spanish_reviewer_opens_their_queue_and_a_claim_and_records_a_verdict(
    monkeypatch, live_server, reviewer, veto_task
):
    from playwright.sync_api import expect

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    interface_language_set(user=reviewer, language="es")
    veto_task.status, veto_task.assignee = TaskStatus.ASSIGNED, reviewer
    veto_task.save()
    factories.ReferenceFactory(claim=veto_task.claim, title="UN Security Council veto list")
    ReferenceJob.objects.create(claim=veto_task.claim, status=JobStatus.RUNNING)
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB").new_page()
        errors = script_errors(page)
        log_in(page, live_server.url, "rachel")
        expect(page.locator("html")).to_have_attribute("lang", "es")

        page.get_by_role("link", name="Mi cola").first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Mi cola")
        claims = page.get_by_role("region", name="Afirmaciones por verificar")
        expect(claims).to_contain_text("Ninguna vencida")
        expect(claims.locator(".badge")).to_have_text("Asignada")

        claims.get_by_role("link", name=veto_task.claim.text).click()
        expect(page.get_by_role("heading", name="Registre su veredicto")).to_be_visible()
        expect(page.get_by_role("heading", name="En contexto")).to_be_visible()
        page.get_by_label("Calificación").select_option(label="True")
        page.get_by_label("Justificación").fill(RATIONALE)
        page.get_by_label("UN Security Council veto list").check()

        # The references arrive while the reviewer writes: the page offers to show them, in Spanish,
        # and what was written comes back after the reload with a note saying so.
        ReferenceJob.objects.filter(claim=veto_task.claim).update(status=JobStatus.DONE)
        show = page.get_by_role("button", name="Mostrar lo encontrado")
        expect(show).to_be_visible()
        expect(page.locator("[data-progress-label]")).to_have_text(
            "Terminó la búsqueda de referencias. Muestre lo encontrado cuando esté listo."
        )
        with page.expect_navigation():
            show.click()
        expect(page.get_by_role("status").first).to_contain_text(
            "Terminó la búsqueda de referencias: la página muestra ahora lo que se encontró."
        )
        expect(page.locator(".typed-restored").first).to_have_text(
            "Lo que escribió aquí antes de que la página se volviera a cargar se ha rellenado de nuevo. "
            "No se guarda hasta que envíe el formulario."
        )
        expect(page.get_by_label("Justificación")).to_have_value(RATIONALE)

        page.get_by_role("button", name="Enviar veredicto").click()
        expect(page.locator(".messages")).to_have_text("Veredicto enviado para la aprobación del editor.")
        expect(page.get_by_role("heading", name="Veredicto", exact=True)).to_be_visible()
        expect(page.locator(".badge").first).to_have_text("Enviada")
        assert errors == []

    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.SUBMITTED
    assert veto_task.verdict.rationale == RATIONALE
