from django.conf import settings
from django.db import models

from apps.core.models import BaseModel
from apps.desks.models import Desk


class SourceKind(models.TextChoices):
    PASTE = "paste", "Pasted text"
    UPLOAD = "upload", "Uploaded file"
    URL = "url", "Fetched URL"
    COMMAND = "command", "Command line"
    DEMO = "demo", "Demo data"


class Article(BaseModel):
    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    source_url = models.URLField(max_length=2000, blank=True)
    body = models.TextField()
    # sha256 of the whitespace-normalised body: the same story pasted twice is one article.
    content_hash = models.CharField(max_length=64, editable=False)
    source_kind = models.CharField(max_length=20, choices=SourceKind.choices)
    original_filename = models.CharField(max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imported_articles",
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["desk", "content_hash"], name="article_unique_content_per_desk"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def imported_at(self):
        return self.created_at
