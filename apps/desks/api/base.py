"""Bases for the API endpoints under `desks/<desk_slug>/`, in every app that has some."""

from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated

from apps.desks.models import Desk
from apps.desks.permissions import IsDeskAdmin, IsDeskEditor
from apps.desks.selectors import desk_get_for_member


class DeskApi(GenericAPIView):
    """The URL's desk is one of the caller's; any other is a 404, so outsiders cannot tell which
    desks exist."""

    # Generic for pagination only: these endpoints take no query filters.
    filter_backends = []

    def get_desk(self) -> Desk:
        # The permission check asks for the desk, and so does the view: one query.
        if not hasattr(self, "_desk"):
            self._desk = desk_get_for_member(user=self.request.user, slug=self.kwargs["desk_slug"])
        return self._desk


class DeskAdminApi(DeskApi):
    """Desk admins only: outsiders 404, other roles 403."""

    permission_classes = [IsAuthenticated, IsDeskAdmin]


class DeskEditorApi(DeskApi):
    """Desk editors and admins: outsiders 404, reviewers 403."""

    permission_classes = [IsAuthenticated, IsDeskEditor]
