from rest_framework import serializers

from apps.claims.models import ClaimKind
from apps.core.api.fields import UUIDStringField
from apps.references.models import (
    SOURCE_RULE_MAX_KEYWORD_LENGTH,
    SOURCE_RULE_MAX_KEYWORDS,
    LibraryDocument,
    Reference,
    ReferenceJob,
    SourceLink,
    SourceRule,
    SourceRuleTopic,
)
from apps.references.selectors import LIBRARY_EXCERPT_CHARS

ARCHIVE_URL_HELP = "The Internet Archive's snapshot of the page; empty until one is found."


class ReferenceOutputSerializer(serializers.ModelSerializer):
    # Not a URLField: the schema would promise a URI, and the field is empty until archived.
    archive_url = serializers.CharField(read_only=True, help_text=ARCHIVE_URL_HELP)
    document_error = serializers.CharField(
        source="document_error_for_reader",
        read_only=True,
        help_text="Why the page could not be read (`fetch_status` `failed`), in the language of the request "
        "(Accept-Language); empty when it was read. `stance_details.document_error` keeps it in English.",
    )
    document_error_code = serializers.CharField(
        read_only=True,
        help_text="The stable code of that failure (`robots_refused`, `http_status`, `not_a_web_page`, "
        "`too_large_sent`, ...); empty when there is none, or for one recorded before codes were kept.",
    )

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
            "document_error",
            "document_error_code",
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
    rule = serializers.SlugRelatedField(
        slug_field="name",
        read_only=True,
        allow_null=True,
        help_text="The name of the source rule that made the link; null for a UN document's link, or once the rule "
        "is deleted.",
    )
    archive_url = serializers.CharField(read_only=True, help_text=ARCHIVE_URL_HELP)

    class Meta:
        model = SourceLink
        fields = ["id", "claim", "rule", "url", "label", "reason", "archive_url", "archived_at"]
        read_only_fields = fields


class LibraryDocumentOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = LibraryDocument
        fields = ["id", "desk", "title", "publisher", "url", "published_on", "body", "created_at", "updated_at"]
        read_only_fields = fields


class LibraryDocumentSummaryOutputSerializer(serializers.ModelSerializer):
    """A row of the library's list: the body's start and length instead of the body, which GET of
    the document answers in full."""

    body_excerpt = serializers.CharField(help_text=f"The body's first {LIBRARY_EXCERPT_CHARS} characters.")
    body_length = serializers.IntegerField(help_text="The body's length in characters.")

    class Meta:
        model = LibraryDocument
        fields = [
            "id", "desk", "title", "publisher", "url", "published_on", "body_excerpt", "body_length",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class LibraryDocumentListQuerySerializer(serializers.Serializer):
    full_text = serializers.BooleanField(
        default=False,
        help_text="1: rows are whole documents, body included, as GET of a document answers them. A body "
        "can be 2,000,000 characters, so a page of them can be hundreds of megabytes.",
    )


class LibraryDocumentInputSerializer(serializers.Serializer):
    desk = UUIDStringField(required=False)
    title = serializers.CharField(max_length=500)
    publisher = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    url = serializers.URLField(max_length=2000)
    published_on = serializers.DateField(required=False, allow_null=True, default=None)
    body = serializers.CharField(max_length=200_000)


class LibraryDocumentUploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    url = serializers.URLField(max_length=2000, help_text="Where the document comes from (cited to reviewers).")
    desk = UUIDStringField(required=False)
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
    provider_errors = serializers.DictField(
        child=serializers.CharField(),
        source="provider_errors_for_reader",
        read_only=True,
        help_text="Each source that failed, by its name, with why, in the language of the request (Accept-Language).",
    )
    provider_error_codes = serializers.DictField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Each failed source's stable failure code (`no_answer_in_time`, `http_status`, "
        "`reference_provider_unknown`, ...), by its name; empty for one recorded before codes were kept.",
    )
    last_error = serializers.CharField(
        source="last_error_for_reader",
        read_only=True,
        help_text="Why the job, or some of its sources, failed, in the language of the request (Accept-Language).",
    )
    last_error_code = serializers.CharField(
        read_only=True,
        help_text="The stable code of that failure (`reference_job_gave_up`, `reference_provider_failed`, "
        "`reference_provider_failures`, ...); empty when there is none, or for one recorded before codes were kept.",
    )

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
            "provider_error_codes",
            "last_error",
            "last_error_code",
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


KINDS_HELP = f"Claim kinds, of {', '.join(ClaimKind.values)}; empty means any."


class SourceRuleOutputSerializer(serializers.ModelSerializer):
    kinds = serializers.ListField(child=serializers.CharField(), help_text=KINDS_HELP)
    keywords = serializers.ListField(
        child=serializers.CharField(), help_text="A claim must mention one (case-insensitive); empty means any."
    )
    excluded_keywords = serializers.ListField(
        child=serializers.CharField(), help_text="A claim that mentions any of these gets no link."
    )
    shared = serializers.SerializerMethodField(
        help_text="Applies to every desk and is read-only here (a site administrator changes it); "
        "false for the desk's own rules, which its admins change."
    )

    class Meta:
        model = SourceRule
        fields = [
            "id",
            "name",
            "label",
            "topic",
            "url_template",
            "reason",
            "kinds",
            "keywords",
            "excluded_keywords",
            "requires_attribution",
            "priority",
            "is_active",
            "shared",
            "updated_at",
        ]
        read_only_fields = fields

    def get_shared(self, rule: SourceRule) -> bool:
        return rule.desk_id is None


class SourceRuleInputSerializer(serializers.Serializer):
    """A desk rule's fields. Blank names, labels and reasons, URL templates, names already taken,
    priorities and keyword limits are the service's to refuse, with its messages."""

    name = serializers.CharField(max_length=200, allow_blank=True, help_text="Unique on this desk, ignoring case.")
    label = serializers.CharField(
        max_length=300, allow_blank=True, help_text="The link text; placeholders such as {outlet} are filled in."
    )
    url_template = serializers.CharField(
        allow_blank=True,
        help_text="An http(s) address on a fixed site; its path and query may use {query}, {outlet}, {year}, "
        "{actor} and {speaker}.",
    )
    reason = serializers.CharField(
        max_length=500, allow_blank=True, help_text="Shown to the reviewer: why this source."
    )
    topic = serializers.ChoiceField(choices=SourceRuleTopic.choices, default=SourceRuleTopic.OTHER)
    # Unknown kinds are the model's to refuse, naming them.
    kinds = serializers.ListField(child=serializers.CharField(), default=list, help_text=KINDS_HELP)
    keywords = serializers.ListField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=False),
        default=list,
        help_text=f"A claim must mention one; empty means any. At most {SOURCE_RULE_MAX_KEYWORDS} words of "
        f"at most {SOURCE_RULE_MAX_KEYWORD_LENGTH} characters.",
    )
    excluded_keywords = serializers.ListField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=False),
        default=list,
        help_text=f"A claim that mentions any of these gets no link. At most {SOURCE_RULE_MAX_KEYWORDS} words "
        f"of at most {SOURCE_RULE_MAX_KEYWORD_LENGTH} characters.",
    )
    requires_attribution = serializers.BooleanField(default=False, help_text="Only for claims that name an outlet.")
    priority = serializers.IntegerField(default=100, help_text="0 to 32767; lower comes first.")


class SourceRuleUpdateInputSerializer(SourceRuleInputSerializer):
    """The fields to change; those left out keep their values."""

    is_active = serializers.BooleanField(
        required=False, help_text="false stops the rule attaching links to new articles; true turns it back on."
    )
