import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class BaseModel(models.Model):
    """UUID primary key (public URLs never expose a row count) and creation/update times."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class IdempotencyKey(BaseModel):
    """An Idempotency-Key a client sent with a write, and the answer it got, so that a retry
    (say, after a network timeout) is answered the same instead of doing the write again.

    The row is inserted before the write, in the same transaction, and the unique constraint
    decides which of two concurrent requests with one key does the write. Rows older than
    `apps.core.api.idempotency.KEY_LIFETIME` are deleted as new keys come in.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    request = models.CharField(max_length=300, help_text="Method and path the key was used for.")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the validated request body.")
    # Empty only inside the transaction that does the write, so no other request ever sees them empty.
    response_status = models.PositiveSmallIntegerField(null=True)
    response_body = models.JSONField(null=True, encoder=DjangoJSONEncoder)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "request", "key"], name="idempotency_key_unique_per_user_request"),
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.key}"
