from django.urls import path

from apps.web.views import desks as views

app_name = "desks"

urlpatterns = [
    path("desks/", views.desk_settings_home, name="home"),
    path("desks/<slug:slug>/people/", views.people, name="people"),
    path("desks/<slug:slug>/people/add/", views.member_add, name="member_add"),
    path("desks/<slug:slug>/people/create/", views.account_create, name="account_create"),
    path("desks/<slug:slug>/people/role/", views.member_role, name="member_role"),
    path("desks/<slug:slug>/people/remove/", views.member_remove, name="member_remove"),
    path("desks/<slug:slug>/sign-in/", views.sign_in_settings, name="sign_in"),
    path("desks/<slug:slug>/sign-in/unlock/", views.member_sign_in_unlock, name="member_sign_in_unlock"),
    path("desks/<slug:slug>/ratings/", views.ratings, name="ratings"),
    path("desks/<slug:slug>/ratings/copy/", views.rating_scale_copy, name="rating_scale_copy"),
    path("desks/<slug:slug>/ratings/add/", views.rating_add, name="rating_add"),
    path("desks/<slug:slug>/ratings/edit/", views.rating_edit, name="rating_edit"),
    path("desks/<slug:slug>/ratings/move/", views.rating_move, name="rating_move"),
    path("desks/<slug:slug>/ratings/delete/", views.rating_delete, name="rating_delete"),
    path("desks/<slug:slug>/source-rules/", views.source_rules, name="source_rules"),
    path("desks/<slug:slug>/source-rules/new/", views.source_rule_create, name="source_rule_create"),
    path("desks/<slug:slug>/source-rules/<uuid:rule_id>/", views.source_rule_edit, name="source_rule_edit"),
    path(
        "desks/<slug:slug>/source-rules/<uuid:rule_id>/deactivate/",
        views.source_rule_deactivate,
        name="source_rule_deactivate",
    ),
    path(
        "desks/<slug:slug>/source-rules/<uuid:rule_id>/reactivate/",
        views.source_rule_reactivate,
        name="source_rule_reactivate",
    ),
    path("desks/<slug:slug>/reader-tips/", views.tips_settings, name="tips_settings"),
    path("desks/<slug:slug>/webhooks/", views.webhooks_page, name="webhooks"),
    path("desks/<slug:slug>/webhooks/new/", views.webhook_create, name="webhook_create"),
    path("desks/<slug:slug>/webhooks/<uuid:webhook_id>/", views.webhook_edit, name="webhook_edit"),
    path("desks/<slug:slug>/webhooks/<uuid:webhook_id>/test/", views.webhook_test, name="webhook_test"),
    path(
        "desks/<slug:slug>/webhooks/<uuid:webhook_id>/rotate-secret/",
        views.webhook_rotate_secret,
        name="webhook_rotate_secret",
    ),
    path("desks/<slug:slug>/webhooks/<uuid:webhook_id>/delete/", views.webhook_delete, name="webhook_delete"),
    path(
        "desks/<slug:slug>/webhooks/<uuid:webhook_id>/deliveries/<uuid:delivery_id>/redeliver/",
        views.webhook_redeliver,
        name="webhook_redeliver",
    ),
]
