from rest_framework.permissions import BasePermission

from .models import Role
from .selectors import ADMIN_ONLY_MESSAGE, EDITOR_ONLY_MESSAGE, membership_get


class IsDeskAdmin(BasePermission):
    """The caller administers the view's desk (`view.get_desk()`).

    `get_desk` answers 404 for a desk outside the caller's desks, so outsiders cannot tell
    which desks exist; members with another role get 403 and this message.
    """

    message = ADMIN_ONLY_MESSAGE

    def has_permission(self, request, view) -> bool:
        membership = membership_get(user=request.user, desk=view.get_desk())
        return membership is not None and membership.role == Role.ADMIN


class IsDeskEditor(BasePermission):
    """The caller edits the view's desk (its editors and admins); outsiders 404 as for `IsDeskAdmin`,
    reviewers 403."""

    message = EDITOR_ONLY_MESSAGE

    def has_permission(self, request, view) -> bool:
        membership = membership_get(user=request.user, desk=view.get_desk())
        return membership is not None and membership.can_edit
