"""Every error page, and the sign-in page in each state it is shown in, passes axe-core's WCAG 2.1 A
and AA rules and best practices and reaches WCAG AAA contrast (7:1), signed out and signed in: they
are where someone lands when something went wrong, and must be as readable as the pages they came
from. The app sets no rate limit, so there is no 429 page to check.

400, 403 and 500 pages no request here can bring about are shown as rendered. A form's address
opened as a page (a GET of /logout/) had no page at all: Chromium showed its own error page in
place of Django's empty 405 (apps/web/middleware.py)."""

import pytest

from tests.ui.test_accessibility import (
    BY_RULE_TAGS,
    ENHANCED_CONTRAST,
    Visit,
    _audit,
    _form_sent_with_an_expired_token,
    _shown_instead,
    _wrong_password,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _reason_sent_with_an_expired_token(page) -> None:
    """The claim's reject form sent with a token from before the last sign-in: the expired-form page
    shows the reason typed, to copy."""
    claim_page = page.url
    refused = page.request.post(
        f"{claim_page}reject/", form={"reason": "A forecast, not a claim."}, headers={"Referer": claim_page}
    )
    assert refused.status == 403
    page.set_content(refused.text())
    page.get_by_label("Your reason").wait_for()


def _session_expired_before_sending(page) -> None:
    """The session ends while the article page is open; the form sent then lands on the sign-in page
    with a message saying so."""
    page.context.clear_cookies(name="sessionid")
    page.get_by_text("Edit or reject").click()  # the article's one claim
    page.get_by_label("Reason").fill("A forecast, not a claim.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reject").click()
    page.wait_for_url("**/login/**")
    page.get_by_text("Your session expired").wait_for()


def _signed_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login/")


@pytest.fixture
def visits(desk, article, veto_task) -> list[tuple[str | None, list[Visit]]]:
    """The pages to check, each list with who is signed in first (None: nobody)."""
    signed_out = [
        Visit("/login/"),
        Visit("/login/", then=_wrong_password, label="sign-in refused"),
        Visit("/login/", then=_form_sent_with_an_expired_token, label="sign-in form expired (403_csrf.html)"),
        Visit("/queue/", label="sign-in asked for the queue"),
        Visit("/no-such-page/", label="404 signed out"),
        Visit("/logout/", label="405 signed out"),
        Visit("/login/", then=_shown_instead("400.html"), label="400.html"),
        Visit("/login/", then=_shown_instead("403.html"), label="403.html"),
        Visit("/login/", then=_shown_instead("500.html"), label="500.html"),
    ]
    signed_in = [
        Visit("/no-such-page/", label="404 signed in"),
        Visit(f"/desks/{desk.slug}/people/", label="403 for a desk's admins only (error.html)"),
        Visit("/logout/", label="405 signed in"),
        Visit(f"/claims/{veto_task.claim_id}/", then=_reason_sent_with_an_expired_token, label="form expired, typed"),
    ]
    # Each of these ends the session, so each comes last in a sign-in of its own.
    session_expired = Visit(f"/articles/{article.pk}/", then=_session_expired_before_sending, label="session expired")
    logged_out = Visit("/", then=_signed_out, label="signed out")
    return [(None, signed_out), ("edith", [*signed_in, session_expired]), ("edith", [logged_out])]


def test_error_and_sign_in_pages_pass_axe_and_meet_enhanced_contrast(browser, live_server, visits):
    found = []
    for username, pages in visits:
        for rules in (BY_RULE_TAGS, ENHANCED_CONTRAST):
            found += _audit(browser, live_server.url, username, pages, run_only=rules)

    assert not found, "\n".join(found)
