"""On the seed article, offline: source links for the key claims and supporting passages from the
demo library for the veto and death-toll claims (issue 2 §6-7, issue 4 "Done when")."""

import json
from pathlib import Path

import pytest

from apps.articles.services import article_import_text
from apps.references.models import Reference, SourceLink, Stance
from apps.references.services import claim_references_gather, library_document_upsert

pytestmark = pytest.mark.django_db

LIBRARY_JSON = Path(__file__).resolve().parents[2] / "apps" / "demo" / "content" / "library.json"


@pytest.fixture
def seed_article(settings, desk, editor, seed_bytes, django_capture_on_commit_callbacks):
    settings.REFERENCE_PROVIDERS = ["local_library"]
    for entry in json.loads(LIBRARY_JSON.read_text()):
        library_document_upsert(desk=None, **entry)
    with django_capture_on_commit_callbacks(execute=False):
        article = article_import_text(desk=desk, user=editor, text=seed_bytes.decode()).article
    for claim in article.claims.all():
        claim_references_gather(claim_id=str(claim.id))
    return article


def _claim(article, *words):
    return next(claim for claim in article.claims.all() if all(word in claim.text for word in words))


def test_seed_veto_claim_has_un_links_and_a_supporting_passage(seed_article):
    claim = _claim(seed_article, "vetoed", "three")

    urls = set(SourceLink.objects.filter(claim=claim).values_list("url", flat=True))
    assert "https://research.un.org/en/docs/sc/quick/veto" in urls
    assert any(url.startswith("https://digitallibrary.un.org/search") for url in urls)
    supporting = Reference.objects.filter(claim=claim, stance=Stance.SUPPORTS)
    assert supporting.filter(passage__icontains="three").exists()


def test_seed_death_toll_claim_has_casualty_links_and_a_supporting_passage(seed_article):
    claim = _claim(seed_article, "40,000")

    urls = " ".join(SourceLink.objects.filter(claim=claim).values_list("url", flat=True))
    assert "ohchr.org" in urls
    assert "news.un.org" in urls
    best = Reference.objects.filter(claim=claim).order_by("-stance_score").first()
    assert best.stance == Stance.SUPPORTS
    assert "40,000" in best.passage or "59,648" in best.passage


def test_seed_kommersant_claim_gets_an_outlet_search_link(seed_article):
    claim = _claim(seed_article, "Russia resisted new U.S. appeals")

    link = SourceLink.objects.get(claim=claim, rule__name="outlet-coverage-search")
    assert "%22Kommersant%22" in link.url


def test_seed_person_attributions_get_no_outlet_link(seed_article):
    claim = _claim(seed_article, "Putin")

    assert not SourceLink.objects.filter(claim=claim, rule__name="outlet-coverage-search").exists()


def test_seed_geneva_declaration_claims_get_the_uns_records_of_agreements(seed_article):
    for claim in (_claim(seed_article, "Brahimi is seeking"), _claim(seed_article, "called for a transitional")):
        names = set(SourceLink.objects.filter(claim=claim).values_list("rule__name", flat=True))
        assert {"un-peacemaker-agreements", "un-digital-library-agreements"} <= names


def test_seed_claims_about_the_kommersant_report_itself_get_its_search_link(seed_article):
    for words in ("did not name any source", "Kommersant pointed", "The report in the influential daily"):
        link = SourceLink.objects.get(claim=_claim(seed_article, words), rule__name="outlet-coverage-search")
        assert "%22Kommersant%22" in link.url


def test_seed_statements_by_people_get_a_search_for_where_they_said_it(seed_article):
    putin = _claim(seed_article, "Putin", "prop up Assad")
    clinton = _claim(seed_article, "Clinton told Lavrov", "fall sooner or later")

    putin_links = {link.rule.name: link for link in SourceLink.objects.filter(claim=putin)}
    assert "%22Vladimir%20Putin%22" in putin_links["speaker-statement-news-search"].url
    assert putin_links["speaker-statement-news-search"].label == "News reports of Vladimir Putin saying this"
    assert putin_links["kremlin-transcripts"].url.startswith("https://en.kremlin.ru/search?query=")
    clinton_links = {link.rule.name: link for link in SourceLink.objects.filter(claim=clinton)}
    assert "%22Clinton%22" in clinton_links["speaker-statement-news-search"].url
    assert "kremlin-transcripts" not in clinton_links


def test_seed_statements_the_outlet_reports_get_no_speaker_search(seed_article):
    claim = _claim(seed_article, "Clinton had made the appeals")

    assert not SourceLink.objects.filter(claim=claim, rule__name="speaker-statement-news-search").exists()
