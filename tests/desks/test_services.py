import pytest
from django.contrib.auth import get_user_model

from apps.core.exceptions import ApplicationError, NotFoundError, PermissionDeniedError
from apps.desks import services
from apps.desks.models import Membership, Role
from apps.reviews.models import TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db
User = get_user_model()


def _membership(desk, user):
    return Membership.objects.get(desk=desk, user=user)


def test_an_admin_adds_an_existing_account_with_a_role(desk, desk_admin, outsider):
    membership = services.membership_add(actor=desk_admin, desk=desk, username="oscar", role=Role.REVIEWER)

    assert membership.user == outsider
    assert membership.role == Role.REVIEWER


def test_adding_someone_twice_with_the_same_role_changes_nothing(desk, desk_admin, reviewer):
    again = services.membership_add(actor=desk_admin, desk=desk, username="rachel", role=Role.REVIEWER)

    assert again == _membership(desk, reviewer)
    assert Membership.objects.filter(desk=desk, user=reviewer).count() == 1


def test_get_or_add_says_whether_the_member_was_added(desk, desk_admin, reviewer, outsider):
    assert services.membership_get_or_add(actor=desk_admin, desk=desk, username="oscar", role=Role.REVIEWER) == (
        _membership(desk, outsider),
        True,
    )
    assert services.membership_get_or_add(actor=desk_admin, desk=desk, username="rachel", role=Role.REVIEWER) == (
        _membership(desk, reviewer),
        False,
    )


def test_adding_a_member_with_another_role_is_refused_rather_than_changing_it(desk, desk_admin, reviewer):
    with pytest.raises(ApplicationError, match="already a member"):
        services.membership_add(actor=desk_admin, desk=desk, username="rachel", role=Role.ADMIN)

    assert _membership(desk, reviewer).role == Role.REVIEWER


def test_adding_an_unknown_username_says_to_create_the_account(desk, desk_admin):
    with pytest.raises(ApplicationError, match="No account is named 'nobody'"):
        services.membership_add(actor=desk_admin, desk=desk, username="nobody", role=Role.REVIEWER)


def test_editors_cannot_manage_people_and_outsiders_do_not_see_the_desk(desk, editor, outsider):
    factories.UserFactory(username="newbie")
    with pytest.raises(PermissionDeniedError, match="Only the desk's admins"):
        services.membership_add(actor=editor, desk=desk, username="newbie", role=Role.REVIEWER)
    with pytest.raises(NotFoundError):
        services.membership_add(actor=outsider, desk=desk, username="newbie", role=Role.REVIEWER)


def test_an_admin_creates_an_account_with_a_chosen_password(desk, desk_admin):
    membership, generated = services.membership_account_create(
        actor=desk_admin,
        desk=desk,
        username="newbie",
        first_name="New",
        last_name="Person",
        email="New@Example.ORG",
        password="a long enough pass phrase",
        role=Role.EDITOR,
    )

    assert generated is None
    assert membership.role == Role.EDITOR
    user = User.objects.get(username="newbie")
    assert user.check_password("a long enough pass phrase")
    assert (user.get_full_name(), user.email) == ("New Person", "New@example.org")


def test_without_a_password_one_is_generated_and_returned_once(desk, desk_admin):
    membership, generated = services.membership_account_create(
        actor=desk_admin, desk=desk, username="newbie", role=Role.REVIEWER
    )

    assert len(generated or "") >= 12
    assert membership.user.check_password(generated)
    assert generated not in membership.user.password


@pytest.mark.parametrize(
    ("password", "message"),
    [("short", "too short"), ("password123", "too common"), ("newbie12", "too similar")],
)
def test_a_password_the_validators_reject_creates_nothing(desk, desk_admin, password, message):
    with pytest.raises(ApplicationError, match=message):
        services.membership_account_create(
            actor=desk_admin, desk=desk, username="newbie", password=password, role=Role.REVIEWER
        )

    assert not User.objects.filter(username="newbie").exists()


def test_a_taken_username_is_refused(desk, desk_admin, outsider):
    with pytest.raises(ApplicationError, match="already exists"):
        services.membership_account_create(actor=desk_admin, desk=desk, username="oscar", role=Role.REVIEWER)


def test_an_admin_changes_a_role_and_doing_it_again_changes_nothing(desk, desk_admin, reviewer):
    membership = _membership(desk, reviewer)

    changed = services.membership_role_change(actor=desk_admin, membership=membership, role=Role.EDITOR)
    again = services.membership_role_change(actor=desk_admin, membership=membership, role=Role.EDITOR)

    assert changed.role == again.role == Role.EDITOR
    assert again.updated_at == changed.updated_at


def test_the_last_admin_cannot_be_demoted(desk, desk_admin):
    with pytest.raises(ApplicationError, match="only admin"):
        services.membership_role_change(actor=desk_admin, membership=_membership(desk, desk_admin), role=Role.EDITOR)

    assert _membership(desk, desk_admin).role == Role.ADMIN


def test_an_admin_can_step_down_when_another_admin_remains(desk, desk_admin):
    factories.MemberFactory(desk=desk, role=Role.ADMIN, username="abe")

    services.membership_role_change(actor=desk_admin, membership=_membership(desk, desk_admin), role=Role.EDITOR)

    assert _membership(desk, desk_admin).role == Role.EDITOR


def test_unknown_roles_are_refused(desk, desk_admin, reviewer):
    with pytest.raises(ApplicationError, match="Unknown role"):
        services.membership_role_change(actor=desk_admin, membership=_membership(desk, reviewer), role="owner")


def test_a_demoted_admin_can_no_longer_manage_people(desk, desk_admin, reviewer):
    other = factories.MemberFactory(desk=desk, role=Role.ADMIN, username="abe").user
    services.membership_role_change(actor=other, membership=_membership(desk, desk_admin), role=Role.EDITOR)

    with pytest.raises(PermissionDeniedError):
        services.membership_role_change(actor=desk_admin, membership=_membership(desk, reviewer), role=Role.EDITOR)


def test_an_admin_removes_a_member_and_removing_again_is_quiet(desk, desk_admin, reviewer):
    membership = _membership(desk, reviewer)

    services.membership_remove(actor=desk_admin, membership=membership)
    services.membership_remove(actor=desk_admin, membership=membership)

    assert not Membership.objects.filter(desk=desk, user=reviewer).exists()
    assert User.objects.filter(pk=reviewer.pk).exists()


def test_the_last_admin_cannot_be_removed(desk, desk_admin):
    with pytest.raises(ApplicationError, match="only admin"):
        services.membership_remove(actor=desk_admin, membership=_membership(desk, desk_admin))

    assert Membership.objects.filter(desk=desk, role=Role.ADMIN).count() == 1


def test_a_reviewer_with_open_tasks_is_not_removed(desk, desk_admin, reviewer):
    article = factories.ArticleFactory(desk=desk)
    factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=article), assignee=reviewer, status=TaskStatus.IN_REVIEW
    )

    with pytest.raises(ApplicationError, match="1 open review task on this desk; reassign"):
        services.membership_remove(actor=desk_admin, membership=_membership(desk, reviewer))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_admins_demoting_each_other_at_once_leave_one_admin(desk):
    """The desk row lock serialises the two changes: the second sees one admin left and refuses."""
    import threading

    from django.db import connection

    first = factories.MemberFactory(desk=desk, role=Role.ADMIN, username="ada")
    second = factories.MemberFactory(desk=desk, role=Role.ADMIN, username="abe")
    barrier = threading.Barrier(2)
    outcomes = []

    def demote(actor, membership):
        try:
            barrier.wait()
            services.membership_role_change(actor=actor, membership=membership, role=Role.EDITOR)
            outcomes.append("demoted")
        except ApplicationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=demote, args=(first.user, second)),
        threading.Thread(target=demote, args=(second.user, first)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["demoted", "refused"]
    assert Membership.objects.filter(desk=desk, role=Role.ADMIN).count() == 1
