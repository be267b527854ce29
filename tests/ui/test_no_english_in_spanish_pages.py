"""Every main page, as each role sees it with a Spanish browser, holds no English word of the
interface's own: the page's visible text (and the words read out or shown on hover: title,
aria-label, placeholder, alt) is read, the desk's own data is taken out of it (the article's and the
claims' text, names, rating labels, addresses), and what is left must not hold a common English word.

The world is written in Spanish, so an English word left on a page can only come from the interface.
The pages are those the accessibility test visits (tests/ui/test_accessibility.py), with its refused
forms, fetched through Django's test client.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from apps.articles.models import Article, IntakeStatus
from apps.claims.models import Claim, ClaimStatus, MatchStatus
from apps.desks.models import Desk, WebhookEndpoint
from apps.references.models import Reference, SourceRule
from apps.reviews import services
from apps.reviews.models import Rating, RatingScale, ReviewTask, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

SPANISH = {"accept-language": "es"}

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

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
NOT_SHOWN = {"script", "style", "template"}
# English a Spanish reader meets on purpose, each with the reason it stays English.
ACCEPTED_ENGLISH = {
    "verdict.approved": "a webhook's event names are the identifiers its receiver matches on",
    '{"text": ...}': "the field name of the chat message a webhook sends, as Slack and Google Chat read it",
}


class _VisibleText(HTMLParser):
    """The words a reader sees or hears: text outside scripts and styles, and the attributes a
    browser shows or reads out. Text marked lang="en" is left out: it is English on purpose and
    says so (the claim's history, which the audit trail keeps in English)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0
        self._english: list[str] = []  # the tag of each open element inside one marked lang="en"

    def handle_starttag(self, tag, attrs):
        if self._english or dict(attrs).get("lang", "").startswith("en"):
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
        data |= {article.title, article.body, article.outlet, article.intake_error, article.source_url}
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
    for user in get_user_model().objects.all():
        data |= {user.username, user.get_full_name(), user.email}
    return sorted(filter(None, data), key=len, reverse=True)


def english_words_in(html: str, data: list[str]) -> list[str]:
    """The English words left on the page once the desk's data and the accepted English are taken
    out, each with the words around it."""
    text = visible_text(html)
    for shown in [*data, *ACCEPTED_ENGLISH]:
        text = text.replace(shown, " ")
    text = URL.sub(" ", text)
    found = []
    for match in WORD.finditer(text):
        if match.group().lower() in ENGLISH_WORDS:
            around = " ".join(text[max(0, match.start() - 40) : match.end() + 40].split())
            found.append(f"{match.group()!r} in “{around}”")
    return found


@pytest.fixture
def mesa(db):
    """A desk working in Spanish, with a claim in each state the pages show differently."""
    desk = factories.DeskFactory(name="Mesa Internacional", slug="internacional")
    editor = factories.MemberFactory(desk=desk, role="editor", username="edith").user
    reviewer = factories.MemberFactory(desk=desk, role="reviewer", username="rachel").user
    admin = factories.MemberFactory(desk=desk, role="admin", username="adele").user
    body = (
        "Rusia y China han vetado tres resoluciones del Consejo de Seguridad sobre Siria.\n\n"
        "El conflicto ha causado al menos 40.000 muertos, según activistas.\n\n"
        "La ONU ha celebrado tres votaciones sobre los proyectos de resolución."
    )
    article = factories.ArticleFactory(
        desk=desk, title="Negociaciones sobre Siria", body=body, outlet="El Diario", language="es", imported_by=editor
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

    assigned = factories.ReviewTaskFactory(
        claim=claim("Rusia y China han vetado tres resoluciones del Consejo de Seguridad sobre Siria.")
    )
    submitted = factories.ReviewTaskFactory(claim=claim("El conflicto ha causado al menos 40.000 muertos"))
    services.review_tasks_assign(editor=editor, tasks=[assigned, submitted], assignee=reviewer)
    factories.ReferenceFactory(claim=assigned.claim, title="Lista de vetos", snippet="Tres vetos.")
    services.verdict_submit(
        user=reviewer,
        task=ReviewTask.objects.get(pk=submitted.pk),
        rating=Rating.objects.get(scale__desk__isnull=True, label="True"),
        rationale="La ONU lo cuenta así.",
    )
    approved = verdict("según activistas")
    services.verdict_approve(editor=editor, task=approved)
    reopened = verdict("La ONU ha celebrado tres votaciones")
    services.verdict_approve(editor=editor, task=reopened)
    services.verdict_reopen(editor=editor, task=ReviewTask.objects.get(pk=reopened.pk), note="Cuatro, no tres.")
    returned = verdict("sobre los proyectos de resolución")
    services.verdict_return(editor=editor, task=returned, note="Cite la declaración, por favor.")
    new = factories.ReviewTaskFactory(claim=claim("tres resoluciones"))
    repeated = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Siria, segundo día", body="Segundo día.", language="es"),
        text="Según activistas, el conflicto ha causado muchos muertos.",
        matched_claim=approved.claim,
        match_score=0.91,
        match_status=MatchStatus.SUGGESTED,
    )
    claim("Es una opinión.", status=ClaimStatus.REJECTED, rejection_reason="Una opinión.")
    factories.SourceRuleFactory(desk=desk, name="regla", label="Regla", reason="Porque sí.")
    running = factories.ArticleFactory(
        desk=desk, title="Informe largo", body="Largo.", language="es", intake_status=IntakeStatus.RUNNING
    )
    failed = factories.ArticleFactory(
        desk=desk,
        title="Archivo roto",
        body="Roto.",
        language="es",
        intake_status=IntakeStatus.FAILED,
        intake_error="Fallo.",
    )
    webhook = WebhookEndpoint.objects.create(desk=desk, url="https://hooks.example.org/in", events=["verdict.approved"])
    services.rating_scale_copy_default(user=admin, desk=desk)
    return {
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
    }


def _pages(mesa) -> dict[str, list[tuple[str, str, dict | None]]]:
    """Each role's pages as (method, path, form sent): GETs of the main pages and the forms the
    accessibility test sends to reach a refusal or a flash message."""
    slug = mesa["desk"].slug
    article = mesa["article"]
    editor = [
        ("get", "/", None),
        ("get", "/articles/import/", None),
        ("post", "/articles/import/", {"text": "", "url": ""}),
        ("get", f"/articles/{article}/", None),
        ("get", f"/articles/{mesa['running']}/", None),
        ("get", f"/articles/{mesa['failed']}/", None),
        ("get", f"/articles/{article}/export/html/", None),
        *[("get", f"/claims/{mesa[state]}/", None) for state in ("new", "submitted", "approved", "reopened")],
        ("get", f"/claims/{mesa['repeated']}/", None),
        ("get", "/queue/", None),
        ("get", "/search/?q=vetado", None),
        ("get", "/search/?q=nada+parecido", None),
        ("get", "/search/?published_after=2025-02-01&published_before=2025-01-01", None),
        ("get", "/account/notifications/", None),
        ("get", f"/desks/{slug}/report/", None),
        ("get", f"/desks/{slug}/report/?since=2026-13-01", None),
        ("get", f"/desks/{slug}/people/", None),
        ("get", "/no-such-page/", None),
        ("post", f"/claims/{mesa['new']}/reject/", {"reason": "Una predicción."}),
        ("post", f"/articles/{article}/claims/add/", {"start": "", "end": "", "passage": "Nada parecido."}),
    ]
    reviewer = [
        ("get", "/", None),
        ("get", "/queue/", None),
        *[("get", f"/claims/{mesa[state]}/", None) for state in ("assigned", "approved", "reopened", "returned")],
        ("get", f"/articles/{article}/", None),
        ("post", f"/claims/{mesa['assigned']}/verdict/", {"rating": "", "rationale": ""}),
    ]
    admin = [
        ("get", "/", None),
        ("get", "/desks/", None),
        ("get", f"/desks/{slug}/people/", None),
        ("post", f"/desks/{slug}/people/create/", {"username": "nadia", "password": "corta"}),
        ("get", f"/desks/{slug}/ratings/", None),
        ("post", f"/desks/{slug}/ratings/add/", {"label": ""}),
        ("get", f"/desks/{slug}/source-rules/", None),
        ("get", f"/desks/{slug}/source-rules/new/", None),
        ("post", f"/desks/{slug}/source-rules/new/", {"name": "", "url_template": "https://x.example/{nada}"}),
        ("get", f"/desks/{slug}/webhooks/", None),
        ("get", f"/desks/{slug}/webhooks/new/", None),
        ("get", f"/desks/{slug}/webhooks/{mesa['webhook']}/", None),
    ]
    return {"editor": editor, "reviewer": reviewer, "admin": admin}


def test_pages_hold_no_english_for_a_spanish_reader(mesa):
    data = desk_data()
    found = []
    for role, pages in _pages(mesa).items():
        client = Client()
        client.force_login(mesa["users"][role])
        for method, path, form in pages:
            if method == "get":
                response = client.get(path, headers=SPANISH, follow=True)
            else:
                response = client.post(path, form, headers=SPANISH, follow=True)
            assert response.status_code < 500, f"{role} {method} {path}: {response.status_code}"
            found += [f"{role} {method} {path}: {word}" for word in english_words_in(response.text, data)]
    login = Client().post("/login/", {"username": "edith", "password": "no es la contraseña"}, headers=SPANISH)
    found += [f"anonymous post /login/: {word}" for word in english_words_in(login.text, data)]

    assert not found, "\n".join(found)


def test_english_marked_as_english_is_left_out():
    html = '<ol><li><time>28 nov</time> <span lang="en">edith <b>approved</b> the verdict</span> Aprobado</li></ol>'

    assert english_words_in(html, []) == []
    assert visible_text(html).split() == ["28", "nov", "Aprobado"]


def test_an_english_word_on_a_page_is_found():
    html = '<main><h1>Afirmaciones</h1><button aria-label="Delete the claim">x</button><p>Guardado</p></main>'

    assert english_words_in(html, []) == [
        "'Delete' in “Afirmaciones Delete the claim x Guardado”",
        "'the' in “Afirmaciones Delete the claim x Guardado”",
        "'claim' in “Afirmaciones Delete the claim x Guardado”",
    ]
