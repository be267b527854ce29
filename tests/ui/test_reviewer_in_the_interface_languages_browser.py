"""A reviewer whose account is in a language of the interface other than English records a verdict in that
language, the words the page's script writes included (they come from the page, which the script only
shows), though their browser asks for English."""

import pytest
from django.conf import settings

from apps.core.interface_language import interface_language_set
from apps.references.models import JobStatus, ReferenceJob
from apps.reviews.models import TaskStatus
from tests import factories
from tests.browser import chromium, log_in, script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The words the reviewer meets on the way, in each language, and the rationale they write in it.
WORDS = {
    "es": {
        "none_overdue": "Ninguna vencida",
        "in_context": "En contexto",
        "shown": "Terminó la búsqueda de referencias: la página muestra ahora lo que se encontró.",
        "verdict": "Veredicto",
        "queue": "Mi cola",
        "claims": "Afirmaciones por verificar",
        "assigned": "Asignada",
        "record": "Registre su veredicto",
        "rating": "Calificación",
        "rationale": "Justificación",
        "show": "Mostrar lo encontrado",
        "finished": "Terminó la búsqueda de referencias. Muestre lo encontrado cuando esté listo.",
        "restored": "se ha rellenado de nuevo",
        "submit": "Enviar veredicto",
        "submitted_message": "Veredicto enviado para la aprobación del editor.",
        "submitted": "Enviada",
        "written": "La lista de vetos de la ONU cuenta tres: S/2011/612, S/2012/77 y S/2012/538.",
    },
    "fr": {
        "none_overdue": "Aucune en retard",
        "in_context": "En contexte",
        "shown": "La collecte des références est terminée\u00a0: la page montre maintenant ce qui a été trouvé.",
        "verdict": "Verdict",
        "queue": "Ma file d\u2019attente",
        "claims": "Affirmations à vérifier",
        "assigned": "Assignée",
        "record": "Consigner votre verdict",
        "rating": "Évaluation",
        "rationale": "Justification",
        "show": "Afficher ce qui a été trouvé",
        "finished": "La collecte des références est terminée. Affichez ce qui a été trouvé quand vous êtes prêt.",
        "restored": "est rempli de nouveau",
        "submit": "Soumettre le verdict",
        "submitted_message": "Verdict soumis à l\u2019approbation de l\u2019éditeur.",
        "submitted": "Soumise",
        "written": "La liste des vetos de l'ONU en compte trois : S/2011/612, S/2012/77 et S/2012/538.",
    },
    "pt-br": {
        "none_overdue": "Nenhuma atrasada",
        "in_context": "No contexto",
        "shown": "A coleta de referências terminou: a página agora mostra o que foi encontrado.",
        "verdict": "Veredito",
        "queue": "Minha fila",
        "claims": "Alegações a checar",
        "assigned": "Atribuída",
        "record": "Registre seu veredito",
        "rating": "Classificação",
        "rationale": "Justificativa",
        "show": "Mostrar o que foi encontrado",
        "finished": "A coleta de referências terminou. Mostre o que foi encontrado quando estiver pronto.",
        "restored": "foi preenchido de novo",
        "submit": "Enviar veredito",
        "submitted_message": "Veredito enviado para aprovação do editor.",
        "submitted": "Enviada",
        "written": "A lista de vetos da ONU tem três: S/2011/612, S/2012/77 e S/2012/538.",
    },
}
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def test_every_language_of_the_interface_is_checked_in_a_browser():
    assert set(WORDS) == set(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_a_reviewer_records_a_verdict_in_their_language(monkeypatch, live_server, reviewer, veto_task, language):
    from playwright.sync_api import expect

    words = WORDS[language]
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    interface_language_set(user=reviewer, language=language)
    veto_task.status, veto_task.assignee = TaskStatus.ASSIGNED, reviewer
    veto_task.save()
    factories.ReferenceFactory(claim=veto_task.claim, title="UN Security Council veto list")
    ReferenceJob.objects.create(claim=veto_task.claim, status=JobStatus.RUNNING)
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB").new_page()
        errors = script_errors(page)
        log_in(page, live_server.url, "rachel")
        expect(page.locator("html")).to_have_attribute("lang", language)

        page.get_by_role("link", name=words["queue"]).first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(words["queue"])
        claims = page.get_by_role("region", name=words["claims"])
        expect(claims).to_contain_text(words["none_overdue"])
        expect(claims.locator(".badge")).to_have_text(words["assigned"])
        claims.get_by_role("link", name=veto_task.claim.text).click()
        expect(page.get_by_role("heading", name=words["record"])).to_be_visible()
        expect(page.get_by_role("heading", name=words["in_context"])).to_be_visible()
        page.get_by_label(words["rating"]).select_option(label="True")
        page.get_by_label(words["rationale"]).fill(words["written"])
        page.get_by_label("UN Security Council veto list").check()

        ReferenceJob.objects.filter(claim=veto_task.claim).update(status=JobStatus.DONE)
        show = page.get_by_role("button", name=words["show"])
        expect(show).to_be_visible()
        expect(page.locator("[data-progress-label]")).to_have_text(words["finished"])
        with page.expect_navigation():
            show.click()
        expect(page.get_by_role("status").first).to_contain_text(words["shown"])
        expect(page.locator(".typed-restored").first).to_contain_text(words["restored"])
        expect(page.get_by_label(words["rationale"])).to_have_value(words["written"])

        page.get_by_role("button", name=words["submit"]).click()
        expect(page.locator(".messages")).to_have_text(words["submitted_message"])
        expect(page.get_by_role("heading", name=words["verdict"], exact=True)).to_be_visible()
        expect(page.locator(".badge").first).to_have_text(words["submitted"])
        assert errors == []

    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.SUBMITTED
    assert veto_task.verdict.rationale == words["written"]
