"""Search of a desk's earlier work: "have we checked this before?"

`claim_search` finds the claims of the user's desks whose text or attribution, article (title,
outlet, byline) or published verdict's rationale match a query, narrowed by filters. Only the
published finding is searched and shown, as in the exports (`apps.reports.selectors.PublishedVerdict`):
the approved verdict, or, while an editor has it reopened for correction, the finding as last approved,
which the open `VerdictCorrection` keeps. A submitted or returned verdict, a revision under correction
included, is not the desk's finding.

PostgreSQL runs real full-text search: the query is read as a web search (`"a phrase"`, `-word`,
`or`), words meet their stems (vetoed, vetoes, veto), and results are ranked. Each document is
parsed in its article's language (migration 0004: `spanish` for "es", `simple` for a language
PostgreSQL has no configuration for, `english` when not known), and the query is parsed once in
each language the searched articles are in, each document being matched by the query parsed in its
own language: "desempleo" meets "desempleos" in a Spanish article and "vetoed" meets "vetoes" in an
English one. Each of the three
tables stores its rows' words as a weighted tsvector, kept by a trigger, with a GIN index on it
(`apps/reports/migrations/0002`), and so do the corrections, for the rationale an open one keeps
as published (0003): the index finds the candidates however large the desk's history, and
checking or ranking a candidate reads its stored words instead of parsing its text again.
Other databases (SQLite, the zero-install default) fall back to case-insensitive containment of
every word or phrase.

A query that only leaves words out (`-russia`) has nothing an index can find: on its own it would
read every claim of the desk to list nearly all of them, so it needs a filter to narrow (approved,
a date range...), and without one it is refused with a message saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import and_

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    F,
    FilteredRelation,
    Func,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext, gettext_noop

from apps.articles.models import Article
from apps.claims.models import Claim, ClaimStatus, MatchStatus
from apps.claims.selectors import AppliedVerdict, claim_applied_verdict
from apps.core.exceptions import ApplicationError
from apps.core.languages import language_matches
from apps.desks.models import Membership
from apps.desks.selectors import desk_ids_for_user, desk_list_for_user
from apps.reports.selectors import claim_published_verdict
from apps.reviews.models import TaskStatus, Verdict, VerdictCorrection
from apps.reviews.selectors import rating_list_for_desk

# The database function (migration 0004) naming the text search configuration of a language tag, which
# parsed the stored documents of an article in that language.
SEARCH_CONFIG_FUNCTION = "factcheck_search_config"
# Long enough for a pasted sentence; a longer query is a mistake, not a search.
QUERY_MAX_LENGTH = 500
# The form's and API's review status choices: a claim without a review task is "new".
REVIEW_STATUSES = TaskStatus

# The tsvector column `apps/reports/migrations/0002_stored_search_documents.py` keeps on the claim,
# article and verdict tables, and 0003 on the verdict corrections' (PostgreSQL only, in no model).
DOCUMENT_COLUMN = "search_document"
# In English here, where the API's clients compare it; the refusal says it in the reader's language.
EXCLUSIONS_ONLY = gettext_noop(
    "Add a word to look for, or choose a filter: words left out (-russia) alone would list nearly every "
    'claim of your desks. Words as common as "the" are not searched.'
)

# `querytree`'s answer for a query of exclusions only (`-russia`), which no index can answer.
_NOTHING_INDEXABLE = "T"

_TERM = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True)
class SearchTerms:
    """The words and quoted phrases of a query: those a result must hold, and those it must not."""

    required: tuple[str, ...]
    excluded: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.required or self.excluded)


def search_terms_parse(query: str) -> SearchTerms:
    """Split a query the way PostgreSQL's websearch_to_tsquery reads it: `"quoted phrase"`,
    `-excluded`; `or` is read as a word here, which only the fallback search sees."""
    required, excluded = [], []
    for match in _TERM.finditer(query):
        negated = match.group(1) or match.group(3)
        text = match.group(2) if match.group(2) is not None else match.group(4)
        words = _WORD.findall(text)
        if not words:
            continue
        (excluded if negated else required).append(" ".join(words).lower())
    return SearchTerms(required=tuple(dict.fromkeys(required)), excluded=tuple(dict.fromkeys(excluded)))


def claim_search(
    *,
    user: AbstractBaseUser,
    query: str = "",
    kind: str | None = None,
    status: str | None = None,
    rating: str | None = None,
    reviewer: str | None = None,
    published_after: date | None = None,
    published_before: date | None = None,
    approved: bool = False,
    language: str | None = None,
) -> QuerySet[Claim]:
    """Claims of the user's desks matching `query` and the filters, most relevant first, then the
    article's newest publication date. `status` is the review status (`new` for a claim without a
    task); `rating` a published rating's label (any letter case); `reviewer` a username; `language` the
    article's, a normalized BCP 47 tag that also finds narrower ones ("pt" finds "pt-BR").

    The claims come without their relations: joining what a result shows to every match before
    ordering them cost more than the ranking itself. Pass the page shown to `search_results_load`.
    With neither a query nor a filter there is nothing to look for: the result is empty. A query
    that only leaves words out, without a filter, raises `ApplicationError` (400)."""
    terms = search_terms_parse(query)
    claims = Claim.objects.filter(article__desk_id__in=desk_ids_for_user(user=user))
    filters = []
    if kind:
        filters.append(Q(kind=kind))
    if status == TaskStatus.NEW:
        filters.append(Q(review_task__isnull=True) | Q(review_task__status=TaskStatus.NEW))
    elif status:
        filters.append(Q(review_task__status=status))
    if rating or approved:
        filters.append(_applied_verdict_q(rating=rating))
    if reviewer:
        filters.append(
            Q(review_task__verdict__reviewer__username=reviewer)
            | Q(review_task__assignee__username=reviewer)
            # The reviewer of a finding being corrected, which a result still shows, whoever revises it.
            | Q(pk__in=_claims_under_correction(_open_corrections().filter(previous_reviewer__username=reviewer)))
        )
    if published_after:
        filters.append(Q(article__published_on__gte=published_after))
    if published_before:
        filters.append(Q(article__published_on__lte=published_before))
    if language:
        filters.append(language_matches("article__language", language))
    if not terms and not filters:
        return claims.none()
    claims = claims.filter(*filters)
    if terms:
        if connection.vendor == "postgresql":
            configs = _search_configs(user=user, language=language)
            claims = _full_text_match(claims, query, configs=configs, filtered=bool(filters))
        else:
            if not terms.required and not filters:
                raise _exclusions_only_error(query)
            claims = claims.filter(_containment_q(terms))
    newest_first = (F("article__published_on").desc(nulls_last=True), "-article__created_at", "article_id", "start")
    ordering = ("-search_rank", *newest_first) if "search_rank" in claims.query.annotations else newest_first
    return claims.order_by(*ordering)


def search_results_load(*, claims: Iterable[Claim]) -> list[Claim]:
    """The claims of a page of `claim_search` results, in their order, read again with the relations a
    result shows (`search_result_verdict` is then free of queries); one deleted meanwhile is left out."""
    claims = list(claims)
    loaded = {claim.pk: claim for claim in _with_shown_relations(Claim.objects.filter(pk__in=[c.pk for c in claims]))}
    return [loaded[claim.pk] for claim in claims if claim.pk in loaded]


def search_result_verdict(claim: Claim) -> AppliedVerdict | None:
    """The published verdict a result shows (`PublishedVerdict`): the claim's own, or that of the
    earlier claim an editor confirmed it repeats, as the exports and the claim page show it. Free of
    queries for a claim read by `search_results_load`."""
    return claim_applied_verdict(claim=claim, published_verdict=claim_published_verdict)


def search_rating_labels(*, user: AbstractBaseUser) -> list[str]:
    """The ratings the user's desks give, for the rating filter: each desk's own scale, else the default."""
    labels = []
    for desk in desk_list_for_user(user=user):
        labels.extend(rating.label for rating in rating_list_for_desk(desk=desk))
    return list(dict.fromkeys(labels))


def search_reviewer_usernames(*, user: AbstractBaseUser) -> list[str]:
    """The people of the user's desks, for the reviewer filter."""
    members = Membership.objects.filter(desk_id__in=desk_ids_for_user(user=user))
    return list(members.order_by("user__username").values_list("user__username", flat=True).distinct())


def _applied_verdict_q(*, rating: str | None = None) -> Q:
    """Claims to which a published verdict (rated `rating`, any letter case, if given) applies: their
    own, or, as in `search_result_verdict`, that of the earlier claim an editor confirmed they repeat."""
    own = _published_verdict_q("", rating=rating)
    reused = Q(match_status=MatchStatus.CONFIRMED, matched_claim__status=ClaimStatus.ACTIVE) & _published_verdict_q(
        "matched_claim__", rating=rating
    )
    # A claim without a task has no own verdict; NOT (status = approved) alone is NULL for it.
    without_own = (Q(review_task__isnull=True) | ~Q(review_task__status=TaskStatus.APPROVED)) & ~Q(
        pk__in=_claims_under_correction(_open_corrections())
    )
    return own | (reused & without_own)


def _published_verdict_q(claim: str, *, rating: str | None) -> Q:
    """Claims whose claim at `claim` ("" for their own, "matched_claim__" for the earlier one) has a
    published verdict, rated `rating` if given: its approved verdict, or the finding an open correction
    keeps. A task is never approved while its verdict's correction is open, so the two never meet."""
    approved = Q(**{f"{claim}review_task__status": TaskStatus.APPROVED})
    under_correction = _open_corrections()
    if rating:
        approved &= Q(**{f"{claim}review_task__verdict__rating__label__iexact": rating})
        under_correction = under_correction.filter(previous_rating__label__iexact=rating)
    return approved | Q(**{f"{claim}pk__in": _claims_under_correction(under_correction)})


def _open_corrections() -> QuerySet[VerdictCorrection]:
    """The corrections under way, whose verdicts stand as they were published. They are few (a partial
    unique index on their verdict holds just them), so the claims they keep published are read once as
    a set, never looked up claim by claim."""
    return VerdictCorrection.objects.filter(corrected_at__isnull=True)


def _claims_under_correction(corrections: QuerySet[VerdictCorrection]) -> QuerySet:
    """The ids of the claims whose verdicts `corrections` correct, for `pk__in`."""
    return corrections.order_by().values("verdict__task__claim_id")


def _exclusions_only_error(query: str) -> ApplicationError:
    message = gettext(EXCLUSIONS_ONLY)
    return ApplicationError(message, extra={"fields": {"q": [message]}, "query": query})


class _StoredDocument(Func):
    """The stored search document of the table that `field` (a path from the queried model, such as
    "article__title") lives on, joined as the ORM joins that field."""

    output_field = SearchVectorField()

    def __init__(self, field: str):
        super().__init__(F(field))

    def as_sql(self, compiler, connection, **extra_context):
        (column,) = self.get_source_expressions()
        return f"{compiler.quote_name_unless_alias(column.alias)}.{connection.ops.quote_name(DOCUMENT_COLUMN)}", []


class _Concatenated(Func):
    """tsvectors joined with `||`: their words and weights, one after the other."""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = SearchVectorField()


def _claim_document() -> _Concatenated:
    """A claim's whole document: its words, its article's, and its published verdict's, weighted as
    stored. Reads `_OPEN_CORRECTION`, which `_with_open_correction` joins.

    The published verdict is the approved one's stored document, or, while it is being corrected,
    the open correction's, of the rationale as published (migration 0003). The verdict row then
    holds the reviewer's unapproved revision, so its stored document is not the desk's finding."""
    empty = Cast(Value(""), SearchVectorField())
    verdict = Case(
        When(
            review_task__status=TaskStatus.APPROVED,
            then=Coalesce(_StoredDocument("review_task__verdict__rationale"), empty),
        ),
        When(
            **{f"{_OPEN_CORRECTION}__isnull": False},
            then=Coalesce(_StoredDocument(f"{_OPEN_CORRECTION}__previous_rationale"), empty),
        ),
        default=empty,
    )
    return _Concatenated(_StoredDocument("text"), _StoredDocument("article__title"), verdict)


# The claim's verdict's open correction, joined (at most one row) for the claim's document.
_OPEN_CORRECTION = "open_correction"


def _with_open_correction(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    corrections = "review_task__verdict__corrections"
    return claims.alias(
        **{
            _OPEN_CORRECTION: FilteredRelation(
                corrections, condition=Q(**{f"{corrections}__corrected_at__isnull": True})
            )
        }
    )


def _full_text_match(claims: QuerySet[Claim], query: str, *, configs: list[str], filtered: bool) -> QuerySet[Claim]:
    claims = _with_open_correction(claims)
    # The query is matched against the claim's whole document (its words, its article's, its
    # published verdict's), so words may come from different fields and `-word` excludes a claim
    # whose document holds the word anywhere. The claim's own words weigh most, then the article's
    # title and the attribution, then the rest.
    document = _claim_document()
    # The query as each language reads it; a language that reads nothing in it (stop words only,
    # "the" in English) finds none of its documents.
    parts = [part for part in _tsquery_parts(query, configs) if part.full]
    if not parts:
        return claims.none()
    indexable_parts = [part for part in parts if part.indexable != _NOTHING_INDEXABLE]
    if not indexable_parts and not filtered:
        raise _exclusions_only_error(query)
    # Each claim is matched and ranked by the query as its article's language reads it.
    if len(configs) > 1:
        claims = claims.alias(search_config=_SearchConfig(F("article__language")))
    if len(parts) < len(configs):
        # Another language's reading of a stop word can be a word of a document in the language that
        # dropped it ("sobre": 'sobr' in English, the stem of Spanish "sobras"), and the candidates
        # alone would keep that document, unranked, at the top.
        claims = claims.filter(search_config__in=[part.config for part in parts])
    search_query = _query_in_document_language(parts)
    if any(part.indexable != part.full or " & " in part.full for part in parts):
        # Words that must all match, or exclusions: only the whole document can tell. A query of
        # one word, a phrase or alternatives is answered by the candidates alone even in several
        # languages: a claim found by another language's reading of a word holds that very lexeme
        # (the same written word: "madrid"), which is left in, ranked by its own language's reading.
        # Checking every candidate's whole document cost a word in 44,000 claims 0.45 → 1.4 s.
        claims = claims.alias(search_matches=_Matches(document, search_query)).filter(search_matches=True)
    if not indexable_parts:
        # Exclusions within the filters rank every claim alike: newest first.
        return claims
    # The whole document spans several tables, which no index covers. So the candidates come first
    # from each table's GIN index: claims whose own, article's or published verdict's words match any
    # indexable part of the query in any of the languages (its ANDs made ORs, since the words may lie
    # in different tables). For a word, a phrase or alternatives of them in one language the candidates
    # are the matches. One set of them (a UNION, not three ORed conditions) lets the planner see how
    # few a rare word finds and look up just those claims.
    candidates = _LexemeQuery(" | ".join(f"({part.indexable.replace(' & ', ' | ')})" for part in indexable_parts))
    by_claim = _matching(Claim.objects.all(), "text", candidates).values("pk")
    by_article = (
        Claim.objects.filter(article_id__in=_matching(Article.objects.all(), "title", candidates).values("pk"))
        .order_by()
        .values("pk")
    )
    by_verdict = _matching(Verdict.objects.filter(task__status=TaskStatus.APPROVED), "rationale", candidates).values(
        "task__claim_id"
    )
    # A verdict being corrected is matched by the rationale it was published with, which its open
    # correction keeps (the verdict row holds the unapproved revision meanwhile).
    by_published_correction = _claims_under_correction(_matching(_open_corrections(), "previous_rationale", candidates))
    claims = claims.filter(pk__in=by_claim.union(by_article, by_verdict, by_published_correction))
    return claims.annotate(search_rank=SearchRank(document, search_query))


def _matching(rows: QuerySet, field: str, query: SearchQuery) -> QuerySet:
    """The rows whose own stored document matches `query`: a scan of that table's GIN index."""
    return rows.annotate(own_document=_StoredDocument(field)).filter(own_document=query).order_by()


class _LexemeQuery(SearchQuery):
    """A tsquery written out with its lexemes already normalised, read back as it is (a cast).
    `to_tsquery`, even with the `simple` configuration, would parse each lexeme again: the
    compound "e-mail" and its parts would become a longer phrase that no document holds."""

    template = "%(expressions)s::tsquery"


@dataclass(frozen=True)
class _QueryInLanguage:
    config: str
    full: str  # the query as PostgreSQL reads it in this configuration ("" for stop words only)
    indexable: str  # the part of it an index can answer (`_NOTHING_INDEXABLE` for exclusions only)


def _search_configs(*, user: AbstractBaseUser, language: str | None) -> list[str]:
    """The text search configurations of the languages the user's desks' articles are in (only
    `language`'s, when the search is narrowed to it): those the query must be read in."""
    articles = Article.objects.filter(desk_id__in=desk_ids_for_user(user=user))
    if language:
        articles = articles.filter(language_matches("language", language))
    configs = articles.annotate(search_config=_SearchConfig(F("language"))).order_by().values_list("search_config")
    return sorted(config for (config,) in configs.distinct())


def _tsquery_parts(query: str, configs: list[str]) -> list[_QueryInLanguage]:
    """The query as PostgreSQL reads it in each configuration, and the part of it an index can answer."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT config, parsed::text, querytree(parsed) FROM unnest(%s::text[]) AS config, "
            "LATERAL websearch_to_tsquery(config::regconfig, %s) AS parsed",
            [configs, query],
        )
        return [_QueryInLanguage(*row) for row in cursor.fetchall()]


def _query_in_document_language(parts: list[_QueryInLanguage]) -> Func | Case:
    """The query each claim is matched with: read in its article's language (NULL, matching
    nothing, in a language that reads nothing in it). Reads the `search_config` alias of the
    claims when the query reads differently in several languages."""
    if len(parts) == 1:
        return _TsQuery(Value(parts[0].full))
    return Case(
        *(When(search_config=part.config, then=_TsQuery(Value(part.full))) for part in parts),
        output_field=SearchQueryField(),
    )


class _SearchConfig(Func):
    """The name of the text search configuration migration 0004 parses a language tag's documents with."""

    function = SEARCH_CONFIG_FUNCTION
    template = "%(function)s(%(expressions)s)::text"
    output_field = CharField()


class _TsQuery(Func):
    """A tsquery written out as PostgreSQL printed it, read back as it is."""

    template = "(%(expressions)s)::tsquery"
    output_field = SearchQueryField()


class _Matches(Func):
    """Whether a tsvector matches a tsquery (`@@`)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _containment_q(terms: SearchTerms) -> Q:
    def anywhere(term: str) -> Q:
        words = term.split(" ")
        # The term's words were read without what stood between them ("anti-vaccine", "40,000", a
        # quoted phrase); the text may have any punctuation or spaces there. The database's own
        # containment of each word comes first: SQLite runs a regex in Python, 17 times slower,
        # so it only sees the texts that hold every word.
        pattern = r"[\W_]+".join(re.escape(word) for word in words)

        def holds(field: str) -> Q:
            contains = reduce(and_, (Q(**{f"{field}__icontains": word}) for word in words))
            return contains if len(words) == 1 else contains & Q(**{f"{field}__iregex": pattern})

        return (
            holds("text")
            | holds("attribution")
            | holds("article__title")
            | holds("article__outlet")
            | holds("article__byline")
            | (Q(review_task__status=TaskStatus.APPROVED) & holds("review_task__verdict__rationale"))
            | Q(pk__in=_claims_under_correction(_open_corrections().filter(holds("previous_rationale"))))
        )

    conditions = [anywhere(needle) for needle in terms.required]
    conditions += [~anywhere(needle) for needle in terms.excluded]
    return reduce(and_, conditions)


def _with_shown_relations(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """What `claim_published_verdict` reads, as `apps.reports.selectors.report_build` prefetches it."""
    verdict_relations = ("rating", "reviewer", "approved_by")
    corrections = VerdictCorrection.objects.select_related(
        "previous_rating", "previous_reviewer", "previous_approved_by", "rating"
    ).prefetch_related("previous_cited_references")
    return (
        claims.select_related("article", "review_task__assignee", "matched_claim__review_task")
        .select_related(*(f"review_task__verdict__{name}" for name in verdict_relations))
        .select_related(*(f"matched_claim__review_task__verdict__{name}" for name in verdict_relations))
        .prefetch_related(
            "review_task__verdict__cited_references",
            "matched_claim__review_task__verdict__cited_references",
            Prefetch("review_task__verdict__corrections", queryset=corrections),
            Prefetch("matched_claim__review_task__verdict__corrections", queryset=corrections),
        )
        # Results show the article's title, not its (possibly 2 MB) body.
        .defer("article__body")
    )


def search_highlights(text: str, terms: SearchTerms) -> list[tuple[int, int]]:
    """The [start, end) spans of `text` to mark for the required terms, in order and not
    overlapping. A word matches the words it begins (veto: vetoed), as stemming does; a phrase
    matches its words in order."""
    patterns = []
    for term in terms.required:
        words = term.split(" ")
        patterns.append(r"\W+".join(re.escape(word) for word in words[:-1]) + ("" if len(words) == 1 else r"\W+"))
        patterns[-1] += re.escape(_word_stem(words[-1])) + r"\w*"
    if not patterns:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + ")", re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]


def _word_stem(word: str) -> str:
    """The start every form of the word shares ("vetoed", "vetoes": "veto"; "countries": "countr"),
    never under three letters; a prefix, unlike `apps.references.evidence.stem`, which spells a word."""
    for suffix in ("ing", "ies", "ied", "oes", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word
