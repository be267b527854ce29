"""Every main page, as each role sees it with a browser in each language of the interface but
English (Spanish, French, Brazilian Portuguese), holds no English word of the interface's own: the
page's visible text (and the words read out or shown on hover: title, aria-label, placeholder, alt) is
read, the desk's own data is taken out of it (the article's and the claims' text, names, rating labels,
addresses), and what is left must not hold a common English word.

Each language's world is written in that language, so an English word left on a page can only come
from the interface. The pages are those the accessibility test visits (tests/ui/test_accessibility.py),
with its refused forms, fetched through Django's test client.
"""

import re
from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import totp

from apps.articles import tips
from apps.articles.models import Article, IntakeStatus, Tip
from apps.claims.models import Claim, ClaimStatus, MatchStatus
from apps.core.failures import Failure
from apps.core.two_step import two_step_enable, two_step_pending_device
from apps.desks.models import Desk, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint
from apps.references.models import Reference, SourceRule
from apps.reviews import services
from apps.reviews.models import Rating, RatingScale, ReviewTask, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

# Common English function words and the interface's own words, none of them a Spanish word.
_ENGLISH_WORD_LIST = """
    the and of to in an as is are was were be been with for from by on at this that these those it its my
    you your yours we our they their there here which what who whom when where why how
    not none all any some one has have had do does did done will would can could should may must
    if then than or but so yet also only just more most less each every other into out about after before
    claim claims claimed reviewer reviewers verdict verdicts rating ratings rationale evidence source sources
    reference references article articles desk desks queue search report reports history activity
    open opened close closed save saved delete deleted cancel edit add added remove removed change changed
    submit submitted approve approved return returned reopen reopened publish published withdraw
    assign assigned unassigned due overdue new yes ok back next previous page pages settings people
    sign log login logout signed account password username email notifications language languages
    import imported export exported upload file files text title date dates status kind
    quote statistic prediction opinion event merge split reject rejected match matched suggested
    found nothing still being waiting failed errors please help show hide up down off first last
"""
ENGLISH_WORDS = frozenset(_ENGLISH_WORD_LIST.split())
_FRENCH_WORDS_IN_THE_LIST = "article articles page pages source sources date dates opinion verdict verdicts file"
# Words of that list that are also words of a language of the interface, spelt the same, and so are no
# sign of English on its pages.
# "do" (of the), "as" (the) and "for" (were it) are Portuguese words too, and "out" is October in a short
# date such as "30 out 2026".
_PORTUGUESE_WORDS_IN_THE_LIST = "do as for out"
SHARED_WITH_ENGLISH = {
    "es": frozenset(),
    "fr": frozenset(_FRENCH_WORDS_IN_THE_LIST.split()),
    "pt-br": frozenset(_PORTUGUESE_WORDS_IN_THE_LIST.split()),
}

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
NOT_SHOWN = {"script", "style", "template"}
# English a reader of another language meets on purpose, each with the reason it stays English.
ACCEPTED_ENGLISH = {
    "verdict.approved": "a webhook's event names are the identifiers its receiver matches on",
    '{"text": ...}': "the field name of the chat message a webhook sends, as Slack and Google Chat read it",
}


class _VisibleText(HTMLParser):
    """The words a reader sees or hears: text outside scripts and styles, and the attributes a
    browser shows or reads out. Text marked lang="en" is left out: it is English on purpose and
    says so. So is text marked lang="zxx", no language at all (a two-step sign-in key, recovery
    codes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0
        self._english: list[str] = []  # the tag of each open element inside one marked lang="en"

    def handle_starttag(self, tag, attrs):
        if self._english or dict(attrs).get("lang", "").startswith(("en", "zxx")):
            self._english.append(tag)
            return
        if tag in NOT_SHOWN:
            self._hidden_depth += 1
        for name, value in attrs:
            if name in SHOWN_ATTRIBUTES and value:
                self.parts.append(value)
            if tag == "input" and name == "value" and value and ("type", "submit") in attrs:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if self._english:
            if tag in self._english:
                del self._english[len(self._english) - 1 - self._english[::-1].index(tag) :]
            return
        if tag in NOT_SHOWN and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data):
        if not self._hidden_depth and not self._english:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def desk_data() -> list[str]:
    """Everything on the pages that is the desk's own data rather than the interface's words,
    longest first so that a text is taken out before a shorter text inside it."""
    data: set[str] = set()
    for article in Article.objects.all():
        # A failure with a code is the interface's words, worded for the reader; one without is stored text.
        stored_error = "" if article.intake_error_detail else article.intake_error
        data |= {article.title, article.body, article.outlet, stored_error, article.source_url}
        data |= set(article.body.splitlines())
    for claim in Claim.objects.all():
        data |= {claim.text, claim.rejection_reason}
    for reference in Reference.objects.all():
        data |= {reference.title, reference.snippet, reference.url}
    for rule in SourceRule.objects.all():
        data |= {rule.name, rule.label, rule.reason, rule.url_template, *rule.keywords, *rule.excluded_keywords}
    for scale in RatingScale.objects.all():
        data.add(scale.name)
    for rating in Rating.objects.all():
        data |= {rating.label, rating.description, *rating.language_labels.values()}
    for verdict in Verdict.objects.all():
        data.add(verdict.rationale)
    for task in ReviewTask.objects.all():
        data.add(task.editor_note)
    for desk in Desk.objects.all():
        data |= {desk.name, desk.slug}
    for webhook in WebhookEndpoint.objects.all():
        data |= {webhook.url, webhook.description}
    for tip in Tip.objects.all():
        data |= {tip.text, tip.reason, tip.link, tip.public_reason}
    for user in get_user_model().objects.all():
        data |= {user.username, user.get_full_name(), user.email}
    return sorted(filter(None, data), key=len, reverse=True)


def english_words_in(html: str, data: list[str], language: str = "es") -> list[str]:
    """The English words left on the page once the desk's data and the accepted English are taken
    out, each with the words around it; words `language` shares with English are not counted."""
    english_words = ENGLISH_WORDS - SHARED_WITH_ENGLISH[language]
    text = visible_text(html)
    for shown in [*data, *ACCEPTED_ENGLISH]:
        text = text.replace(shown, " ")
    text = URL.sub(" ", text)
    found = []
    for match in WORD.finditer(text):
        if match.group().lower() in english_words:
            around = " ".join(text[max(0, match.start() - 40) : match.end() + 40].split())
            found.append(f"{match.group()!r} in “{around}”")
    return found


# The words of each language's world: the desk's data and what the forms send.
WORLD_TEXTS = {
    "es": {
        "desk": ("Mesa Internacional", "internacional"),
        "body": (
            "Rusia y China han vetado tres resoluciones del Consejo de Seguridad sobre Siria.\n\n"
            "El conflicto ha causado al menos 40.000 muertos, según activistas.\n\n"
            "La ONU ha celebrado tres votaciones sobre los proyectos de resolución."
        ),
        "title": "Negociaciones sobre Siria",
        "outlet": "El Diario",
        "assigned": "Rusia y China han vetado tres resoluciones del Consejo de Seguridad sobre Siria.",
        "submitted": "El conflicto ha causado al menos 40.000 muertos",
        "submitted_rationale": "La ONU lo cuenta así.",
        "approved": "según activistas",
        "reopened": "La ONU ha celebrado tres votaciones",
        "reopen_note": "Cuatro, no tres.",
        "returned": "sobre los proyectos de resolución",
        "return_note": "Cite la declaración, por favor.",
        "new": "tres resoluciones",
        "reference": ("Lista de vetos", "Tres vetos."),
        "repeated_article": ("Siria, segundo día", "Segundo día."),
        "repeated": "Según activistas, el conflicto ha causado muchos muertos.",
        "rejected": ("Es una opinión.", "Una opinión."),
        "rule": ("regla", "Regla", "Porque sí."),
        "running": ("Informe largo", "Largo."),
        "failed": ("Archivo roto", "Roto."),
        "search_found": "vetado",
        "search_not_found": "nada+parecido",
        "reject_reason": "Una predicción.",
        "passage_not_found": "Nada parecido.",
        "short_password": "corta",
        "unknown_placeholder": "{nada}",
        "wrong_password": "no es la contraseña",
    },
    "fr": {
        "desk": ("Rédaction internationale", "internationale"),
        "body": (
            "La Russie et la Chine ont opposé leur veto à trois résolutions du Conseil de sécurité sur la Syrie.\n\n"
            "Le conflit a fait au moins 40 000 morts, selon des militants.\n\n"
            "L'ONU a organisé trois votes sur les projets de résolution."
        ),
        "title": "Négociations sur la Syrie",
        "outlet": "Le Quotidien",
        "assigned": (
            "La Russie et la Chine ont opposé leur veto à trois résolutions du Conseil de sécurité sur la Syrie."
        ),
        "submitted": "Le conflit a fait au moins 40 000 morts",
        "submitted_rationale": "L'ONU le rapporte ainsi.",
        "approved": "selon des militants",
        "reopened": "L'ONU a organisé trois votes",
        "reopen_note": "Quatre, pas trois.",
        "returned": "sur les projets de résolution",
        "return_note": "Citez la déclaration, s'il vous plaît.",
        "new": "trois résolutions",
        "reference": ("Liste des vetos", "Trois vetos."),
        "repeated_article": ("Syrie, deuxième jour", "Deuxième jour."),
        "repeated": "Selon des militants, le conflit a fait de nombreux morts.",
        "rejected": ("C'est une opinion.", "Une opinion."),
        "rule": ("règle", "Règle", "Parce que."),
        "running": ("Long rapport", "Long."),
        "failed": ("Fichier abîmé", "Abîmé."),
        "search_found": "veto",
        "search_not_found": "rien+de+semblable",
        "reject_reason": "Une prédiction.",
        "passage_not_found": "Rien de semblable.",
        "short_password": "court",
        "unknown_placeholder": "{rien}",
        "wrong_password": "pas le mot de passe",
    },
    "pt-br": {
        "desk": ("Redação Internacional", "internacional"),
        "body": (
            "A Rússia e a China vetaram três resoluções do Conselho de Segurança sobre a Síria.\n\n"
            "O conflito já causou pelo menos 40 mil mortes, segundo ativistas.\n\n"
            "A ONU realizou três votações sobre os projetos de resolução, e cada veto foi registrado."
        ),
        "title": "Negociações sobre a Síria",
        "outlet": "Diário da Manhã",
        "assigned": "A Rússia e a China vetaram três resoluções do Conselho de Segurança sobre a Síria.",
        "submitted": "O conflito já causou pelo menos 40 mil mortes",
        "submitted_rationale": "A ONU confirma esse número.",
        "approved": "segundo ativistas",
        "reopened": "A ONU realizou três votações",
        "reopen_note": "Foram quatro, não três.",
        "returned": "sobre os projetos de resolução",
        "return_note": "Cite a declaração, por favor.",
        "new": "três resoluções",
        "reference": ("Lista de vetos", "Três vetos."),
        "repeated_article": ("Síria, segundo dia", "Segundo dia."),
        "repeated": "Segundo ativistas, o conflito já causou muitas mortes.",
        "rejected": ("É uma opinião.", "Uma opinião."),
        "rule": ("regra", "Regra", "Porque sim."),
        "running": ("Relatório longo", "Longo."),
        "failed": ("Arquivo corrompido", "Corrompido."),
        "search_found": "veto",
        "search_not_found": "nada+parecido",
        "reject_reason": "Uma previsão.",
        "passage_not_found": "Nada parecido.",
        "short_password": "curta",
        "unknown_placeholder": "{nada}",
        "wrong_password": "não é a senha",
    },
}
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture
def world(request, db):
    """A desk working in the test's language, with a claim in each state the pages show differently."""
    language = request.param
    words = WORLD_TEXTS[language]
    desk_name, desk_slug = words["desk"]
    desk = factories.DeskFactory(name=desk_name, slug=desk_slug)
    editor = factories.MemberFactory(desk=desk, role="editor", username="edith").user
    reviewer = factories.MemberFactory(desk=desk, role="reviewer", username="rachel").user
    admin = factories.MemberFactory(desk=desk, role="admin", username="adele").user
    body = words["body"]
    article = factories.ArticleFactory(
        desk=desk, title=words["title"], body=body, outlet=words["outlet"], language=language, imported_by=editor
    )

    def claim(text, **fields):
        start = body.find(text)
        return factories.ClaimFactory(
            article=article, text=text, start=max(start, 0), end=max(start, 0) + len(text), **fields
        )

    def verdict(text):
        task = factories.ReviewTaskFactory(claim=claim(text))
        services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
        rating = Rating.objects.get(scale__desk__isnull=True, label="Mostly true")
        services.verdict_submit(user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale=text)
        return ReviewTask.objects.get(pk=task.pk)

    assigned = factories.ReviewTaskFactory(claim=claim(words["assigned"]))
    submitted = factories.ReviewTaskFactory(claim=claim(words["submitted"]))
    services.review_tasks_assign(editor=editor, tasks=[assigned, submitted], assignee=reviewer)
    reference_title, reference_snippet = words["reference"]
    factories.ReferenceFactory(claim=assigned.claim, title=reference_title, snippet=reference_snippet)
    services.verdict_submit(
        user=reviewer,
        task=ReviewTask.objects.get(pk=submitted.pk),
        rating=Rating.objects.get(scale__desk__isnull=True, label="True"),
        rationale=words["submitted_rationale"],
    )
    approved = verdict(words["approved"])
    services.verdict_approve(editor=editor, task=approved)
    reopened = verdict(words["reopened"])
    services.verdict_approve(editor=editor, task=reopened)
    services.verdict_reopen(editor=editor, task=ReviewTask.objects.get(pk=reopened.pk), note=words["reopen_note"])
    returned = verdict(words["returned"])
    services.verdict_return(editor=editor, task=returned, note=words["return_note"])
    new = factories.ReviewTaskFactory(claim=claim(words["new"]))
    repeated_title, repeated_body = words["repeated_article"]
    repeated = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title=repeated_title, body=repeated_body, language=language),
        text=words["repeated"],
        matched_claim=approved.claim,
        match_score=0.91,
        match_status=MatchStatus.SUGGESTED,
    )
    rejected_text, rejection_reason = words["rejected"]
    claim(rejected_text, status=ClaimStatus.REJECTED, rejection_reason=rejection_reason)
    rule_name, rule_label, rule_reason = words["rule"]
    factories.SourceRuleFactory(desk=desk, name=rule_name, label=rule_label, reason=rule_reason)
    running_title, running_body = words["running"]
    running = factories.ArticleFactory(
        desk=desk, title=running_title, body=running_body, language=language, intake_status=IntakeStatus.RUNNING
    )
    failed_title, failed_body = words["failed"]
    # Failures of background work are stored in English with their code, and worded for each reader.
    intake_failure = Failure.of("intake_attempts_exhausted", attempts=3)
    failed = factories.ArticleFactory(
        desk=desk,
        title=failed_title,
        body=failed_body,
        language=language,
        intake_status=IntakeStatus.FAILED,
        intake_error=intake_failure.english(),
        intake_error_detail=intake_failure.detail,
    )
    answered = Failure.of("webhook_status", status=410)
    turned_off = Failure.of("webhook_turned_off", count=10, error=answered)
    webhook = WebhookEndpoint.objects.create(
        desk=desk,
        url="https://hooks.example.org/in",
        events=["verdict.approved"],
        is_active=False,
        disabled_reason=turned_off.english(),
        disabled_reason_detail=turned_off.detail,
    )
    WebhookDelivery.objects.create(
        endpoint=webhook,
        event="verdict.approved",
        payload={},
        summary="s",
        status=WebhookDeliveryStatus.FAILED,
        attempts=1,
        response_status=410,
        last_error=answered.english(),
        last_error_detail=answered.detail,
    )
    services.rating_scale_copy_default(user=admin, desk=desk)
    desk.takes_tips = True
    desk.save()
    tips.tip_submit(desk=desk, text=words["assigned"], reason=words["submitted"], client_address="192.0.2.1")
    closed_tip = tips.tip_close(
        user=editor,
        tip=tips.tip_submit(desk=desk, text=words["reopened"], client_address="192.0.2.1"),
        public_reason=words["reopen_note"],
    )
    # Locked out from another address: the desk's Sign-in page offers to let them in again.
    AccessAttempt.objects.create(
        username=reviewer.username,
        ip_address="192.0.2.9",
        user_agent="a browser",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
        get_data="",
        post_data="",
    )
    return {
        "language": language,
        "words": words,
        "desk": desk,
        "users": {"editor": editor, "reviewer": reviewer, "admin": admin},
        "article": article.pk,
        "assigned": assigned.claim_id,
        "submitted": submitted.claim_id,
        "approved": approved.claim_id,
        "reopened": reopened.claim_id,
        "returned": returned.claim_id,
        "new": new.claim_id,
        "repeated": repeated.pk,
        "running": running.pk,
        "failed": failed.pk,
        "webhook": webhook.pk,
        "closed_tip_token": closed_tip.tracking_token,
    }


def _pages(world) -> dict[str, list[tuple[str, str, dict | None]]]:
    """Each role's pages as (method, path, form sent): GETs of the main pages and the forms the
    accessibility test sends to reach a refusal or a flash message."""
    slug = world["desk"].slug
    article = world["article"]
    words = world["words"]
    editor = [
        ("get", "/", None),
        ("get", "/articles/import/", None),
        ("post", "/articles/import/", {"text": "", "url": ""}),
        # Past the import rate (none allowed in this test): the form again, saying when to try again.
        ("post", "/articles/import/", {"text": words["body"], "url": ""}),
        ("get", f"/articles/{article}/", None),
        ("get", f"/articles/{world['running']}/", None),
        ("get", f"/articles/{world['failed']}/", None),
        ("get", f"/articles/{article}/export/html/", None),
        *[("get", f"/claims/{world[state]}/", None) for state in ("new", "submitted", "approved", "reopened")],
        ("get", f"/claims/{world['repeated']}/", None),
        ("get", "/queue/", None),
        ("get", f"/search/?q={words['search_found']}", None),
        ("get", f"/search/?q={words['search_not_found']}", None),
        ("get", "/search/?published_after=2025-02-01&published_before=2025-01-01", None),
        ("get", "/account/notifications/", None),
        ("get", "/account/password/", None),
        (
            "post",
            "/account/password/",
            {"old_password": words["wrong_password"], "new_password1": "", "new_password2": "x"},
        ),
        ("get", "/account/api-token/", None),
        ("post", "/account/api-token/create/", {}),
        ("post", "/account/api-token/create/", {}),
        ("get", "/account/two-step/", None),
        ("post", "/account/two-step/turn-on/", {"code": "abc"}),
        ("get", f"/desks/{slug}/report/", None),
        ("get", f"/desks/{slug}/report/?since=2026-13-01", None),
        ("get", f"/desks/{slug}/people/", None),
        ("get", f"/desks/{slug}/tips/", None),
        ("get", f"/desks/{slug}/tips/?page=2", None),
        ("get", "/no-such-page/", None),
        ("post", f"/claims/{world['new']}/reject/", {"reason": words["reject_reason"]}),
        ("post", f"/articles/{article}/claims/add/", {"start": "", "end": "", "passage": words["passage_not_found"]}),
    ]
    reviewer = [
        ("get", "/", None),
        ("get", "/queue/", None),
        *[("get", f"/claims/{world[state]}/", None) for state in ("assigned", "approved", "reopened", "returned")],
        ("get", f"/articles/{article}/", None),
        ("post", f"/claims/{world['assigned']}/verdict/", {"rating": "", "rationale": ""}),
    ]
    admin = [
        ("get", "/", None),
        ("get", "/desks/", None),
        ("get", f"/desks/{slug}/people/", None),
        ("post", f"/desks/{slug}/people/create/", {"username": "nadia", "password": words["short_password"]}),
        ("get", f"/desks/{slug}/ratings/", None),
        ("post", f"/desks/{slug}/ratings/add/", {"label": ""}),
        ("get", f"/desks/{slug}/source-rules/", None),
        ("get", f"/desks/{slug}/source-rules/new/", None),
        (
            "post",
            f"/desks/{slug}/source-rules/new/",
            {"name": "", "url_template": f"https://x.example/{words['unknown_placeholder']}"},
        ),
        ("get", f"/desks/{slug}/webhooks/", None),
        ("get", f"/desks/{slug}/webhooks/new/", None),
        ("get", f"/desks/{slug}/webhooks/{world['webhook']}/", None),
        ("get", f"/desks/{slug}/reader-tips/", None),
        ("get", f"/desks/{slug}/sign-in/", None),
    ]
    return {"editor": editor, "reviewer": reviewer, "admin": admin}


def test_every_language_of_the_interface_has_a_world():
    assert set(WORLD_TEXTS) == set(TRANSLATED_LANGUAGES) == set(SHARED_WITH_ENGLISH)


@pytest.mark.parametrize("world", TRANSLATED_LANGUAGES, indirect=True)
def test_pages_hold_no_english_for_a_reader_of_another_language(world, settings, monkeypatch):
    # A tip a page, so the inbox's two tips show its pager; no import allowed, so the form's refusal shows.
    monkeypatch.setattr("apps.web.views.tips.TIP_INBOX_PAGE_SIZE", 1)
    settings.API_RATES = {**settings.API_RATES, "imports": "0/minute"}
    language = world["language"]
    browser = {"accept-language": language}
    data = desk_data()
    found = []
    for role, pages in _pages(world).items():
        client = Client()
        client.force_login(world["users"][role])
        for method, path, form in pages:
            if method == "get":
                response = client.get(path, headers=browser, follow=True)
            else:
                response = client.post(path, form, headers=browser, follow=True)
            assert response.status_code < 500, f"{role} {method} {path}: {response.status_code}"
            assert response["Content-Language"] == language, f"{role} {method} {path}"
            found += [f"{role} {method} {path}: {word}" for word in english_words_in(response.text, data, language)]
    login = Client().post(
        "/login/", {"username": "edith", "password": world["words"]["wrong_password"]}, headers=browser
    )
    found += [f"anonymous post /login/: {word}" for word in english_words_in(login.text, data, language)]
    anonymous = [
        ("get", "/login/", None),
        ("get", "/password-reset/", None),
        ("post", "/password-reset/", {"email": world["words"]["wrong_password"]}),
        ("get", "/password-reset/sent/", None),
        ("get", "/reset/zzzz/abc-def/", None),
        ("get", "/reset/done/", None),
        ("get", f"/tips/{world['desk'].slug}/", None),
        ("post", f"/tips/{world['desk'].slug}/", {"text": "", "link": "ftp://x", "email": "x"}),
        ("get", f"/tips/track/{world['closed_tip_token']}/", None),
        ("get", "/tips/track/no-such-token/", None),
    ]
    anonymous += [("post", "/login/", {"username": "lucia", "password": world["words"]["wrong_password"]})] * 5
    for method, path, form in anonymous:
        response = getattr(Client(), method)(path, form, headers=browser)
        assert response.status_code < 500, f"anonymous {method} {path}: {response.status_code}"
        found += [f"anonymous {method} {path}: {word}" for word in english_words_in(response.text, data, language)]

    found += _two_step_pages_english(world, data, browser)

    assert not found, "\n".join(found)


def _two_step_pages_english(world, data, browser) -> list[str]:
    """The pages of a person with two-step sign-in on: their account's page, new recovery codes, and
    the code page of signing in with a wrong code."""
    language = world["language"]
    person = factories.UserFactory(username="tomas")
    device = two_step_pending_device(user=person)
    two_step_enable(user=person, code=f"{totp(device.bin_key):06d}")
    signed_in = Client()
    signed_in.force_login(person)
    signing_in = Client()
    signing_in.post("/login/", {"username": "tomas", "password": factories.PASSWORD}, headers=browser)
    pages = [
        ("account", signed_in.get("/account/two-step/", headers=browser)),
        (
            "codes",
            signed_in.post("/account/two-step/recovery-codes/", {"password": factories.PASSWORD}, headers=browser),
        ),
        ("code page", signing_in.get("/login/code/", headers=browser)),
        ("wrong code", signing_in.post("/login/code/", {"code": "abc"}, headers=browser)),
    ]
    found = []
    for name, response in pages:
        assert response.status_code in (200, 400), name
        assert response["Content-Language"] == language, name
        found += [f"two-step {name}: {word}" for word in english_words_in(response.text, data, language)]
    return found


def test_english_marked_as_english_is_left_out():
    html = '<ol><li><time>28 nov</time> <span lang="en">edith <b>approved</b> the verdict</span> Aprobado</li></ol>'

    assert english_words_in(html, []) == []
    assert visible_text(html).split() == ["28", "nov", "Aprobado"]


def test_text_of_no_language_is_left_out():
    html = '<p>Clave: <code lang="zxx">THEN WERE 23QX</code></p>'

    assert visible_text(html).split() == ["Clave:"]


def test_an_english_word_on_a_page_is_found():
    html = '<main><h1>Afirmaciones</h1><button aria-label="Delete the claim">x</button><p>Guardado</p></main>'

    assert english_words_in(html, []) == [
        "'Delete' in “Afirmaciones Delete the claim x Guardado”",
        "'the' in “Afirmaciones Delete the claim x Guardado”",
        "'claim' in “Afirmaciones Delete the claim x Guardado”",
    ]
