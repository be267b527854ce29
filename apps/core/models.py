import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.failures import failure_for_reader


class BaseModel(models.Model):
    """UUID primary key (public URLs never expose a row count) and creation/update times."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("id"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        abstract = True


class IdempotencyKey(BaseModel):
    """An Idempotency-Key a client sent with a write, and the answer it got, so that a retry
    (say, after a network timeout) is answered the same instead of doing the write again.

    The row is inserted before the write, in the same transaction, and the unique constraint
    decides which of two concurrent requests with one key does the write. Rows older than
    `apps.core.api.idempotency.KEY_LIFETIME` are deleted as new keys come in.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    request = models.CharField(
        max_length=300, help_text=_("Method and path the key was used for."), verbose_name=_("request")
    )
    key = models.CharField(max_length=255, verbose_name=_("key"))
    fingerprint = models.CharField(
        max_length=64, help_text=_("SHA-256 of the validated request body."), verbose_name=_("fingerprint")
    )
    # Empty only inside the transaction that does the write, so no other request ever sees them empty.
    response_status = models.PositiveSmallIntegerField(null=True, verbose_name=_("response status"))
    response_body = models.JSONField(null=True, encoder=DjangoJSONEncoder, verbose_name=_("response body"))

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "request", "key"], name="idempotency_key_unique_per_user_request"),
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.key}"


class AuditAction(models.TextChoices):
    CLAIM_ADDED = "claim_added", "Claim added"
    CLAIM_EDITED = "claim_edited", "Claim text edited"
    CLAIM_REJECTED = "claim_rejected", "Claim rejected"
    CLAIM_RELEASED = "claim_released", "Claim released into review"
    CLAIM_MERGED = "claim_merged", "Claims merged"
    CLAIM_SPLIT = "claim_split", "Claim split"
    MATCH_CONFIRMED = "match_confirmed", "Repeat of an earlier claim confirmed"
    MATCH_DISMISSED = "match_dismissed", "Repeat of an earlier claim declined"
    REVIEW_ASSIGNED = "review_assigned", "Review assigned"
    REVIEW_STARTED = "review_started", "Review started"
    DRAFT_STARTED = "draft_started", "Verdict draft started"
    VERDICT_SUBMITTED = "verdict_submitted", "Verdict submitted"
    VERDICT_RETURNED = "verdict_returned", "Verdict returned"
    VERDICT_APPROVED = "verdict_approved", "Verdict approved"
    VERDICT_REOPENED = "verdict_reopened", "Approved verdict reopened for correction"
    VERDICT_CORRECTED = "verdict_corrected", "Corrected verdict approved"
    VERDICT_CORRECTION_WITHDRAWN = "verdict_correction_withdrawn", "Correction withdrawn, published verdict restored"
    EVIDENCE_ADDED = "evidence_added", "Evidence added"
    REFERENCES_REFRESHED = "references_refreshed", "References refreshed"
    ARTICLE_IMPORTED = "article_imported", "Article imported"
    INTAKE_RETRIED = "intake_retried", "Finding the article's claims tried again"
    FACT_CHECK_URL_SET = "fact_check_url_set", "Fact-check address set"
    ARTICLE_LANGUAGE_SET = "article_language_set", "Article language corrected"
    ARTICLE_DELETED = "article_deleted", "Article deleted"
    # Reader tips: the public's intake (apps.articles.tips); the tipster's email address is never recorded.
    TIP_CHECK_STARTED = "tip_check_started", "Check started from a reader tip"
    TIP_CLOSED = "tip_closed", "Reader tip closed without a check"
    TIPS_SETTING_CHANGED = "tips_setting_changed", "Reader tips turned on or off"
    TIP_EMAILS_ERASED = "tip_emails_erased", "Tipsters' email addresses erased"
    # The desk's settings (no article or claim): its people, rating scale and source rules.
    MEMBER_ADDED = "member_added", "Member added"
    MEMBER_ROLE_CHANGED = "member_role_changed", "Member's role changed"
    MEMBER_REMOVED = "member_removed", "Member removed"
    RATING_SCALE_COPIED = "rating_scale_copied", "Standard rating scale copied to the desk"
    RATING_ADDED = "rating_added", "Rating added"
    RATING_CHANGED = "rating_changed", "Rating changed"
    RATING_MOVED = "rating_moved", "Rating moved"
    RATING_REMOVED = "rating_removed", "Rating removed"
    SOURCE_RULE_ADDED = "source_rule_added", "Source rule added"
    SOURCE_RULE_CHANGED = "source_rule_changed", "Source rule changed"
    SOURCE_RULE_DEACTIVATED = "source_rule_deactivated", "Source rule deactivated"
    SOURCE_RULE_REACTIVATED = "source_rule_reactivated", "Source rule reactivated"
    # Webhook endpoints receive the desk's unpublished verdicts; their URLs are recorded as
    # scheme://host/… only (chat webhook URLs carry a credential in the path) and secrets never.
    WEBHOOK_ADDED = "webhook_added", "Webhook added"
    WEBHOOK_CHANGED = "webhook_changed", "Webhook changed"
    WEBHOOK_SECRET_ROTATED = "webhook_secret_rotated", "Webhook signing secret replaced"
    WEBHOOK_TURNED_OFF = "webhook_turned_off", "Webhook turned off after failed deliveries"
    WEBHOOK_DELETED = "webhook_deleted", "Webhook deleted"
    WEBHOOK_REDELIVERED = "webhook_redelivered", "Webhook delivery sent again"
    LIBRARY_DOCUMENT_ADDED = "library_document_added", "Library document added"
    LIBRARY_DOCUMENT_CHANGED = "library_document_changed", "Library document changed"
    LIBRARY_DOCUMENT_DELETED = "library_document_deleted", "Library document deleted"
    # Rows saved or deleted in the Django admin, outside the app's services: desks, memberships,
    # rating scales and ratings, source rules, provider settings, review tasks, verdicts.
    ADMIN_ADDED = "admin_added", "Added in the Django admin"
    ADMIN_CHANGED = "admin_changed", "Changed in the Django admin"
    ADMIN_DELETED = "admin_deleted", "Deleted in the Django admin"
    # A person's own sign-in (site-wide, no desk): never the password, the token's key or their hashes.
    PASSWORD_CHANGED = "password_changed", "Password changed by its owner"
    PASSWORD_RESET = "password_reset", "Password set from an emailed reset link"
    SIGN_IN_LOCKED = "sign_in_locked", "Sign-in locked after failed attempts"
    API_TOKEN_CREATED = "api_token_created", "API token created"
    API_TOKEN_ROTATED = "api_token_rotated", "API token replaced"
    API_TOKEN_REVOKED = "api_token_revoked", "API token revoked"
    TWO_STEP_ENABLED = "two_step_enabled", "Two-step sign-in turned on"
    TWO_STEP_DISABLED = "two_step_disabled", "Two-step sign-in turned off"
    RECOVERY_CODES_REGENERATED = "recovery_codes_regenerated", "Two-step sign-in recovery codes replaced"
    SIGN_IN_UNLOCKED = "sign_in_unlocked", "Sign-in lockout cleared"
    # On a desk: whether its people must sign in with two steps.
    TWO_STEP_REQUIREMENT_CHANGED = "two_step_requirement_changed", "Two-step sign-in required or not"


class AuditEvent(models.Model):
    """One thing a person did to a desk's claims, articles or settings: who, when, and what changed.

    Append-only: rows are written by `apps.core.audit.audit_record` in the transaction of the
    change they describe and never changed. The desk, article and claim are plain ids rather than
    foreign keys, so the record outlives what it describes (a deleted article's claims, a merged
    claim) and the lowest layer names no later stage's model. The actor's name is kept as it was,
    so the record still says who after an account is deleted.
    """

    occurred_at = models.DateTimeField(default=timezone.now, verbose_name=_("occurred at"))
    # None for a site-wide event: a row no desk owns (a shared source rule, the standard rating
    # scale) changed in the Django admin, which no desk's activity shows.
    desk_id = models.UUIDField(null=True, blank=True, verbose_name=_("desk id"))
    # None for a change to the desk's own settings (people, rating scale, source rules).
    article_id = models.UUIDField(null=True, blank=True, verbose_name=_("article id"))
    claim_id = models.UUIDField(null=True, blank=True, verbose_name=_("claim id"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_name = models.CharField(
        max_length=150, blank=True, help_text=_("Empty for the system."), verbose_name=_("actor name")
    )
    action = models.CharField(max_length=40, choices=AuditAction.choices, verbose_name=_("action"))
    details = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder, verbose_name=_("details"))

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["claim_id", "occurred_at"], name="audit_claim_time"),
            models.Index(fields=["article_id", "occurred_at"], name="audit_article_time"),
            models.Index(fields=["desk_id", "occurred_at"], name="audit_desk_time"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_name or 'system'}: {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Audit events are never changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit events are never deleted.")


class AccountPreference(models.Model):
    """What a person chose for their own account, beside Django's user row.

    `interface_language` is empty until they choose: their browser's language decides until then,
    and emails to them are in the site's default language.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="preference",
        verbose_name=_("user"),
    )
    interface_language = models.CharField(max_length=16, blank=True, verbose_name=_("interface language"))

    class Meta:
        verbose_name = _("account preference")
        verbose_name_plural = _("account preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.interface_language or 'browser language'}"


class PasswordResetEmailStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("notification status", "Pending")
    SENDING = "sending", pgettext_lazy("notification status", "Sending")
    SENT = "sent", pgettext_lazy("notification status", "Sent")
    # Not sent: the account was switched off, lost its address or its password sign-in since the request.
    SKIPPED = "skipped", pgettext_lazy("notification status", "Skipped")
    FAILED = "failed", pgettext_lazy("notification status", "Failed")


class PasswordResetEmail(BaseModel):
    """One emailed link to set a forgotten password: an outbox row (apps.core.outbox), written when the
    form is sent and sent by a worker, so the form answers at once and a mail server's trouble is
    retried. The link's token is made when the email is sent, and never stored."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("account")
    )
    status = models.CharField(
        max_length=10,
        choices=PasswordResetEmailStatus.choices,
        default=PasswordResetEmailStatus.PENDING,
        verbose_name=_("status"),
    )
    enqueued_at = models.DateTimeField(null=True, blank=True, verbose_name=_("enqueued at"))
    sending_since = models.DateTimeField(null=True, blank=True, verbose_name=_("sending since"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    error = models.TextField(blank=True, verbose_name=_("error"))
    # Why it was not sent as a code and values (apps.core.failures), worded again for each reader;
    # empty for a mail server's own error (kept as it said it) and for rows from before it was kept.
    error_detail = models.JSONField(default=dict, blank=True, verbose_name=_("error detail"))

    class Meta:
        verbose_name = _("password reset email")
        verbose_name_plural = _("password reset emails")
        indexes = [models.Index(fields=["status", "enqueued_at"], name="password_reset_email_outbox")]

    def __str__(self) -> str:
        return f"{self.account} {self.status}"

    @property
    def error_for_reader(self) -> str:
        """Why the link was not sent, in the reader's language (the active one)."""
        return failure_for_reader(self.error_detail, self.error)
