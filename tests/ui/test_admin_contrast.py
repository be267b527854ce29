"""The Django admin passes axe-core's WCAG 2.1 A and AA rules and its best practices, as the app's
own pages do, and its text reaches WCAG AAA contrast (7:1, 4.5:1 for large text), in its light and
dark themes: static/css/admin.css darkens the admin's colours that fell short (its header, links,
quiet text, errors, breadcrumbs, delete and "back" buttons) and underlines the breadcrumbs' links, and
keeps the rest of its look; templates/admin/ gives the sign-in page its heading and the fields of
tabular inlines their names.

The admin follows the system's light or dark preference until someone picks a theme with its
toggle, so each page is checked under both preferences, and a few again with the opposite theme
picked. Both sets of rules run on each page in the same visit, to keep the test fast."""

import pytest
from django.contrib.auth import get_user_model

from apps.core.models import AuditEvent
from apps.reviews.models import ReviewTask, Verdict
from tests import factories
from tests.ui.test_accessibility import (  # noqa: F401
    BY_RULE_TAGS,
    DESKTOP,
    ENHANCED_CONTRAST,
    Visit,
    _violations,
    newsroom,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The violations left in the admin's own autocomplete widget (Select2, as Django ships it, which the
# desk's members use), each on that widget's elements alone: its markup is the library's, built in
# the browser, and only patching its script would change it. rule id -> the elements it is accepted on.
ACCEPTED_IN_THE_AUTOCOMPLETE = {
    # The combobox is named by the choice it shows (aria-labelledby), so an empty row's has no name.
    "aria-input-field-name": ".select2-selection, .select2-selection__rendered",
    # Open, it lacks an attribute that ARIA 1.2 requires of a combobox (aria-controls).
    "aria-required-attr": ".select2-selection",
    # The search box in its open list has no label (nor a placeholder or a title).
    "label": ".select2-search__field",
    # The open list is appended to <body>, outside the page's landmarks.
    "region": "body > .select2-container",
}


def _sign_in(page, password: str = factories.PASSWORD) -> None:
    page.get_by_label("Username:").fill("root")
    page.get_by_label("Password:").fill(password)
    page.get_by_role("button", name="Log in").click()


def _refused_sign_in(page) -> None:
    _sign_in(page, password="not the password")
    page.locator(".errornote").wait_for()


def _select_a_row(page) -> None:
    page.locator("#result_list input.action-select").first.check()


def _run_an_action_on_nothing(page) -> None:
    page.locator("select[name=action]").select_option(index=1)
    page.get_by_role("button", name="Go").click()
    page.locator(".messagelist .warning").wait_for()


def _save(page) -> None:
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".messagelist .success").wait_for()


def _save_an_address_that_is_not_a_web_address(page) -> None:
    page.locator("#id_source_url").fill("ftp://news.example.org/syria-talks")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".errornote").wait_for()


def _confirm_the_refused_deletion(page) -> None:
    page.get_by_role("button", name="Yes, I\N{RIGHT SINGLE QUOTATION MARK}m sure").click()
    page.locator(".messagelist .error").wait_for()


def _open_the_member_autocomplete(page) -> None:
    page.locator(".select2-selection").first.click()
    page.locator(".select2-results__option--highlighted").wait_for()


@pytest.fixture
def admin_pages(newsroom, desk) -> list[Visit]:  # noqa: F811
    root = get_user_model().objects.create_superuser("root", "root@example.org", factories.PASSWORD)
    article = newsroom["article"]
    job = factories.ReferenceJobFactory(claim_id=newsroom["assigned"])
    task = ReviewTask.objects.get(claim_id=newsroom["assigned"])
    corrected = Verdict.objects.get(task__claim_id=newsroom["reopened"])
    articles = f"/admin/articles/article/?desk__id__exact={desk.pk}&o=2"  # a filter picked, a column sorted
    return [
        Visit("/admin/login/"),
        Visit("/admin/login/", then=_refused_sign_in, label="admin sign-in refused"),
        Visit("/admin/login/?next=/admin/", then=_sign_in, label="admin index"),
        Visit(articles, then=_select_a_row, label="article list, a row selected"),
        Visit(articles, then=_run_an_action_on_nothing, label="article list, warning"),
        Visit(f"/admin/articles/article/{article}/change/", then=_save, label="article saved"),
        Visit(
            f"/admin/articles/article/{article}/change/",
            then=_save_an_address_that_is_not_a_web_address,
            label="article refused",
        ),
        Visit(f"/admin/articles/article/{article}/delete/"),
        Visit(f"/admin/references/referencejob/{job.pk}/delete/", then=_confirm_the_refused_deletion),
        Visit(f"/admin/desks/desk/{desk.pk}/change/", then=_open_the_member_autocomplete),
        Visit(f"/admin/reviews/reviewtask/{task.pk}/change/"),  # date and time widgets
        Visit(f"/admin/core/auditevent/{AuditEvent.objects.first().pk}/change/"),
        Visit("/admin/core/auditevent/"),
        Visit(f"/admin/auth/user/{root.pk}/password/"),
        Visit(f"/admin/reviews/verdict/{corrected.pk}/change/"),  # an inline whose rows cannot be deleted
    ]


def _audit(browser, base_url: str, visits: list[Visit], system: str, picked: str | None = None) -> list[str]:
    """axe's WCAG A/AA rules, best practices and enhanced contrast over the admin's pages in the
    order given, signed in by the visits themselves, with the system preferring `system` ("light" or
    "dark") and the theme `picked` with the toggle, if any."""
    context = browser.new_context(viewport=DESKTOP, color_scheme=system)
    if picked:
        context.add_init_script(f"localStorage.setItem('theme', '{picked}')")
    page = context.new_page()
    found = []
    for visit in visits:
        page.goto(f"{base_url}{visit.path}")
        if visit.then:
            visit.then(page)
        theme = f"{picked} picked on a {system} system" if picked else f"{system} system"
        where = f"{visit.label or visit.path} ({theme})"
        found += _violations(page, where, BY_RULE_TAGS, accepted_on=ACCEPTED_IN_THE_AUTOCOMPLETE)
        found += _violations(page, where, ENHANCED_CONTRAST)
    context.close()
    return found


def test_admin_pages_pass_axe_and_meet_enhanced_contrast_in_light_and_dark(browser, live_server, admin_pages):
    found = _audit(browser, live_server.url, admin_pages, system="light")
    found += _audit(browser, live_server.url, admin_pages, system="dark")

    assert not found, "\n".join(found)


def test_a_theme_picked_against_the_system_preference_passes_axe_and_meets_enhanced_contrast(
    browser, live_server, admin_pages
):
    """The picked theme wins over the system's preference (the stylesheet's overrides must follow
    the admin's own selectors, or the dark theme's colours show in light and the other way round)."""
    signed_in_with_errors = [admin_pages[2], admin_pages[3], admin_pages[6]]

    found = _audit(browser, live_server.url, signed_in_with_errors, system="light", picked="dark")
    found += _audit(browser, live_server.url, signed_in_with_errors, system="dark", picked="light")

    assert not found, "\n".join(found)
