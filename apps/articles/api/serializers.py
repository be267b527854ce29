from rest_framework import serializers

from apps.articles.models import Article


class ArticleOutputSerializer(serializers.ModelSerializer):
    desk = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    imported_by = serializers.StringRelatedField()
    claim_count = serializers.IntegerField(read_only=True, required=False)

    class Meta:
        model = Article
        fields = [
            "id", "desk", "title", "byline", "outlet", "published_on", "source_url",
            "source_kind", "original_filename", "imported_by", "created_at", "claim_count",
            "intake_status", "intake_error",
        ]  # fmt: skip


class ArticleDetailOutputSerializer(ArticleOutputSerializer):
    class Meta(ArticleOutputSerializer.Meta):
        fields = [*ArticleOutputSerializer.Meta.fields, "body", "content_hash"]


class ArticleImportInputSerializer(serializers.Serializer):
    """Exactly one of `text`, `file` or `url`."""

    desk = serializers.CharField(required=False, help_text="Desk slug or id; defaults to your first desk.")
    text = serializers.CharField(required=False, trim_whitespace=False, allow_blank=True)
    file = serializers.FileField(required=False, allow_empty_file=True)
    url = serializers.CharField(required=False, max_length=2000)

    def validate(self, attrs):
        given = [key for key in ("text", "file", "url") if key in attrs]
        if len(given) != 1:
            raise serializers.ValidationError("Send exactly one of `text`, `file` or `url`.")
        return attrs
