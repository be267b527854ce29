from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from rest_framework import serializers

from apps.articles.models import Article, Tip
from apps.core.languages import LANGUAGE_CODE_MAX_LENGTH, language_code_normalize


class LanguageField(serializers.CharField):
    """A BCP 47 tag ("en", "es", "pt-BR"), answered in its conventional case; a malformed one is a 400."""

    def __init__(self, **kwargs):
        super().__init__(max_length=LANGUAGE_CODE_MAX_LENGTH, **kwargs)

    def to_internal_value(self, data):
        try:
            return language_code_normalize(super().to_internal_value(data))
        except ValidationError as error:
            raise serializers.ValidationError(error.messages) from error


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
    language = serializers.CharField(
        read_only=True,
        help_text='The article\'s language as a BCP 47 tag ("en", "es", "pt-BR"): detected at import, '
        "corrected by editors; empty when not known.",
    )
    intake_error = serializers.CharField(
        source="intake_error_for_reader",
        read_only=True,
        help_text="Why the background intake failed, in the language of the request (Accept-Language); empty "
        "unless `intake_status` is `failed`.",
    )
    intake_error_code = serializers.CharField(
        read_only=True,
        help_text="The intake failure's stable code (`intake_time_limit`, `intake_internal_error`, "
        "`intake_attempts_exhausted`), for clients to act on; empty when there is no failure, or for "
        "one recorded before codes were kept.",
    )

    class Meta:
        model = Article
        fields = [
            "id", "desk", "title", "byline", "outlet", "published_on", "source_url",
            "source_kind", "original_filename", "imported_by", "created_at", "claim_count",
            "intake_status", "intake_error", "intake_error_code", "fact_check_url", "language",
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
    """One or both of `fact_check_url` and `language`."""

    fact_check_url = serializers.CharField(
        max_length=2000,
        required=False,
        allow_blank=True,
        help_text="Where the desk published its fact-check of the article (ClaimReview `url`); empty clears it.",
    )
    language = LanguageField(
        required=False,
        allow_blank=True,
        help_text='The article\'s language as a BCP 47 tag ("en", "es", "pt-BR"); empty for not known. '
        "A change is in the article's audit trail.",
    )

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(gettext("Send `fact_check_url`, `language` or both."))
        return attrs


class ArticleImportInputSerializer(serializers.Serializer):
    """Exactly one of `text`, `file` or `url`."""

    desk = serializers.CharField(required=False, help_text="Desk slug or id; defaults to your first desk.")
    text = serializers.CharField(required=False, trim_whitespace=False, allow_blank=True)
    file = serializers.FileField(required=False, allow_empty_file=True)
    url = serializers.CharField(required=False, max_length=2000)
    language = LanguageField(
        required=False,
        allow_blank=True,
        help_text='The article\'s language as a BCP 47 tag ("en", "es", "pt-BR"); left out or empty, it is '
        "detected from the text.",
    )

    def validate(self, attrs):
        given = [key for key in ("text", "file", "url") if key in attrs]
        if len(given) != 1:
            raise serializers.ValidationError(gettext("Send exactly one of `text`, `file` or `url`."))
        return attrs


class TipOutputSerializer(serializers.ModelSerializer):
    """A reader tip as the desk's editors see it (the tipster's email and tracking link stay private)."""

    desk = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    link = serializers.CharField(read_only=True, help_text="Where the reader saw it, or empty.")
    reason = serializers.CharField(read_only=True, help_text="Why it matters or where it spread, or empty.")
    article = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The article a check started from the tip, or null."
    )
    public_reason = serializers.CharField(read_only=True, help_text="Why it was closed, as the reader is told.")
    wants_email = serializers.SerializerMethodField(help_text="Whether the reader asked to be emailed the outcome.")

    class Meta:
        model = Tip
        fields = [
            "id", "desk", "text", "link", "reason", "status", "created_at", "article",
            "handled_at", "checked_at", "public_reason", "wants_email",
        ]  # fmt: skip

    def get_wants_email(self, tip) -> bool:
        return bool(tip.email)


class TipCloseInputSerializer(serializers.Serializer):
    public_reason = serializers.CharField(
        max_length=1000,
        required=False,
        allow_blank=True,
        trim_whitespace=True,
        help_text="Why the desk does not check it, shown to the reader on their tip's page and in the email.",
    )
