from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from apps.claims.models import Claim
from apps.core.failures import failure_code, failure_for_reader
from apps.core.models import BaseModel
from apps.desks.models import Desk
from apps.references.models import Reference


class RatingScale(BaseModel):
    """A desk's verdict scale. The scale without a desk is the shipped default."""

    desk = models.OneToOneField(
        Desk, on_delete=models.CASCADE, null=True, blank=True, related_name="rating_scale", verbose_name=_("desk")
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    best_rating = models.PositiveSmallIntegerField(default=5, verbose_name=_("best rating"))
    worst_rating = models.PositiveSmallIntegerField(default=1, verbose_name=_("worst rating"))

    class Meta:
        verbose_name = _("rating scale")
        verbose_name_plural = _("rating scales")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Rating(BaseModel):
    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("scale"))
    label = models.CharField(max_length=100, verbose_name=_("label"))
    description = models.CharField(max_length=500, blank=True, verbose_name=_("description"))
    # schema.org ClaimReview reviewRating.ratingValue; null for ratings off the true/false line
    # (Misleading, Unverifiable), which ClaimReview then carries by alternateName only.
    claimreview_value = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("claimreview value"))
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("position"))
    # The label in other languages, by BCP 47 tag ({"es": "Falso", "fr": "Faux"}): exports of an
    # article in one of them use it. A JSON object rather than a table: it is read with the rating,
    # written whole from one form, and never queried by language.
    language_labels = models.JSONField(default=dict, blank=True, verbose_name=_("language labels"))

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["scale", "position"]
        constraints = [models.UniqueConstraint(fields=["scale", "label"], name="rating_unique_label_per_scale")]

    def __str__(self) -> str:
        return self.label

    def label_for(self, language: str) -> str:
        """The label for readers of `language` (a BCP 47 tag); see `rating_label_in_language`."""
        return rating_label_in_language(label=self.label, language_labels=self.language_labels, language=language)

    def choice_label_for(self, language: str) -> str:
        """The label for `language`, with the default label beside a translation ("Falso (False)"), where
        the rating is told apart from the rest of its scale: two ratings may share a translation ("False"
        and "Mostly false" both "Falso"), never a default label."""
        return rating_label_beside_default(label=self.label_for(language), default_label=self.label)


def rating_label_beside_default(*, label: str, default_label: str) -> str:
    """A rating's label in a language with its default label beside it where they differ ("Falso (False)"):
    default labels are unique on a scale, translations need not be."""
    return label if label == default_label else f"{label} ({default_label})"


def rating_label_in_language(*, label: str, language_labels: dict | None, language: str) -> str:
    """A rating's label for readers of `language` (a BCP 47 tag): the one given for it, else that of the
    tag with its last subtag dropped, and so on ("zh-Hant-TW": "zh-Hant", then "zh"; "es-MX": "es", as
    RFC 4647 lookup does), else the default `label`."""
    labels = language_labels or {}
    while language:
        if labels.get(language):
            return labels[language]
        language = language.rpartition("-")[0]
    return label


class TaskStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("review status", "New")
    ASSIGNED = "assigned", pgettext_lazy("review status", "Assigned")
    IN_REVIEW = "in_review", pgettext_lazy("review status", "In review")
    SUBMITTED = "submitted", pgettext_lazy("review status", "Submitted")
    RETURNED = "returned", pgettext_lazy("review status", "Returned")
    APPROVED = "approved", pgettext_lazy("review status", "Approved")


class ReviewTask(BaseModel):
    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="review_task", verbose_name=_("claim"))
    status = models.CharField(
        max_length=20, choices=TaskStatus.choices, default=TaskStatus.NEW, db_index=True, verbose_name=_("status")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_tasks",
        verbose_name=_("assignee"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    due_date = models.DateField(null=True, blank=True, verbose_name=_("due date"))
    editor_note = models.TextField(
        blank=True, help_text=_("Why the editor returned the verdict."), verbose_name=_("editor note")
    )
    # Counts the changes to the task's verdict (draft saved, submitted, returned, approved).
    # Verdict and approval forms carry the revision they were shown with, so a form left open
    # while someone else changed the verdict is refused instead of approving or overwriting what
    # its user never saw.
    verdict_revision = models.PositiveIntegerField(default=0, verbose_name=_("verdict revision"))

    class Meta:
        verbose_name = _("review task")
        verbose_name_plural = _("review tasks")
        ordering = ["claim__article", "claim__start"]

    def __str__(self) -> str:
        return f"{self.claim} [{self.status}]"


class Verdict(BaseModel):
    """The reviewer's current verdict on a task; resubmitting after a return updates it."""

    task = models.OneToOneField(ReviewTask, on_delete=models.CASCADE, related_name="verdict", verbose_name=_("task"))
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts", verbose_name=_("rating"))
    rationale = models.TextField(verbose_name=_("rationale"))
    cited_references = models.ManyToManyField(
        Reference, blank=True, related_name="cited_by", verbose_name=_("cited references")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts", verbose_name=_("reviewer")
    )
    submitted_at = models.DateTimeField(verbose_name=_("submitted at"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_verdicts",
        verbose_name=_("approved by"),
    )
    # When the version now standing was approved; a resubmission clears it until the next approval.
    approved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("approved at"))
    # When the verdict was first approved (published). Corrections never move it: ClaimReview's
    # datePublished stays the first publication, and dateModified is the latest correction.
    first_approved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("first approved at"))

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        indexes = [
            # The fact-check feed pages through a desk's checks in first-approval order: with this
            # index each chunk reads its own rows, not every verdict of the site again.
            models.Index(fields=["first_approved_at"], name="verdict_first_approved_at"),
        ]

    def __str__(self) -> str:
        return f"{self.rating} — {self.task.claim}"


@dataclass(frozen=True)
class RatingChange:
    """A correction's change of rating as readers of one language are told it (`VerdictCorrection.rating_change_for`):
    the rating it replaced and the one it gave, each with its default label beside it (`told_apart`) where
    the two read the same in that language."""

    previous: str
    rating: str
    told_apart: bool

    @property
    def text(self) -> str:
        """The change as it follows a correction's note in exports and on the claim page: "previously rated
        Verdadero", or, where the ratings share a translation, "rated Falso (Mostly false), previously rated
        Falso (False)", since the corrected rating is shown by that translation alone."""
        if self.told_apart:
            return gettext("rated %(rating)s, previously rated %(previous)s") % {
                "rating": self.rating,
                "previous": self.previous,
            }
        return gettext("previously rated %(previous)s") % {"previous": self.previous}


class VerdictCorrection(BaseModel):
    """One correction of an approved (published) verdict: why it was reopened, by whom, and the
    finding as it stood before, kept for good.

    Reopening writes the row with the published rating, rationale and cited references; while
    `corrected_at` is empty the correction is open and exports keep showing that published finding
    (the verdict row itself is rewritten when the reviewer resubmits). Approving the corrected
    verdict closes the row with the new rating and rationale. Rows are never changed after that nor
    deleted, so a verdict's corrections are its public corrections history.
    """

    verdict = models.ForeignKey(
        Verdict, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("verdict")
    )
    note = models.TextField(
        help_text=_("Why the verdict was reopened, as readers of the correction are told."), verbose_name=_("note")
    )
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reopened by"),
    )
    reopened_at = models.DateTimeField(verbose_name=_("reopened at"))
    # The finding as published before the correction.
    previous_rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, related_name="corrections_from", verbose_name=_("previous rating")
    )
    # The ratings' labels as they were when the correction was opened and closed: a correction is a
    # public record, and "previously rated False" must not turn into "previously rated Wrong" when a
    # desk admin later renames the rating. The foreign keys stay for what needs the row (withdrawing
    # a correction restores its rating; a rating in use cannot be removed).
    previous_rating_label = models.CharField(max_length=100, verbose_name=_("previous rating label"))
    # Its labels in other languages as they were then too: readers of an article in one of them are
    # told the rating in their language, as every export tells them the current one.
    previous_rating_language_labels = models.JSONField(
        default=dict, blank=True, verbose_name=_("previous rating language labels")
    )
    previous_rationale = models.TextField(verbose_name=_("previous rationale"))
    previous_cited_references = models.ManyToManyField(
        Reference, blank=True, related_name="+", verbose_name=_("previous cited references")
    )
    previous_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("previous reviewer"),
    )
    previous_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("previous approved by"),
    )
    previous_approved_at = models.DateTimeField(verbose_name=_("previous approved at"))
    # When the published revision was submitted, for withdrawing the correction to restore it; null on
    # rows whose reopening predates it being kept (migration 0010 fills the open ones it can).
    previous_submitted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("previous submitted at"))
    # Empty while the correction is open; the approval of the corrected verdict fills them.
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("corrected by"),
    )
    corrected_at = models.DateTimeField(null=True, blank=True, verbose_name=_("corrected at"))
    rating = models.ForeignKey(
        Rating, on_delete=models.PROTECT, null=True, blank=True, related_name="corrections_to", verbose_name=_("rating")
    )
    rating_label = models.CharField(max_length=100, blank=True, verbose_name=_("rating label"))
    rating_language_labels = models.JSONField(default=dict, blank=True, verbose_name=_("rating language labels"))
    rationale = models.TextField(blank=True, verbose_name=_("rationale"))

    class Meta:
        verbose_name = _("verdict correction")
        verbose_name_plural = _("verdict corrections")
        ordering = ["reopened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["verdict"],
                condition=models.Q(corrected_at__isnull=True),
                name="verdict_correction_one_open_per_verdict",
            )
        ]

    def __str__(self) -> str:
        state = "open" if self.is_open else f"corrected {self.corrected_at:%Y-%m-%d}"
        return f"Correction of {self.verdict_id}, reopened {self.reopened_at:%Y-%m-%d} ({state})"

    @property
    def is_open(self) -> bool:
        return self.corrected_at is None

    @property
    def rating_changed(self) -> bool:
        """Whether the correction changed the rating. Told by the ratings themselves, not their labels: two
        ratings may share a translation ("False" and "Mostly false" both "Falso"), and a rating renamed
        while the correction was open is still the same rating."""
        return not self.is_open and self.rating_id != self.previous_rating_id

    def rating_change_for(self, language: str) -> RatingChange | None:
        """What the correction did to the rating, for readers of `language` (a BCP 47 tag); None while it is
        open or where it left the rating as it was. Every page, export and chat line that tells a correction
        names the ratings through this, so none says "previously rated" where another says nothing."""
        if not self.rating_changed:
            return None
        previous = self.previous_rating_label_for(language)
        rating = self.rating_label_for(language)
        if previous != rating:
            return RatingChange(previous=previous, rating=rating, told_apart=False)
        # Two ratings sharing a translation are told apart by their default labels, as the verdict form
        # lists them ("Falso (False)").
        return RatingChange(
            previous=rating_label_beside_default(label=previous, default_label=self.previous_rating_label),
            rating=rating_label_beside_default(label=rating, default_label=self.rating_label),
            told_apart=True,
        )

    def previous_rating_label_for(self, language: str) -> str:
        """The rating published before the correction, as it was called then for readers of `language`."""
        return rating_label_in_language(
            label=self.previous_rating_label, language_labels=self.previous_rating_language_labels, language=language
        )

    def rating_label_for(self, language: str) -> str:
        """The corrected rating, as it was called when approved for readers of `language`; "" while open."""
        return rating_label_in_language(
            label=self.rating_label, language_labels=self.rating_language_labels, language=language
        )


class VerdictDraft(BaseModel):
    """What the assignee wrote towards a verdict and saved without submitting it; only they see it.

    Submitting the verdict deletes the draft. `saved_by` tells a reviewer the task was reassigned
    to that their predecessor left it.
    """

    task = models.OneToOneField(
        ReviewTask, on_delete=models.CASCADE, related_name="verdict_draft", verbose_name=_("task")
    )
    rating = models.ForeignKey(
        Rating, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("rating")
    )
    rationale = models.TextField(blank=True, verbose_name=_("rationale"))
    cited_references = models.ManyToManyField(
        Reference, blank=True, related_name="+", verbose_name=_("cited references")
    )
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("saved by")
    )

    class Meta:
        verbose_name = _("verdict draft")
        verbose_name_plural = _("verdict drafts")

    def __str__(self) -> str:
        return f"Draft verdict — {self.task.claim}"


class NotificationKind(models.TextChoices):
    """The emails the desk sends; each can be turned off by its recipient. Labels name them on the
    recipient's settings page."""

    TASK_ASSIGNED = "task_assigned", _("A claim is assigned to me")
    VERDICT_SUBMITTED = "verdict_submitted", _("A verdict I assigned is submitted for approval")
    VERDICT_RETURNED = "verdict_returned", _("An editor returns my verdict with a note")
    VERDICT_APPROVED = "verdict_approved", _("An editor approves my verdict")
    VERDICT_REOPENED = "verdict_reopened", _("An editor reopens my approved verdict for correction")
    CORRECTION_WITHDRAWN = "correction_withdrawn", _("An editor withdraws the correction I was asked to make")
    OVERDUE_DIGEST = "overdue_digest", _("Daily digest of overdue claims")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("notification status", "Pending")
    SENDING = "sending", pgettext_lazy("notification status", "Sending")
    SENT = "sent", pgettext_lazy("notification status", "Sent")
    # Not sent, and never will be: see `last_error` (the recipient left the desk, turned the kind
    # off or has no address since the row was written, or every attempt failed).
    SKIPPED = "skipped", pgettext_lazy("notification status", "Skipped")
    FAILED = "failed", pgettext_lazy("notification status", "Failed")


class Notification(BaseModel):
    """One email to one person about one or more review tasks: the outbox row and its delivery record.

    It is written in the transaction of the event it tells about, and its task is published after
    commit; a periodic sweeper publishes again the rows whose message was lost. `dedupe_key` names
    the event, so the same event never makes two rows (a digest run twice a day sends one).
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices, verbose_name=_("kind"))
    # Who caused the event, named in the email; none for the digest.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    tasks = models.ManyToManyField(ReviewTask, related_name="notifications", verbose_name=_("tasks"))
    # What the email tells beyond the tasks, fixed when the event happened (the editor's note).
    note = models.TextField(blank=True, verbose_name=_("note"))
    dedupe_key = models.CharField(max_length=200, unique=True, verbose_name=_("dedupe key"))
    status = models.CharField(
        max_length=20,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
        db_index=True,
        verbose_name=_("status"),
    )
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    enqueued_at = models.DateTimeField(null=True, blank=True, verbose_name=_("enqueued at"))
    sending_since = models.DateTimeField(null=True, blank=True, verbose_name=_("sending since"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent at"))
    last_error = models.TextField(blank=True, verbose_name=_("last error"))
    # Why it was not sent as a code and values (apps.core.failures), worded again for each reader;
    # empty for a mail server's own error (kept as it said it) and for rows from before it was kept.
    last_error_detail = models.JSONField(default=dict, blank=True, verbose_name=_("last error detail"))

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.kind} to {self.recipient_id}: {self.status}"

    @property
    def last_error_for_reader(self) -> str:
        """Why the email was not sent, in the reader's language (the active one)."""
        return failure_for_reader(self.last_error_detail, self.last_error)

    @property
    def last_error_code(self) -> str:
        """The code (apps.core.failures) of why the email was not sent, or "" when it has none."""
        return failure_code(self.last_error_detail)


class NotificationOptOut(BaseModel):
    """A kind of email its user turned off; every kind is on until they do."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_opt_outs", verbose_name=_("user")
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices, verbose_name=_("kind"))

    class Meta:
        verbose_name = _("notification opt out")
        verbose_name_plural = _("notification opt outs")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_opt_out_unique_user_kind")]

    def __str__(self) -> str:
        return f"{self.user_id} turned off {self.kind}"
