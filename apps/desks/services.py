from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from .models import Desk, Membership, Role

User = get_user_model()


@transaction.atomic
def desk_create(*, name: str, slug: str | None = None) -> Desk:
    """Create a desk. Idempotent on slug: an existing desk with that slug is returned."""
    desk, _ = Desk.objects.get_or_create(slug=slug or slugify(name), defaults={"name": name})
    return desk


@transaction.atomic
def membership_set(*, desk: Desk, user, role: str) -> Membership:
    """Make `user` a member of `desk` with `role`, updating the role if already a member."""
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}")
    membership, created = Membership.objects.get_or_create(desk=desk, user=user, defaults={"role": role})
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
    return membership
