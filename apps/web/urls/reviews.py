from django.urls import path

from apps.web.views import reviews as views

app_name = "reviews"

urlpatterns = [
    path("queue/", views.review_queue, name="queue"),
    path("queue/approve/", views.verdicts_approve, name="approve-many"),
    path("articles/<uuid:article_id>/assign/", views.article_tasks_assign, name="assign"),
    path("claims/<uuid:claim_id>/verdict/", views.verdict_submit, name="verdict"),
    path("claims/<uuid:claim_id>/verdict/draft/", views.verdict_draft_save, name="draft"),
    path("claims/<uuid:claim_id>/approve/", views.verdict_approve, name="approve"),
    path("claims/<uuid:claim_id>/return/", views.verdict_return, name="return"),
    path("claims/<uuid:claim_id>/reopen/", views.verdict_reopen, name="reopen"),
    path(
        "claims/<uuid:claim_id>/withdraw-correction/",
        views.verdict_correction_withdraw,
        name="withdraw-correction",
    ),
]
