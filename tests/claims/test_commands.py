import json
import tracemalloc
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.claims.services import claim_create_from_span, claim_reject
from tests import factories


@pytest.fixture
def seed_file(tmp_path, seed_bytes):
    path = tmp_path / "seed.txt"
    path.write_bytes(seed_bytes)
    return path


def test_extract_claims_prints_a_json_array_with_facts(seed_file):
    out = StringIO()

    call_command("extract_claims", str(seed_file), "--json", stdout=out)

    claims = json.loads(out.getvalue())
    assert {"text", "start", "end", "kind", "score", "quantities", "entities", "dates", "attribution"} <= set(claims[0])
    toll = next(c for c in claims if "40,000" in c["text"])
    assert toll["quantities"][0]["value"] == 40000
    assert any(c["attribution"] == "Kommersant" for c in claims)


def test_extract_claims_prints_a_readable_table_without_json(seed_file):
    out = StringIO()

    call_command("extract_claims", str(seed_file), stdout=out)

    assert "[statistic]" in out.getvalue()
    assert "attributed to: Kommersant" in out.getvalue()


def test_score_sentences_prints_one_json_object_per_line(tmp_path):
    path = tmp_path / "sentences.txt"
    path.write_text("Russia has vetoed three UN resolutions on Syria since 2011.\n\nThank you.\n")
    out = StringIO()

    call_command("score_sentences", str(path), stdout=out)

    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["text"] for r in rows] == ["Russia has vetoed three UN resolutions on Syria since 2011.", "Thank you."]
    assert [r["check_worthy"] for r in rows] == [True, False]
    assert all(0 <= r["score"] <= 1 for r in rows)


@pytest.mark.parametrize("command", ["extract_claims", "score_sentences"])
@pytest.mark.parametrize(
    ("name", "content"),
    [("missing.txt", None), ("empty.txt", b""), ("binary.txt", b"\x00\x01\x02" * 100)],
)
def test_bad_input_is_a_command_error(tmp_path, command, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(CommandError):
        call_command(command, str(path))


@pytest.mark.parametrize("command", ["extract_claims", "score_sentences"])
def test_a_file_far_past_the_limit_is_refused_without_being_read_whole(tmp_path, command):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(150 * 1024 * 1024)  # sparse: no disk used
    tracemalloc.start()
    try:
        with pytest.raises(CommandError, match="larger than"):
            call_command(command, str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 40 * 1024 * 1024


def test_non_english_article_is_reported_as_unsupported(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(
        "# Titre\n\nLa Russie et la Chine ont opposé leur veto à trois résolutions du Conseil de "
        "sécurité des Nations unies, selon le quotidien Kommersant.\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError, match="looks French; automatic claim extraction supports English only"):
        call_command("extract_claims", str(path), "--json")


@pytest.fixture
def feedback_on_two_desks(desk, other_desk, editor, outsider):
    ours = factories.ArticleFactory(desk=desk, body="The bank cut rates twice this year. What a week.")
    theirs = factories.ArticleFactory(desk=other_desk, body="Exports rose 12% in 2023.")
    opinion = factories.ClaimFactory(article=ours, text="What a week.", start=36, end=48)
    claim_reject(claim=opinion, user=editor, reason="An opinion")
    claim_create_from_span(article=ours, user=editor, start=0, end=35)
    claim_create_from_span(article=theirs, user=outsider, start=0, end=25)


def test_export_claim_feedback_writes_json_lines_for_the_training_command(feedback_on_two_desks, desk):
    out, err = StringIO(), StringIO()

    call_command("export_claim_feedback", "--desk", desk.slug, stdout=out, stderr=err)

    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows == [
        {"text": "What a week.", "label": False},
        {"text": "The bank cut rates twice this year.", "label": True},
    ]
    assert "2 rows: 1 check-worthy, 1 not." in err.getvalue()


def test_export_claim_feedback_to_a_file_covers_every_desk_by_default(feedback_on_two_desks, tmp_path):
    path = tmp_path / "feedback.jsonl"

    call_command("export_claim_feedback", "--output", str(path), stderr=StringIO())

    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(texts) == 3
    assert "Exports rose 12% in 2023." in texts


@pytest.mark.django_db
def test_export_claim_feedback_names_an_unknown_desk_or_unwritable_file(tmp_path, desk):
    with pytest.raises(CommandError, match="No desk with slug 'nowhere'"):
        call_command("export_claim_feedback", "--desk", "nowhere", "--desk", desk.slug)
    (tmp_path / "a-file").write_text("")
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_claim_feedback", "--output", str(tmp_path / "a-file" / "f.jsonl"), stderr=StringIO())
