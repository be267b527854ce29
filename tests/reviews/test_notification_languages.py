"""Each email is written in its recipient's language (`email_language_for`), subject, text and HTML alike,
while an email about a verdict names its rating in the article's language, as the claim page, the approval
queue and the exports do."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from apps.core.interface_language import interface_language_set
from apps.reviews import notifications, services
from apps.reviews.models import ReviewTask
from tests import factories
from tests.rating_labels import labelled_desk_scale

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 28)
ASSIGNED_TIME = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
DIGEST_TIME = dt.datetime(2026, 11, 28, 7, 0, tzinfo=dt.UTC)
SPANISH_LABELS = {"True": {"es": "Verdadero"}, "False": {"es": "Falso"}, "Mostly false": {"es": "Mayormente falso"}}


@pytest.fixture(autouse=True)
def _email_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://desk.example.org"


@pytest.fixture
def scale(desk, desk_admin):
    return labelled_desk_scale(desk, desk_admin, SPANISH_LABELS)


@pytest.fixture
def spanish_reviewer(reviewer):
    interface_language_set(user=reviewer, language="es")
    return reviewer


def _fresh(task) -> ReviewTask:
    return ReviewTask.objects.get(pk=task.pk)


def _task(desk, *, language, number=0) -> ReviewTask:
    text = f"El puerto dragó {number + 4} millones de toneladas de limo en 2019."
    article = factories.ArticleFactory(desk=desk, title=f"Dragado del puerto {number}", language=language)
    return factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=text, start=number))


def _assign(act, editor, reviewer, tasks, due=TODAY):
    with time_machine.travel(ASSIGNED_TIME, tick=False):
        act(services.review_tasks_assign, editor=editor, tasks=tasks, assignee=reviewer, due_date=due)


def _submit(act, reviewer, task, rating):
    act(services.verdict_submit, user=reviewer, task=_fresh(task), rating=rating, rationale="El informe anual.")


def _html(message) -> str:
    (body, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return body


def _only_email():
    (message,) = mail.outbox
    mail.outbox.clear()
    return message


def test_a_reviewer_who_chose_spanish_gets_the_assignment_in_spanish(act, desk, editor, spanish_reviewer):
    task = _task(desk, language="en")

    _assign(act, editor, spanish_reviewer, [task])

    message = _only_email()
    assert message.subject == f"Asignada a usted: «{task.claim.text}»"
    assert message.body.startswith("Hola, rachel:\n")
    assert "edith le asignó 1 afirmación para revisar:" in message.body
    assert "Artículo: Dragado del puerto 0" in message.body
    assert "Fecha límite: sábado 28 de noviembre de 2026" in message.body
    assert "Su cola: https://desk.example.org/" in message.body
    assert "Recibe este correo porque «Se me asigna una afirmación» está activado en su configuración" in message.body
    html = _html(message)
    assert '<html lang="es">' in html
    assert "edith le asignó 1 afirmación para revisar:" in html
    assert "Fecha límite: sábado 28 de noviembre de 2026" in html
    assert "Abrir su cola" in html
    assert "desactívelo</a>" in html
    for english in ("Hello", "assigned", "Article:", "Due:", "Saturday", "November", "Open your queue", "settings"):
        assert english not in message.body.replace(message.to[0], "")
        assert english not in html


def test_one_event_emails_each_recipient_in_their_own_language(act, desk, scale, editor, reviewer, second_reviewer):
    interface_language_set(user=reviewer, language="es")
    true = scale.ratings.get(label="True")
    rachels = [_task(desk, language="en", number=n) for n in range(2)]
    rogers = [_task(desk, language="en", number=n) for n in range(2, 5)]
    _assign(act, editor, reviewer, rachels)
    _assign(act, editor, second_reviewer, rogers)
    for task in rachels:
        _submit(act, reviewer, task, true)
    for task in rogers:
        _submit(act, second_reviewer, task, true)
    mail.outbox.clear()

    tasks = [_fresh(task) for task in rachels + rogers]
    act(services.verdicts_approve, editor=editor, seen_revisions={task.pk: task.verdict_revision for task in tasks})

    emails = {message.to[0]: message for message in mail.outbox}
    spanish, english = emails["rachel@example.org"], emails["roger@example.org"]
    assert spanish.subject == "Se aprobaron 2 de sus veredictos"
    assert "edith aprobó 2 de sus veredictos:" in spanish.body
    assert "edith aprobó 2 de sus veredictos:" in _html(spanish)
    assert english.subject == "3 of your verdicts were approved"
    assert "edith approved 3 of your verdicts:" in english.body
    assert "edith approved 3 of your verdicts:" in _html(english)
    assert '<html lang="en">' in _html(english)


def test_the_overdue_digest_is_in_the_recipients_language(act, desk, editor, spanish_reviewer):
    _assign(act, editor, spanish_reviewer, [_task(desk, language="en")], due=TODAY - dt.timedelta(days=1))
    mail.outbox.clear()

    with time_machine.travel(DIGEST_TIME):
        act(notifications.overdue_digest_record)

    emails = {message.to[0]: message for message in mail.outbox}
    spanish, english = emails["rachel@example.org"], emails["edith@example.org"]
    assert spanish.subject == "Afirmaciones vencidas: 1"
    assert "Estas afirmaciones pasaron su fecha límite." in spanish.body
    assert "Asignadas a usted (1):" in spanish.body
    assert "Asignadas a usted (1)" in _html(spanish)
    assert english.subject == "Overdue claims: 1"
    assert "On your desks (1):" in english.body
    assert "Reviewer: rachel" in english.body


def test_every_email_about_a_verdict_names_its_rating_in_the_articles_language(act, desk, scale, editor, reviewer):
    """The editor reads English, the article is in Spanish: the words are English, the rating Spanish."""
    false = scale.ratings.get(label="False")
    task = _task(desk, language="es")
    _assign(act, editor, reviewer, [task])
    mail.outbox.clear()
    sent = {}

    _submit(act, reviewer, task, false)
    sent["submitted"] = _only_email()
    act(services.verdict_return, editor=editor, task=_fresh(task), note="Cite el informe.")
    sent["returned"] = _only_email()
    _submit(act, reviewer, task, false)
    mail.outbox.clear()  # submitted again, told above
    act(services.verdict_approve, editor=editor, task=_fresh(task))
    sent["approved"] = _only_email()
    act(services.verdict_reopen, editor=editor, task=_fresh(task), note="La cifra cambió.")
    sent["reopened"] = _only_email()
    act(services.verdict_correction_withdraw, editor=editor, task=_fresh(task))
    sent["withdrawn"] = _only_email()

    for kind, message in sent.items():
        assert "Rating: Falso" in message.body, kind
        assert "Rating: Falso" in _html(message), kind
        assert "Corrected verdict" not in message.body, kind


def test_a_spanish_recipient_is_told_an_english_articles_rating_as_the_article_names_it(
    act, desk, scale, editor, spanish_reviewer
):
    task = _task(desk, language="en")
    _assign(act, editor, spanish_reviewer, [task])
    _submit(act, spanish_reviewer, task, scale.ratings.get(label="False"))
    mail.outbox.clear()

    act(services.verdict_approve, editor=editor, task=_fresh(task))

    message = _only_email()
    assert message.subject == f"Se aprobó su veredicto: «{task.claim.text}»"
    assert "Calificación: False" in message.body
    assert "Calificación: False" in _html(message)


def _corrected(act, desk, scale, editor, reviewer, *, published_as, corrected_as, number):
    task = _task(desk, language="es", number=number)
    _assign(act, editor, reviewer, [task])
    _submit(act, reviewer, task, scale.ratings.get(label=published_as))
    act(services.verdict_approve, editor=editor, task=_fresh(task))
    act(services.verdict_reopen, editor=editor, task=_fresh(task), note="La cifra cambió.")
    _submit(act, reviewer, task, scale.ratings.get(label=corrected_as))
    mail.outbox.clear()
    act(services.verdict_approve, editor=editor, task=_fresh(task))
    return _only_email()


def test_approving_a_correction_says_whether_the_rating_changed(act, desk, scale, editor, reviewer):
    changed = _corrected(act, desk, scale, editor, reviewer, published_as="False", corrected_as="True", number=0)
    kept = _corrected(act, desk, scale, editor, reviewer, published_as="False", corrected_as="False", number=1)

    assert "Rating: Verdadero" in changed.body
    assert "Corrected verdict: previously rated Falso." in changed.body
    assert "Corrected verdict: previously rated Falso." in _html(changed)
    assert "Rating: Falso" in kept.body
    assert "Corrected verdict: the rating is unchanged." in kept.body
    assert "previously rated" not in kept.body


def test_a_spanish_recipient_is_told_the_correction_in_spanish(act, desk, scale, editor, spanish_reviewer):
    message = _corrected(
        act, desk, scale, editor, spanish_reviewer, published_as="False", corrected_as="Mostly false", number=0
    )

    assert "Calificación: Mayormente falso" in message.body
    assert "Veredicto corregido (calificación anterior: Falso)." in message.body
    assert "Veredicto corregido (calificación anterior: Falso)." in _html(message)


def test_a_reviewer_who_chose_french_gets_the_assignment_and_the_approval_in_french(act, desk, scale, editor, reviewer):
    interface_language_set(user=reviewer, language="fr")
    tasks = [_task(desk, language="en", number=n) for n in range(2)]

    _assign(act, editor, reviewer, tasks[:1])

    message = _only_email()
    assert message.subject == f"Assignée à vous\u00a0: «\u00a0{tasks[0].claim.text}\u00a0»"
    assert message.body.startswith("Bonjour rachel,\n")
    assert "edith vous a assigné 1 affirmation à vérifier\u00a0:" in message.body
    assert "Article\u00a0: Dragado del puerto 0" in message.body
    assert "Échéance\u00a0: samedi 28 novembre 2026" in message.body
    assert "Votre file d\u2019attente\u00a0: https://desk.example.org/" in message.body
    assert "parce que «\u00a0Une affirmation m\u2019est assignée\u00a0» est activé dans vos paramètres" in message.body
    html = _html(message)
    assert '<html lang="fr">' in html
    assert "Échéance\u00a0: samedi 28 novembre 2026" in html
    assert "Ouvrir votre file d\u2019attente" in html
    assert "désactivez-le</a>" in html
    for english in ("Hello", "assigned", "Due:", "Saturday", "November", "Open your queue", "settings"):
        assert english not in message.body.replace(message.to[0], "")
        assert english not in html

    _assign(act, editor, reviewer, tasks[1:])
    for task in tasks:
        _submit(act, reviewer, task, scale.ratings.get(label="True"))
    mail.outbox.clear()
    fresh = [_fresh(task) for task in tasks]
    act(services.verdicts_approve, editor=editor, seen_revisions={task.pk: task.verdict_revision for task in fresh})

    approval = _only_email()
    assert approval.subject == "2 de vos verdicts ont été approuvés"
    assert "edith a approuvé 2 de vos verdicts\u00a0:" in approval.body
    assert "edith a approuvé 2 de vos verdicts\u00a0:" in _html(approval)


def test_a_reviewer_who_chose_brazilian_portuguese_gets_the_assignment_and_the_approval_in_portuguese(
    act, desk, scale, editor, reviewer
):
    interface_language_set(user=reviewer, language="pt-br")
    tasks = [_task(desk, language="en", number=n) for n in range(2)]

    _assign(act, editor, reviewer, tasks[:1])

    message = _only_email()
    assert message.subject == f"Atribuída a você: “{tasks[0].claim.text}”"
    assert message.body.startswith("Olá, rachel,\n")
    assert "edith atribuiu 1 alegação a você para checagem:" in message.body
    assert "Artigo: Dragado del puerto 0" in message.body
    # Day and month names in lower case, as Brazilians write them (locale_overrides/, not Django's catalog).
    assert "Prazo: sábado, 28 de novembro de 2026" in message.body
    assert "Sua fila: https://desk.example.org/" in message.body
    assert "porque “Uma alegação é atribuída a mim” está ativado nas suas configurações" in message.body
    html = _html(message)
    assert '<html lang="pt-br">' in html
    assert "Prazo: sábado, 28 de novembro de 2026" in html
    assert "Abrir sua fila" in html
    assert "desative-o</a>" in html
    for english in ("Hello", "assigned", "Due:", "Saturday", "November", "Open your queue", "settings"):
        assert english not in message.body.replace(message.to[0], "")
        assert english not in html

    _assign(act, editor, reviewer, tasks[1:])
    for task in tasks:
        _submit(act, reviewer, task, scale.ratings.get(label="True"))
    mail.outbox.clear()
    fresh = [_fresh(task) for task in tasks]
    act(services.verdicts_approve, editor=editor, seen_revisions={task.pk: task.verdict_revision for task in fresh})

    approval = _only_email()
    assert approval.subject == "2 dos seus vereditos foram aprovados"
    assert "edith aprovou 2 dos seus vereditos:" in approval.body
    assert "edith aprovou 2 dos seus vereditos:" in _html(approval)
