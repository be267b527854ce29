from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.api.params import uuid_query_param
from apps.core.api.schema import error_response
from apps.desks.selectors import colleague_get_by_username, desk_for_member
from apps.reviews import selectors, services
from apps.reviews.models import TaskStatus

from .serializers import (
    ApproveInputSerializer,
    AssignInputSerializer,
    RatingOutputSerializer,
    ReturnInputSerializer,
    ReviewTaskOutputSerializer,
    VerdictInputSerializer,
)

WRONG_STATE = error_response("The task is not in a state that allows this (it moved on meanwhile, say).")


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("article", str, description="Only this article's tasks (UUID)"),
            OpenApiParameter("status", str, enum=TaskStatus.values, description="Only tasks in this status"),
            OpenApiParameter(
                "assignee",
                str,
                description="`me` for your own open queue, or the username of a member of your desks "
                "for their tasks; anyone else is a 400",
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
            raise exceptions.ValidationError({"status": f"One of {', '.join(TaskStatus.values)}."})
        article_id = uuid_query_param(params.get("article"), "article")
        assignee_name = params.get("assignee") or None
        assignee = None
        if assignee_name == "me":
            if status_filter is None and article_id is None:
                return selectors.review_task_queue(user=self.request.user)
            assignee = self.request.user  # "my approved tasks", "my tasks in this article"
        elif assignee_name is not None:
            assignee = colleague_get_by_username(user=self.request.user, username=assignee_name)
            if assignee is None:
                raise exceptions.ValidationError(
                    {"assignee": f"`me` or the username of a member of your desks; none is called {assignee_name!r}."}
                )
        return selectors.review_task_list(
            user=self.request.user, article_id=article_id, status=status_filter, assignee=assignee
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
                {"assignee": f"The username of a member of your desks; none is called {data['assignee']!r}."}
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
