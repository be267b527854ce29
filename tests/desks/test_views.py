import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from apps.desks.context_processors import desk_admin as desk_admin_context
from apps.desks.models import Membership, Role
from apps.references.models import SourceRule, SourceRuleTopic
from apps.reviews.models import RatingScale, Verdict
from apps.reviews.selectors import rating_scale_for_desk
from apps.reviews.services import rating_scale_copy_default
from tests import factories

pytestmark = pytest.mark.django_db

PEOPLE = "/desks/world/people/"
RATINGS = "/desks/world/ratings/"
RULES = "/desks/world/source-rules/"


def _member(username):
    return Membership.objects.get(user__username=username)


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def test_desk_admins_see_the_settings_link_and_others_do_not(client, admin_client, editor):
    assert 'href="/desks/">Desk settings</a>' in admin_client.get("/").content.decode()

    client.force_login(editor)
    assert "Desk settings" not in client.get("/").content.decode()


def test_the_settings_link_costs_one_query_and_none_for_anonymous_pages(rf, desk_admin, django_assert_num_queries):
    request = rf.get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert not desk_admin_context(request)["admin_desks"]

    request.user = desk_admin
    with django_assert_num_queries(0):
        context = desk_admin_context(request)
    with django_assert_num_queries(1):
        assert [desk.slug for desk in context["admin_desks"]] == ["world"]
        assert context["admin_desks"]


def test_the_settings_link_leads_to_the_only_desk_an_admin_runs(admin_client):
    response = admin_client.get("/desks/")

    assert response.status_code == 302
    assert response["Location"] == PEOPLE


def test_an_admin_of_several_desks_chooses_one(admin_client, desk_admin, other_desk):
    factories.MemberFactory(desk=other_desk, user=desk_admin, role=Role.ADMIN)

    response = admin_client.get("/desks/")

    assert response.status_code == 200
    assert "/desks/sports/people/" in response.content.decode()


@pytest.mark.parametrize("page", [PEOPLE, RATINGS, RULES, f"{RULES}new/"])
def test_editors_get_403_with_the_reason_and_outsiders_404(client, desk_admin, editor, outsider, page):
    client.force_login(editor)
    response = client.get(page)
    assert response.status_code == 403
    assert "Only the desk&#x27;s admins can change" in response.content.decode()

    client.force_login(outsider)
    assert client.get(page).status_code == 404


def test_desk_settings_are_refused_to_people_who_administer_no_desk(client, editor):
    client.force_login(editor)

    response = client.get("/desks/")

    assert response.status_code == 403
    assert "Only the desk&#x27;s admins" in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, desk_admin):
    response = client.get(PEOPLE)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_editors_cannot_post_actions_either(client, desk_admin, editor, reviewer):
    client.force_login(editor)

    response = client.post(f"{PEOPLE}role/", {"member": _member("rachel").pk, "role": "admin"})

    assert response.status_code == 403
    assert _member("rachel").role == Role.REVIEWER


def test_the_people_page_lists_members_and_roles(admin_client, editor, reviewer):
    page = admin_client.get(PEOPLE).content.decode()

    for username in ("ada", "edith", "rachel"):
        assert username in page
    assert 'value="editor" selected' in page


def test_an_admin_adds_an_existing_account(admin_client, outsider):
    response = admin_client.post(f"{PEOPLE}add/", {"username": "oscar", "role": "editor"}, follow=True)

    assert Membership.objects.get(desk__slug="world", user=outsider).role == Role.EDITOR
    assert _messages(response) == ["oscar is on the desk as Editor."]


def test_adding_an_unknown_account_flashes_the_reason(admin_client):
    response = admin_client.post(f"{PEOPLE}add/", {"username": "ghost", "role": "editor"}, follow=True)

    assert _messages(response) == ["No account is named 'ghost'; create it instead."]


def test_a_new_account_gets_a_generated_password_shown_once(admin_client):
    response = admin_client.post(
        f"{PEOPLE}create/", {"username": "newbie", "email": "n@example.org", "role": "reviewer"}
    )

    assert response.status_code == 201
    assert "no-store" in response["Cache-Control"]
    password = response.context["generated_password"]
    assert password in response.content.decode()
    user = get_user_model().objects.get(username="newbie")
    assert user.check_password(password)
    assert password not in admin_client.get(PEOPLE).content.decode()


def test_a_weak_password_redisplays_the_form_with_the_reason(admin_client):
    response = admin_client.post(
        f"{PEOPLE}create/", {"username": "newbie", "first_name": "Nina", "role": "reviewer", "password": "short"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "too short" in page
    assert 'value="Nina"' in page
    assert not get_user_model().objects.filter(username="newbie").exists()


def test_an_admin_changes_a_role(admin_client, reviewer):
    response = admin_client.post(f"{PEOPLE}role/", {"member": _member("rachel").pk, "role": "editor"}, follow=True)

    assert _messages(response) == ["rachel's role is now Editor."]
    assert _member("rachel").role == Role.EDITOR


def test_the_last_admin_cannot_step_down(admin_client):
    response = admin_client.post(f"{PEOPLE}role/", {"member": _member("ada").pk, "role": "editor"}, follow=True)

    assert _messages(response) == ["ada is the desk's only admin; make someone else an admin first."]
    assert _member("ada").role == Role.ADMIN


def test_an_admin_who_steps_down_lands_on_the_dashboard(admin_client):
    factories.MemberFactory(desk=_member("ada").desk, role=Role.ADMIN, username="abe")

    response = admin_client.post(f"{PEOPLE}role/", {"member": _member("ada").pk, "role": "editor"})

    assert response["Location"] == "/"


def test_an_admin_removes_a_member(admin_client, reviewer):
    response = admin_client.post(f"{PEOPLE}remove/", {"member": _member("rachel").pk}, follow=True)

    assert _messages(response) == ["rachel is no longer a member of World desk."]
    assert not Membership.objects.filter(user=reviewer).exists()


def test_a_member_of_another_desk_cannot_be_picked(admin_client, outsider):
    response = admin_client.post(f"{PEOPLE}remove/", {"member": _member("oscar").pk}, follow=True)

    assert _messages(response) == ["That person is not a member of this desk."]
    assert Membership.objects.filter(user=outsider).exists()


def test_the_ratings_page_offers_to_copy_the_standard_scale(admin_client, desk):
    page = admin_client.get(RATINGS).content.decode()
    assert "Copy the standard scale" in page

    admin_client.post(f"{RATINGS}copy/")

    assert RatingScale.objects.filter(desk=desk).exists()
    assert 'name="label"' in admin_client.get(RATINGS).content.decode()


def test_an_admin_adds_renames_moves_and_removes_ratings(admin_client, desk, desk_admin):
    scale = rating_scale_copy_default(user=desk_admin, desk=desk)

    admin_client.post(f"{RATINGS}add/", {"label": "Satire", "description": "", "claimreview_value": ""})
    satire = scale.ratings.get(label="Satire")
    assert satire.claimreview_value is None

    admin_client.post(
        f"{RATINGS}edit/", {"rating": satire.pk, "label": "Parody", "description": "Joke.", "claimreview_value": "3"}
    )
    satire.refresh_from_db()
    assert (satire.label, satire.claimreview_value) == ("Parody", 3)

    admin_client.post(f"{RATINGS}move/", {"rating": satire.pk, "direction": "up"})
    assert list(scale.ratings.order_by("position").values_list("label", flat=True))[-2] == "Parody"

    admin_client.post(f"{RATINGS}delete/", {"rating": satire.pk})
    assert not scale.ratings.filter(label="Parody").exists()


def test_removing_a_rating_in_use_flashes_why_not(admin_client, desk, desk_admin, reviewer):
    scale = rating_scale_copy_default(user=desk_admin, desk=desk)
    rating = scale.ratings.get(label="False")
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    Verdict.objects.create(task=task, rating=rating, rationale="x", reviewer=reviewer, submitted_at=timezone.now())

    response = admin_client.post(f"{RATINGS}delete/", {"rating": rating.pk}, follow=True)

    assert _messages(response) == ["1 verdict uses “False”, so it cannot be removed; rename it instead."]


def test_the_standard_scale_is_not_edited_from_the_desk_page(admin_client, desk):
    standard = rating_scale_for_desk(desk=desk).ratings.first()

    response = admin_client.post(f"{RATINGS}delete/", {"rating": standard.pk}, follow=True)

    assert _messages(response) == ["The standard scale is shared by every desk; copy it to your desk to change it."]


def test_the_standard_scales_ratings_cannot_be_posted_as_the_desks(admin_client, desk, desk_admin):
    standard = rating_scale_for_desk(desk=desk).ratings.first()
    rating_scale_copy_default(user=desk_admin, desk=desk)

    response = admin_client.post(f"{RATINGS}delete/", {"rating": standard.pk}, follow=True)

    assert _messages(response) == ["That rating is not on this desk's scale."]


def test_source_rules_lists_shared_rules_read_only_and_the_desks_own(admin_client, desk):
    shared = SourceRule.objects.filter(desk__isnull=True).first()
    own = SourceRule.objects.create(
        desk=desk, name="Own rule", label="Own", url_template="https://example.org/?q={query}", reason="Why."
    )
    other = SourceRule.objects.create(
        desk=factories.DeskFactory(slug="else"), name="Else", label="E", url_template="https://e.org/", reason="r"
    )

    page = admin_client.get(RULES).content.decode()

    assert shared.name in page
    assert f"/desks/world/source-rules/{own.pk}/" in page
    assert f"/desks/world/source-rules/{shared.pk}/" not in page
    assert other.name not in page
    assert admin_client.get(f"{RULES}{shared.pk}/").status_code == 403
    assert admin_client.get(f"{RULES}{other.pk}/").status_code == 404


def test_an_admin_creates_and_edits_a_desk_rule(admin_client, desk):
    data = {
        "name": "World: Reuters",
        "label": "Reuters search",
        "topic": "casualties",
        "url_template": "https://www.reuters.com/site-search/?query={query}",
        "reason": "Wire copy.",
        "kinds": ["statistic"],
        "keywords": "killed, veto\ncasualties",
        "priority": "40",
    }
    response = admin_client.post(f"{RULES}new/", data)
    assert response.status_code == 302
    rule = SourceRule.objects.get(name="World: Reuters")
    assert (rule.desk, rule.kinds, rule.keywords) == (desk, ["statistic"], ["killed", "veto", "casualties"])
    assert rule.topic == SourceRuleTopic.CASUALTIES

    edit = admin_client.get(f"{RULES}{rule.pk}/").content.decode()
    assert "killed\nveto\ncasualties" in edit
    assert '<option value="casualties" selected>' in edit

    admin_client.post(f"{RULES}{rule.pk}/", {**data, "requires_attribution": "on", "label": "Reuters"})
    rule.refresh_from_db()
    assert (rule.label, rule.requires_attribution) == ("Reuters", True)


def test_an_admin_sets_and_clears_the_words_that_rule_a_claim_out(admin_client, desk):
    data = {
        "name": "World: polls",
        "label": "Polling archive",
        "topic": "elections",
        "url_template": "https://example.org/polls?q={query}",
        "reason": "Results.",
        "keywords": "vote",
        "excluded_keywords": "Security Council, resolution\nSECURITY COUNCIL",
        "priority": "40",
    }
    assert admin_client.post(f"{RULES}new/", data).status_code == 302
    rule = SourceRule.objects.get(name="World: polls")
    assert rule.excluded_keywords == ["Security Council", "resolution"]

    edit = admin_client.get(f"{RULES}{rule.pk}/").content.decode()
    assert "Not when the claim mentions" in edit
    assert "Security Council\nresolution</textarea>" in edit
    assert "not when mentioning Security Council, resolution" in admin_client.get(RULES).content.decode()

    admin_client.post(f"{RULES}{rule.pk}/", {**data, "excluded_keywords": ""})
    rule.refresh_from_db()
    assert rule.excluded_keywords == []


def test_an_admin_files_a_rule_under_a_topic_with_year_and_actor_placeholders(admin_client, desk):
    response = admin_client.post(
        f"{RULES}new/",
        {
            "name": "World: election archive",
            "label": "Archive for {year}",
            "topic": "elections",
            "url_template": "https://example.org/{year}/search?who={actor}&q={query}",
            "reason": "Results by year.",
            "priority": "10",
        },
    )

    assert response.status_code == 302
    rule = SourceRule.objects.get(name="World: election archive")
    assert (rule.topic, rule.url_template) == ("elections", "https://example.org/{year}/search?who={actor}&q={query}")
    page = admin_client.get(RULES).content.decode()
    # Grouped by topic in the catalogue's order: the desk's rule sits with the shipped election rules.
    headings = ["UN votes and vetoes", "Casualty figures", "Elections", "Economic statistics", "Quotes"]
    positions = [page.index(f'<th scope="colgroup" colspan="5">{heading}</th>') for heading in headings]
    assert positions == sorted(positions)
    elections = page[positions[2] : positions[3]]
    assert "World: election archive" in elections
    assert "ifes-electionguide" in elections


def test_a_bad_url_template_redisplays_the_form_with_the_reason(admin_client):
    response = admin_client.post(
        f"{RULES}new/",
        {
            "name": "Bad",
            "label": "Bad",
            "topic": "other",
            "url_template": "https://x.org/?q={claim}",
            "reason": "r",
            "priority": "1",
        },
    )

    assert response.status_code == 400
    assert "may only use the placeholders {query}, {outlet}, {year}, {actor} and {speaker}" in response.content.decode()
    assert not SourceRule.objects.filter(name="Bad").exists()


def test_an_admin_deactivates_and_reactivates_a_desk_rule(admin_client, desk):
    rule = SourceRule.objects.create(
        desk=desk, name="Own rule", label="Own", url_template="https://example.org/?q={query}", reason="Why."
    )

    admin_client.post(f"{RULES}{rule.pk}/deactivate/")
    rule.refresh_from_db()
    assert not rule.is_active
    assert "Reactivate" in admin_client.get(RULES).content.decode()

    admin_client.post(f"{RULES}{rule.pk}/reactivate/")
    rule.refresh_from_db()
    assert rule.is_active


def test_deactivating_a_shared_rule_is_refused(admin_client):
    shared = SourceRule.objects.filter(desk__isnull=True).first()

    response = admin_client.post(f"{RULES}{shared.pk}/deactivate/", follow=True)

    assert "Shared rules apply to every desk" in _messages(response)[0]
    shared.refresh_from_db()
    assert shared.is_active


def test_the_new_account_form_never_fills_in_the_desk_admins_own_details(admin_client):
    page = admin_client.get(PEOPLE).content.decode()

    for field in ("username", "first_name", "last_name", "email"):
        (tag,) = re.findall(rf'<input[^>]*id="create-{field}"[^>]*>', page)
        assert 'autocomplete="off"' in tag, field
