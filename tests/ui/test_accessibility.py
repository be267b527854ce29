"""Every main page, as each role sees it, passes axe-core's WCAG 2.1 A and AA rules and its best
practices in a real browser (Chromium through Playwright).

Each page is checked with every <details> disclosure opened, so the controls inside them (edit,
reject, split, add a claim, correct a verdict) are checked as well as what shows at first. Pages
with a state of their own (a refused form, a flash message, claims still being found) are brought
to it first. The pages editors and reviewers work in are checked again on a phone-sized screen,
where tables stack into cards.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from axes.models import AccessAttempt
from django.conf import settings
from django.template.loader import render_to_string

from apps.articles import tips
from apps.articles.models import Article, IntakeStatus
from apps.claims.models import ClaimStatus, MatchStatus
from apps.desks.models import WebhookEndpoint
from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask, Verdict
from tests import factories
from tests.browser import chromium, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# axe-core's rules for WCAG 2.0 and 2.1, levels A and AA, and its best practices (landmarks,
# heading levels, one main): a violation of any of them, whatever its impact, fails the test.
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BY_RULE_TAGS = {"type": "tag", "values": RULE_TAGS}
# WCAG 2.1 AAA's enhanced contrast (1.4.6: 7:1 for text, 4.5:1 for large text). axe tags it
# wcag2aaa, outside the tags above, so it runs on its own over the pages people work in all day.
ENHANCED_CONTRAST = {"type": "rule", "values": ["color-contrast-enhanced"]}
# Accepted exceptions, as (path fragment, axe rule id), each with the reason. None today.
ACCEPTED_EXCEPTIONS: set[tuple[str, str]] = set()

OPEN_EVERY_DISCLOSURE = "() => document.querySelectorAll('details').forEach(details => { details.open = true; })"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

axe = Axe()


@dataclass(frozen=True)
class Visit:
    """A page to check, and what to do on it first to bring it to the state checked."""

    path: str
    then: Callable | None = None
    # Names the state in a failure message where the path alone would not.
    label: str = ""


def _node(node: dict) -> str:
    """The node's selector, and for a contrast rule the ratio axe measured there, with the colours
    where it names them (link-in-text-block measures a link against its text and names none)."""
    target = " ".join(map(str, node["target"]))
    measured = next((check["data"] for check in node["any"] if isinstance(check.get("data"), dict)), {})
    if "contrastRatio" not in measured:
        return target
    colours = " on ".join(filter(None, [measured.get("fgColor"), measured.get("bgColor")]))
    return f"{target} ({colours + ': ' if colours else ''}{measured['contrastRatio']}:1)"


def _accepted_on(page, node: dict, selector: str | None) -> bool:
    """Whether the node's element matches `selector`, where a rule's violation is accepted."""
    if selector is None or len(node["target"]) != 1:  # not inside a frame or a shadow root
        return False
    return page.evaluate(
        "([target, selector]) => document.querySelector(target).matches(selector)", [node["target"][0], selector]
    )


def _violations(page, path: str, run_only: dict, accepted_on: dict[str, str] | None = None) -> list[str]:
    """axe's violations on the page, but those of a rule in `accepted_on` (rule id -> CSS selector)
    on the elements its selector matches."""
    page.evaluate(OPEN_EVERY_DISCLOSURE)
    results = axe.run(page, options={"runOnly": run_only, "resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        if any(fragment in path and rule == violation["id"] for fragment, rule in ACCEPTED_EXCEPTIONS):
            continue
        accepted = (accepted_on or {}).get(violation["id"])
        nodes = [node for node in violation["nodes"] if not _accepted_on(page, node, accepted)]
        if not nodes:
            continue
        where = "; ".join(_node(node) for node in nodes[:3])
        found.append(f"{path}: {violation['id']} ({violation['impact']}, {len(nodes)} nodes, e.g. {where})")
    return found


def _audit(
    browser, base_url: str, username: str | None, visits: list[Visit], viewport=DESKTOP, run_only=BY_RULE_TAGS
) -> list[str]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    if username:
        log_in(page, base_url, username)
    found = []
    for visit in visits:
        if "/export/" in visit.path:
            # Exports download: the report's HTML is opened as the reader's browser would show it.
            page.set_content(page.request.get(f"{base_url}{visit.path}").text())
        else:
            page.goto(f"{base_url}{visit.path}")
        if visit.then:
            visit.then(page)
        found += _violations(page, visit.label or visit.path, run_only)
    context.close()
    return found


def _shown_instead(template: str) -> Callable:
    """Shows an error page that no request here can bring about (a server error), as rendered."""
    return lambda page: page.set_content(render_to_string(template))


def _form_sent_with_an_expired_token(page) -> None:
    refused = page.request.post(page.url, form={"username": "edith", "password": "whatever it is"})
    assert refused.status == 403
    page.set_content(refused.text())


def _wrong_password(page) -> None:
    page.get_by_label("Username").fill("edith")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    page.locator(".form-errors, .field-error").first.wait_for()


def _sign_in_paused(page) -> None:
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        page.get_by_label("Username").fill("lucia")
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state()
    page.get_by_role("heading", name="Logging in is paused").wait_for()


def _wrong_old_password(page) -> None:
    page.get_by_label("Old password").fill("not the password")
    page.get_by_role("button", name="Change password").click()
    page.locator(".field-error").first.wait_for()


def _create_a_token(page) -> None:
    page.get_by_role("button", name="Create a token").click()
    page.locator("#api-token-key").wait_for()


def _wrong_two_step_code(page) -> None:
    page.get_by_label("Code from the app").fill("12345")
    page.get_by_role("button", name="Turn on").click()
    page.locator("[role=alert]").first.wait_for()


def _empty_import(page) -> None:
    page.get_by_role("button", name="Import").click()
    page.locator("[role=alert]").first.wait_for()


def _import_past_the_rate(page) -> None:
    page.get_by_label("Paste the article").fill("The conflict has killed at least 40,000 people, activists say.")
    page.get_by_role("button", name="Import").click()
    page.locator("[role=alert]").first.wait_for()


def _empty_tip(page) -> None:
    page.get_by_role("button", name="Send the tip").click()
    page.locator("[role=alert]").first.wait_for()


def _reject_the_new_claim(page) -> None:
    row = page.locator("tr", has_text="The talks in Geneva will resume next week.")
    row.get_by_text("Edit or reject").click()
    row.get_by_label("Reason").fill("A forecast, not something that can be checked today.")
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Reject").click()
    page.locator(".messages").first.wait_for()


def _add_a_passage_the_article_does_not_hold(page) -> None:
    page.get_by_text("Add a claim by typing or pasting its text").click()
    page.get_by_label("Text to add as a claim").fill("The talks collapsed after a single afternoon.")
    page.get_by_role("button", name="Add claim", exact=True).click()
    page.locator("#add-claim-passage-error").wait_for()


def _create_an_account(page) -> None:
    form = page.locator("form", has=page.get_by_role("button", name="Create and add"))
    form.get_by_label("Username").fill("nadia")
    form.get_by_label("Initial password").fill("a passphrase long enough to pass 2026")
    form.get_by_role("button", name="Create and add").click()
    page.wait_for_url("**/people/create/")


def _add_a_rating_without_a_label(page) -> None:
    page.get_by_role("button", name="Add the rating").click()
    page.locator(".field-error").first.wait_for()


def _verdict_for(article, editor, reviewer, text: str) -> ReviewTask:
    """A new claim of the article, assigned and with a verdict submitted by the reviewer."""
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=text))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk__isnull=True, label="Mostly true")
    services.verdict_submit(user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale=text)
    return ReviewTask.objects.get(pk=task.pk)


@pytest.fixture
def newsroom(desk, editor, reviewer, article, veto_task, toll_task):
    """A desk with a claim in each state pages show differently, evidence, and desk settings."""
    admin = factories.MemberFactory(desk=desk, role="admin", username="adele").user
    true = Rating.objects.get(scale__desk__isnull=True, label="True")
    services.review_tasks_assign(editor=editor, tasks=[veto_task, toll_task], assignee=reviewer)
    factories.ReferenceFactory(claim=veto_task.claim, title="UN Security Council veto list", snippet="Three vetoes.")
    services.verdict_submit(
        user=reviewer, task=ReviewTask.objects.get(pk=toll_task.pk), rating=true, rationale="The UN counts it so."
    )
    approved = _verdict_for(article, editor, reviewer, "Activists say the conflict has killed people.")
    services.verdict_approve(editor=editor, task=approved)
    # Published, then reopened for correction: the reviewer revises it, the editor may withdraw.
    reopened = _verdict_for(article, editor, reviewer, "The UN has held three votes on the draft resolutions.")
    services.verdict_approve(editor=editor, task=reopened)
    services.verdict_reopen(editor=editor, task=ReviewTask.objects.get(pk=reopened.pk), note="Four votes, not three.")
    returned = _verdict_for(article, editor, reviewer, "Syria's government has rejected the plan outright.")
    services.verdict_return(editor=editor, task=returned, note="Cite the statement itself, please.")
    new = factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=article, text="The talks in Geneva will resume next week.")
    )
    # Checked before, in another article: the claim page suggests the earlier verdict.
    repeated = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Syria talks, day two"),
        text="Activists say the conflict has killed many people.",
        matched_claim=approved.claim,
        match_score=0.91,
        match_status=MatchStatus.SUGGESTED,
    )
    factories.ClaimFactory(
        article=article, text="It is an opinion.", status=ClaimStatus.REJECTED, rejection_reason="An opinion."
    )
    factories.SourceRuleFactory(desk=desk)
    long_report = factories.ArticleFactory(desk=desk, title="A long report", intake_status=IntakeStatus.RUNNING)
    broken_upload = factories.ArticleFactory(
        desk=desk, title="A broken upload", intake_status=IntakeStatus.FAILED, intake_error="The worker gave up."
    )
    webhook = WebhookEndpoint.objects.create(desk=desk, url="https://hooks.example.org/in", events=["verdict.approved"])
    services.rating_scale_copy_default(user=admin, desk=desk)  # the desk's own scale has an editing table
    desk.takes_tips = True
    desk.save()
    tips.tip_submit(
        desk=desk, text="Syria has 40,000 dead.", link="https://example.org/post", client_address="192.0.2.1"
    )
    closed_tip = tips.tip_close(
        user=editor,
        tip=tips.tip_submit(desk=desk, text="The UN will vote again.", client_address="192.0.2.1"),
        public_reason="A prediction, not a fact.",
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
        "closed_tip_token": closed_tip.tracking_token,
        "article": article.pk,
        "assigned": veto_task.claim.pk,
        "submitted": toll_task.claim.pk,
        "approved": approved.claim.pk,
        "new": new.claim.pk,
        "reopened": reopened.claim_id,
        "returned": returned.claim_id,
        "repeated": repeated.pk,
        "webhook": webhook.pk,
        "long_report": long_report.pk,
        "broken_upload": broken_upload.pk,
    }


@pytest.fixture
def browser(monkeypatch, live_server) -> Iterator:
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser


def test_every_page_passes_axe_for_each_role(browser, live_server, newsroom, desk, settings, monkeypatch):
    # A tip a page, so the inbox shows its pager; no import allowed, so the form's rate refusal shows.
    monkeypatch.setattr("apps.web.views.tips.TIP_INBOX_PAGE_SIZE", 1)
    settings.API_RATES = {**settings.API_RATES, "imports": "0/minute"}
    ids = newsroom
    article = ids["article"]
    editor_pages = [
        Visit("/"),
        Visit("/articles/import/"),
        Visit("/articles/import/", then=_empty_import),
        Visit("/articles/import/", then=_import_past_the_rate, label="past the import rate"),
        Visit(f"/articles/{article}/"),
        Visit(f"/articles/{ids['long_report']}/"),  # claims still being found
        Visit(f"/articles/{ids['broken_upload']}/"),
        Visit(f"/articles/{article}/export/html/"),
        Visit(f"/claims/{ids['new']}/"),
        Visit(f"/claims/{ids['submitted']}/"),
        Visit(f"/claims/{ids['approved']}/"),
        Visit(f"/claims/{ids['reopened']}/"),
        Visit(f"/claims/{ids['repeated']}/"),
        Visit("/queue/"),
        Visit("/search/?q=vetoed"),
        Visit("/search/?q=nothing+like+this+was+ever+said"),
        Visit("/account/notifications/"),
        Visit("/account/password/"),
        Visit("/account/password/", then=_wrong_old_password, label="wrong old password"),
        Visit("/account/api-token/"),
        Visit("/account/api-token/", then=_create_a_token, label="token created"),
        # Turned on (recovery codes) and the sign-in code page: tests/ui/test_two_step_sign_in_browser.py.
        Visit("/account/two-step/"),
        Visit("/account/two-step/", then=_wrong_two_step_code, label="wrong two-step code"),
        Visit(f"/desks/{desk.slug}/report/"),
        Visit(f"/desks/{desk.slug}/report/?since=2026-13-01"),  # a bad period: the form refused
        Visit(f"/desks/{desk.slug}/people/"),  # not an admin: the 403 page
        Visit(f"/desks/{desk.slug}/tips/"),
        Visit(f"/desks/{desk.slug}/tips/?page=2"),
        Visit("/no-such-page/"),
        Visit(f"/articles/{article}/", then=_reject_the_new_claim),
        Visit(f"/articles/{article}/", then=_add_a_passage_the_article_does_not_hold, label="typed passage refused"),
    ]
    reviewer_pages = [
        Visit("/"),
        Visit("/queue/"),
        Visit(f"/claims/{ids['assigned']}/"),
        Visit(f"/claims/{ids['approved']}/"),
        Visit(f"/claims/{ids['reopened']}/"),
        Visit(f"/claims/{ids['returned']}/"),
        Visit(f"/articles/{article}/"),
    ]
    admin_pages = [
        Visit("/"),
        Visit("/desks/"),
        Visit(f"/desks/{desk.slug}/people/"),
        Visit(f"/desks/{desk.slug}/people/", then=_create_an_account, label="account created"),
        Visit(f"/desks/{desk.slug}/ratings/"),
        Visit(f"/desks/{desk.slug}/ratings/", then=_add_a_rating_without_a_label),
        Visit(f"/desks/{desk.slug}/source-rules/"),
        Visit(f"/desks/{desk.slug}/source-rules/new/"),
        Visit(f"/desks/{desk.slug}/webhooks/"),
        Visit(f"/desks/{desk.slug}/webhooks/new/"),
        Visit(f"/desks/{desk.slug}/webhooks/{ids['webhook']}/"),
        Visit(f"/desks/{desk.slug}/reader-tips/"),
        Visit(f"/desks/{desk.slug}/sign-in/"),
    ]

    anonymous_pages = [
        Visit(f"/tips/{desk.slug}/"),
        Visit(f"/tips/{desk.slug}/", then=_empty_tip, label="tip refused"),
        Visit(f"/tips/track/{ids['closed_tip_token']}/"),
        Visit("/login/"),
        Visit("/login/", then=_wrong_password),
        Visit("/login/", then=_sign_in_paused, label="sign-in paused"),
        Visit("/password-reset/"),
        Visit("/password-reset/sent/"),
        Visit("/reset/zzzz/abc-def/"),
        Visit("/reset/done/"),
        Visit("/login/", then=_form_sent_with_an_expired_token, label="form expired (403_csrf.html)"),
        Visit("/login/", then=_shown_instead("400.html"), label="400.html"),
        Visit("/login/", then=_shown_instead("500.html"), label="500.html"),
    ]
    found = _audit(browser, live_server.url, None, anonymous_pages)
    found += _audit(browser, live_server.url, "edith", editor_pages)
    found += _audit(browser, live_server.url, "rachel", reviewer_pages)
    found += _audit(browser, live_server.url, "adele", admin_pages)
    on_a_phone = [Visit(f"/articles/{article}/"), Visit(f"/claims/{ids['new']}/"), Visit("/queue/")]
    found += _audit(browser, live_server.url, "edith", on_a_phone, viewport=PHONE)
    found += _audit(browser, live_server.url, "rachel", [Visit(f"/claims/{ids['assigned']}/")], viewport=PHONE)

    assert not found, "\n".join(found)


def test_main_pages_meet_enhanced_contrast(browser, live_server, newsroom, desk):
    """Muted text (dates, help, table headings), links and buttons reach 7:1 on the pages editors
    and reviewers read all day, so they stay readable on a washed-out screen or in sunlight."""
    ids = newsroom
    article = ids["article"]
    editor_pages = [
        Visit("/"),
        Visit("/articles/import/", then=_empty_import),
        Visit(f"/articles/{article}/"),
        Visit(f"/articles/{ids['long_report']}/"),
        Visit(f"/claims/{ids['new']}/"),
        Visit(f"/claims/{ids['submitted']}/"),
        Visit(f"/claims/{ids['repeated']}/"),
        Visit("/queue/"),
        Visit("/search/?q=vetoed"),
        Visit(f"/desks/{desk.slug}/report/"),
        Visit(f"/articles/{article}/", then=_reject_the_new_claim),
    ]
    reviewer_pages = [
        Visit("/queue/"),
        Visit(f"/claims/{ids['assigned']}/"),
        Visit(f"/claims/{ids['returned']}/"),
        Visit(f"/claims/{ids['reopened']}/"),
    ]
    found = _audit(browser, live_server.url, None, [Visit("/login/", then=_wrong_password)], run_only=ENHANCED_CONTRAST)
    found += _audit(browser, live_server.url, "edith", editor_pages, run_only=ENHANCED_CONTRAST)
    found += _audit(browser, live_server.url, "rachel", reviewer_pages, run_only=ENHANCED_CONTRAST)
    found += _audit(
        browser, live_server.url, "adele", [Visit(f"/desks/{desk.slug}/ratings/")], run_only=ENHANCED_CONTRAST
    )

    assert not found, "\n".join(found)


def test_the_html_export_meets_enhanced_contrast(browser, live_server, newsroom):
    """The export is read outside the app, with its own stylesheet: its links (the original article,
    the cited evidence) and its muted text (claims still in review) reach 7:1 like the app's pages."""
    article = Article.objects.get(pk=newsroom["article"])
    article.source_url = "https://news.example.org/syria-talks"
    article.save(update_fields=["source_url"])
    cited = factories.ReferenceFactory(claim_id=newsroom["approved"], title="UN General Assembly record")
    Verdict.objects.get(task__claim_id=newsroom["approved"]).cited_references.add(cited)

    found = _audit(
        browser, live_server.url, "edith", [Visit(f"/articles/{article.pk}/export/html/")], run_only=ENHANCED_CONTRAST
    )

    assert not found, "\n".join(found)
