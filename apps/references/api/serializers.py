from rest_framework import serializers

from apps.references.models import LibraryDocument, Reference, ReferenceJob, SourceLink


class ReferenceOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reference
        fields = [
            "id",
            "claim",
            "url",
            "title",
            "publisher",
            "published_on",
            "snippet",
            "provider",
            "score",
            "fetched_at",
            "fetch_status",
            "passage",
            "passage_highlights",
            "stance",
            "stance_score",
            "stance_details",
            "archive_url",
            "archived_at",
            "link_status",
            "link_checked_at",
            "document_read_at",
            "added_by",
        ]
        read_only_fields = fields


class ReferenceAddInputSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000, help_text="Where the evidence can be read (http or https).")
    title = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default="", help_text="Empty: the URL stands for it."
    )
    note = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default="", help_text="Why it is evidence for the claim."
    )


class SourceLinkOutputSerializer(serializers.ModelSerializer):
    rule = serializers.SlugRelatedField(slug_field="name", read_only=True)

    class Meta:
        model = SourceLink
        fields = ["id", "claim", "rule", "url", "label", "reason", "archive_url", "archived_at"]
        read_only_fields = fields


class LibraryDocumentOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = LibraryDocument
        fields = ["id", "desk", "title", "publisher", "url", "published_on", "body", "created_at", "updated_at"]
        read_only_fields = fields


class LibraryDocumentInputSerializer(serializers.Serializer):
    desk = serializers.UUIDField(required=False)
    title = serializers.CharField(max_length=500)
    publisher = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    url = serializers.URLField(max_length=2000)
    published_on = serializers.DateField(required=False, allow_null=True, default=None)
    body = serializers.CharField(max_length=200_000)


class LibraryDocumentUploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    url = serializers.URLField(max_length=2000, help_text="Where the document comes from (cited to reviewers).")
    desk = serializers.UUIDField(required=False)
    title = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    publisher = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    published_on = serializers.DateField(required=False, allow_null=True, default=None)


class LibraryDocumentUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500, required=False)
    publisher = serializers.CharField(max_length=200, required=False, allow_blank=True)
    url = serializers.URLField(max_length=2000, required=False)
    published_on = serializers.DateField(required=False, allow_null=True)
    body = serializers.CharField(max_length=200_000, required=False)


class ReferenceJobOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReferenceJob
        fields = [
            "claim",
            "status",
            "attempts",
            "enqueued_at",
            "started_at",
            "finished_at",
            "provider_errors",
            "last_error",
        ]
        read_only_fields = fields


class ReferenceSummaryOutputSerializer(serializers.Serializer):
    references = serializers.IntegerField()
    by_stance = serializers.DictField(child=serializers.IntegerField())
    claims_supported = serializers.IntegerField()
    claims_contradicted = serializers.IntegerField()
    provider_failures = serializers.DictField(child=serializers.IntegerField())


class ReferenceProgressOutputSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    done = serializers.IntegerField()
    failed = serializers.IntegerField()
    running = serializers.IntegerField()
    pending = serializers.IntegerField()
    finished = serializers.BooleanField()
    provider_failures = serializers.DictField(child=serializers.IntegerField())
    label = serializers.CharField()
    summary = ReferenceSummaryOutputSerializer(allow_null=True, required=False)
