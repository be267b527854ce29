"""Library full-text search in the database's engine (FTS5 on SQLite, tsvector on PostgreSQL)."""

import pytest

from apps.references.models import LibraryDocument
from apps.references.search import library_document_ids_matching
from tests.factories import LibraryDocumentFactory

pytestmark = pytest.mark.django_db


def test_stemmed_match_ranks_the_best_document_first():
    weak = LibraryDocumentFactory(title="Council diary", body="The Security Council met on Syria.")
    strong = LibraryDocumentFactory(
        title="Vetoes on Syria", body="Russia and China vetoed three draft resolutions; each veto blocked action."
    )
    LibraryDocumentFactory(title="Sport", body="Football results from the weekend.")

    ids = library_document_ids_matching(LibraryDocument.objects.all(), ["vetoes", "Russia", "Syria"], limit=10)

    assert ids == [strong.pk, weak.pk]


def test_search_respects_the_queryset_it_is_given(desk, other_desk):
    ours = LibraryDocumentFactory(desk=desk, body="Russia vetoed the draft.")
    LibraryDocumentFactory(desk=other_desk, body="Russia vetoed the draft.")

    ids = library_document_ids_matching(LibraryDocument.objects.filter(desk=desk), ["veto"], limit=10)

    assert ids == [ours.pk]


def test_edits_and_deletions_are_reflected():
    document = LibraryDocumentFactory(body="Casualty figures for 2012.")
    everything = LibraryDocument.objects.all()
    assert library_document_ids_matching(everything, ["casualties"], limit=5) == [document.pk]

    document.body = "Humanitarian access."
    document.save()
    assert library_document_ids_matching(everything, ["casualties"], limit=5) == []
    assert library_document_ids_matching(everything, ["humanitarian"], limit=5) == [document.pk]

    document.delete()
    assert library_document_ids_matching(everything, ["humanitarian"], limit=5) == []


def test_odd_characters_in_terms_are_harmless():
    document = LibraryDocumentFactory(body="The U.S. position on Syria.")

    ids = library_document_ids_matching(LibraryDocument.objects.all(), ['Syria"', "O'Brien) OR (", "&|!"], limit=5)

    assert ids == [document.pk]
