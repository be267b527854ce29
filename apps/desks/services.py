import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import gettext

from apps.core.accounts import sign_in_unlock
from apps.core.audit import audit_admin_details, audit_record
from apps.core.exceptions import ApplicationError, NotFoundError
from apps.core.models import AuditAction
from apps.core.two_step import two_step_is_on

from .models import Desk, Membership, Role
from .selectors import desk_admin_require, desk_member_get

User = get_user_model()


@transaction.atomic
def desk_create(*, name: str, slug: str | None = None) -> Desk:
    """Create a desk. Idempotent on slug: an existing desk with that slug is returned."""
    desk, _ = Desk.objects.get_or_create(slug=slug or slugify(name), defaults={"name": name})
    return desk


@transaction.atomic
def membership_set(*, desk: Desk, user, role: str, actor: AbstractBaseUser | None = None) -> Membership:
    """Make `user` a member of `desk` with `role`, updating the role if already a member. For setup
    code (the demo loader), without the desk admin's checks; `actor` None is the system.

    Idempotent. An addition or a role change is recorded in the desk's audit trail like an admin's.
    """
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}")
    membership, created = Membership.objects.get_or_create(desk=desk, user=user, defaults={"role": role})
    if created:
        _membership_record(action=AuditAction.MEMBER_ADDED, actor=actor, membership=membership)
    elif membership.role != role:
        previous_role = membership.role
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
        _membership_record(
            action=AuditAction.MEMBER_ROLE_CHANGED, actor=actor, membership=membership, previous_role=previous_role
        )
    return membership


# --- Desk administration: people ----------------------------------------------------------------
# Every change to a desk's people first locks the desk row. That one lock serialises the changes
# of a desk, so two admins demoting or removing each other at the same moment cannot both pass
# the "another admin remains" check and leave the desk with nobody able to administer it. Each
# change is recorded in the desk's audit trail.


def _membership_record(*, action: str, actor: AbstractBaseUser | None, membership: Membership, **details) -> None:
    details = {"username": membership.user.get_username(), "role": membership.role, **details}
    audit_record(action=action, actor=actor, desk=membership.desk, details=details)


def _lock_desk_for_admin(*, actor: AbstractBaseUser, desk: Desk) -> Desk:
    """Lock `desk` and check, under the lock, that `actor` is still one of its admins."""
    locked = Desk.objects.select_for_update().get(pk=desk.pk)
    desk_admin_require(user=actor, desk=locked)
    return locked


def _role_check(role: str) -> None:
    if role not in Role.values:
        raise ApplicationError(
            gettext("Unknown role %(role)s; choose one of %(roles)s.")
            % {"role": repr(role), "roles": ", ".join(Role.values)}
        )


def membership_add(*, actor: AbstractBaseUser, desk: Desk, username: str, role: str) -> Membership:
    """A desk admin adds an existing account to `desk` with `role`; see `membership_get_or_add`."""
    membership, _ = membership_get_or_add(actor=actor, desk=desk, username=username, role=role)
    return membership


@transaction.atomic
def membership_get_or_add(*, actor: AbstractBaseUser, desk: Desk, username: str, role: str) -> tuple[Membership, bool]:
    """A desk admin adds an existing account to `desk` with `role`; True when it was added.

    Idempotent: adding someone who already has that role returns their membership (and False).
    Someone who is a member with another role is refused (change the role instead), so a
    mistyped form never silently demotes anyone.
    """
    _role_check(role)
    desk = _lock_desk_for_admin(actor=actor, desk=desk)
    user = User.objects.filter(username=username.strip()).first()
    if user is None:
        raise ApplicationError(
            gettext("No account is named %(username)s; create it instead.") % {"username": repr(username.strip())}
        )
    membership, created = Membership.objects.get_or_create(desk=desk, user=user, defaults={"role": role})
    if not created and membership.role != role:
        raise ApplicationError(
            gettext("%(username)s is already a member (%(role)s); change their role instead.")
            % {"username": user.get_username(), "role": membership.get_role_display()},
            status=409,
        )
    if created:
        _membership_record(action=AuditAction.MEMBER_ADDED, actor=actor, membership=membership)
    return membership, created


@transaction.atomic
def membership_account_create(
    *,
    actor: AbstractBaseUser,
    desk: Desk,
    username: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    password: str | None = None,
) -> tuple[Membership, str | None]:
    """A desk admin creates a new account and makes it a member of `desk`.

    The password must pass Django's password validators. Without one a random password is
    generated and returned (else None) so the admin can hand it over: it is shown once and
    never stored in clear. Not idempotent: a taken username is refused.
    """
    _role_check(role)
    desk = _lock_desk_for_admin(actor=actor, desk=desk)
    user = User(username=username.strip(), first_name=first_name.strip(), last_name=last_name.strip())
    user.email = User.objects.normalize_email(email.strip())
    generated = None if password else secrets.token_urlsafe(12)
    try:
        user.full_clean(exclude=["password"])
        validate_password(password or generated, user=user)
    except DjangoValidationError as error:
        raise ApplicationError(" ".join(error.messages), extra={"fields": _error_fields(error)}) from None
    user.set_password(password or generated)
    try:
        # A savepoint, so a username taken by a concurrent request leaves the transaction usable.
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise ApplicationError(
            gettext("The username %(username)s is taken.") % {"username": repr(user.username)}
        ) from None
    membership = Membership.objects.create(desk=desk, user=user, role=role)
    _membership_record(action=AuditAction.MEMBER_ADDED, actor=actor, membership=membership, new_account=True)
    return membership, generated


def _error_fields(error: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {field: [m for e in errors for m in e.messages] for field, errors in error.error_dict.items()}
    return {"password": error.messages}


@transaction.atomic
def membership_role_change(*, actor: AbstractBaseUser, membership: Membership, role: str) -> Membership:
    """A desk admin changes a member's role. Idempotent; never demotes the desk's last admin, nor its
    last admin who can sign in (`desk_admins_kept_check`)."""
    _role_check(role)
    _lock_desk_for_admin(actor=actor, desk=membership.desk)
    current = Membership.objects.select_related("user", "desk").filter(pk=membership.pk).first()
    if current is None:
        raise NotFoundError(gettext("That person is no longer a member of this desk."))
    if current.role == role:
        return current
    before = desks_with_admin(desk_ids=[current.desk_id])
    previous_role = current.role
    current.role = role
    current.save(update_fields=["role", "updated_at"])
    desk_admins_kept_check(before=before, leaving=current)
    _membership_record(
        action=AuditAction.MEMBER_ROLE_CHANGED, actor=actor, membership=current, previous_role=previous_role
    )
    return current


@transaction.atomic
def membership_remove(*, actor: AbstractBaseUser, membership: Membership) -> None:
    """A desk admin removes a member from the desk (the account stays).

    Refused for the desk's last admin, or its last admin who can sign in, and for a reviewer who
    still has open review tasks on the desk (reassign them first, or nobody would be working on
    them). Idempotent: removing someone already gone does nothing.
    """
    _lock_desk_for_admin(actor=actor, desk=membership.desk)
    current = Membership.objects.select_related("user").filter(pk=membership.pk).first()
    if current is None:
        return
    before = desks_with_admin(desk_ids=[current.desk_id])
    membership_leave_check(membership=current)
    _membership_record(action=AuditAction.MEMBER_REMOVED, actor=actor, membership=current)
    current.delete()
    desk_admins_kept_check(before=before, leaving=current)


def membership_leave_check(*, membership: Membership) -> None:
    """Raise ApplicationError when the member cannot leave the desk yet: a later stage's reason
    (reviews: open review tasks nobody else would work on). Their own rule is the caller's: the
    desk's last admin is `desk_admins_kept_check`'s."""
    # Later stages say why a member cannot leave yet; desks never imports them.
    for path in settings.MEMBERSHIP_REMOVAL_CHECKS:
        problem = import_string(path)(membership=membership)
        if problem:
            raise ApplicationError(problem)


# --- The desk's admins, however its people change ------------------------------------------------
# Every change that can take an admin from a desk (a role change, a removal, a membership moved to
# another desk or account, an account deleted) notes which desks have an admin, changes the rows,
# and checks that each still has one, in one transaction: so a Django admin formset that promotes
# one person and removes another is judged as a whole, and a refusal rolls the change back.

# A member who can sign in: an active account with a usable password (password sign-in is the
# only way in; an unusable password is what turning it off in the Django admin stores).
_MEMBER_SIGNS_IN = Q(user__is_active=True) & ~Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX)


@dataclass(frozen=True)
class DeskAdmins:
    """Desks before a change to their people: those with an admin, and those with an admin who can
    sign in. `desk_admins_kept_check` holds the change to both."""

    with_admin: frozenset
    signing_in: frozenset


def _desks_with_admin_now(desk_ids: Iterable, *, signing_in: bool) -> frozenset:
    admins = Membership.objects.filter(desk_id__in=set(desk_ids), role=Role.ADMIN)
    if signing_in:
        admins = admins.filter(_MEMBER_SIGNS_IN)
    return frozenset(admins.values_list("desk_id", flat=True))


def desks_with_admin(*, desk_ids: Iterable) -> DeskAdmins:
    """Which of `desk_ids` have an admin, and an admin who can sign in, each desk row locked first
    (the lock every change to a desk's people takes), for `desk_admins_kept_check` after the change."""
    locked = list(
        Desk.objects.select_for_update().filter(pk__in=set(desk_ids)).order_by("pk").values_list("pk", flat=True)
    )
    return DeskAdmins(
        with_admin=_desks_with_admin_now(locked, signing_in=False),
        signing_in=_desks_with_admin_now(locked, signing_in=True),
    )


def desk_admins_kept_check(*, before: DeskAdmins, leaving: Membership | None = None) -> None:
    """Raise ApplicationError when a desk that had an admin (`before`, from `desks_with_admin` in the
    same transaction) no longer has one, or one that had an admin who can sign in no longer has such
    an admin (the others are switched off or have password sign-in off), so the caller's change rolls
    back. `leaving`, the one membership a people page's change takes from the admins, names the
    person in the reason; otherwise it names the desk."""
    for had, signing_in in ((before.with_admin, False), (before.signing_in, True)):
        lost_ids = had - _desks_with_admin_now(had, signing_in=signing_in)
        lost = Desk.objects.filter(pk__in=lost_ids).order_by("name").first()
        if lost is None:
            continue
        if leaving is not None and signing_in:
            reason = gettext("%(username)s is the desk's only admin who can sign in; make someone else an admin first.")
        elif leaving is not None:
            reason = gettext("%(username)s is the desk's only admin; make someone else an admin first.")
        elif signing_in:
            reason = gettext(
                "%(desk)s would be left without a desk admin who can sign in; make someone else an admin first."
            )
        else:
            reason = gettext("%(desk)s would be left without a desk admin; make someone else an admin first.")
        username = leaving.user.get_username() if leaving is not None else ""
        raise ApplicationError(reason % {"username": username, "desk": lost.name})


def account_lockout_check(*, account: AbstractBaseUser) -> None:
    """Raise ApplicationError when `account` losing its way in (switched off, or its password sign-in
    turned off) would leave one of its desks with no desk admin who can sign in. The desks' rows are
    locked, as for every change to a desk's people; the caller changes the account in the same
    transaction."""
    desk_ids = list(Membership.objects.filter(user=account, role=Role.ADMIN).values_list("desk_id", flat=True))
    desks_with_admin(desk_ids=desk_ids)
    others = Membership.objects.filter(_MEMBER_SIGNS_IN, desk_id__in=desk_ids, role=Role.ADMIN).exclude(user=account)
    kept = set(others.values_list("desk_id", flat=True))
    lost = Desk.objects.filter(pk__in=set(desk_ids) - kept).order_by("name").first()
    if lost is not None:
        raise ApplicationError(
            gettext("%(desk)s would be left without a desk admin who can sign in; make someone else an admin first.")
            % {"desk": lost.name}
        )


def account_switch_record(*, actor: AbstractBaseUser, account: AbstractBaseUser, was_active: bool) -> None:
    """Record in each of the account's desks that a site administrator deactivated it in the Django
    admin (or reactivated it): its desk admins see why a member can no longer sign in. The account's
    other changes stay in the site-wide trail alone."""
    changes = {"is_active": [was_active, account.is_active]}
    for membership in Membership.objects.filter(user=account).select_related("desk"):
        details = {**audit_admin_details(account), "role": membership.role, "changes": changes}
        audit_record(action=AuditAction.ADMIN_CHANGED, actor=actor, desk=membership.desk, details=details)


# --- Desk administration: reader tips -----------------------------------------------------------


@transaction.atomic
def desk_tips_set(*, actor: AbstractBaseUser, desk: Desk, takes_tips: bool) -> Desk:
    """A desk admin turns the public tip form (/tips/<slug>/) on or off. Idempotent: setting what is
    already set records nothing. Tips already sent stay in the inbox either way."""
    desk = _lock_desk_for_admin(actor=actor, desk=desk)
    if desk.takes_tips != takes_tips:
        desk.takes_tips = takes_tips
        desk.save(update_fields=["takes_tips", "updated_at"])
        audit_record(
            action=AuditAction.TIPS_SETTING_CHANGED,
            actor=actor,
            desk=desk,
            details={"takes_tips": takes_tips, "state": "on" if takes_tips else "off"},
        )
    return desk


# --- Desk administration: sign-in -----------------------------------------------------------------


@transaction.atomic
def desk_two_step_requirement_set(*, actor: AbstractBaseUser, desk: Desk, required: bool) -> Desk:
    """A desk admin requires two-step sign-in of the desk's people, or stops requiring it. Idempotent:
    setting what is already set records nothing. People who have no authenticator yet are asked to set
    one up at their next page; nobody's authenticator is removed when the requirement is lifted. The admin
    must have it on first (as the requirement applies to them too): they see it work before asking it of others."""
    desk = _lock_desk_for_admin(actor=actor, desk=desk)
    if required and not desk.requires_two_step and not two_step_is_on(user=actor):
        raise ApplicationError(
            gettext(
                "Turn two-step sign-in on for yourself first, under Your account: the requirement applies to you too."
            ),
            status=409,
        )
    if desk.requires_two_step != required:
        desk.requires_two_step = required
        desk.save(update_fields=["requires_two_step", "updated_at"])
        audit_record(
            action=AuditAction.TWO_STEP_REQUIREMENT_CHANGED,
            actor=actor,
            desk=desk,
            details={"requires_two_step": required, "state": "required" if required else "not required"},
        )
    return desk


@transaction.atomic
def membership_sign_in_unlock(*, actor: AbstractBaseUser, desk: Desk, username: str) -> Membership:
    """A desk admin clears the sign-in lockout (and the failed sign-ins counted towards one) of one of
    the desk's people, from every address; recorded on the desk and site-wide. Only the desk's own
    people: anyone else's name is unknown here (404)."""
    desk = _lock_desk_for_admin(actor=actor, desk=desk)
    membership = desk_member_get(desk=desk, username=username)
    sign_in_unlock(username=membership.user.get_username(), actor=actor, desk=desk)
    return membership
