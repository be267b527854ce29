from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.core.failures import failure_code, failure_for_reader
from apps.core.languages import LANGUAGE_CODE_MAX_LENGTH, validate_language_code
from apps.core.models import BaseModel
from apps.desks.models import Desk


class SourceKind(models.TextChoices):
    """How an article came in. The admin and pages show the label in the reader's language; the audit
    trail keeps the English label (apps.core.audit words it when shown)."""

    PASTE = "paste", pgettext_lazy("article source kind", "Pasted text")
    UPLOAD = "upload", pgettext_lazy("article source kind", "Uploaded file")
    URL = "url", pgettext_lazy("article source kind", "Fetched URL")
    COMMAND = "command", pgettext_lazy("article source kind", "Command line")
    DEMO = "demo", pgettext_lazy("article source kind", "Demo data")


class IntakeStatus(models.TextChoices):
    """Where an article is in intake: finding its claims and setting up their review tasks."""

    DONE = "done", _("Claims found")
    QUEUED = "queued", _("Waiting to find claims")
    RUNNING = "running", _("Finding claims")
    FAILED = "failed", _("Finding claims failed")


class Article(BaseModel):
    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="articles", verbose_name=_("desk"))
    title = models.CharField(max_length=500, verbose_name=_("title"))
    byline = models.CharField(max_length=300, blank=True, verbose_name=_("byline"))
    outlet = models.CharField(max_length=200, blank=True, verbose_name=_("outlet"))
    published_on = models.DateField(null=True, blank=True, verbose_name=_("published on"))
    source_url = models.URLField(max_length=2000, blank=True, verbose_name=_("source url"))
    # Where the desk published its fact-check of this article: ClaimReview's `url`, which search
    # engines require before they show the verdicts.
    fact_check_url = models.URLField(max_length=2000, blank=True, verbose_name=_("fact check url"))
    body = models.TextField(verbose_name=_("body"))
    # BCP 47 tag ("en", "es", "pt-BR"): detected at import, corrected by editors; "" when not known.
    language = models.CharField(
        max_length=LANGUAGE_CODE_MAX_LENGTH, blank=True, validators=[validate_language_code], verbose_name=_("language")
    )
    # Whether an editor gave the language (at import or by correcting it) rather than the detector:
    # claim extraction trusts an editor's English over its own stop-word check.
    language_from_editor = models.BooleanField(default=False, verbose_name=_("language from editor"))
    # sha256 of the whitespace-normalised body: the same story pasted twice is one article.
    content_hash = models.CharField(max_length=64, editable=False, verbose_name=_("content hash"))
    source_kind = models.CharField(max_length=20, choices=SourceKind.choices, verbose_name=_("source kind"))
    original_filename = models.CharField(max_length=255, blank=True, verbose_name=_("original filename"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imported_articles",
        verbose_name=_("imported by"),
    )
    # Long articles go through intake on a worker instead of in the import request.
    intake_status = models.CharField(
        max_length=10, choices=IntakeStatus.choices, default=IntakeStatus.DONE, verbose_name=_("intake status")
    )
    intake_queued_at = models.DateTimeField(null=True, blank=True, verbose_name=_("intake queued at"))
    intake_started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("intake started at"))
    intake_attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("intake attempts"))
    intake_error = models.CharField(max_length=500, blank=True, verbose_name=_("intake error"))
    # The failure as a code and values (apps.core.failures), worded again for each reader; empty for
    # rows from before it was kept, which show their stored English text.
    intake_error_detail = models.JSONField(default=dict, blank=True, verbose_name=_("intake error detail"))

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["desk", "content_hash"], name="article_unique_content_per_desk"),
        ]
        indexes = [
            # The language filters ask for a tag or a narrower one (`language = 'pt' OR language LIKE
            # 'pt-%'`): the pattern operator class serves both halves whatever the database's collation.
            # For a rare language among 5,000 articles the list took 5-9 ms without it, 0.2-1 ms with it.
            # PostgreSQL only; other databases ignore the operator class.
            models.Index(fields=["language"], name="article_language", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def intake_error_for_reader(self) -> str:
        """The intake's failure in the reader's language (the active one)."""
        return failure_for_reader(self.intake_error_detail, self.intake_error)

    @property
    def intake_error_code(self) -> str:
        """The intake's failure's code (apps.core.failures), or "" when it has none."""
        return failure_code(self.intake_error_detail)

    @property
    def intake_pending(self) -> bool:
        return self.intake_status in (IntakeStatus.QUEUED, IntakeStatus.RUNNING)

    @property
    def imported_at(self):
        return self.created_at


class TipStatus(models.TextChoices):
    """Where a reader's tip is. "Checked" is reached once the article made from it has a published verdict."""

    NEW = "new", _("Received")
    CHECKING = "checking", _("Being checked")
    CHECKED = "checked", _("Checked")
    CLOSED = "closed", _("Closed without a check")


class TipEmailStatus(models.TextChoices):
    """The one email telling the tipster the outcome: an outbox row's states (apps.core.outbox)."""

    NONE = "", _("No email")
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Tip(BaseModel):
    """A claim or question a member of the public sent a desk that takes tips (`Desk.takes_tips`).

    The tipster has no account: `tracking_token` (secrets.token_urlsafe) is their only way back to
    it, and their address is never stored (the submit limit counts a hash of it in the cache). The
    email is kept only to tell them the outcome once, in `language`, the page's language they wrote in,
    and erased once no longer needed (`apps.articles.tips.tip_emails_erase`, TIP_EMAIL_KEEP_DAYS at most).
    """

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="tips", verbose_name=_("desk"))
    text = models.TextField(verbose_name=_("claim or question"))
    link = models.URLField(max_length=2000, blank=True, verbose_name=_("link"))
    reason = models.TextField(blank=True, verbose_name=_("why it matters"))
    email = models.EmailField(blank=True, verbose_name=_("email"))
    language = models.CharField(max_length=LANGUAGE_CODE_MAX_LENGTH, blank=True, verbose_name=_("language"))
    tracking_token = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("tracking token"))
    status = models.CharField(
        max_length=10, choices=TipStatus.choices, default=TipStatus.NEW, db_index=True, verbose_name=_("status")
    )
    # The article a check started from it; several tips about one story share it.
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reader_tips",
        verbose_name=_("article"),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("handled at"))
    # Shown to the tipster on the tracking page and in the email.
    public_reason = models.TextField(blank=True, verbose_name=_("public reason"))
    checked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("checked at"))
    email_status = models.CharField(
        max_length=10, choices=TipEmailStatus.choices, blank=True, default="", verbose_name=_("email status")
    )
    enqueued_at = models.DateTimeField(null=True, blank=True, verbose_name=_("enqueued at"))
    sending_since = models.DateTimeField(null=True, blank=True, verbose_name=_("sending since"))
    email_attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("email attempts"))
    email_error = models.CharField(max_length=1000, blank=True, verbose_name=_("email error"))
    # Why the email was not sent as a code and values (apps.core.failures), worded again for each
    # reader; empty for a mail server's own error (kept as it said it) and for rows from before it was kept.
    email_error_detail = models.JSONField(default=dict, blank=True, verbose_name=_("email error detail"))
    # When the address was erased (tip_emails_erase): the tracking page then says so rather than promising an email.
    email_erased_at = models.DateTimeField(null=True, blank=True, verbose_name=_("email address erased at"))

    class Meta:
        verbose_name = _("reader tip")
        verbose_name_plural = _("reader tips")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["desk", "status", "-created_at"], name="tip_desk_status_created")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def email_error_for_reader(self) -> str:
        """Why the outcome email was not sent, in the reader's language (the active one)."""
        return failure_for_reader(self.email_error_detail, self.email_error)
