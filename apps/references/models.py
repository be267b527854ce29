from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from apps.claims.models import Claim, ClaimKind
from apps.core.failures import failure_code, failure_for_reader
from apps.core.models import BaseModel
from apps.desks.models import Desk


class SourceRuleTopic(models.TextChoices):
    UN_VOTES = "un_votes", _("UN votes and vetoes")
    CASUALTIES = "casualties", _("Casualty figures")
    ELECTIONS = "elections", _("Elections")
    ECONOMY = "economy", _("Economic statistics")
    QUOTES = "quotes", _("Quotes")
    MEDIA = "media", _("Media coverage")
    REFUGEES = "refugees", _("Refugees and displacement")
    AGREEMENTS = "agreements", _("Agreements and declarations")
    OTHER = "other", _("Other")


SOURCE_RULE_MAX_KEYWORDS = 100
SOURCE_RULE_MAX_KEYWORD_LENGTH = 100


def source_rule_keywords_validate(value: object) -> None:
    """A rule's keyword list: at most SOURCE_RULE_MAX_KEYWORDS words of at most
    SOURCE_RULE_MAX_KEYWORD_LENGTH characters each.

    Every claim of every import is searched for every keyword of every rule, so a rule with
    thousands of them slows each import of every article the desk takes in.
    """
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise ValidationError(_("Give a list of words."), code="invalid")
    if len(value) > SOURCE_RULE_MAX_KEYWORDS:
        raise ValidationError(
            _("At most %(limit)s words; this list has %(count)s.")
            % {"limit": SOURCE_RULE_MAX_KEYWORDS, "count": f"{len(value):,}"},
            code="too_many",
        )
    for word in value:
        if len(word) > SOURCE_RULE_MAX_KEYWORD_LENGTH:
            raise ValidationError(
                _("Each word is at most %(limit)s characters; “%(word)s…” has %(length)s.")
                % {"limit": SOURCE_RULE_MAX_KEYWORD_LENGTH, "word": word[:30], "length": f"{len(word):,}"},
                code="too_long",
            )


def source_rule_kinds_validate(value: object) -> None:
    """A rule's claim kinds: a list of ClaimKind values (matching tests membership in it)."""
    if not isinstance(value, list) or not all(isinstance(kind, str) for kind in value):
        raise ValidationError(_("Give a list of claim kinds."), code="invalid")
    unknown = [kind for kind in value if kind not in ClaimKind.values]
    if unknown:
        raise ValidationError(_("Unknown claim kinds: %(kinds)s.") % {"kinds": ", ".join(unknown)}, code="unknown")


class SourceRule(BaseModel):
    """Attaches a source link to claims of some kinds that mention some keywords.

    `url_template` may use, URL-encoded, {query} (the claim's key terms), {outlet} (an outlet the
    claim attributes to), {year} (the first year the claim names, else the article's),
    {actor} (the claim's first person or organisation) and {speaker} (the person the claim is
    attributed to, when that is a person, not an outlet). A claim that lacks a value the template
    needs gets no link from the rule, and neither does one that mentions an excluded keyword.
    A rule without a desk applies to every desk (a shared rule). Names are unique, ignoring case,
    among a desk's own rules and the shared ones it sees, so that each desk names its rules freely
    and never learns another desk's.
    """

    desk = models.ForeignKey(
        Desk, on_delete=models.CASCADE, null=True, blank=True, related_name="source_rules", verbose_name=_("desk")
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    label = models.CharField(max_length=300, verbose_name=_("label"))
    topic = models.CharField(
        max_length=20, choices=SourceRuleTopic.choices, default=SourceRuleTopic.OTHER, verbose_name=_("topic")
    )
    url_template = models.CharField(max_length=2000, verbose_name=_("url template"))
    reason = models.CharField(
        max_length=500, help_text=_("Shown to the reviewer: why this source."), verbose_name=_("reason")
    )
    kinds = models.JSONField(
        default=list,
        blank=True,
        validators=[source_rule_kinds_validate],
        help_text=f"Claim kinds; empty means any. One of {ClaimKind.values}",
        verbose_name=_("kinds"),
    )
    keywords = models.JSONField(
        default=list,
        blank=True,
        validators=[source_rule_keywords_validate],
        help_text=_("Any of these words (case-insensitive); empty means any."),
        verbose_name=_("keywords"),
    )
    excluded_keywords = models.JSONField(
        default=list,
        blank=True,
        validators=[source_rule_keywords_validate],
        help_text=_("Never for claims that mention any of these words (case-insensitive), even with a keyword."),
        verbose_name=_("excluded keywords"),
    )
    requires_attribution = models.BooleanField(
        default=False, help_text=_("Only for claims that name an outlet."), verbose_name=_("requires attribution")
    )
    is_active = models.BooleanField(default=True, verbose_name=_("is active"))
    priority = models.PositiveSmallIntegerField(default=100, verbose_name=_("priority"))

    class Meta:
        verbose_name = _("source rule")
        verbose_name_plural = _("source rules")
        ordering = ["priority", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "desk",
                condition=models.Q(desk__isnull=False),
                name="source_rule_unique_desk_name",
                violation_error_message="This desk already has a source rule with this name.",
            ),
            models.UniqueConstraint(
                Lower("name"),
                condition=models.Q(desk__isnull=True),
                name="source_rule_unique_shared_name",
                violation_error_message="A shared source rule already has this name.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # A shared rule is listed on every desk beside the desk's own rules, so a desk rule and a
        # shared one must not share a name either; no single constraint spans the two scopes.
        clashes = SourceRule.objects.filter(name__iexact=self.name).exclude(pk=self.pk)
        if self.desk_id is not None and clashes.filter(desk__isnull=True).exists():
            raise ValidationError(
                {"name": f"A shared rule named {self.name!r} already exists; it applies to every desk."}
            )
        if self.desk_id is None and clashes.filter(desk__isnull=False).exists():
            raise ValidationError({"name": f"A desk's own rule named {self.name!r} already exists."})


class LinkStatus(models.TextChoices):
    UNCHECKED = "unchecked", _("Not checked yet")
    ALIVE = "alive", _("Alive")
    DEAD = "dead", _("Dead")


class SourceLink(BaseModel):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="source_links", verbose_name=_("claim"))
    rule = models.ForeignKey(
        SourceRule, on_delete=models.SET_NULL, null=True, blank=True, related_name="links", verbose_name=_("rule")
    )
    url = models.URLField(max_length=2000, verbose_name=_("url"))
    label = models.CharField(max_length=300, verbose_name=_("label"))
    reason = models.CharField(max_length=500, blank=True, verbose_name=_("reason"))
    archive_url = models.URLField(max_length=2000, blank=True, verbose_name=_("archive url"))
    archived_at = models.DateTimeField(null=True, blank=True, verbose_name=_("archived at"))

    class Meta:
        verbose_name = _("source link")
        verbose_name_plural = _("source links")
        ordering = ["claim", "created_at"]
        constraints = [models.UniqueConstraint(fields=["claim", "url"], name="source_link_unique_claim_url")]

    def __str__(self) -> str:
        return self.label


class LibraryDocument(BaseModel):
    """A document in the desk's local reference library, searched by full text."""

    desk = models.ForeignKey(
        Desk, on_delete=models.CASCADE, null=True, blank=True, related_name="library_documents", verbose_name=_("desk")
    )
    title = models.CharField(max_length=500, verbose_name=_("title"))
    publisher = models.CharField(max_length=200, blank=True, verbose_name=_("publisher"))
    url = models.URLField(max_length=2000, verbose_name=_("url"))
    published_on = models.DateField(null=True, blank=True, verbose_name=_("published on"))
    body = models.TextField(verbose_name=_("body"))

    class Meta:
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["desk", "url"], name="library_document_unique_desk_url")]

    def __str__(self) -> str:
        return self.title


class FetchStatus(models.TextChoices):
    OK = "ok", pgettext_lazy("reference fetch status", "Fetched")
    FAILED = "failed", pgettext_lazy("reference fetch status", "Failed")


class Stance(models.TextChoices):
    """What the best passage does with the claim's figures: a hint for the reviewer, not a verdict."""

    SUPPORTS = "supports", _("Supports")
    CONTRADICTS = "contradicts", _("Contradicts")
    MENTIONS = "mentions", _("Mentions")
    UNRELATED = "unrelated", _("Unrelated")


class ProviderName(models.TextChoices):
    """The reference providers (`apps.references.providers.provider_registry`), named for people."""

    LOCAL_LIBRARY = "local_library", _("Local reference library")
    WIKIPEDIA = "wikipedia", _("Wikipedia")
    RELIEFWEB = "reliefweb", _("ReliefWeb (UN OCHA)")
    GOOGLE_FACTCHECK = "google_factcheck", _("Google Fact Check Tools")
    GDELT = "gdelt", _("GDELT news coverage")
    WIKIDATA = "wikidata", _("Wikidata (figures)")
    # Not a provider: evidence a reviewer or editor found themselves and added by its URL.
    PERSON = "person", _("Added by a desk member")


# A desk switches gathering providers on and off; evidence added by a person is not one.
GATHERING_PROVIDER_CHOICES = [(value, label) for value, label in ProviderName.choices if value != ProviderName.PERSON]


class Reference(BaseModel):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="references", verbose_name=_("claim"))
    url = models.URLField(max_length=2000, verbose_name=_("url"))
    title = models.CharField(max_length=500, verbose_name=_("title"))
    publisher = models.CharField(max_length=200, blank=True, verbose_name=_("publisher"))
    published_on = models.DateField(null=True, blank=True, verbose_name=_("published on"))
    snippet = models.TextField(blank=True, verbose_name=_("snippet"))
    provider = models.CharField(max_length=50, choices=ProviderName.choices, verbose_name=_("provider"))
    score = models.FloatField(default=0, verbose_name=_("score"))
    fetched_at = models.DateTimeField(verbose_name=_("fetched at"))
    fetch_status = models.CharField(
        max_length=20, choices=FetchStatus.choices, default=FetchStatus.OK, verbose_name=_("fetch status")
    )
    # Evidence: the passage of the document that best matches the claim, the [start, end)
    # character spans to highlight in it, and how its figures compare with the claim's.
    passage = models.TextField(blank=True, verbose_name=_("passage"))
    passage_highlights = models.JSONField(default=list, blank=True, verbose_name=_("passage highlights"))
    stance = models.CharField(max_length=20, choices=Stance.choices, default=Stance.UNRELATED, verbose_name=_("stance"))
    stance_score = models.FloatField(default=0, verbose_name=_("stance score"))
    stance_details = models.JSONField(default=dict, blank=True, verbose_name=_("stance details"))
    # Internet Archive copy, so a citation survives the page going away.
    archive_url = models.URLField(max_length=2000, blank=True, verbose_name=_("archive url"))
    archived_at = models.DateTimeField(null=True, blank=True, verbose_name=_("archived at"))
    link_status = models.CharField(
        max_length=20, choices=LinkStatus.choices, default=LinkStatus.UNCHECKED, verbose_name=_("link status")
    )
    link_checked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("link checked at"))
    # When the linked page itself was fetched and its main text searched for evidence (search
    # results from news and fact-check indexes come with a title only).
    document_read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("document read at"))
    # Who added it by hand (provider "person"); gathered references have nobody.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        ordering = ["claim", "-score", "title"]
        constraints = [models.UniqueConstraint(fields=["claim", "url"], name="reference_unique_claim_url")]

    def __str__(self) -> str:
        return self.title

    @property
    def document_error_for_reader(self) -> str:
        """Why the page could not be read, in the reader's language (the active one); "" when it was."""
        details = self.stance_details or {}
        return failure_for_reader(details.get("document_error_detail"), details.get("document_error", ""))

    @property
    def document_error_code(self) -> str:
        """The code (apps.core.failures) of why the page could not be read, or "" when it has none."""
        return failure_code((self.stance_details or {}).get("document_error_detail"))

    @property
    def claim_word_share(self) -> int | None:
        """How much of the claim's key wording the best passage shares, in percent: a plain
        measure of relevance for people (`score` is BM25, unscaled); None before a passage."""
        coverage = self.stance_details.get("coverage")
        return None if coverage is None else round(coverage * 100)


class JobStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("reference job status", "Waiting for a worker")
    RUNNING = "running", pgettext_lazy("reference job status", "Running")
    DONE = "done", pgettext_lazy("reference job status", "Done")
    FAILED = "failed", pgettext_lazy("reference job status", "Failed")


class ReferenceJob(BaseModel):
    """One claim's reference gathering: progress for the article page and an outbox row.

    The row is written in the import transaction; the task is published after commit. If the
    publish is lost (crash between commit and publish) a periodic sweeper re-enqueues jobs
    that stayed pending too long.
    """

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="reference_job", verbose_name=_("claim"))
    status = models.CharField(
        max_length=20, choices=JobStatus.choices, default=JobStatus.PENDING, db_index=True, verbose_name=_("status")
    )
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    enqueued_at = models.DateTimeField(null=True, blank=True, verbose_name=_("enqueued at"))
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished at"))
    # Each provider's failure in English (logs, support), and beside it as a code and values
    # (apps.core.failures) worded again for each reader; a provider missing from the details (rows
    # from before they were kept) shows its stored English text.
    provider_errors = models.JSONField(default=dict, blank=True, verbose_name=_("provider errors"))
    provider_errors_detail = models.JSONField(default=dict, blank=True, verbose_name=_("provider errors detail"))
    last_error = models.TextField(blank=True, verbose_name=_("last error"))
    # The failure as a code and values (apps.core.failures), worded again for each reader; empty for
    # rows from before it was kept, which show their stored English text.
    last_error_detail = models.JSONField(default=dict, blank=True, verbose_name=_("last error detail"))

    class Meta:
        verbose_name = _("reference job")
        verbose_name_plural = _("reference jobs")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.status}"

    @property
    def last_error_for_reader(self) -> str:
        """The job's failure in the reader's language (the active one)."""
        return failure_for_reader(self.last_error_detail, self.last_error)

    @property
    def last_error_code(self) -> str:
        """The job's failure's code (apps.core.failures), or "" when it has none."""
        return failure_code(self.last_error_detail)

    @property
    def provider_errors_for_reader(self) -> dict[str, str]:
        """Each provider's failure in the reader's language (the active one)."""
        details, errors = self.provider_errors_detail or {}, self.provider_errors or {}
        return {name: failure_for_reader(details.get(name), text) for name, text in errors.items()}

    @property
    def provider_error_codes(self) -> dict[str, str]:
        """Each provider's failure's code (apps.core.failures), "" for one recorded without."""
        details = self.provider_errors_detail or {}
        return {name: failure_code(details.get(name)) for name in self.provider_errors or {}}


class ProviderSetting(BaseModel):
    """A desk's choice about one reference provider, on top of settings.REFERENCE_PROVIDERS.

    A desk can switch off a provider the deployment enables, or switch on one it does not
    (its API key still comes from the environment, never from the database).
    """

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="provider_settings", verbose_name=_("desk"))
    provider = models.CharField(max_length=50, choices=GATHERING_PROVIDER_CHOICES, verbose_name=_("provider"))
    is_enabled = models.BooleanField(default=True, verbose_name=_("is enabled"))

    class Meta:
        verbose_name = _("provider setting")
        verbose_name_plural = _("provider settings")
        ordering = ["desk", "provider"]
        constraints = [
            models.UniqueConstraint(fields=["desk", "provider"], name="provider_setting_unique_desk_provider")
        ]

    def __str__(self) -> str:
        return f"{self.provider} ({'on' if self.is_enabled else 'off'}) for {self.desk}"
