from django.db import models

from apps.articles.models import Article
from apps.core.models import BaseModel


class ClaimKind(models.TextChoices):
    STATISTIC = "statistic", "Statistic / quantity"
    EVENT = "event", "Event / action"
    QUOTE = "quote", "Quote"
    ATTRIBUTION = "attribution", "Attributed statement"
    CAUSAL = "causal", "Causal"
    COMPARISON = "comparison", "Comparison"
    PREDICTION = "prediction", "Prediction / opinion"
    OTHER = "other", "Other factual statement"


class Claim(BaseModel):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField()
    # Character span into article.body, so the article page can highlight the claim.
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=ClaimKind.choices, default=ClaimKind.OTHER)
    score = models.FloatField(help_text="Check-worthiness, 0..1")
    quantities = models.JSONField(default=list, blank=True)
    entities = models.JSONField(default=list, blank=True)
    # The words that made the extractor choose this kind, shown to the editor.
    cues = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["article", "start", "end"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="claim_span_not_empty"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=1), name="claim_score_0_1"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]
