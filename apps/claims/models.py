from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.articles.models import Article
from apps.core.models import BaseModel


class ClaimKind(models.TextChoices):
    STATISTIC = "statistic", _("Statistic / quantity")
    EVENT = "event", _("Event / action")
    QUOTE = "quote", _("Quote")
    ATTRIBUTION = "attribution", _("Attributed statement")
    CAUSAL = "causal", _("Causal")
    COMPARISON = "comparison", _("Comparison")
    PREDICTION = "prediction", _("Prediction / opinion")
    OTHER = "other", _("Other factual statement")


class ClaimStatus(models.TextChoices):
    ACTIVE = "active", _("In the queue")
    # Predictions and opinions: shown to editors, kept out of the review queue by default.
    HELD = "held", _("Held back (prediction/opinion)")
    REJECTED = "rejected", _("Rejected by an editor")


class ClaimOrigin(models.TextChoices):
    EXTRACTED = "extracted", _("Found by the extractor")
    EDITOR = "editor", _("Added or reshaped by an editor")


class MatchStatus(models.TextChoices):
    NONE = "", _("No match")
    SUGGESTED = "suggested", _("Suggested, needs a person to confirm")
    LINKED = "linked", _("Linked automatically")
    CONFIRMED = "confirmed", _("Confirmed by an editor")
    DISMISSED = "dismissed", _("Dismissed by an editor")


class Claim(BaseModel):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims", verbose_name=_("article"))
    text = models.TextField(verbose_name=_("text"))
    # Character span into article.body, so the article page can highlight the claim.
    start = models.PositiveIntegerField(verbose_name=_("start"))
    end = models.PositiveIntegerField(verbose_name=_("end"))
    kind = models.CharField(max_length=20, choices=ClaimKind.choices, default=ClaimKind.OTHER, verbose_name=_("kind"))
    score = models.FloatField(help_text=_("Check-worthiness, 0..1"), verbose_name=_("score"))
    quantities = models.JSONField(default=list, blank=True, verbose_name=_("quantities"))
    entities = models.JSONField(default=list, blank=True, verbose_name=_("entities"))
    # The words that made the extractor choose this kind, shown to the editor.
    cues = models.JSONField(default=list, blank=True, verbose_name=_("cues"))
    dates = models.JSONField(default=list, blank=True, verbose_name=_("dates"))
    # Who the article says made the statement ("Kommersant"), empty for the article's own voice.
    attribution = models.CharField(max_length=300, blank=True, verbose_name=_("attribution"))
    # Every [start, end) the claim was built from: a split claim's subject and predicate, or each
    # place a repeated claim appears. `start`/`end` cover them all.
    spans = models.JSONField(default=list, blank=True, verbose_name=_("spans"))
    status = models.CharField(
        max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.ACTIVE, db_index=True, verbose_name=_("status")
    )
    rejection_reason = models.TextField(blank=True, verbose_name=_("rejection reason"))
    origin = models.CharField(
        max_length=20, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED, verbose_name=_("origin")
    )
    # An earlier checked claim this one repeats, so the reviewer can reuse its verdict.
    matched_claim = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="later_matches",
        verbose_name=_("matched claim"),
    )
    match_score = models.FloatField(null=True, blank=True, verbose_name=_("match score"))
    match_status = models.CharField(
        max_length=20, choices=MatchStatus.choices, default="", blank=True, verbose_name=_("match status")
    )

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["article", "start", "end"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="claim_span_not_empty"),
            models.CheckConstraint(condition=models.Q(score__gte=0) & models.Q(score__lte=1), name="claim_score_0_1"),
        ]
        # The claims API's kind filter (with or without status) across a desk's history; status
        # alone has its own index.
        indexes = [models.Index(fields=["kind", "status"], name="claim_kind_status")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def pieces(self) -> list[tuple[int, int]]:
        """The [start, end) spans of the body the claim was built from, or its whole span."""
        return [(start, end) for start, end in self.spans] or [(self.start, self.end)]


class FeedbackAction(models.TextChoices):
    REJECT = "reject", pgettext_lazy("claim feedback", "Rejected")
    EDIT = "edit", pgettext_lazy("claim feedback", "Text edited")
    MERGE = "merge", pgettext_lazy("claim feedback", "Merged")
    SPLIT = "split", pgettext_lazy("claim feedback", "Split")
    CREATE = "create", pgettext_lazy("claim feedback", "Added from a passage")
    RELEASE = "release", pgettext_lazy("claim feedback", "Released to the queue")


class ClaimFeedback(BaseModel):
    """What an editor changed about the extractor's output; training data for the next model.

    `label` is the check-worthiness verdict the action implies for `text`: False for a
    rejection, True for a claim an editor added or released into the queue; None where the
    action says nothing about it.
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="claim_feedback", verbose_name=_("article")
    )
    claim = models.ForeignKey(
        Claim, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback", verbose_name=_("claim")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("user")
    )
    action = models.CharField(max_length=20, choices=FeedbackAction.choices, verbose_name=_("action"))
    text = models.TextField(blank=True, verbose_name=_("text"))
    previous_text = models.TextField(blank=True, verbose_name=_("previous text"))
    reason = models.TextField(blank=True, verbose_name=_("reason"))
    spans = models.JSONField(default=list, blank=True, verbose_name=_("spans"))
    label = models.BooleanField(null=True, verbose_name=_("label"))

    class Meta:
        verbose_name = _("claim feedback")
        verbose_name_plural = _("claim feedbacks")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action}: {self.text[:60]}"


class ExtractionStatus(models.TextChoices):
    DONE = "done", _("Claims extracted")
    UNSUPPORTED_LANGUAGE = "unsupported_language", _("Not English: add claims by hand")


class ArticleExtraction(BaseModel):
    """The outcome of automatic extraction for one article, shown beside its claims."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="claim_extraction", verbose_name=_("article")
    )
    status = models.CharField(max_length=30, choices=ExtractionStatus.choices, verbose_name=_("status"))
    message = models.CharField(max_length=500, blank=True, verbose_name=_("message"))
    claim_count = models.PositiveIntegerField(default=0, verbose_name=_("claim count"))
    duration_ms = models.PositiveIntegerField(default=0, verbose_name=_("duration ms"))

    class Meta:
        verbose_name = _("article extraction")
        verbose_name_plural = _("article extractions")

    def __str__(self) -> str:
        return f"{self.article}: {self.status}"
