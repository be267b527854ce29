"""Writes for the references stage: source links, reference gathering, the library, archiving."""

from __future__ import annotations

import datetime as dt
import logging
import re
import string
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _

from apps.articles.models import Article
from apps.claims.models import Claim, ClaimStatus
from apps.claims.selectors import CHECKED_TASK_STATUS
from apps.core.audit import audit_record
from apps.core.etags import lock_at_version
from apps.core.exceptions import ApplicationError, NotFoundError, PermissionDeniedError
from apps.core.failures import Failure, failure_stored, fetch_error_failure
from apps.core.http import (
    HTML_CONTENT_TYPES,
    AddressNotAllowedError,
    AddressRefusal,
    DNSResolutionError,
    FetchError,
    HTTPStatusError,
    ResponseTooLargeError,
    TransientFetchError,
    address_refusal,
    fetch,
    shared_get,
    shared_put,
    shared_state_is_shared,
)
from apps.core.models import AuditAction
from apps.desks.models import Desk
from apps.desks.selectors import desk_admin_require, membership_get, membership_require
from apps.references import wayback
from apps.references.documents import library_text_extract
from apps.references.evidence import best_evidence
from apps.references.models import (
    FetchStatus,
    JobStatus,
    LibraryDocument,
    LinkStatus,
    ProviderName,
    Reference,
    ReferenceJob,
    SourceLink,
    SourceRule,
    SourceRuleTopic,
    Stance,
)
from apps.references.providers import Candidate, ProviderError, provider_registry
from apps.references.queries import ClaimQuery, claim_outlet, claim_query_build, key_terms
from apps.references.selectors import desk_provider_names

logger = logging.getLogger(__name__)


# --- Source links ---------------------------------------------------------------------------


_YEAR = re.compile(r"\d{4}")


def _claim_year(claim: Claim) -> str:
    """The first year among the claim's resolved dates ("2022", "2022-03", "2012-06-30"), else
    the year the article was published; "" when neither is known."""
    for date in claim.dates or []:
        value = date.get("value") if isinstance(date, dict) else date
        match = _YEAR.match(str(value or ""))
        if match:
            return match.group()
    published_on = claim.article.published_on
    return str(published_on.year) if published_on else ""


def _claim_actor(claim: Claim) -> str:
    for entity in claim.entities or []:
        if isinstance(entity, dict) and entity.get("type") in ("PERSON", "ORG") and entity.get("text"):
            return str(entity["text"])
    return ""


def _claim_speaker(claim: Claim) -> str:
    """The person the claim is attributed to, as the claim names them ("Vladimir Putin" for
    "President Vladimir Putin and other Russian officials"), or "" when the source is no person."""
    attribution = claim.attribution or ""
    if not attribution:
        return ""
    for entity in claim.entities or []:
        name = str(entity.get("text") or "") if isinstance(entity, dict) and entity.get("type") == "PERSON" else ""
        if name and (_names_within(name, attribution) or _names_within(attribution, name)):
            return name
    return ""


def _names_within(name: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def _claim_facts(claim: Claim, *, outlet: str) -> dict[str, str]:
    """The values a rule's URL template may use (see SOURCE_RULE_PLACEHOLDERS), not yet encoded."""
    return {
        "query": " ".join(key_terms(claim.text, entities=claim.entities, limit=6)),
        "outlet": outlet,
        "year": _claim_year(claim),
        "actor": _claim_actor(claim),
        "speaker": "" if outlet else _claim_speaker(claim),
    }


def _template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _rule_matches(rule: SourceRule, claim: Claim, *, facts: dict[str, str]) -> bool:
    if rule.kinds and claim.kind not in rule.kinds:
        return False
    if rule.requires_attribution and not facts["outlet"]:
        return False
    # A value the template needs and the claim lacks (no year known, nobody named) would make
    # a search for the wrong thing: the rule gives this claim no link.
    if any(not facts.get(name) for name in _template_fields(rule.url_template)):
        return False
    text = claim.text.lower()
    if any(excluded.lower() in text for excluded in rule.excluded_keywords):
        return False
    return not rule.keywords or any(keyword.lower() in text for keyword in rule.keywords)


_PLACEHOLDER = re.compile(r"(?P<article>\b[Tt]he )?\{(?P<name>\w+)\}")


def _fill_text(template: str, facts: dict[str, str]) -> str:
    """A rule's label or reason with the claim's facts in place. A value that starts with "the"
    after a "the" in the template loses its own ("Find the {outlet} report" for "the ministry"
    reads "Find the ministry report")."""

    def fill(match: re.Match) -> str:
        article, name = match["article"] or "", match["name"]
        if name not in facts:
            return match.group()
        value = facts[name]
        if article and value.lower().startswith("the "):
            value = value[len("the ") :]
        return article + value

    return _PLACEHOLDER.sub(fill, template)


def _fitted(text: str, field_name: str) -> str:
    max_length = SourceLink._meta.get_field(field_name).max_length
    return text if len(text) <= max_length else text[: max_length - 1] + "…"


def _rule_link(rule: SourceRule, claim: Claim, *, facts: dict[str, str]) -> SourceLink | None:
    """The rule's link for the claim, or None when the claim's values make the URL longer than
    a link can be (cut short, it would be a different address). Label and reason are shortened
    to fit: PostgreSQL refuses a value too long, which would fail the whole import."""
    # Search links for people, not fetches: the URL only carries the claim's facts.
    url = rule.url_template.format(**{name: quote(value, safe="") for name, value in facts.items()})
    if len(url) > SourceLink._meta.get_field("url").max_length:
        return None
    return SourceLink(
        claim=claim,
        rule=rule,
        url=url,
        label=_fitted(_fill_text(rule.label, facts), "label"),
        reason=_fitted(_fill_text(rule.reason, facts), "reason"),
    )


def _rule_usable(rule: SourceRule) -> bool:
    """Whether the rule can make links. Rules saved before the Django admin checked them may
    have a template str.format cannot fill or that is not http(s), or lists that are not lists
    of words: such a rule failed every import it met, or put javascript: links on claims."""
    try:
        source_rule_url_template_check(rule.url_template)
    except ApplicationError as error:
        logger.warning("Source rule %s makes no links: %s", rule.pk, error.message)
        return False
    lists = (rule.kinds, rule.keywords, rule.excluded_keywords)
    if not all(isinstance(words, list) and all(isinstance(word, str) for word in words) for words in lists):
        logger.warning("Source rule %s makes no links: its kinds or keywords are not lists of words.", rule.pk)
        return False
    return True


def _desk_rules_usable(*, desk_id: object) -> list[SourceRule]:
    """The active shared rules and the desk's own that can make links."""
    rules = SourceRule.objects.filter(is_active=True).filter(Q(desk__isnull=True) | Q(desk_id=desk_id))
    return [rule for rule in rules if _rule_usable(rule)]


def claim_source_links_attach(*, claim: Claim, rules: list[SourceRule] | None = None) -> list[SourceLink]:
    """Create the source links the active rules suggest for one claim.

    Idempotent: a link is unique per claim and URL, so running it again adds nothing.
    """
    if rules is None:
        rules = _desk_rules_usable(desk_id=claim.article.desk_id)
    links = _suggested_links(claim, rules, context=claim.article.body)
    _source_links_store(links)
    return links


def _suggested_links(
    claim: Claim, rules: list[SourceRule], *, context: str, context_reports: dict[str, bool] | None = None
) -> list[SourceLink]:
    outlet = claim_outlet(claim.text, attribution=claim.attribution, context=context, context_reports=context_reports)
    facts = _claim_facts(claim, outlet=outlet)
    links = [_rule_link(rule, claim, facts=facts) for rule in rules if _rule_matches(rule, claim, facts=facts)]
    return [link for link in links if link is not None]


def _source_links_store(links: list[SourceLink]) -> None:
    SourceLink.objects.bulk_create(links, ignore_conflicts=True, batch_size=500)
    # Pages (not search links, whose results change by design) get an archive copy.
    pages = [link for link in links if "{" not in link.rule.url_template]
    if pages and settings.REFERENCE_ARCHIVE_ENABLED:
        fresh = SourceLink.objects.filter(
            claim_id__in={link.claim_id for link in pages}, url__in={link.url for link in pages}, archive_url=""
        )
        _archive_enqueue(links=[str(pk) for pk in fresh.values_list("pk", flat=True)])


UN_SYMBOL = re.compile(r"\b[SAE]/(?:RES/)?(?:PV\.\d+|\d+(?:/\d+)+)\b")
UN_LIBRARY_SEARCH = "https://digitallibrary.un.org/search?ln=en&p={symbol}"
MAX_SYMBOL_LINKS = 6


def claim_document_symbol_links_attach(*, claim: Claim, texts: list[str]) -> list[SourceLink]:
    """Link the UN documents (S/2011/612, S/PV.6627, A/RES/66/253) that the claim or its
    evidence cites to their UN Digital Library records.

    Search links for people: the library forbids automated downloads without approval, so
    nothing is fetched from it. Idempotent (unique per claim and URL).
    """
    symbols = list(dict.fromkeys(UN_SYMBOL.findall(" ".join([claim.text, *texts]))))[:MAX_SYMBOL_LINKS]
    links = [
        SourceLink(
            claim=claim,
            url=UN_LIBRARY_SEARCH.format(symbol=quote(symbol, safe="")),
            label=f"UN Digital Library: {symbol}",
            reason="A UN document cited by the claim or its evidence: its record, meeting and vote.",
        )
        for symbol in symbols
    ]
    SourceLink.objects.bulk_create(links, ignore_conflicts=True)
    return links


def article_source_links_attach(*, article: Article) -> int:
    """Intake step: attach suggested source links to every claim of `article`.

    Runs inside the import transaction after the claims exist. Rules are the active global ones
    and the article's desk's own. Idempotent. Returns how many links the rules proposed.
    """
    rules = _desk_rules_usable(desk_id=article.desk_id)
    claims = list(Claim.objects.filter(article=article).exclude(status=ClaimStatus.REJECTED))
    # One write for the whole article, and its body searched once per source, so that an article
    # of thousands of claims costs the same per claim as one of ten.
    context_reports: dict[str, bool] = {}
    for claim in claims:
        claim.article = article
    links = [
        link
        for claim in claims
        for link in _suggested_links(claim, rules, context=article.body, context_reports=context_reports)
    ]
    _source_links_store(links)
    return len(links)


# --- Reference jobs: enqueue, gather, sweep -------------------------------------------------


def _publish_gather(claim_ids: list[str]) -> None:
    from apps.references.tasks import reference_gather_task

    for claim_id in claim_ids:
        reference_gather_task.delay_on_commit(claim_id)


def article_references_enqueue(*, article: Article) -> int:
    """Intake step: one pending ReferenceJob per claim, and a gather task per claim after commit.

    The job rows are written in the caller's transaction (the outbox); the tasks are published
    only once it commits, and `reference_jobs_requeue_stale` re-publishes any that got lost.
    Idempotent: an existing job is left as it is. Returns the number of jobs created.
    """
    now = timezone.now()
    claim_ids = list(
        Claim.objects.filter(article=article).exclude(status=ClaimStatus.REJECTED).values_list("id", flat=True)
    )
    existing = set(ReferenceJob.objects.filter(claim_id__in=claim_ids).values_list("claim_id", flat=True))
    new_ids = [claim_id for claim_id in claim_ids if claim_id not in existing]
    ReferenceJob.objects.bulk_create(
        [ReferenceJob(claim_id=claim_id, enqueued_at=now) for claim_id in new_ids], ignore_conflicts=True
    )
    _publish_gather([str(claim_id) for claim_id in new_ids])
    return len(new_ids)


class ReferenceGatherIncomplete(TransientFetchError):
    """Some provider failed transiently; the task retries later (with backoff and jitter, or
    after `retry_after` when a provider's server said how long to wait)."""


@dataclass
class GatherResult:
    job: ReferenceJob | None
    stored: int = 0
    errors: dict[str, str] = field(default_factory=dict)


def _job_start(claim_id: str) -> ReferenceJob | None:
    """Claim the job for this delivery and count the attempt, or None when there is nothing to do.

    The attempt is counted in its own committed UPDATE before any work, so a delivery that
    kills its worker still counts and the next one can see how many came before it.
    """
    now = timezone.now()
    claimable = ReferenceJob.objects.filter(claim_id=claim_id, status__in=[JobStatus.PENDING, JobStatus.RUNNING])
    updated = claimable.update(status=JobStatus.RUNNING, attempts=F("attempts") + 1, started_at=now, updated_at=now)
    if not updated:
        # No job yet (gathering asked for directly), or already finished: a duplicate delivery.
        job, created = ReferenceJob.objects.get_or_create(
            claim_id=claim_id,
            defaults={"enqueued_at": now, "status": JobStatus.RUNNING, "attempts": 1, "started_at": now},
        )
        return job if created else None
    job = ReferenceJob.objects.get(claim_id=claim_id)
    if job.attempts > settings.REFERENCE_JOB_MAX_ATTEMPTS:
        reference_job_fail(claim_id=claim_id, error=Failure.of("reference_job_gave_up", attempts=job.attempts - 1))
        return None
    return job


def _without_nul(text: str) -> str:
    # Outside services and pages may carry NUL characters, which PostgreSQL text refuses: one
    # would fail the claim's whole gathering, or its evidence, on every retry.
    return text.replace("\x00", "")


def _candidate_without_nul(candidate: Candidate) -> Candidate:
    return replace(
        candidate,
        url=_without_nul(candidate.url),
        title=_without_nul(candidate.title),
        publisher=_without_nul(candidate.publisher),
        snippet=_without_nul(candidate.snippet),
        text=_without_nul(candidate.text),
    )


def _candidate_store(claim: Claim, candidates: list[Candidate]) -> list[Reference]:
    """Upsert References for `candidates`, with their best evidence passage (unless their page
    was read already, whose evidence stays).

    Unique per claim and URL: a concurrent or repeated run updates the same rows instead of
    adding new ones (bulk upsert, so two workers racing cannot hit an IntegrityError).
    """
    by_url: dict[str, Candidate] = {}
    for candidate in map(_candidate_without_nul, candidates):
        if candidate.url and candidate.url not in by_url:
            by_url[candidate.url] = candidate
    unique = list(by_url.values())
    evidences = best_evidence(claim.text, [candidate.text or candidate.snippet for candidate in unique])
    now = timezone.now()
    rows = []
    for candidate, evidence in zip(unique, evidences, strict=True):
        if candidate.provider == "local_library" and (evidence is None or evidence.stance == Stance.UNRELATED):
            continue  # the library narrows by substring; keep only documents that match the claim
        rows.append(
            Reference(
                claim=claim,
                url=candidate.url[:2000],
                title=candidate.title[:500],
                publisher=candidate.publisher[:200],
                published_on=candidate.published_on,
                snippet=candidate.snippet,
                provider=candidate.provider,
                score=evidence.relevance if evidence else candidate.score,
                fetched_at=now,
                fetch_status=FetchStatus.OK,
                passage=evidence.passage if evidence else "",
                passage_highlights=evidence.highlights if evidence else [],
                stance=evidence.stance if evidence else Stance.UNRELATED,
                stance_score=evidence.stance_score if evidence else 0.0,
                stance_details=evidence.details if evidence else {},
            )
        )
    # A reference whose page was read keeps the evidence found there: the search result has at
    # most a title and a snippet, and the page, marked read, is not read again.
    read_urls = set(
        Reference.objects.filter(
            claim=claim, url__in=[row.url for row in rows], document_read_at__isnull=False
        ).values_list("url", flat=True)
    )
    listing_fields = ["title", "publisher", "published_on", "snippet", "provider", "fetched_at", "updated_at"]
    evidence_fields = [
        "score",
        "fetch_status",
        "passage",
        "passage_highlights",
        "stance",
        "stance_score",
        "stance_details",
    ]
    for batch, update_fields in (
        ([row for row in rows if row.url not in read_urls], listing_fields + evidence_fields),
        ([row for row in rows if row.url in read_urls], listing_fields),
    ):
        if batch:
            Reference.objects.bulk_create(
                batch, update_conflicts=True, unique_fields=["claim", "url"], update_fields=update_fields
            )
    return rows


# Providers that read our own database run in the task's thread. The others only wait on the
# network, so they are asked side by side: a claim then takes as long as its slowest provider,
# not the sum of all of them (each request still keeps its host's politeness interval).
DATABASE_PROVIDERS = frozenset({"local_library"})


_pool: ThreadPoolExecutor | None = None


def _provider_pool() -> ThreadPoolExecutor:
    """One pool per process, created on first use (after the prefork worker forked)."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="provider")
    return _pool


def _provider_call(provider: Any, query: ClaimQuery) -> tuple[list[Candidate], FetchError | ProviderError | None]:
    try:
        return provider(query)[: settings.REFERENCE_MAX_PER_PROVIDER * 4], None
    except (FetchError, ProviderError) as error:
        return [], error


def _providers_ask(
    query: ClaimQuery, names: list[str]
) -> tuple[list[Candidate], dict[str, Failure | str], float | None]:
    """Ask the providers; returns candidates, failures by provider and, when any failure is worth
    retrying, how long to wait first (0 when no provider said)."""
    registry = provider_registry()
    remote = [name for name in names if name in registry and name not in DATABASE_PROVIDERS]
    outcomes: dict[str, tuple[list[Candidate], FetchError | ProviderError | None]] = {}
    futures = {name: _provider_pool().submit(_provider_call, registry[name], query) for name in remote}
    for name in names:
        if name in registry and name in DATABASE_PROVIDERS:
            outcomes[name] = _provider_call(registry[name], query)
    for name, future in futures.items():
        outcomes[name] = future.result()

    candidates: list[Candidate] = []
    errors: dict[str, str] = {}
    retry_after: float | None = None
    for name in names:
        if name not in outcomes:
            errors[name] = Failure.of("reference_provider_unknown")
            continue
        found, error = outcomes[name]
        candidates.extend(found)
        if error is not None:
            errors[name] = fetch_error_failure(error)
            if isinstance(error, TransientFetchError) or getattr(error, "transient", False):
                hint = getattr(error, "retry_after", None) or 0.0
                retry_after = max(retry_after or 0.0, hint)
            logger.info("Provider %s failed for claim %s: %s", name, query.claim_id, error)
    return candidates, errors, retry_after


def claim_references_gather(*, claim_id: str) -> GatherResult:
    """Ask every configured provider about one claim and store what they find.

    Preconditions: none (safe to call for any id, any number of times). Each delivery counts an
    attempt on the claim's ReferenceJob; past REFERENCE_JOB_MAX_ATTEMPTS the job is failed.
    Per-provider errors are recorded without stopping the other providers. References are
    upserted, so repeated runs add nothing twice. If a provider failed transiently and attempts
    remain, the job goes back to pending and `ReferenceGatherIncomplete` is raised for the task
    to retry; otherwise the job ends done (at least one provider answered) or failed.
    """
    claim = Claim.objects.select_related("article").filter(pk=claim_id).first()
    if claim is None:
        return GatherResult(job=None)
    job = _job_start(claim_id)
    if job is None:
        return GatherResult(job=None)

    query = claim_query_build(claim)
    names = desk_provider_names(desk_id=claim.article.desk_id)
    candidates, failures, retry_after = _providers_ask(query, names)
    stored = {name: failure_stored(failure) for name, failure in failures.items()}
    errors = {name: text[:500] for name, (text, _) in stored.items()}
    errors_detail = {name: detail for name, (_, detail) in stored.items() if detail}

    answered = len(names) - len(errors)
    retry = retry_after is not None and job.attempts < settings.REFERENCE_JOB_MAX_ATTEMPTS
    now = timezone.now()
    if retry:
        changes = {
            "status": JobStatus.PENDING,
            "provider_errors": errors,
            "provider_errors_detail": errors_detail,
            "enqueued_at": now,
            "updated_at": now,
        }
    else:
        changes = {
            "status": JobStatus.DONE if answered > 0 or not names else JobStatus.FAILED,
            "provider_errors": errors,
            "provider_errors_detail": errors_detail,
            **_job_error(
                [
                    Failure.of("reference_provider_failed", provider=name, error=failure)
                    for name, failure in failures.items()
                ]
            ),
            "finished_at": now,
            "updated_at": now,
        }
    # References and the job's outcome commit together: a crash leaves the job running, to be
    # redelivered, never "done" without its references.
    with transaction.atomic():
        rows = _candidate_store(claim, candidates)
        cited = [row.passage for row in rows if row.stance != Stance.UNRELATED]
        claim_document_symbol_links_attach(claim=claim, texts=cited)
        ReferenceJob.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(**changes)
    for field_name, value in changes.items():
        setattr(job, field_name, value)
    if retry:
        to_retry = Failure.of("reference_providers_to_retry", providers=", ".join(sorted(errors)))
        raise ReferenceGatherIncomplete(to_retry.english(), retry_after=retry_after or None, failure=to_retry)
    _article_finish_if_last(claim.article)
    _documents_enqueue(claim)
    if settings.REFERENCE_ARCHIVE_ENABLED:
        unarchived = Reference.objects.filter(claim=claim, archive_url="").values_list("pk", flat=True)
        _archive_enqueue(references=[str(pk) for pk in unarchived])
    return GatherResult(job=job, stored=len(rows), errors=errors)


def _article_finish_if_last(article: Article) -> None:
    """When the article's last claim finishes, log the fan-in summary (the API serves it too)."""
    from apps.references.selectors import article_reference_progress, article_reference_summary

    unfinished = ReferenceJob.objects.filter(claim__article=article, status__in=[JobStatus.PENDING, JobStatus.RUNNING])
    if unfinished.exists():
        return
    progress = article_reference_progress(article=article)
    if progress["finished"]:
        logger.info("References gathered for article %s: %s", article.pk, article_reference_summary(article=article))


def _job_error(failures: list[Failure]) -> dict[str, Any]:
    """A job's `last_error` (English, "source: reason; ...") and its detail, from each source's failure."""
    if not failures:
        return {"last_error": "", "last_error_detail": {}}
    text = "; ".join(failure.english() for failure in failures)
    if len(failures) == 1:
        return {"last_error": text[:2000], "last_error_detail": failures[0].detail}
    return {
        "last_error": text[:2000],
        "last_error_detail": {
            "code": "reference_provider_failures",
            "params": {"failures": [failure.detail for failure in failures]},
        },
    }


def reference_job_fail(*, claim_id: str, error: Failure | str) -> None:
    """Mark a claim's job failed (retries exhausted, time limit, worker lost). Idempotent."""
    now = timezone.now()
    text, detail = failure_stored(error)
    ReferenceJob.objects.filter(claim_id=claim_id).exclude(status=JobStatus.DONE).update(
        status=JobStatus.FAILED, last_error=text[:2000], last_error_detail=detail, finished_at=now, updated_at=now
    )


def claim_references_refresh(*, claim: Claim, user: AbstractBaseUser) -> ReferenceJob:
    """Rerun reference gathering for a claim: the desk's editors or the claim's assigned reviewer.

    Resets the job to pending with a fresh attempt budget and publishes a gather task after
    commit. Existing references stay (they are upserted, not duplicated, by the rerun). A job
    still pending or running is returned as it is: each repeated request would otherwise ask
    every provider again (the stale-job sweeper re-publishes one whose message was lost).
    """
    membership = membership_get(user=user, desk=claim.article.desk)
    if membership is None:
        raise NotFoundError(_("Claim not found."))
    # Whether the user is the claim's reviewer is the reviews stage's knowledge, asked through settings.
    if not membership.can_edit and not import_string(settings.CLAIM_ASSIGNEE_CHECK)(claim=claim, user=user):
        raise PermissionDeniedError(_("Only editors or the claim's assigned reviewer can refresh references."))
    now = timezone.now()
    with transaction.atomic():
        job, created = ReferenceJob.objects.select_for_update().get_or_create(
            claim=claim, defaults={"enqueued_at": now}
        )
        if not created and job.status in (JobStatus.PENDING, JobStatus.RUNNING):
            return job
        job.status = JobStatus.PENDING
        job.attempts = 0
        job.enqueued_at = now
        job.started_at = None
        job.finished_at = None
        job.provider_errors = {}
        job.provider_errors_detail = {}
        job.last_error = ""
        job.last_error_detail = {}
        job.save()
        audit_record(action=AuditAction.REFERENCES_REFRESHED, actor=user, claim=claim)
        _publish_gather([str(claim.pk)])
    return job


def reference_jobs_requeue_stale(*, now: dt.datetime | None = None) -> int:
    """Re-publish gather tasks whose message was lost (the outbox relay). Returns how many.

    Pending jobs enqueued longer than REFERENCE_JOB_STALE_SECONDS ago lost their publish (a
    crash between commit and publish, or the broker was down). Running jobs older than the
    broker's visibility timeout lost their message too (Redis would have redelivered it by
    then). Re-publishing is safe: gathering is idempotent and counts attempts.
    """
    now = now or timezone.now()
    stale_pending = now - dt.timedelta(seconds=settings.REFERENCE_JOB_STALE_SECONDS)
    stale_running = now - dt.timedelta(
        seconds=settings.CELERY_BROKER_VISIBILITY_TIMEOUT + settings.REFERENCE_JOB_STALE_SECONDS
    )
    stale = ReferenceJob.objects.filter(
        Q(status=JobStatus.PENDING, enqueued_at__lt=stale_pending)
        | Q(status=JobStatus.PENDING, enqueued_at__isnull=True)
        | Q(status=JobStatus.RUNNING, started_at__lt=stale_running)
    )
    claim_ids = [str(claim_id) for claim_id in stale.values_list("claim_id", flat=True)[:1000]]
    ReferenceJob.objects.filter(claim_id__in=claim_ids).update(enqueued_at=now, updated_at=now)
    _publish_gather(claim_ids)
    return len(claim_ids)


# --- Evidence added by hand -----------------------------------------------------------------

ADDED_REFERENCE_MAX_NOTE_CHARS = 2000


def reference_url_check(url: str) -> str:
    """The URL a person typed for a reference, stripped, or a 400 naming the url field: a web address
    (http or https, so never javascript: or file:) within the field's length that the public can
    reach. For evidence added in the app and references edited in the Django admin."""
    url = url.strip()
    problem = ""
    if not url:
        problem = _("Give the address (URL) of the evidence.")
    elif len(url) > Reference._meta.get_field("url").max_length:
        problem = _("The URL is %(length)s characters long; at most 2,000 are kept.") % {"length": f"{len(url):,}"}
    else:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except DjangoValidationError:
            problem = _("Give a web address that starts with http:// or https://.")
    if problem:
        raise ApplicationError(problem, extra={"fields": {"url": [problem]}})
    _library_url_check(url)
    return url


def _added_text_check(field_name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        problem = _("At most %(limit)s characters; this has %(length)s.") % {
            "limit": f"{limit:,}",
            "length": f"{len(value):,}",
        }
        raise ApplicationError(
            _("%(field)s: %(problem)s") % {"field": capfirst(field_name), "problem": problem},
            extra={"fields": {field_name: [problem]}},
        )


def _added_reference_followups_enqueue(reference: Reference) -> None:
    """After commit, what a gathered reference without text of its own gets: its page read for
    the evidence passage (which also marks the link alive or dead) and an archive copy. The
    periodic link check picks it up like any other reference."""
    if settings.REFERENCE_FETCH_DOCUMENTS:
        from apps.references.tasks import reference_document_read_task

        reference_document_read_task.delay_on_commit(str(reference.pk))
    _archive_enqueue(references=[str(reference.pk)])


def claim_reference_add(
    *, claim: Claim, user: AbstractBaseUser, url: str, title: str = "", note: str = ""
) -> tuple[Reference, bool]:
    """A reviewer or editor adds evidence they found themselves (an official record, a court
    filing) as one of the claim's references, so the verdict can cite it. Returns the reference
    and whether it is new.

    Allowed for the desk's editors and the claim's assigned reviewer, while the claim is neither
    rejected nor approved (409). Idempotent per (claim, url): the same URL again returns the
    reference the claim already has, whoever added it. `note` (why it is evidence) is shown
    as the reference's snippet until its page has been read.
    """
    membership = membership_get(user=user, desk=claim.article.desk)
    if membership is None:
        raise NotFoundError(_("Claim not found."))
    if not membership.can_edit and not import_string(settings.CLAIM_ASSIGNEE_CHECK)(claim=claim, user=user):
        raise PermissionDeniedError(_("Only editors or the claim's assigned reviewer can add evidence to it."))
    if claim.status == ClaimStatus.REJECTED:
        raise ApplicationError(_("This claim was rejected; release it before adding evidence."), status=409)
    if Claim.objects.filter(pk=claim.pk, review_task__status=CHECKED_TASK_STATUS).exists():
        raise ApplicationError(_("This claim's verdict is approved; its evidence can no longer change."), status=409)
    url = reference_url_check(url)
    title, note = _without_nul(title.strip()), _without_nul(note.strip())
    _added_text_check("title", title, Reference._meta.get_field("title").max_length)
    _added_text_check("note", note, ADDED_REFERENCE_MAX_NOTE_CHARS)

    existing = Reference.objects.filter(claim=claim, url=url).first()
    if existing is not None:
        return existing, False
    reference = Reference(
        claim=claim,
        url=url,
        # Until its page is read, the address is the only title a reader could recognise.
        title=title or url[:500],
        snippet=note,
        provider=ProviderName.PERSON,
        fetched_at=timezone.now(),
        added_by=user,
    )
    reference.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            reference.save()
            audit_record(
                action=AuditAction.EVIDENCE_ADDED, actor=user, claim=claim, details={"url": url, "title": title}
            )
            _added_reference_followups_enqueue(reference)
    except IntegrityError:  # the same URL added at the same moment by someone else
        return Reference.objects.get(claim=claim, url=url), False
    return reference, True


# --- Library --------------------------------------------------------------------------------


def _library_url_check(url: str) -> None:
    """Refuse a document address on this machine or a private network (127.0.0.1, the cloud
    metadata service at 169.254.169.254): reviewers cannot open it, and it would be sent to the
    link checker and the Internet Archive. Host names are not resolved here; the fetcher
    judges the addresses they resolve to whenever it follows one."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        refusal: AddressRefusal | None = AddressRefusal("loopback")
    else:
        try:
            refusal = address_refusal(host)
        except ValueError:  # a name, not an address
            refusal = None
    if refusal:
        message = _("The URL points at %(kind)s; cite where the public can read the document.") % {
            "kind": refusal.kind_for_reader()
        }
        raise ApplicationError(message, extra={"fields": {"url": [message]}})


def library_document_upsert(
    *,
    desk: Desk | None,
    title: str,
    publisher: str,
    url: str,
    published_on: dt.date | str | None,
    body: str,
) -> LibraryDocument:
    """Create or update the library document with this URL in `desk` (None: every desk).

    Used by the demo loader and by editors; idempotent per (desk, url).
    """
    if isinstance(published_on, str):
        published_on = dt.date.fromisoformat(published_on) if published_on else None
    _library_url_check(url)
    document = LibraryDocument.objects.filter(desk=desk, url=url).first() or LibraryDocument(desk=desk, url=url)
    document.title = title
    document.publisher = publisher
    document.published_on = published_on
    document.body = body
    document.full_clean(validate_constraints=False)
    return _library_document_save(document)


def _library_document_save(document: LibraryDocument) -> LibraryDocument:
    try:
        # A savepoint: a URL taken by a concurrent request since the caller's check leaves the
        # caller's transaction usable, and the editor gets the same 409 as without the race.
        with transaction.atomic():
            document.save()
    except IntegrityError:
        raise _url_taken_error(document.url) from None
    return document


def library_document_values_check(*, document: LibraryDocument) -> None:
    """ApplicationError for a document the library refuses: an address on this machine or a private
    network, or a URL its library (its desk's, or the shared one) already has; for forms that write
    documents themselves (the Django admin). The database's constraint cannot hold shared documents
    to one per URL: rows without a desk never clash in it."""
    _library_url_check(document.url)
    if LibraryDocument.objects.filter(desk_id=document.desk_id, url=document.url).exclude(pk=document.pk).exists():
        raise _url_taken_error(document.url)


def _url_taken_error(url: str) -> ApplicationError:
    return ApplicationError(_("The library already has a document with this URL."), extra={"url": url}, status=409)


# --- Rows repaired in the Django admin ------------------------------------------------------
# The admin saves rows as they are; these are the rules it calls, as the app's own paths keep them.

# What readers were shown: a published verdict's citation names the reference by its address and
# quotes its passage.
REFERENCE_FIELDS_KEPT_ONCE_CITED = ("url", "passage")


def reference_admin_change_check(*, reference: Reference, changed_fields: Iterable[str]) -> None:
    """ApplicationError (409) for changing the address or passage of a reference (among
    `changed_fields`) once a published verdict cites it: what readers were shown changes only by a
    correction of the verdict, which they are told of."""
    changed = [name for name in changed_fields if name in REFERENCE_FIELDS_KEPT_ONCE_CITED]
    if changed and _published_citations(reference):
        raise ApplicationError(
            f"A published verdict cites this reference, so its {' and '.join(changed)} stay as readers saw them; "
            "a correction of the verdict is the way to cite something else.",
            status=409,
        )


def reference_admin_deletion_check(*, reference: Reference) -> None:
    """ApplicationError (409) for deleting a reference that a published verdict cites."""
    if _published_citations(reference):
        raise ApplicationError(
            f"A published verdict cites \u201c{reference.title}\u201d, so it is not deleted; "
            "a correction of the verdict is the way to cite something else.",
            status=409,
        )


def _published_citations(reference: Reference) -> bool:
    # Which verdicts readers have been shown is the review stage's to say; references never imports it.
    return import_string(settings.REFERENCE_PUBLISHED_CITATION_CHECK)(reference=reference)


def source_link_url_check(url: str, *, field_name: str = "url") -> str:
    """The address, stripped, if it is an http(s) web address; ApplicationError otherwise, since a
    claim page links it for reviewers to open (never javascript: or file:)."""
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except DjangoValidationError:
        problem = "Give a web address that starts with http:// or https://."
        raise ApplicationError(problem, extra={"fields": {field_name: [problem]}}) from None
    return url


# What a desk's audit trail shows of a library document: its fields, and the text only by its length.
LIBRARY_DOCUMENT_AUDITED_FIELDS = ("title", "publisher", "url", "published_on")


def _library_document_fields_read(document: LibraryDocument) -> dict[str, Any]:
    fields = {name: getattr(document, name) for name in LIBRARY_DOCUMENT_AUDITED_FIELDS}
    published_on = fields["published_on"]
    fields["published_on"] = published_on.isoformat() if published_on else None
    fields["text_length"] = len(document.body)
    return fields


def _library_document_audit_added(*, user: AbstractBaseUser, document: LibraryDocument) -> None:
    audit_record(
        action=AuditAction.LIBRARY_DOCUMENT_ADDED,
        actor=user,
        desk=document.desk,
        details={"document_id": str(document.pk), **_library_document_fields_read(document)},
    )


def _library_document_audit_changed(
    *, user: AbstractBaseUser, document: LibraryDocument, before: dict[str, Any], text_replaced: bool = False
) -> None:
    after = _library_document_fields_read(document)
    changes = {field: [before[field], after[field]] for field in before if before[field] != after[field]}
    if text_replaced:
        changes.setdefault("text_length", [before["text_length"], after["text_length"]])
    if changes:
        audit_record(
            action=AuditAction.LIBRARY_DOCUMENT_CHANGED,
            actor=user,
            desk=document.desk,
            details={"document_id": str(document.pk), "title": document.title, "changes": changes},
        )


def library_document_create(*, user: AbstractBaseUser, desk: Desk, **fields: Any) -> LibraryDocument:
    """An editor adds a document to their desk's library. Recorded in the desk's audit trail.

    Not one transaction: a URL taken since the check leaves the caller's transaction usable for the
    409 (a savepoint in `_library_document_save`), so the event follows the saved document."""
    membership_require(user=user, desk=desk, editor=True)
    if LibraryDocument.objects.filter(desk=desk, url=fields["url"]).exists():
        raise _url_taken_error(fields["url"])
    document = library_document_upsert(desk=desk, **fields)
    _library_document_audit_added(user=user, document=document)
    return document


def library_document_import(
    *,
    user: AbstractBaseUser,
    desk: Desk,
    filename: str,
    data: bytes,
    url: str,
    title: str = "",
    publisher: str = "",
    published_on: dt.date | None = None,
) -> LibraryDocument:
    """An editor uploads a text, Markdown, HTML or PDF file to their desk's library.

    The file's main text becomes the document body (searchable at once); nothing is stored
    when the file cannot be read. Uploading again with the same URL replaces the text. Recorded in
    the desk's audit trail, as an addition or as a change.
    """
    membership_require(user=user, desk=desk, editor=True)
    extracted = library_text_extract(filename=filename, data=data, max_bytes=settings.REFERENCE_LIBRARY_MAX_BYTES)
    with transaction.atomic():
        existing = LibraryDocument.objects.select_for_update().filter(desk=desk, url=url).first()
        before = _library_document_fields_read(existing) if existing else None
        document = library_document_upsert(
            desk=desk,
            title=(title or extracted.title or filename)[:500],
            publisher=publisher,
            url=url,
            published_on=published_on,
            body=extracted.text,
        )
        if before is None:
            _library_document_audit_added(user=user, document=document)
        else:
            _library_document_audit_changed(
                user=user, document=document, before=before, text_replaced=existing.body != document.body
            )
    return document


@transaction.atomic
def library_document_update(
    *,
    user: AbstractBaseUser,
    document: LibraryDocument,
    expected_updated_at: dt.datetime | None = None,
    **fields: Any,
) -> LibraryDocument:
    """An editor changes a document of their desk's library.

    With `expected_updated_at` (the version the caller read), a document saved since then is
    refused with 412 instead of overwritten; the row is locked for the check and the write.
    """
    if document.desk is None:
        raise PermissionDeniedError(_("Shared library documents are edited in the admin."))
    membership_require(user=user, desk=document.desk, editor=True)
    if expected_updated_at is not None:
        document = lock_at_version(
            LibraryDocument.objects.select_related("desk"),
            document.pk,
            expected_updated_at=expected_updated_at,
            what="library document",
        )
    new_url = fields.get("url", document.url)
    if new_url != document.url:
        _library_url_check(new_url)
    if new_url != document.url and LibraryDocument.objects.filter(desk=document.desk, url=new_url).exists():
        raise _url_taken_error(new_url)
    before = _library_document_fields_read(document)
    previous_body = document.body
    for name, value in fields.items():
        setattr(document, name, value)
    document.full_clean(validate_constraints=False)
    saved = _library_document_save(document)
    _library_document_audit_changed(user=user, document=saved, before=before, text_replaced=previous_body != saved.body)
    return saved


@transaction.atomic
def library_document_delete(*, user: AbstractBaseUser, document: LibraryDocument) -> None:
    """An editor removes a document from their desk's library. Recorded in the desk's audit trail."""
    if document.desk is None:
        raise PermissionDeniedError(_("Shared library documents are edited in the admin."))
    membership_require(user=user, desk=document.desk, editor=True)
    audit_record(
        action=AuditAction.LIBRARY_DOCUMENT_DELETED,
        actor=user,
        desk=document.desk,
        details={"document_id": str(document.pk), **_library_document_fields_read(document)},
    )
    document.delete()


# --- Archive copies and dead links ----------------------------------------------------------


def _archive_row(row: Reference | SourceLink, *, request_capture: bool) -> bool:
    """Store the closest Wayback copy of `row.url`; if none, ask for a capture. True when stored."""
    snapshot = wayback.snapshot_find(row.url)
    if snapshot is not None:
        type(row).objects.filter(pk=row.pk).update(
            archive_url=snapshot.url[:2000], archived_at=snapshot.captured_at or timezone.now()
        )
        return True
    if request_capture:
        wayback.capture_request(row.url)
    return False


def _archive_recheck_later(task: Any, row_id: str) -> None:
    # A capture takes minutes to appear; look again later (well inside the visibility timeout).
    transaction.on_commit(
        lambda: task.apply_async(
            args=[row_id], kwargs={"request_capture": False}, countdown=settings.REFERENCE_ARCHIVE_RECHECK_SECONDS
        )
    )


def reference_archive(*, reference_id: str, request_capture: bool = True) -> bool:
    """Give a reference an Internet Archive copy, so the citation survives the page.

    Idempotent: a reference that already has a copy is left alone. When the archive has none
    and `request_capture` is set, asks Save Page Now and queues one later look-up.
    """
    from apps.references.tasks import reference_archive_task

    reference = Reference.objects.filter(pk=reference_id).first()
    if reference is None or reference.archive_url:
        return False
    stored = _archive_row(reference, request_capture=request_capture)
    if not stored and request_capture:
        _archive_recheck_later(reference_archive_task, str(reference.pk))
    return stored


def source_link_archive(*, link_id: str, request_capture: bool = True) -> bool:
    """Like `reference_archive`, for a source link that points at a page (not a search)."""
    from apps.references.tasks import source_link_archive_task

    link = SourceLink.objects.filter(pk=link_id).first()
    if link is None or link.archive_url:
        return False
    stored = _archive_row(link, request_capture=request_capture)
    if not stored and request_capture:
        _archive_recheck_later(source_link_archive_task, str(link.pk))
    return stored


def _archive_enqueue(*, references: Iterable[str] = (), links: Iterable[str] = ()) -> None:
    if not settings.REFERENCE_ARCHIVE_ENABLED:
        return
    from apps.references.tasks import reference_archive_task, source_link_archive_task

    for reference_id in references:
        reference_archive_task.delay_on_commit(reference_id)
    for link_id in links:
        source_link_archive_task.delay_on_commit(link_id)


def reference_link_check(*, reference_id: str) -> Reference | None:
    """Check that a reference's page still exists: alive, dead (404/410, gone from DNS) or unchanged.

    A dead page keeps its archive copy (and gets one looked up if it has none). Transient
    failures leave the status as it was and are raised for the task to retry. Idempotent.
    """
    reference = Reference.objects.filter(pk=reference_id).first()
    if reference is None:
        return None
    status = None
    try:
        fetch(reference.url, respect_robots=True, max_bytes=settings.REFERENCE_LINK_CHECK_MAX_BYTES, retries=0)
        status = LinkStatus.ALIVE
    except ResponseTooLargeError:
        status = LinkStatus.ALIVE  # it answered with a body; we only did not want all of it
    except HTTPStatusError as error:
        if error.status in (404, 410):
            status = LinkStatus.DEAD
    except (DNSResolutionError, AddressNotAllowedError):
        status = LinkStatus.DEAD
    except TransientFetchError:
        raise
    except FetchError as error:
        logger.info("Link check of %s inconclusive: %s", reference.url, error)
    now = timezone.now()
    updates: dict[str, Any] = {"link_checked_at": now, "updated_at": now}
    if status is not None:
        updates["link_status"] = status
    Reference.objects.filter(pk=reference.pk).update(**updates)
    if status == LinkStatus.DEAD and not reference.archive_url:
        _archive_enqueue(references=[str(reference.pk)])
    reference.refresh_from_db()
    return reference


def references_links_recheck(*, now: dt.datetime | None = None) -> int:
    """Beat: queue a link check for references not checked in REFERENCE_LINK_RECHECK_DAYS.

    Marks them checked now, so the next run does not queue them again while they wait.
    """
    from apps.references.tasks import reference_link_check_task

    now = now or timezone.now()
    due = Reference.objects.filter(
        Q(link_checked_at__isnull=True)
        | Q(link_checked_at__lt=now - dt.timedelta(days=settings.REFERENCE_LINK_RECHECK_DAYS))
    ).order_by("link_checked_at", "created_at")
    ids = [str(pk) for pk in due.values_list("pk", flat=True)[: settings.REFERENCE_LINK_RECHECK_BATCH]]
    Reference.objects.filter(pk__in=ids).update(link_checked_at=now)
    for reference_id in ids:
        reference_link_check_task.delay_on_commit(reference_id)
    return len(ids)


# --- Reading the linked documents -----------------------------------------------------------

# Providers whose results carry the text already (library bodies, Wikipedia extracts, ReliefWeb
# report bodies, Wikidata statements); the others return a title and a link only.
TEXT_PROVIDERS = frozenset({"local_library", "wikipedia", "reliefweb", "wikidata"})


def _documents_enqueue(claim: Claim) -> None:
    if not settings.REFERENCE_FETCH_DOCUMENTS:
        return
    from apps.references.tasks import reference_document_read_task

    unread = Reference.objects.filter(claim=claim, document_read_at__isnull=True).exclude(provider__in=TEXT_PROVIDERS)
    for reference_id in unread.values_list("pk", flat=True):
        reference_document_read_task.delay_on_commit(str(reference_id))


PAGE_HANDOFF_SECONDS = 3600


def _page_key(reference_id: str) -> str:
    return f"factcheck:fetch:page:{reference_id}"


def reference_document_read(*, reference_id: str) -> Reference | None:
    """Fetch a reference's page and hand it to `reference_evidence_extract`.

    I/O only, on the fetch queue: the page comes through the safe fetcher (robots.txt honoured,
    cached). With a shared store (Redis) the page waits there for the evidence task on the CPU
    queue, so slow sites and heavy parsing never hold each other up; without one (a single
    development process) the evidence is extracted right here. Idempotent: a page already read
    is not fetched again. A page that is gone is marked dead; transient failures are raised for
    the task to retry.
    """
    reference = Reference.objects.filter(pk=reference_id).first()
    if reference is None or reference.document_read_at is not None:
        return reference
    now = timezone.now()
    try:
        response = fetch(reference.url, allowed_content_types=HTML_CONTENT_TYPES, respect_robots=True, use_cache=True)
    except TransientFetchError:
        raise
    except FetchError as error:
        gone = isinstance(error, HTTPStatusError) and error.status in (404, 410)
        Reference.objects.filter(pk=reference.pk).update(
            fetch_status=FetchStatus.FAILED,
            stance_details={
                **reference.stance_details,
                "document_error": str(error)[:300],
                "document_error_detail": error.failure.detail if error.failure else {},
            },
            document_read_at=now,
            link_status=LinkStatus.DEAD if gone else reference.link_status,
            updated_at=now,
        )
        reference.refresh_from_db()
        return reference
    page = {"text": response.text(), "content_type": response.content_type}
    Reference.objects.filter(pk=reference.pk).update(link_status=LinkStatus.ALIVE, updated_at=now)
    if not shared_state_is_shared():
        return reference_evidence_extract(reference_id=str(reference.pk), page=page)
    from apps.references.tasks import reference_evidence_task

    shared_put(_page_key(str(reference.pk)), page, PAGE_HANDOFF_SECONDS)
    reference_evidence_task.delay_on_commit(str(reference.pk))
    return reference


def reference_evidence_extract(*, reference_id: str, page: dict[str, str] | None = None) -> Reference | None:
    """CPU work: the page's main text (trafilatura on the fetched bytes) and its best passage.

    `page` comes from `reference_document_read`, directly or through the shared store. If it
    expired there before a worker got to it, the reference is left to be read again later.
    Idempotent: stores the same evidence when repeated.
    """
    import trafilatura

    reference = Reference.objects.select_related("claim").filter(pk=reference_id).first()
    if reference is None:
        return None
    page = page or shared_get(_page_key(reference_id))
    if not page:
        logger.warning("Page of reference %s expired before its evidence was extracted.", reference_id)
        return reference
    text = _without_nul(page["text"])
    if page["content_type"] != "text/plain":
        # `fast` skips the jusText fallback, quadratic in a page's paragraphs (see documents.py).
        text = trafilatura.extract(text, include_comments=False, include_tables=False, fast=True) or ""
    [evidence] = best_evidence(reference.claim.text, [text]) if text else [None]
    now = timezone.now()
    changes: dict[str, Any] = {"document_read_at": now, "updated_at": now}
    if evidence is not None and evidence.stance != Stance.UNRELATED:
        changes.update(
            passage=evidence.passage,
            passage_highlights=evidence.highlights,
            stance=evidence.stance,
            stance_score=evidence.stance_score,
            stance_details=evidence.details,
            score=max(reference.score, evidence.relevance),
        )
    Reference.objects.filter(pk=reference.pk).update(**changes)
    reference.refresh_from_db()
    return reference


# --- Desk source rules (desk admins) -------------------------------------------------------------
# Rules without a desk are shared by every desk and stay read-only here (Django admin changes
# them). A desk's admins write its own rules; changes apply to claims imported afterwards, and
# links already attached stay as they are.

SOURCE_RULE_PLACEHOLDERS = ("query", "outlet", "year", "actor", "speaker")
_SAMPLE_VALUES = {
    "query": "veto+resolution",
    "outlet": "Kommersant",
    "year": "2012",
    "actor": "Kofi%20Annan",
    "speaker": "Vladimir%20Putin",
}


def source_rule_url_template_check(url_template: str) -> str:
    """The template, stripped, if it is an http(s) URL using only the SOURCE_RULE_PLACEHOLDERS.

    `_rule_link` fills it with str.format, so anything else in braces (positional fields,
    attribute or index lookups, format specs) would fail or leak at link time; refuse it now.
    The site itself must be fixed: a placeholder in the host would let claim text pick it.
    """
    template = url_template.strip()
    try:
        fields = [
            (name, spec, conversion)
            for _literal, name, spec, conversion in string.Formatter().parse(template)
            if name is not None
        ]
    except ValueError:
        raise ApplicationError(
            _("The URL template has an unmatched brace; write {{ or }} for a literal one.")
        ) from None
    known = get_text_list([f"{{{name}}}" for name in SOURCE_RULE_PLACEHOLDERS], _("and"))
    for name, spec, conversion in fields:
        if name not in SOURCE_RULE_PLACEHOLDERS or spec or conversion:
            raise ApplicationError(_("The URL template may only use the placeholders %(known)s.") % {"known": known})
    try:
        parts = urlsplit(template)
        parts.port  # noqa: B018 - raises for a port out of range, like the unclosed [ of an IPv6 host
    except ValueError:
        raise ApplicationError(_("The URL template does not make a valid web address.")) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ApplicationError(_("The URL template must be a full http:// or https:// address."))
    if "{" in parts.netloc or "}" in parts.netloc:
        raise ApplicationError(_("Placeholders belong in the path or query string; the site must be fixed."))
    try:
        URLValidator(schemes=["http", "https"])(template.format(**_SAMPLE_VALUES))
    except DjangoValidationError:
        raise ApplicationError(_("The URL template does not make a valid web address.")) from None
    if len(template) > SourceRule._meta.get_field("url_template").max_length:
        raise ApplicationError(_("The URL template is too long."))
    return template


def _keywords_clean(keywords: Iterable[str]) -> list[str]:
    """Stripped, without blanks, and each word once whatever its case (the first spelling stays)."""
    cleaned: dict[str, str] = {}
    for keyword in keywords:
        keyword = str(keyword).strip()
        if keyword:
            cleaned.setdefault(keyword.lower(), keyword)
    return list(cleaned.values())


def _source_rule_fields(
    *,
    rule: SourceRule,
    name: str,
    label: str,
    url_template: str,
    reason: str,
    kinds: Iterable[str],
    keywords: Iterable[str],
    excluded_keywords: Iterable[str],
    requires_attribution: bool,
    priority: int,
    topic: str,
) -> None:
    """Check and set a desk rule's editable fields (not saved)."""
    name, label, reason = name.strip(), label.strip(), reason.strip()
    for value, missing in (
        (name, _("Give the rule a name.")),
        (label, _("Give the rule a label.")),
        (reason, _("Give the rule a reason.")),
    ):
        if not value:
            raise ApplicationError(missing)
    kinds = list(dict.fromkeys(kinds))
    if not 0 <= priority <= 32767:
        raise ApplicationError(_("The priority runs from 0 (first) to 32767."))
    # Only the desk's own rules are looked at: another desk's rule names are none of its business.
    if SourceRule.objects.filter(desk_id=rule.desk_id, name__iexact=name).exclude(pk=rule.pk).exists():
        raise _name_taken_error(name)
    rule.name = name
    rule.label = label
    rule.topic = topic
    rule.url_template = source_rule_url_template_check(url_template)
    rule.reason = reason
    rule.kinds = kinds
    rule.keywords = _keywords_clean(keywords)
    rule.excluded_keywords = _keywords_clean(excluded_keywords)
    rule.requires_attribution = bool(requires_attribution)
    rule.priority = priority
    try:
        rule.full_clean()
    except DjangoValidationError as error:
        raise _rule_validation_error(error) from None


def _rule_validation_error(error: DjangoValidationError) -> ApplicationError:
    """The model's refusal with each problem named after its field, and the fields in `extra`
    (what the web form shows beside each field and the API answers with a 400)."""
    if not hasattr(error, "error_dict"):
        return ApplicationError(" ".join(error.messages))
    fields = error.message_dict
    problems = [
        problem if name == NON_FIELD_ERRORS else f"{capfirst(SourceRule._meta.get_field(name).verbose_name)}: {problem}"
        for name, messages in fields.items()
        for problem in messages
    ]
    return ApplicationError(" ".join(problems), extra={"fields": fields})


# What a desk's audit trail shows of a rule: its editable fields, old and new when they change.
SOURCE_RULE_AUDITED_FIELDS = (
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
)


def _source_rule_fields_read(rule: SourceRule) -> dict[str, Any]:
    return {field: getattr(rule, field) for field in SOURCE_RULE_AUDITED_FIELDS}


def _name_taken_error(name: str) -> ApplicationError:
    message = _("This desk already has a source rule named %(name)s; choose another name.") % {"name": repr(name)}
    return ApplicationError(message, extra={"fields": {"name": [message]}})


def _desk_rule_lock(
    *, user: AbstractBaseUser, rule: SourceRule, expected_updated_at: dt.datetime | None = None
) -> SourceRule:
    """The desk rule locked for an admin's write; with `expected_updated_at` (the version the
    caller read), a rule saved since then is refused with 412 instead of overwritten."""
    if rule.desk_id is None:
        raise PermissionDeniedError(_("Shared rules apply to every desk; a site administrator changes them."))
    desk_admin_require(user=user, desk=rule.desk)
    desk_rules = SourceRule.objects.filter(desk_id=rule.desk_id)
    if expected_updated_at is not None:
        return lock_at_version(desk_rules, rule.pk, expected_updated_at=expected_updated_at, what="source rule")
    locked = desk_rules.select_for_update().filter(pk=rule.pk).first()
    if locked is None:
        raise NotFoundError(_("Source rule not found."))
    return locked


@transaction.atomic
def source_rule_create(
    *,
    user: AbstractBaseUser,
    desk: Desk,
    name: str,
    label: str,
    url_template: str,
    reason: str,
    kinds: Iterable[str] = (),
    keywords: Iterable[str] = (),
    excluded_keywords: Iterable[str] = (),
    requires_attribution: bool = False,
    priority: int = 100,
    topic: str = SourceRuleTopic.OTHER,
) -> SourceRule:
    """A desk admin adds a rule of the desk's own. Not idempotent: names are unique in the desk.
    Recorded in the desk's audit trail."""
    desk_admin_require(user=user, desk=desk)
    rule = SourceRule(desk=desk)
    _source_rule_fields(
        rule=rule,
        name=name,
        label=label,
        url_template=url_template,
        reason=reason,
        kinds=kinds,
        keywords=keywords,
        excluded_keywords=excluded_keywords,
        requires_attribution=requires_attribution,
        priority=priority,
        topic=topic,
    )
    rule = _source_rule_save(rule)
    audit_record(
        action=AuditAction.SOURCE_RULE_ADDED,
        actor=user,
        desk=desk,
        details={"rule_id": str(rule.pk), **_source_rule_fields_read(rule)},
    )
    return rule


@transaction.atomic
def source_rule_update(
    *,
    user: AbstractBaseUser,
    rule: SourceRule,
    name: str,
    label: str,
    url_template: str,
    reason: str,
    kinds: Iterable[str] = (),
    keywords: Iterable[str] = (),
    excluded_keywords: Iterable[str] = (),
    requires_attribution: bool = False,
    priority: int = 100,
    topic: str = SourceRuleTopic.OTHER,
    expected_updated_at: dt.datetime | None = None,
) -> SourceRule:
    """A desk admin edits one of the desk's own rules (shared rules are refused). Locks the rule row;
    with `expected_updated_at`, a rule saved since that version is refused with 412. A real change
    is recorded in the desk's audit trail with each changed field's old and new value."""
    locked = _desk_rule_lock(user=user, rule=rule, expected_updated_at=expected_updated_at)
    before = _source_rule_fields_read(locked)
    _source_rule_fields(
        rule=locked,
        name=name,
        label=label,
        url_template=url_template,
        reason=reason,
        kinds=kinds,
        keywords=keywords,
        excluded_keywords=excluded_keywords,
        requires_attribution=requires_attribution,
        priority=priority,
        topic=topic,
    )
    saved = _source_rule_save(locked)
    after = _source_rule_fields_read(saved)
    changes = {field: [before[field], after[field]] for field in before if before[field] != after[field]}
    if changes:
        audit_record(
            action=AuditAction.SOURCE_RULE_CHANGED,
            actor=user,
            desk=rule.desk,
            details={"rule_id": str(saved.pk), "name": saved.name, "changes": changes},
        )
    return saved


def _source_rule_save(rule: SourceRule) -> SourceRule:
    try:
        # A savepoint: a name taken by a concurrent request leaves the caller's transaction usable.
        with transaction.atomic():
            rule.save()
    except IntegrityError:
        raise _name_taken_error(rule.name) from None
    return rule


def _desk_rule_active_set(
    *, user: AbstractBaseUser, rule: SourceRule, active: bool, expected_updated_at: dt.datetime | None
) -> SourceRule:
    locked = _desk_rule_lock(user=user, rule=rule, expected_updated_at=expected_updated_at)
    if locked.is_active != active:
        locked.is_active = active
        locked.save(update_fields=["is_active", "updated_at"])
        audit_record(
            action=AuditAction.SOURCE_RULE_REACTIVATED if active else AuditAction.SOURCE_RULE_DEACTIVATED,
            actor=user,
            desk=rule.desk,
            details={"rule_id": str(locked.pk), "name": locked.name},
        )
    return locked


@transaction.atomic
def source_rule_deactivate(
    *, user: AbstractBaseUser, rule: SourceRule, expected_updated_at: dt.datetime | None = None
) -> SourceRule:
    """A desk admin stops one of the desk's rules from attaching links. Idempotent (a 412 for a
    rule saved since `expected_updated_at`, when given)."""
    return _desk_rule_active_set(user=user, rule=rule, active=False, expected_updated_at=expected_updated_at)


@transaction.atomic
def source_rule_reactivate(
    *, user: AbstractBaseUser, rule: SourceRule, expected_updated_at: dt.datetime | None = None
) -> SourceRule:
    """A desk admin turns a deactivated desk rule back on. Idempotent (a 412 for a rule saved
    since `expected_updated_at`, when given)."""
    return _desk_rule_active_set(user=user, rule=rule, active=True, expected_updated_at=expected_updated_at)
