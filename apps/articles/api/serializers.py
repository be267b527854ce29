from rest_framework import serializers

from apps.articles.models import Article


class ArticleOutputSerializer(serializers.ModelSerializer):
    desk = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    # Null for command-line imports and for importers whose account was deleted.
    imported_by = serializers.StringRelatedField(allow_null=True)
    claim_count = serializers.IntegerField(read_only=True, required=False)
    # A plain string: empty for pasted and uploaded articles, which a URL format would refuse.
    source_url = serializers.CharField(read_only=True, help_text="The page the article came from, or empty.")
    fact_check_url = serializers.CharField(
        read_only=True, help_text="Where the desk published its fact-check of the article, or empty."
    )

    class Meta:
        model = Article
        fields = [
            "id", "desk", "title", "byline", "outlet", "published_on", "source_url",
            "source_kind", "original_filename", "imported_by", "created_at", "claim_count",
            "intake_status", "intake_error", "fact_check_url",
        ]  # fmt: skip


class ArticleDetailOutputSerializer(ArticleOutputSerializer):
    class Meta(ArticleOutputSerializer.Meta):
        fields = [*ArticleOutputSerializer.Meta.fields, "body", "content_hash"]


class ArticleImportOutputSerializer(ArticleDetailOutputSerializer):
    created = serializers.SerializerMethodField(help_text="False when the same article was imported before.")

    class Meta(ArticleDetailOutputSerializer.Meta):
        fields = [*ArticleDetailOutputSerializer.Meta.fields, "created"]

    def get_created(self, article) -> bool:
        return self.context["created"]


class ArticleUpdateInputSerializer(serializers.Serializer):
    fact_check_url = serializers.CharField(
        max_length=2000,
        allow_blank=True,
        help_text="Where the desk published its fact-check of the article (ClaimReview `url`); empty clears it.",
    )


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
