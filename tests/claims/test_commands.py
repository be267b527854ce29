import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


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


def test_non_english_article_is_reported_as_unsupported(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(
        "# Titre\n\nLa Russie et la Chine ont opposé leur veto à trois résolutions du Conseil de "
        "sécurité des Nations unies, selon le quotidien Kommersant.\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError, match="English"):
        call_command("extract_claims", str(path), "--json")
