"""Forms sent after the session expired or after the CSRF token changed in another tab."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from apps.reviews.models import Rating, TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned_task(veto_task, reviewer):
    veto_task.status = TaskStatus.ASSIGNED
    veto_task.assignee = reviewer
    veto_task.save()
    return veto_task


def _verdict(rationale="Three vetoes are on the UN record."):
    return {"rating": Rating.objects.get(scale__desk__isnull=True, label="True").pk, "rationale": rationale}


def test_after_the_session_expired_logging_in_again_leads_back_to_the_claim_page(client, assigned_task):
    claim_url = reverse("claims:detail", args=[assigned_task.claim.pk])

    response = client.post(reverse("reviews:verdict", args=[assigned_task.claim.pk]), _verdict())

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={quote(claim_url)}"
    login_page = client.get(response["Location"]).content.decode()
    assert "Your session expired, so what you sent was not saved." in login_page

    credentials = {"username": "rachel", "password": factories.PASSWORD, "next": claim_url}
    logged_in = client.post(response["Location"], credentials)

    assert logged_in["Location"] == claim_url
    assert client.get(claim_url).status_code == 200


@pytest.mark.parametrize(
    ("action", "page"),
    [
        ("reviews:verdict", "claims:detail"),
        ("reviews:approve", "claims:detail"),
        ("claims:split", "claims:detail"),
        ("claims:reject", "claims:in-article"),
    ],
)
def test_opening_a_claim_action_while_logged_in_leads_to_the_page_its_form_is_on(
    editor_client, assigned_task, action, page
):
    claim_id = assigned_task.claim.pk

    response = editor_client.get(reverse(action, args=[claim_id]))

    assert response.status_code == 302
    assert response["Location"] == reverse(page, args=[claim_id])


def test_opening_an_article_action_leads_to_the_article(editor_client, article):
    response = editor_client.get(reverse("reviews:assign", args=[article.pk]))

    assert response["Location"] == reverse("articles:detail", args=[article.pk])


def test_opening_a_desk_settings_action_leads_to_its_settings_page(client, desk):
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    client.force_login(admin)
    rule = factories.SourceRuleFactory(desk=desk)

    assert client.get(reverse("desks:member_remove", args=[desk.slug]))["Location"] == reverse(
        "desks:people", args=[desk.slug]
    )
    assert client.get(reverse("desks:source_rule_deactivate", args=[desk.slug, rule.pk]))["Location"] == reverse(
        "desks:source_rules", args=[desk.slug]
    )


def _stale_token_client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_a_form_with_an_outdated_token_gets_a_page_that_says_so_and_keeps_the_writing(reviewer, assigned_task):
    claim_url = reverse("claims:detail", args=[assigned_task.claim.pk])
    client = _stale_token_client(reviewer)

    response = client.post(
        reverse("reviews:verdict", args=[assigned_task.claim.pk]),
        {**_verdict("Three vetoes <b>are</b> on record."), "csrfmiddlewaretoken": "outdated" * 4},
        HTTP_REFERER=f"http://testserver{claim_url}",
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert "This form has expired" in page
    assert f'href="http://testserver{claim_url}"' in page
    assert "Three vetoes &lt;b&gt;are&lt;/b&gt; on record." in page
    assignment = type(assigned_task).objects.get(pk=assigned_task.pk)
    assert assignment.status == TaskStatus.ASSIGNED


def test_a_cross_site_form_gets_no_writing_echoed_and_a_link_to_the_dashboard(reviewer, assigned_task):
    client = _stale_token_client(reviewer)

    response = client.post(
        reverse("reviews:verdict", args=[assigned_task.claim.pk]),
        _verdict("Call this number to unlock your account."),
        HTTP_REFERER="https://attacker.example/form",
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert "This form has expired" in page
    assert "unlock your account" not in page
    assert f'<a class="button" href="{reverse("dashboard")}">' in page


def test_an_import_sent_after_the_session_expired_says_so_on_the_login_page(client, desk):
    import_url = reverse("articles:import")

    response = client.post(import_url, {"text": "# Ministers meet\n\nRussia and China have vetoed three resolutions."})

    assert response["Location"] == f"{reverse('login')}?next={quote(import_url)}"
    assert "Your session expired, so what you sent was not saved." in client.get(response["Location"]).content.decode()
