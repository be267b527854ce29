"""A reviewer whose account is in French records a verdict in French, the words the page's script
writes included (they come from the page, which the script only shows), though their browser asks
for English."""

import pytest

from apps.core.interface_language import interface_language_set
from apps.references.models import JobStatus, ReferenceJob
from apps.reviews.models import TaskStatus
from tests import factories
from tests.browser import chromium, log_in, script_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RATIONALE = "La liste des vetos de l'ONU en compte trois : S/2011/612, S/2012/77 et S/2012/538."


def test_a_french_reviewer_records_a_verdict_in_french(monkeypatch, live_server, reviewer, veto_task):
    from playwright.sync_api import expect

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    interface_language_set(user=reviewer, language="fr")
    veto_task.status, veto_task.assignee = TaskStatus.ASSIGNED, reviewer
    veto_task.save()
    factories.ReferenceFactory(claim=veto_task.claim, title="UN Security Council veto list")
    ReferenceJob.objects.create(claim=veto_task.claim, status=JobStatus.RUNNING)
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB").new_page()
        errors = script_errors(page)
        log_in(page, live_server.url, "rachel")
        expect(page.locator("html")).to_have_attribute("lang", "fr")

        page.get_by_role("link", name="Ma file d\u2019attente").first.click()
        claims = page.get_by_role("region", name="Affirmations à vérifier")
        expect(claims.locator(".badge")).to_have_text("Assignée")
        claims.get_by_role("link", name=veto_task.claim.text).click()
        expect(page.get_by_role("heading", name="Consigner votre verdict")).to_be_visible()
        page.get_by_label("Évaluation").select_option(label="True")
        page.get_by_label("Justification").fill(RATIONALE)
        page.get_by_label("UN Security Council veto list").check()

        ReferenceJob.objects.filter(claim=veto_task.claim).update(status=JobStatus.DONE)
        show = page.get_by_role("button", name="Afficher ce qui a été trouvé")
        expect(show).to_be_visible()
        expect(page.locator("[data-progress-label]")).to_have_text(
            "La collecte des références est terminée. Affichez ce qui a été trouvé quand vous êtes prêt."
        )
        with page.expect_navigation():
            show.click()
        expect(page.locator(".typed-restored").first).to_contain_text("est rempli de nouveau")
        expect(page.get_by_label("Justification")).to_have_value(RATIONALE)

        page.get_by_role("button", name="Soumettre le verdict").click()
        expect(page.locator(".messages")).to_have_text("Verdict soumis à l\u2019approbation de l\u2019éditeur.")
        expect(page.locator(".badge").first).to_have_text("Soumise")
        assert errors == []

    veto_task.refresh_from_db()
    assert veto_task.status == TaskStatus.SUBMITTED
