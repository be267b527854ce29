import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_noop

from apps.core.accounts import sign_in_lockouts
from apps.core.exceptions import ApplicationError, NotFoundError, PermissionDeniedError
from apps.core.two_step import two_step_on_user_ids

from .models import Desk, Membership, Role, WebhookDelivery, WebhookEndpoint

EDITING_ROLES = (Role.ADMIN, Role.EDITOR)
# In English as constants (the API's permissions and the tests read them); shown translated.
EDITOR_ONLY_MESSAGE = gettext_noop("Only the desk's editors can do this.")


def _can_name_something(text: str) -> bool:
    """False for a slug or username from a URL that holds a NUL character: PostgreSQL text cannot
    hold one, so no desk or account has it, and a query comparing with it fails (a 500)."""
    return "\x00" not in text


def desk_list_for_user(*, user: AbstractBaseUser) -> QuerySet[Desk]:
    if not user.is_authenticated:
        return Desk.objects.none()
    return Desk.objects.filter(memberships__user=user).distinct()


def desk_ids_for_user(*, user: AbstractBaseUser) -> QuerySet:
    return Membership.objects.filter(user_id=user.pk).values("desk_id")


def editable_desk_ids_for_user(*, user: AbstractBaseUser) -> QuerySet:
    return Membership.objects.filter(user_id=user.pk, role__in=EDITING_ROLES).values("desk_id")


def membership_get(*, user: AbstractBaseUser, desk: Desk) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, desk=desk).first()


def membership_require(*, user: AbstractBaseUser, desk: Desk, editor: bool = False) -> Membership:
    """The user's membership of `desk`; 404 when outside the desk, 403 when the role is too low."""
    membership = membership_get(user=user, desk=desk)
    if membership is None:
        raise NotFoundError()
    if editor and not membership.can_edit:
        raise PermissionDeniedError(gettext(EDITOR_ONLY_MESSAGE))
    return membership


def desk_default_for_user(*, user: AbstractBaseUser, editor: bool = False) -> Desk | None:
    """The desk a user acts in when a request names none: their first (editable) desk."""
    memberships = Membership.objects.filter(user_id=user.pk).select_related("desk")
    if editor:
        memberships = memberships.filter(role__in=EDITING_ROLES)
    first = memberships.order_by("created_at").first()
    return first.desk if first else None


def desk_for_member(*, user: AbstractBaseUser, desk_ref: str | None) -> Desk:
    """The desk a request means: the one named by slug or id among the user's desks, else the
    user's only desk. A member of several desks must name one, since which scale or queue they
    want cannot be guessed. A desk the user is not in is refused like an unknown one (400)."""
    desks = desk_list_for_user(user=user)
    if desk_ref:
        desk = _desk_by_ref(desks, desk_ref)
        if desk is None:
            raise ApplicationError(
                gettext("You are not a member of a desk %(desk)s.") % {"desk": repr(desk_ref)}, extra={"field": "desk"}
            )
        return desk
    slugs = list(desks.order_by("slug").values_list("slug", flat=True))
    if not slugs:
        raise NotFoundError(gettext("You are not a member of any desk."))
    if len(slugs) > 1:
        raise ApplicationError(
            gettext("You are a member of several desks; name one with ?desk= (%(desks)s).")
            % {"desks": ", ".join(slugs)},
            extra={"field": "desk", "desks": slugs},
        )
    return desks.get()


def _desk_by_ref(desks: QuerySet[Desk], desk_ref: str) -> Desk | None:
    """The desk among `desks` with that slug, or that id."""
    if not _can_name_something(desk_ref):
        return None
    if desk := desks.filter(slug=desk_ref).first():
        return desk
    try:
        return desks.filter(pk=desk_ref).first()
    except (ValueError, DjangoValidationError):
        return None


def colleague_get_by_username(*, user: AbstractBaseUser, username: str):
    """The member of one of the user's desks with that username; None for anyone else."""
    if not _can_name_something(username):
        return None
    return (
        get_user_model()
        .objects.filter(username=username, desk_memberships__desk_id__in=desk_ids_for_user(user=user))
        .first()
    )


def desk_members(*, desk: Desk, role: str | None = None) -> QuerySet[Membership]:
    members = Membership.objects.filter(desk=desk).select_related("user")
    if role:
        members = members.filter(role=role)
    return members


def desk_for_import(*, user: AbstractBaseUser, desk_ref: str | None) -> Desk:
    """The desk an editor imports into: the one named (slug or id) or their first editable desk.

    A desk the user is not in is looked for among theirs only, so it is "not found" exactly like
    one that does not exist: the answer does not tell which slugs other newsrooms use.
    """
    if desk_ref:
        desk = _desk_by_ref(desk_list_for_user(user=user), desk_ref)
        if desk is None:
            raise NotFoundError(gettext("Desk not found."))
        membership_require(user=user, desk=desk, editor=True)
        return desk
    desk = desk_default_for_user(user=user, editor=True)
    if desk is None:
        raise PermissionDeniedError(gettext("Only a desk's editors can import articles."))
    return desk


def two_step_required_for(*, user: AbstractBaseUser) -> bool:
    """Whether the person belongs to a desk that requires two-step sign-in (settings.TWO_STEP_REQUIRED_CHECK)."""
    return Membership.objects.filter(user=user, desk__requires_two_step=True).exists()


@dataclass(frozen=True)
class MemberSignIn:
    """How a desk member signs in, as their desk admins see it."""

    membership: Membership
    two_step_on: bool
    locked_until: dt.datetime | None  # when their sign-in lockout ends; None when not locked out


def desk_members_sign_in(*, desk: Desk) -> list[MemberSignIn]:
    """The desk's people with whether they have two-step sign-in on and whether they are locked out
    (three queries). The caller has checked the user administers the desk."""
    members = list(desk_members(desk=desk).order_by("user__username"))
    two_step_on = two_step_on_user_ids(user_ids=[member.user_id for member in members])
    lockouts = sign_in_lockouts(usernames=[member.user.get_username() for member in members])
    return [
        MemberSignIn(
            membership=member,
            two_step_on=member.user_id in two_step_on,
            locked_until=lockouts.get(member.user.get_username()),
        )
        for member in members
    ]


def membership_list_for_user(*, user: AbstractBaseUser) -> QuerySet[Membership]:
    return Membership.objects.filter(user_id=user.pk).select_related("desk").order_by("desk__name")


# --- Desk administration ------------------------------------------------------------------------

ADMIN_ONLY_MESSAGE = gettext_noop("Only the desk's admins can change its people, rating scale and source rules.")


def desk_get_for_member(*, user: AbstractBaseUser, slug: str) -> Desk:
    """One of the user's desks by slug; a desk the user is not in does not exist for them (404)."""
    desk = desk_list_for_user(user=user).filter(slug=slug).first() if _can_name_something(slug) else None
    if desk is None:
        raise NotFoundError(gettext("Desk not found."))
    return desk


def desk_admin_require(*, user: AbstractBaseUser, desk: Desk) -> Membership:
    """The user's admin membership of `desk`; 404 when outside the desk, 403 for editors and reviewers."""
    membership = membership_require(user=user, desk=desk)
    if membership.role != Role.ADMIN:
        raise PermissionDeniedError(gettext(ADMIN_ONLY_MESSAGE))
    return membership


def admin_desk_list_for_user(*, user: AbstractBaseUser) -> QuerySet[Desk]:
    if not user.is_authenticated:
        return Desk.objects.none()
    return Desk.objects.filter(memberships__user=user, memberships__role=Role.ADMIN).distinct()


def desk_member_get(*, desk: Desk, username: str) -> Membership:
    membership = (
        desk_members(desk=desk).filter(user__username=username).first() if _can_name_something(username) else None
    )
    if membership is None:
        raise NotFoundError(gettext("%(username)s is not a member of this desk.") % {"username": repr(username)})
    return membership


def user_get_by_username(*, username: str):
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise ApplicationError(f"No user named {username!r}.")
    return user


def desk_get_by_slug(*, slug: str) -> Desk:
    desk = Desk.objects.filter(slug=slug).first()
    if desk is None:
        raise NotFoundError(f"No desk with slug {slug!r}.")
    return desk


def desk_only() -> Desk:
    """The one desk of a single-desk installation (command-line defaults)."""
    desks = list(Desk.objects.all()[:2])
    if len(desks) != 1:
        raise ApplicationError("Name the desk with --desk SLUG.")
    return desks[0]


# --- Outgoing webhooks (desk admins) --------------------------------------------------------------


def webhook_endpoint_list(*, desk: Desk) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(desk=desk).order_by("created_at")


def webhook_endpoint_get(*, desk: Desk, webhook_id) -> WebhookEndpoint:
    """One of the desk's endpoints; another desk's, or an id that is no UUID, is not found (404)."""
    try:
        endpoint = WebhookEndpoint.objects.select_related("desk").filter(desk=desk, pk=webhook_id).first()
    except (ValueError, DjangoValidationError):
        endpoint = None
    if endpoint is None:
        raise NotFoundError(gettext("Webhook not found."))
    return endpoint


def webhook_delivery_list(*, endpoint: WebhookEndpoint) -> QuerySet[WebhookDelivery]:
    """The endpoint's deliveries, newest first."""
    return WebhookDelivery.objects.filter(endpoint=endpoint).order_by("-created_at", "-pk")


def webhook_delivery_get(*, endpoint: WebhookEndpoint, delivery_id) -> WebhookDelivery:
    """One of the endpoint's deliveries; another endpoint's, or an id that is no UUID, is not found (404)."""
    try:
        delivery = (
            WebhookDelivery.objects.select_related("endpoint__desk").filter(endpoint=endpoint, pk=delivery_id).first()
        )
    except (ValueError, DjangoValidationError):
        delivery = None
    if delivery is None:
        raise NotFoundError(gettext("Delivery not found."))
    return delivery
