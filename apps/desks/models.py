from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.failures import failure_code, failure_for_reader
from apps.core.models import BaseModel


class Desk(BaseModel):
    """A newsroom team: it owns its articles, rating scale and source rules."""

    name = models.CharField(max_length=200, verbose_name=_("name"))
    slug = models.SlugField(max_length=80, unique=True, verbose_name=_("slug"))
    # Whether the public may send the desk tips at /tips/<slug>/ (apps.articles.tips); off until an admin turns it on.
    takes_tips = models.BooleanField(default=False, verbose_name=_("takes reader tips"))
    # Whether its people must sign in with two steps (apps.core.two_step); one without an authenticator
    # is sent to set one up and reaches nothing else until they do.
    requires_two_step = models.BooleanField(default=False, verbose_name=_("requires two-step sign-in"))

    class Meta:
        verbose_name = _("desk")
        verbose_name_plural = _("desks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Desk admin")
    EDITOR = "editor", _("Editor")
    REVIEWER = "reviewer", _("Reviewer")


class Membership(BaseModel):
    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("desk"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_memberships", verbose_name=_("user")
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.REVIEWER, verbose_name=_("role"))

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["desk__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["desk", "user"], name="membership_unique_desk_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role}) in {self.desk}"

    @property
    def can_edit(self) -> bool:
        return self.role in (Role.ADMIN, Role.EDITOR)


# --- Outgoing webhooks --------------------------------------------------------------------------


class WebhookEvent(models.TextChoices):
    """What a desk's webhook endpoints can subscribe to; the value is the body's `event`."""

    ARTICLE_IMPORTED = "article.imported", _("An article is imported and its claims are found")
    CLAIM_ASSIGNED = "claim.assigned", _("Claims are assigned to a reviewer")
    VERDICT_SUBMITTED = "verdict.submitted", _("A verdict is submitted for approval")
    VERDICT_RETURNED = "verdict.returned", _("An editor returns a verdict to its reviewer")
    VERDICT_APPROVED = "verdict.approved", _("An editor approves a verdict")
    VERDICT_REOPENED = "verdict.reopened", _("An editor reopens an approved verdict for correction")
    VERDICT_CORRECTION_WITHDRAWN = (
        "verdict.correction_withdrawn",
        _("An editor withdraws a correction: the verdict stands as published"),
    )


# Sent only by an admin's "Send a test event"; nobody subscribes to it.
WEBHOOK_TEST_EVENT = "webhook.test"


class WebhookFormat(models.TextChoices):
    JSON = "json", _("JSON event (signed)")
    # Slack's and Google Chat's incoming webhooks take a JSON object with a `text`.
    SLACK = "slack", _('Chat message: {"text": ...} for Slack or Google Chat')
    # Teams' Workflows ("When a Teams webhook request is received") take Adaptive Cards only.
    TEAMS = "teams", _("Microsoft Teams Workflows: an Adaptive Card message")


class WebhookEndpoint(BaseModel):
    """An HTTP endpoint a desk's admins registered to hear about the desk's events.

    `secret` signs every delivery (HMAC-SHA256); it is kept in clear because signing needs it, and
    shown only to the desk's admins. An endpoint that fails too many deliveries in a row is turned
    off by the desk (`is_active` false) with the reason in `disabled_reason`.
    """

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="webhook_endpoints", verbose_name=_("desk"))
    url = models.URLField(max_length=2000, verbose_name=_("url"))
    description = models.CharField(max_length=200, blank=True, verbose_name=_("description"))
    events = models.JSONField(default=list, verbose_name=_("events"))
    payload_format = models.CharField(
        max_length=10, choices=WebhookFormat.choices, default=WebhookFormat.JSON, verbose_name=_("payload format")
    )
    is_active = models.BooleanField(default=True, verbose_name=_("is active"))
    secret = models.CharField(max_length=100, verbose_name=_("secret"))
    consecutive_failures = models.PositiveIntegerField(default=0, verbose_name=_("consecutive failures"))
    disabled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("disabled at"))
    disabled_reason = models.TextField(blank=True, verbose_name=_("disabled reason"))
    # The reason as a code and values (apps.core.failures), worded again for each reader; empty for
    # endpoints turned off before it was kept, which show their stored English text.
    disabled_reason_detail = models.JSONField(default=dict, blank=True, verbose_name=_("disabled reason detail"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.url} ({self.desk})"

    @property
    def disabled_reason_for_reader(self) -> str:
        """Why the endpoint was turned off, in the reader's language (the active one)."""
        return failure_for_reader(self.disabled_reason_detail, self.disabled_reason)

    @property
    def disabled_reason_code(self) -> str:
        """The code (apps.core.failures) of why the endpoint was turned off, or "" when it has none."""
        return failure_code(self.disabled_reason_detail)


class WebhookDeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    DELIVERED = "delivered", _("Delivered")
    # Not sent, and never will be: the endpoint was turned off or deleted after the event.
    SKIPPED = "skipped", _("Skipped")
    FAILED = "failed", _("Failed")


class WebhookDelivery(BaseModel):
    """One event for one endpoint: the outbox row and its delivery record.

    Written in the transaction of the event, so nothing is sent for an event that rolled back; its
    task is published after commit and a periodic sweeper publishes the rows whose message was
    lost. `payload` is the event as sent (its `id` is this row's id, for receivers to drop repeats).
    """

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event = models.CharField(max_length=40, verbose_name=_("event"))
    payload = models.JSONField(verbose_name=_("payload"))
    # The chat line for endpoints in the chat format, with its link.
    summary = models.CharField(max_length=500, verbose_name=_("summary"))
    link = models.URLField(max_length=2000, blank=True, verbose_name=_("link"))
    status = models.CharField(
        max_length=20,
        choices=WebhookDeliveryStatus.choices,
        default=WebhookDeliveryStatus.PENDING,
        db_index=True,
        verbose_name=_("status"),
    )
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    enqueued_at = models.DateTimeField(null=True, blank=True, verbose_name=_("enqueued at"))
    sending_since = models.DateTimeField(null=True, blank=True, verbose_name=_("sending since"))
    delivered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("delivered at"))
    response_status = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("response status"))
    last_error = models.TextField(blank=True, verbose_name=_("last error"))
    # The failure as a code and values (apps.core.failures), worded again for each reader; empty for
    # rows from before it was kept, which show their stored English text.
    last_error_detail = models.JSONField(default=dict, blank=True, verbose_name=_("last error detail"))
    # When the next attempt is planned, after one that could not be delivered yet: the backoff, or
    # longer if the endpoint's 429 or 503 asked for it (Retry-After).
    next_attempt_at = models.DateTimeField(null=True, blank=True, verbose_name=_("next attempt at"))
    # The delivery an admin asked to send again; this row carries its payload unchanged.
    redelivery_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="redeliveries",
        verbose_name=_("redelivery of"),
    )

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["endpoint", "-created_at"], name="webhook_delivery_endpoint_new")]
        constraints = [
            # A double click on "Redeliver" makes one delivery, however the two requests interleave.
            models.UniqueConstraint(
                fields=["redelivery_of"],
                condition=models.Q(status__in=["pending", "sending"]),
                name="webhook_delivery_one_open_redelivery",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint_id}: {self.status}"

    @property
    def last_error_for_reader(self) -> str:
        """The last attempt's failure in the reader's language (the active one)."""
        return failure_for_reader(self.last_error_detail, self.last_error)

    @property
    def last_error_code(self) -> str:
        """The last attempt's failure's code (apps.core.failures), or "" when it has none."""
        return failure_code(self.last_error_detail)
