from django.conf import settings
from django.db import models

from apps.core.models import BaseModel


class Desk(BaseModel):
    """A newsroom team: it owns its articles, rating scale and source rules."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", "Desk admin"
    EDITOR = "editor", "Editor"
    REVIEWER = "reviewer", "Reviewer"


class Membership(BaseModel):
    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.REVIEWER)

    class Meta:
        ordering = ["desk__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["desk", "user"], name="membership_unique_desk_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role}) in {self.desk}"

    @property
    def can_edit(self) -> bool:
        return self.role in (Role.ADMIN, Role.EDITOR)
