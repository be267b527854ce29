"""The audit trail is worded for whoever reads it, in their language: the claim page's history, the
claim's history and the desk's activity in the API (Accept-Language) and the Django admin. An event is
stored as its action and details, so events recorded before this are worded the same way, and a
detail an older event lacks is left out as before."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import to_locale

from apps.core.audit import AUDIT_SUMMARIES, audit_event_summary, audit_record
from apps.core.models import AuditAction, AuditEvent
from apps.desks.services import membership_set
from apps.reviews import services as review_services
from apps.reviews.models import Rating
from tests import factories
from tests.api_contract import assert_documented

pytestmark = pytest.mark.django_db


@pytest.fixture
def returned(desk, editor, reviewer):
    """A claim whose verdict was assigned, submitted and returned with a note."""
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article__desk=desk))
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="False")
    review_services.verdict_submit(user=reviewer, task=task, rating=rating, rationale="UN records.")
    review_services.verdict_return(editor=editor, task=task, note="Cite the vote.")
    return task.claim


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_every_summary_is_worded_in_every_interface_language(language):
    catalog = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"))
    worded = {entry.msgid for entry in catalog if entry.msgctxt is None and entry.translated()}

    assert [key for key, message in AUDIT_SUMMARIES.items() if message not in worded] == []


RETURNED = {
    "es": "edith devolvió el veredicto con una nota: «Cite the vote.»",
    "fr": "edith a renvoyé le verdict avec une note\u00a0: «\u00a0Cite the vote.\u00a0»",
    "pt-br": "edith devolveu o veredito com uma nota: \u201cCite the vote.\u201d",
    "en": "edith returned the verdict with a note: \u201cCite the vote.\u201d",
}
SUBMITTED = {
    "es": "rachel envió el veredicto: False",
    "fr": "rachel a soumis le verdict\u00a0: False",
    "pt-br": "rachel enviou o veredito: False",
    "en": "rachel submitted the verdict: False",
}


@pytest.mark.parametrize("language", ["es", "fr", "pt-br"])
def test_the_claim_page_tells_the_history_in_the_readers_language(returned, editor_client, language):
    response = editor_client.get(f"/claims/{returned.pk}/", headers={"accept-language": language})

    assert response.status_code == 200
    page = response.content.decode()
    for summary in (RETURNED[language], SUBMITTED[language]):
        assert summary.replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;") in page or summary in page
    assert "returned the verdict" not in page
    assert 'lang="en"' not in page.split('id="history"')[-1].split("</ol>")[0]


@pytest.mark.parametrize("language", ["es", "fr", "pt-br", None])
def test_the_claims_history_in_the_api_follows_accept_language(returned, editor_api, language):
    headers = {"accept-language": language} if language else {}

    response = editor_api.get(reverse("api:claim-history", args=[returned.pk]), headers=headers)

    assert response.status_code == 200
    assert_documented(response)
    summaries = {event["action"]: event["summary"] for event in response.json()["results"]}
    assert summaries[AuditAction.VERDICT_RETURNED] == RETURNED[language or "en"]
    assert summaries[AuditAction.VERDICT_SUBMITTED] == SUBMITTED[language or "en"]


def test_the_desks_activity_words_roles_in_the_readers_language(desk, desk_admin, desk_admin_api):
    newcomer = factories.UserFactory(username="nadia")
    membership_set(desk=desk, user=newcomer, role="reviewer")
    membership_set(desk=desk, user=newcomer, role="editor")

    response = desk_admin_api.get(reverse("api:desk-activity", args=[desk.slug]), headers={"accept-language": "es"})

    assert response.status_code == 200
    assert_documented(response)
    summaries = [event["summary"] for event in response.json()["results"]]
    assert "El sistema cambió el rol de nadia de revisor a editor" in summaries
    assert "El sistema añadió a nadia a la mesa como revisor" in summaries


def test_a_row_changed_in_the_django_admin_is_named_by_its_model_and_fields_in_the_readers_language(desk):
    event = audit_record(
        action=AuditAction.ADMIN_CHANGED,
        actor=None,
        desk=desk,
        details={"model": "source rule", "object_id": "1", "name": "UN votes", "changes": {"keywords": [[], ["UN"]]}},
    )

    with translation.override("fr"):
        assert audit_event_summary(event) == (
            "Le système a modifié «\u00a0UN votes\u00a0» (règle de source) dans l\u2019administration de Django"
            "\u00a0: mots-clés"
        )
    english = "The system changed the source rule \u201cUN votes\u201d in the Django admin: keywords"
    assert audit_event_summary(event) == english


def test_the_admins_audit_list_is_in_the_readers_language(returned, root_client):
    response = root_client.get(reverse("admin:core_auditevent_changelist"), headers={"accept-language": "es"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Qué pasó" in page
    assert "edith devolvió el veredicto con una nota" in page


def test_an_event_recorded_before_a_detail_was_kept_is_worded_as_before(desk):
    claim = factories.ClaimFactory(article__desk=desk)
    # A corrected verdict recorded before `rating_changed` was kept; a language change before the tags were.
    corrected = audit_record(
        action=AuditAction.VERDICT_CORRECTED,
        actor=None,
        claim=claim,
        details={"rating": "Mostly false", "previous_rating": "False"},
    )
    language_set = AuditEvent(
        action=AuditAction.ARTICLE_LANGUAGE_SET,
        actor_name="edith",
        details={"language_name": "Spanish", "previous_language_name": "English"},
    )

    with translation.override("es"):
        assert audit_event_summary(corrected) == "El sistema aprobó el veredicto corregido: Mostly false (antes False)"
        assert audit_event_summary(language_set) == "edith cambió el idioma del artículo a Spanish (era English)"


def test_an_articles_language_is_named_in_the_readers_language(desk):
    event = AuditEvent(
        action=AuditAction.ARTICLE_LANGUAGE_SET,
        actor_name="edith",
        details={
            "language": "pt-BR",
            "previous_language": "",
            "language_name": "Brazilian Portuguese",
            "previous_language_name": "not known",
        },
    )

    with translation.override("es"):
        # The language's name as Django's catalog gives it.
        spanish = "edith cambió el idioma del artículo a Portugués de Brasil (era desconocido)"
        assert audit_event_summary(event) == spanish
    assert audit_event_summary(event) == "edith set the article\u2019s language to Brazilian Portuguese (was not known)"
