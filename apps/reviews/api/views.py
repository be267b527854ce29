import uuid

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api.etags import etag_parameter, if_match_parameter, if_match_require, with_etag
from apps.core.api.params import language_query_param, uuid_query_param
from apps.core.api.schema import error_response
from apps.desks.api.base import DeskApi
from apps.desks.permissions import IsDeskAdmin
from apps.desks.selectors import colleague_get_by_username, desk_for_member
from apps.reviews import notifications, selectors, services
from apps.reviews.models import TaskStatus

from .serializers import (
    ApproveInputSerializer,
    AssignInputSerializer,
    CorrectionWithdrawInputSerializer,
    NotificationSettingsSerializer,
    RatingInputSerializer,
    RatingMoveInputSerializer,
    RatingOutputSerializer,
    RatingScaleOutputSerializer,
    ReopenInputSerializer,
    ReturnInputSerializer,
    ReviewTaskOutputSerializer,
    ScaleRatingOutputSerializer,
    VerdictInputSerializer,
)

WRONG_STATE = error_response("The task is not in a state that allows this (it moved on meanwhile, say).")


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("article", uuid.UUID, description="Only this article's tasks."),
            OpenApiParameter("status", str, enum=TaskStatus.values, description="Only tasks in this status"),
            OpenApiParameter(
                "assignee",
                str,
                description="`me` for your own open queue, or the username of a member of your desks "
                "for their tasks; anyone else is a 400",
            ),
            OpenApiParameter(
                "language",
                str,
                description='Only tasks of articles in this language, a BCP 47 tag ("es"; "pt" also finds "pt-BR")',
            ),
        ]
    )
)
class ReviewTaskViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Review tasks (one per claim) in your desks, with their workflow actions."""

    serializer_class = ReviewTaskOutputSerializer

    def get_queryset(self):
        # A filter the API does not understand is refused: ignoring it would answer with every
        # task (or none) as if the filter had matched.
        params = self.request.query_params
        status_filter = params.get("status") or None
        if status_filter is not None and status_filter not in TaskStatus.values:
            raise exceptions.ValidationError(
                {"status": gettext("One of %(choices)s.") % {"choices": ", ".join(TaskStatus.values)}}
            )
        article_id = uuid_query_param(params.get("article"), "article")
        language = language_query_param(params.get("language"))
        assignee_name = params.get("assignee") or None
        assignee = None
        if assignee_name == "me":
            if status_filter is None and article_id is None:
                return selectors.review_task_queue(user=self.request.user, language=language)
            assignee = self.request.user  # "my approved tasks", "my tasks in this article"
        elif assignee_name is not None:
            assignee = colleague_get_by_username(user=self.request.user, username=assignee_name)
            if assignee is None:
                raise exceptions.ValidationError(
                    {
                        "assignee": gettext(
                            "`me` or the username of a member of your desks; none is called %(username)s."
                        )
                        % {"username": repr(assignee_name)}
                    }
                )
        return selectors.review_task_list(
            user=self.request.user, article_id=article_id, status=status_filter, assignee=assignee, language=language
        )

    def get_object(self):
        return selectors.review_task_get(user=self.request.user, task_id=self.kwargs["pk"])

    def _respond(self, task_id):
        task = selectors.review_task_get(user=self.request.user, task_id=task_id)
        return Response(ReviewTaskOutputSerializer(task).data)

    @extend_schema(
        request=AssignInputSerializer,
        responses={
            200: ReviewTaskOutputSerializer(many=True),
            404: error_response("Some tasks are not on your desks (`extra.task_ids`); none was assigned."),
            409: error_response("Some tasks are submitted or approved (`extra.task_ids`); none was assigned."),
        },
    )
    @action(detail=False, methods=["post"], pagination_class=None)
    def assign(self, request):
        serializer = AssignInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        tasks = selectors.review_tasks_get(user=request.user, task_ids=data["task_ids"])
        # Only colleagues can be named: an account on another newsroom's desk must answer like
        # one that does not exist, or assignment would tell who has an account there.
        assignee = colleague_get_by_username(user=request.user, username=data["assignee"])
        if assignee is None:
            raise exceptions.ValidationError(
                {
                    "assignee": gettext("The username of a member of your desks; none is called %(username)s.")
                    % {"username": repr(data["assignee"])}
                }
            )
        # Leaving due_date out keeps each task's due date; null clears it.
        assigned = services.review_tasks_assign(
            editor=request.user, tasks=tasks, assignee=assignee, due_date=data.get("due_date", services.Keep.AS_IS)
        )
        fresh = selectors.review_task_list(user=request.user).filter(pk__in=[t.pk for t in assigned])
        return Response(ReviewTaskOutputSerializer(fresh, many=True).data)

    @extend_schema(request=None, responses={200: ReviewTaskOutputSerializer, 409: WRONG_STATE})
    @action(detail=True, methods=["post"])
    def start(self, request, pk=None):
        services.review_task_start(user=request.user, task=self.get_object())
        return self._respond(pk)

    @extend_schema(request=VerdictInputSerializer, responses={200: ReviewTaskOutputSerializer, 409: WRONG_STATE})
    @action(detail=True, methods=["post"])
    def verdict(self, request, pk=None):
        task = self.get_object()
        serializer = VerdictInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        rating = selectors.rating_get_for_desk(desk=task.claim.article.desk, rating_id=data["rating"])
        services.verdict_submit(
            user=request.user,
            task=task,
            rating=rating,
            rationale=data["rationale"],
            reference_ids=data["references"],
            seen_revision=data.get("verdict_revision"),
        )
        return self._respond(pk)

    @extend_schema(request=ApproveInputSerializer, responses={200: ReviewTaskOutputSerializer, 409: WRONG_STATE})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        serializer = ApproveInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.verdict_approve(
            editor=request.user, task=self.get_object(), seen_revision=serializer.validated_data.get("verdict_revision")
        )
        return self._respond(pk)

    @extend_schema(request=ReturnInputSerializer, responses={200: ReviewTaskOutputSerializer, 409: WRONG_STATE})
    @action(detail=True, methods=["post"], url_path="return")
    def return_to_reviewer(self, request, pk=None):
        serializer = ReturnInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.verdict_return(
            editor=request.user, task=self.get_object(), note=data["note"], seen_revision=data.get("verdict_revision")
        )
        return self._respond(pk)

    @extend_schema(
        request=ReopenInputSerializer,
        responses={
            200: ReviewTaskOutputSerializer,
            400: error_response("The note is missing or blank."),
            409: error_response(
                "The verdict is not approved (or already reopened), or it changed since `verdict_revision`."
            ),
        },
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        """Reopen an approved verdict for correction (editors): the task goes back to its reviewer with the
        note, and exports keep the published finding until the corrected verdict is approved."""
        serializer = ReopenInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.verdict_reopen(
            editor=request.user, task=self.get_object(), note=data["note"], seen_revision=data.get("verdict_revision")
        )
        return self._respond(pk)

    @extend_schema(
        request=CorrectionWithdrawInputSerializer,
        responses={
            200: ReviewTaskOutputSerializer,
            409: error_response(
                "The verdict is not being corrected, the reviewer's corrected verdict is waiting for approval "
                "(approve or return it first), or the verdict changed since `verdict_revision`."
            ),
        },
    )
    @action(detail=True, methods=["post"], url_path="withdraw-correction")
    def withdraw_correction(self, request, pk=None):
        """Withdraw a correction reopened by mistake (editors): the verdict is restored as published and
        approved again, the open correction record is deleted, and the reviewer's draft with it. Allowed
        while the task is returned, in review or assigned; a verdict already restored is answered as it is."""
        serializer = CorrectionWithdrawInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.verdict_correction_withdraw(
            editor=request.user, task=self.get_object(), seen_revision=serializer.validated_data.get("verdict_revision")
        )
        return self._respond(pk)


class RatingListApi(APIView):
    """The verdict ratings of one of your desks' scales."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "desk",
                str,
                description="The desk (slug or id) whose scale to list. Optional when you are on one desk; "
                "a member of several desks must name one (400 otherwise, listing them), and a desk you "
                "are not in is refused with 400.",
            )
        ],
        responses={200: RatingOutputSerializer(many=True), 404: error_response("You are not a member of any desk.")},
    )
    def get(self, request):
        desk = desk_for_member(user=request.user, desk_ref=request.query_params.get("desk"))
        ratings = selectors.rating_list_for_desk(desk=desk)
        return Response(RatingOutputSerializer(ratings, many=True).data)


# --- Desk rating scale (desk admins change it) ---------------------------------------------------

RATING_IF_MATCH_PARAMETER = if_match_parameter("rating")
RATING_CHANGED_SINCE_READ = error_response(
    "The rating changed since the If-Match ETag; nothing was saved. `extra.etag` is the current one."
)


def _scale_body(desk) -> dict:
    scale = selectors.rating_scale_for_desk(desk=desk)
    body = {"scale": scale, "own": scale.desk_id == desk.pk, "ratings": selectors.rating_list_with_usage(scale=scale)}
    return RatingScaleOutputSerializer(body).data


class _DeskRatingScaleApi(DeskApi):
    """Every member of the desk reads its scale (reviewers rate with it); its admins change it, as in
    the web's desk settings. Outsiders get 404, other roles 403 on a write."""

    serializer_class = RatingScaleOutputSerializer

    def get_permissions(self):
        if self.request.method in SAFE_METHODS:
            return [IsAuthenticated()]
        return [IsAuthenticated(), IsDeskAdmin()]

    def get_rating(self):
        return selectors.rating_with_usage_get_for_desk(desk=self.get_desk(), rating_id=self.kwargs["rating_id"])


class DeskRatingScaleApi(_DeskRatingScaleApi):
    """The rating scale the desk uses, in order, and whether it is the desk's own; add a rating to
    the desk's own scale (copy the standard scale first)."""

    @extend_schema(operation_id="v1_desks_rating_scale_retrieve", responses=RatingScaleOutputSerializer)
    def get(self, request: Request, desk_slug: str) -> Response:
        return Response(_scale_body(self.get_desk()))

    @extend_schema(
        request=RatingInputSerializer,
        parameters=[etag_parameter("rating", statuses=(201,))],
        responses={201: ScaleRatingOutputSerializer},
    )
    def post(self, request: Request, desk_slug: str) -> Response:
        serializer = RatingInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.rating_create(user=request.user, desk=self.get_desk(), **serializer.validated_data)
        rating = selectors.rating_with_usage_get_for_desk(desk=self.get_desk(), rating_id=created.pk)
        return with_etag(ScaleRatingOutputSerializer(rating).data, rating, status_code=status.HTTP_201_CREATED)


class DeskRatingScaleCopyApi(_DeskRatingScaleApi):
    """Give the desk its own scale, a copy of the standard one, as the web's "copy" does: the desk's
    verdicts move to the copied ratings. Idempotent: 201 for the request that made the copy, 200
    with the scale for any other, two sent at once included."""

    @extend_schema(
        request=None,
        responses={
            201: RatingScaleOutputSerializer,
            200: OpenApiResponse(RatingScaleOutputSerializer, description="The desk already had its own scale."),
        },
    )
    def post(self, request: Request, desk_slug: str) -> Response:
        desk = self.get_desk()
        _, copied = services.rating_scale_get_or_copy_default(user=request.user, desk=desk)
        return Response(_scale_body(desk), status=status.HTTP_201_CREATED if copied else status.HTTP_200_OK)


class DeskRatingDetailApi(_DeskRatingScaleApi):
    """A rating of the desk's scale. Verdicts that use it follow a change; one in use cannot be removed."""

    @extend_schema(responses=ScaleRatingOutputSerializer, parameters=[etag_parameter("rating")])
    def get(self, request: Request, desk_slug: str, rating_id: str) -> Response:
        rating = self.get_rating()
        return with_etag(ScaleRatingOutputSerializer(rating).data, rating)

    @extend_schema(
        request=RatingInputSerializer(partial=True),
        parameters=[RATING_IF_MATCH_PARAMETER, etag_parameter("rating")],
        responses={200: ScaleRatingOutputSerializer, 412: RATING_CHANGED_SINCE_READ},
    )
    def patch(self, request: Request, desk_slug: str, rating_id: str) -> Response:
        rating = self.get_rating()
        serializer = RatingInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if_match_require(request, rating, what="rating")
        fields = {
            "label": rating.label,
            "description": rating.description,
            "claimreview_value": rating.claimreview_value,
            **serializer.validated_data,
        }
        # The fields left out are kept as read above, so the rating must still be that version.
        services.rating_update(user=request.user, rating=rating, expected_updated_at=rating.updated_at, **fields)
        rating = self.get_rating()
        return with_etag(ScaleRatingOutputSerializer(rating).data, rating)

    @extend_schema(
        parameters=[RATING_IF_MATCH_PARAMETER],
        responses={
            204: None,
            409: error_response(
                "Verdicts (`extra.verdict_count`) or correction records (`extra.correction_count`) name the rating; "
                "rename it instead."
            ),
            412: RATING_CHANGED_SINCE_READ,
        },
    )
    def delete(self, request: Request, desk_slug: str, rating_id: str) -> Response:
        rating = self.get_rating()
        version_named = if_match_require(request, rating, what="rating")
        services.rating_delete(
            user=request.user, rating=rating, expected_updated_at=rating.updated_at if version_named else None
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeskRatingMoveApi(_DeskRatingScaleApi):
    """Move a rating up or down the desk's own scale; answers the scale in its new order."""

    @extend_schema(request=RatingMoveInputSerializer, responses=RatingScaleOutputSerializer)
    def post(self, request: Request, desk_slug: str, rating_id: str) -> Response:
        rating = self.get_rating()
        serializer = RatingMoveInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.rating_move(user=request.user, rating=rating, offset=serializer.validated_data["offset"])
        return Response(_scale_body(self.get_desk()))


class NotificationSettingsApi(APIView):
    """Your email notifications: which kinds you get. Every kind is on until you turn it off."""

    @extend_schema(responses=NotificationSettingsSerializer)
    def get(self, request):
        return Response(notifications.notification_settings_get(user=request.user))

    @extend_schema(request=NotificationSettingsSerializer, responses=NotificationSettingsSerializer)
    def patch(self, request):
        serializer = NotificationSettingsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(
            notifications.notification_settings_update(user=request.user, changes=serializer.validated_data)
        )
