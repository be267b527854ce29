"""Reads for the references stage, always scoped to the acting user's desks."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.articles.models import Article
from apps.claims.models import Claim, ClaimStatus
from apps.core.exceptions import NotFoundError
from apps.core.ids import uuid_or_404
from apps.desks.models import Desk
from apps.desks.selectors import desk_ids_for_user
from apps.references.models import (
    JobStatus,
    LibraryDocument,
    ProviderName,
    ProviderSetting,
    Reference,
    ReferenceJob,
    SourceLink,
    SourceRule,
    SourceRuleTopic,
    Stance,
)


def article_reference_progress(*, article: Article) -> dict[str, object]:
    """How far reference gathering got for an article, with the line the article page shows.

    `total` counts the article's claims that an editor has not rejected; `pending` is every claim
    not finished yet (including the `running` ones and any whose job does not exist yet);
    `provider_failures` is, for each provider, how many finished claims it failed for.
    """
    total = Claim.objects.filter(article=article).exclude(status=ClaimStatus.REJECTED).count()
    jobs = ReferenceJob.objects.filter(claim__article=article).exclude(claim__status=ClaimStatus.REJECTED)
    counts = jobs.aggregate(
        done=Count("id", filter=Q(status=JobStatus.DONE)),
        failed=Count("id", filter=Q(status=JobStatus.FAILED)),
        running=Count("id", filter=Q(status=JobStatus.RUNNING)),
    )
    done, failed, running = counts["done"], counts["failed"], counts["running"]
    # A pending job's errors may yet be retried away; a finished job's are final.
    finished_jobs = jobs.filter(status__in=[JobStatus.DONE, JobStatus.FAILED])
    progress = {
        "total": total,
        "done": done,
        "failed": failed,
        "running": running,
        "pending": max(0, total - done - failed),
        "finished": done + failed >= total,
        "provider_failures": _provider_failures(finished_jobs),
    }
    return {**progress, "gathered": done + failed, "label": reference_progress_label(progress)}


def reference_progress_label(progress: dict[str, object]) -> str:
    """ "References gathered for 12 of 21 claims (1 could not be gathered; Wikipedia failed for
    21 claims)". Gathered, not checked: on a fact-checking desk a claim is checked once its
    verdict is approved, and gathering says nothing about that."""
    if not progress["total"]:
        return _("No claims to check")
    label = _("References gathered for %(gathered)d of %(total)d claims") % {
        "gathered": progress["done"] + progress["failed"],
        "total": progress["total"],
    }
    problems = []
    if progress["failed"]:
        problems.append(_("%(failed)d could not be gathered") % {"failed": progress["failed"]})
    problems += [
        ngettext("%(source)s failed for %(count)d claim", "%(source)s failed for %(count)d claims", count)
        % {"source": provider_label(provider), "count": count}
        for provider, count in sorted(progress["provider_failures"].items())
    ]
    return (
        _("%(progress)s (%(problems)s)") % {"progress": label, "problems": "; ".join(problems)} if problems else label
    )


# A claim's gathering still to do, after import or a refresh.
GATHERING_STATUSES = (JobStatus.PENDING, JobStatus.RUNNING)


def claim_references_gathering(*, claim: Claim) -> bool:
    """Whether a worker still has the claim's reference gathering to do."""
    return ReferenceJob.objects.filter(claim=claim, status__in=GATHERING_STATUSES).exists()


def claim_references_empty_note(*, claim: Claim) -> str:
    """What the claim page says while a claim has no references: gathering still under way,
    nothing found, or which sources failed, so an editor can tell the three apart."""
    job = ReferenceJob.objects.filter(claim=claim).first()
    if job is None or job.status in GATHERING_STATUSES:
        return _("References are still being gathered in the background; reload the page to see them.")
    failed = ", ".join(provider_label(provider) for provider in sorted(job.provider_errors or {}))
    if job.status == JobStatus.FAILED:
        if failed:
            return _("References could not be gathered: %(sources)s failed. Refresh to try again.") % {
                "sources": failed
            }
        return _("References could not be gathered: every source failed. Refresh to try again.")
    if failed:
        return _("No references found. Not every source answered (%(sources)s failed); refresh to try again.") % {
            "sources": failed
        }
    return _("No references found: every source answered, none had a match.")


def provider_label(name: str) -> str:
    """A provider's name for people; one no longer known (since removed) as stored."""
    return str(ProviderName(name).label) if name in ProviderName.values else name


def _provider_failures(jobs: QuerySet[ReferenceJob]) -> dict[str, int]:
    failures: dict[str, int] = {}
    for errors in jobs.values_list("provider_errors", flat=True):
        for provider in errors or {}:
            failures[provider] = failures.get(provider, 0) + 1
    return failures


def article_reference_summary(*, article: Article) -> dict[str, object]:
    """What gathering found for an article: references by stance, claims with support or a
    contradiction, and which providers failed how often (shown once every claim is finished)."""
    references = Reference.objects.filter(claim__article=article).exclude(claim__status=ClaimStatus.REJECTED)
    by_stance = dict(references.values_list("stance").annotate(count=Count("id")).order_by())
    return {
        "references": sum(by_stance.values()),
        "by_stance": {stance: by_stance.get(stance, 0) for stance in Stance.values},
        "claims_supported": references.filter(stance=Stance.SUPPORTS).values("claim").distinct().count(),
        "claims_contradicted": references.filter(stance=Stance.CONTRADICTS).values("claim").distinct().count(),
        "provider_failures": _provider_failures(ReferenceJob.objects.filter(claim__article=article)),
    }


def reference_list(*, user: AbstractBaseUser, claim: Claim | None = None) -> QuerySet[Reference]:
    references = Reference.objects.filter(claim__article__desk_id__in=desk_ids_for_user(user=user))
    if claim is not None:
        references = references.filter(claim=claim)
    return references.select_related("claim", "added_by").order_by("claim", "-stance_score", "-score", "title")


def source_link_list(*, user: AbstractBaseUser, claim: Claim | None = None) -> QuerySet[SourceLink]:
    links = SourceLink.objects.filter(claim__article__desk_id__in=desk_ids_for_user(user=user))
    if claim is not None:
        links = links.filter(claim=claim)
    return links.select_related("claim", "rule")


def claim_get_for_user(*, user: AbstractBaseUser, claim_id: object) -> Claim:
    """A claim in one of the user's desks, with its article and desk; 404 otherwise."""
    claim = (
        Claim.objects.filter(pk=claim_id, article__desk_id__in=desk_ids_for_user(user=user))
        .select_related("article", "article__desk")
        .first()
    )
    if claim is None:
        raise NotFoundError(_("Claim not found."))
    return claim


def article_get_for_user(*, user: AbstractBaseUser, article_id: object) -> Article:
    article = Article.objects.filter(pk=article_id, desk_id__in=desk_ids_for_user(user=user)).first()
    if article is None:
        raise NotFoundError(_("Article not found."))
    return article


def library_document_list(*, user: AbstractBaseUser) -> QuerySet[LibraryDocument]:
    """The user's desks' documents plus the shared ones (no desk)."""
    return LibraryDocument.objects.filter(
        Q(desk__isnull=True) | Q(desk_id__in=desk_ids_for_user(user=user))
    ).select_related("desk")


LIBRARY_EXCERPT_CHARS = 300


def library_document_summaries(*, user: AbstractBaseUser) -> QuerySet[LibraryDocument]:
    """`library_document_list` without the bodies (an upload's can be 2,000,000 characters): the
    database sends only each body's first LIBRARY_EXCERPT_CHARS characters (`body_excerpt`) and
    its length in characters (`body_length`)."""
    return (
        library_document_list(user=user)
        .defer("body")
        .annotate(body_excerpt=Substr("body", 1, LIBRARY_EXCERPT_CHARS), body_length=Length("body"))
    )


def library_document_get(*, user: AbstractBaseUser, document_id: object) -> LibraryDocument:
    document = library_document_list(user=user).filter(pk=document_id).first()
    if document is None:
        raise NotFoundError(_("Library document not found."))
    return document


def reference_jobs_for_article(*, article: Article) -> QuerySet[ReferenceJob]:
    return ReferenceJob.objects.filter(claim__article=article).select_related("claim")


def desk_provider_names(*, desk_id: object) -> list[str]:
    """The providers to ask for a desk's claims: the deployment's list with the desk's changes."""
    names = list(dict.fromkeys(settings.REFERENCE_PROVIDERS))
    for provider, enabled in ProviderSetting.objects.filter(desk_id=desk_id).values_list("provider", "is_enabled"):
        if enabled and provider not in names:
            names.append(provider)
        elif not enabled and provider in names:
            names.remove(provider)
    return names


def source_rule_list_for_desk(*, desk: Desk) -> QuerySet[SourceRule]:
    """The rules that attach links to the desk's claims: the shared ones and the desk's own."""
    return SourceRule.objects.filter(Q(desk__isnull=True) | Q(desk=desk)).select_related("desk")


def source_rules_by_topic_for_desk(*, desk: Desk) -> list[tuple[str, list[SourceRule]]]:
    """The desk's rules as (topic label, rules) in the catalogue's topic order, empty topics left out."""
    rules = list(source_rule_list_for_desk(desk=desk))
    groups = [(label, [rule for rule in rules if rule.topic == topic]) for topic, label in SourceRuleTopic.choices]
    return [(label, members) for label, members in groups if members]


def source_rule_get_for_desk(*, desk: Desk, rule_id: object) -> SourceRule:
    rule = (
        source_rule_list_for_desk(desk=desk)
        .filter(pk=uuid_or_404(rule_id, not_found=_("Source rule not found.")))
        .first()
    )
    if rule is None:
        raise NotFoundError(_("Source rule not found."))
    return rule
