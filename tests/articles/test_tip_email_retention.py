"""A tipster's email address is kept no longer than needed: erased once the outcome email is sent
(or has failed for good), once the tip is closed or checked with no email waiting, and at the latest
TIP_EMAIL_KEEP_DAYS after the tip came in, by an hourly beat task that is idempotent and audited as
a count. The tracking page keeps working, and the form says how long the address is kept."""

import datetime as dt

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from apps.articles import tasks as article_tasks
from apps.articles import tips
from apps.articles.models import Tip, TipEmailStatus, TipStatus
from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

EMAIL = "tipster@example.org"


@pytest.fixture
def tip_desk(desk):
    desk.takes_tips = True
    desk.save()
    return desk


@pytest.fixture
def published(monkeypatch):
    ids = []
    monkeypatch.setattr(article_tasks.tip_outcome_email_task, "delay", ids.append)
    return ids


def _tip(desk, *, days_old: float = 0, **fields) -> Tip:
    values = {"text": "The lighthouse is 150 years old.", "email": EMAIL, "client_address": "198.51.100.1", **fields}
    tip = tips.tip_submit(desk=desk, **values)
    if days_old:
        Tip.objects.filter(pk=tip.pk).update(created_at=timezone.now() - dt.timedelta(days=days_old))
    return Tip.objects.get(pk=tip.pk)


def _email(tip: Tip) -> str:
    return Tip.objects.values_list("email", flat=True).get(pk=tip.pk)


def test_the_address_is_erased_once_the_outcome_email_is_sent_and_the_page_keeps_working(
    tip_desk, editor, published, django_capture_on_commit_callbacks
):
    tip = _tip(tip_desk)
    with django_capture_on_commit_callbacks(execute=True):
        tips.tip_close(user=editor, tip=tip, public_reason="An opinion.")
    assert tips.tip_emails_erase() == 0  # the email is still to be sent: the address is needed
    assert _email(tip) == EMAIL

    for tip_id in published:
        tips.tip_outcome_email_send(tip_id=tip_id)
    erased = tips.tip_emails_erase()

    assert erased == 1
    assert mail.outbox[0].to == [EMAIL]
    assert _email(tip) == ""
    page = Client().get(reverse("tips:track", args=[tip.tracking_token]))
    assert page.status_code == 200
    assert "An opinion." in page.content.decode()


def test_an_email_that_failed_for_good_leaves_no_address(tip_desk, editor, published):
    tip = _tip(tip_desk)
    tips.tip_close(user=editor, tip=tip)
    Tip.objects.filter(pk=tip.pk).update(email_status=TipEmailStatus.FAILED)

    assert tips.tip_emails_erase() == 1
    assert _email(tip) == ""


def test_a_tip_not_yet_handled_keeps_its_address_until_the_days_are_past(tip_desk, settings):
    settings.TIP_EMAIL_KEEP_DAYS = 10
    young = _tip(tip_desk, days_old=9.9)
    old = _tip(tip_desk, days_old=10.1, text="An older tip.")

    assert tips.tip_emails_erase() == 1
    assert (_email(young), _email(old)) == (EMAIL, "")
    assert Client().get(reverse("tips:track", args=[old.tracking_token])).status_code == 200


def test_an_email_still_waiting_after_the_days_is_not_sent_and_marked_failed(tip_desk, editor, published, settings):
    tip = _tip(tip_desk)
    tips.tip_close(user=editor, tip=tip)
    Tip.objects.filter(pk=tip.pk).update(
        created_at=timezone.now() - dt.timedelta(days=settings.TIP_EMAIL_KEEP_DAYS + 1)
    )

    assert tips.tip_emails_erase() == 1
    assert tips.tip_outcome_email_send(tip_id=str(tip.pk)) is None

    tip.refresh_from_db()
    assert (tip.email, tip.email_status) == ("", TipEmailStatus.FAILED)
    assert mail.outbox == []
    assert tip.email_error == f"Not sent: the address was erased {settings.TIP_EMAIL_KEEP_DAYS} days after the tip."
    with translation.override("pt-br"):
        assert tip.email_error_for_reader == (
            f"Não enviado: o endereço foi apagado {settings.TIP_EMAIL_KEEP_DAYS} dias depois da dica."
        )


def test_a_send_under_way_is_left_to_finish(tip_desk, editor, published, settings):
    tip = _tip(tip_desk, days_old=settings.TIP_EMAIL_KEEP_DAYS + 1)
    tips.tip_close(user=editor, tip=tip)
    Tip.objects.filter(pk=tip.pk).update(email_status=TipEmailStatus.SENDING)

    assert tips.tip_emails_erase() == 0
    assert _email(tip) == EMAIL


def test_a_closed_tip_without_an_email_pending_is_erased_and_a_tip_without_one_is_untouched(tip_desk, editor):
    closed = _tip(tip_desk)
    Tip.objects.filter(pk=closed.pk).update(status=TipStatus.CLOSED)  # closed before it had an email to send
    no_email = tips.tip_close(user=editor, tip=_tip(tip_desk, email="", text="Anonymous."))
    before = no_email.updated_at

    assert tips.tip_emails_erase() == 1
    assert _email(closed) == ""
    no_email.refresh_from_db()
    assert no_email.updated_at == before


def test_erasing_is_idempotent_and_audited_as_a_count_per_desk(tip_desk, other_desk, settings):
    other_desk.takes_tips = True
    other_desk.save()
    for number in range(3):
        _tip(tip_desk, days_old=settings.TIP_EMAIL_KEEP_DAYS + 1, text=f"Tip {number}.")
    _tip(other_desk, days_old=settings.TIP_EMAIL_KEEP_DAYS + 1)

    assert article_tasks.tip_emails_erase_task.apply().get() == 4
    assert article_tasks.tip_emails_erase_task.apply().get() == 0

    events = {event.desk_id: event for event in AuditEvent.objects.filter(action=AuditAction.TIP_EMAILS_ERASED)}
    assert set(events) == {tip_desk.pk, other_desk.pk}
    assert events[tip_desk.pk].details == {"count": 3}
    assert events[tip_desk.pk].actor is None
    assert EMAIL not in str(events[tip_desk.pk].details)
    assert audit_event_summary(events[tip_desk.pk]) == (
        "The system erased the email addresses of 3 reader tips, no longer needed"
    )


def test_the_erasing_runs_every_hour():
    schedule = django_settings.CELERY_BEAT_SCHEDULE["articles-erase-tip-emails"]

    assert schedule["task"] == article_tasks.tip_emails_erase_task.name
    assert schedule["schedule"] == 3600.0


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "We erase it once that email is sent or your tip is closed, and at the latest 30 days after you send "
            "the tip.",
        ),
        (
            "es",
            "Lo borramos una vez enviado ese correo o cerrado su aviso, y a más tardar 30 días después de que "
            "envíe el aviso.",
        ),
        (
            "fr",
            "Nous l\u2019effaçons une fois cet e-mail envoyé ou votre signalement clos, et au plus tard "
            "30\u00a0jours après l\u2019envoi du signalement.",
        ),
        (
            "pt-br",
            "Nós o apagamos assim que esse e-mail for enviado ou sua dica for encerrada e, no máximo, 30 dias "
            "depois do envio da dica.",
        ),
    ],
)
def test_the_form_says_how_long_the_address_is_kept(tip_desk, settings, language, sentence):
    settings.TIP_EMAIL_KEEP_DAYS = 30

    page = Client().get(reverse("tips:submit", args=[tip_desk.slug]), headers={"accept-language": language})

    assert sentence in page.content.decode().replace("&#x27;", "'")


# --- What the tracking page says once the address is erased ------------------------------------------

PROMISE = "We will email you once, when it is checked or closed."


def _tracking_page(tip: Tip, language: str = "en") -> str:
    return Client().get(reverse("tips:track", args=[tip.tracking_token]), headers={"accept-language": language}).text


def test_the_page_says_the_address_was_erased_after_the_outcome_email(tip_desk, editor, published):
    tip = _tip(tip_desk)
    assert PROMISE in _tracking_page(tip)
    tips.tip_close(user=editor, tip=tip)
    tips.tip_outcome_email_send(tip_id=str(tip.pk))

    tips.tip_emails_erase()

    page = _tracking_page(tip)
    assert PROMISE not in page
    assert "We emailed you the outcome, then erased your email address." in page


def test_the_page_says_the_address_was_erased_after_the_keep_period(tip_desk, settings):
    settings.TIP_EMAIL_KEEP_DAYS = 10
    tip = _tip(tip_desk, days_old=11)

    tips.tip_emails_erase()

    page = _tracking_page(tip)
    assert PROMISE not in page
    assert "Your email address has been erased, so no email will come" in page
    assert "and 10 days at most." in page


def test_a_tip_sent_without_an_address_says_nothing_of_email(tip_desk):
    page = _tracking_page(_tip(tip_desk, email=""))

    assert PROMISE not in page
    assert "data-email-erased" not in page


@pytest.mark.parametrize(
    ("language", "after_use", "after_days"),
    [
        ("es", "Le enviamos el resultado por correo", "Su dirección de correo electrónico fue borrada"),
        ("fr", "Nous vous avons envoyé le résultat par e-mail", "Votre adresse e-mail a été effacée"),
        ("pt-br", "Enviamos o resultado por e-mail", "Seu endereço de e-mail foi apagado"),
    ],
)
def test_the_erased_address_is_told_in_the_readers_language(
    tip_desk, editor, published, settings, language, after_use, after_days
):
    used = _tip(tip_desk)
    tips.tip_close(user=editor, tip=used)
    tips.tip_outcome_email_send(tip_id=str(used.pk))
    expired = _tip(tip_desk, days_old=settings.TIP_EMAIL_KEEP_DAYS + 1, text="An older tip.")

    tips.tip_emails_erase()

    assert after_use in _tracking_page(used, language)
    assert after_days in _tracking_page(expired, language)
