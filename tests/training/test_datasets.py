"""The training command's data side (standard library only, so it runs in the app's suite)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from apps.claims.services import claim_create_from_span, claim_reject
from tests import factories
from training.datasets import (
    CT24_SPLITS,
    TRANSCRIPT_TEST_SETS,
    Sentence,
    read_feedback,
    read_transfer,
    scores_for,
    training_examples,
    transfer_texts,
)


@pytest.fixture
def data_root(tmp_path):
    folder = tmp_path / "checkthat2024"
    folder.mkdir()
    rows = [
        ("1", "Thank you.", "No"),
        ("2", "Thank you.", "No"),
        ("3", "Taxes went up 40 percent.", "Yes"),
        ("4", "We will win this election.", "No"),
    ]
    lines = ["Sentence_id\tText\tclass_label"] + ["\t".join(row) for row in rows]
    (folder / "CT24_checkworthy_english_train.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_feedback_is_added_and_an_editors_label_replaces_the_benchmarks(data_root):
    feedback = [Sentence("f1", "We will win this election.", 1), Sentence("f2", "Exports rose 12% in 2023.", 1)]

    texts, targets = training_examples("ct24", data_root, feedback)

    assert list(zip(texts, targets, strict=True)) == [
        ("Thank you.", 0.0),
        ("Thank you.", 0.0),
        ("Taxes went up 40 percent.", 1.0),
        ("We will win this election.", 1.0),
        ("Exports rose 12% in 2023.", 1.0),
    ]


def test_without_feedback_the_training_set_is_unchanged(data_root):
    assert training_examples("ct24", data_root) == (
        ["Thank you.", "Thank you.", "Taxes went up 40 percent.", "We will win this election."],
        [0.0, 0.0, 1.0, 0.0],
    )
    with pytest.raises(ValueError, match="unknown training set 'tweets'"):
        training_examples("tweets", data_root)


@pytest.mark.django_db
def test_what_the_desk_exports_is_what_training_reads(tmp_path, desk, editor):
    article = factories.ArticleFactory(desk=desk, body="The bank cut rates twice this year. What a week.")
    claim_reject(claim=factories.ClaimFactory(article=article, text="What a week."), user=editor, reason="Opinion")
    claim_create_from_span(article=article, user=editor, start=0, end=35)
    path = tmp_path / "feedback.jsonl"

    call_command("export_claim_feedback", "--output", str(path), stderr=StringIO())

    assert [(row.text, row.label) for row in read_feedback(path)] == [
        ("What a week.", 0),
        ("The bank cut rates twice this year.", 1),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"text": "Fine.", "label": true}\n{"text": "Broken", ', "line 2: not JSON"),
        (b'{"text": "Counts.", "label": "yes"}\n', "line 1: expected"),
        (b'{"text": "   ", "label": false}\n', "line 1: expected"),
        (b'["Counts.", true]\n', "line 1: expected"),
        (b"\xff\xfe\x00binary", "cannot read it as UTF-8"),
    ],
)
def test_malformed_feedback_names_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "feedback.jsonl"
    path.write_bytes(content)

    with pytest.raises(ValueError, match=message):
        read_feedback(path)


def test_feedback_file_may_have_blank_lines(tmp_path):
    path = tmp_path / "feedback.jsonl"
    path.write_text("\n" + json.dumps({"text": " Rates rose. ", "label": True}) + "\n\n", encoding="utf-8")

    assert read_feedback(path) == [Sentence(f"feedback:{path.name}:2", "Rates rose.", 1)]


def write_transcript(folder, name, lines):
    folder.mkdir(parents=True, exist_ok=True)
    rows = [f"{number}\tSPEAKER\t{text}\t{label}" for number, (text, label) in enumerate(lines, start=1)]
    (folder / name).write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_transfer_texts_leave_out_every_evaluated_sentence_and_repeats(tmp_path):
    ct24 = tmp_path / "checkthat2024"
    ct24.mkdir()
    for split, file_name in CT24_SPLITS.items():
        (ct24 / file_name).write_text(f"Sentence_id\tText\tclass_label\n1\tIn {split} we trust.\tNo\n")
    for folder in TRANSCRIPT_TEST_SETS.values():
        write_transcript(tmp_path / folder, "test.tsv", [("The debate test line.", 1)])
    write_transcript(
        tmp_path / "checkthat2019/training",
        "a.tsv",
        [("Unemployment fell to 4 percent.", 1), ("In test_gold, we trust!", 0), ("Thank you.", 0)],
    )
    write_transcript(
        tmp_path / "checkthat2020-task5/training",
        "b.tsv",
        [("unemployment fell to 4 percent", 0), ("the debate test line", 0), ("We built 200 schools.", 0)],
    )
    for folder in ("checkthat2021/subtask-1b--english/train", "checkthat2021/subtask-1b--english/dev"):
        (tmp_path / folder).mkdir(parents=True)

    assert transfer_texts(tmp_path) == ["Unemployment fell to 4 percent.", "Thank you.", "We built 200 schools."]


def test_transfer_file_round_trip_and_malformed_lines(tmp_path):
    path = tmp_path / "transfer.jsonl"
    path.write_text('{"text": " Taxes rose. ", "probability": 0.8}\n\n{"text": "Hi.", "probability": 0}\n')
    assert read_transfer(path) == [("Taxes rose.", 0.8), ("Hi.", 0.0)]

    for content in ('{"text": "A.", "probability": 1.5}', '{"text": "A.", "probability": true}', '{"text": "A."}'):
        path.write_text(content + "\n")
        with pytest.raises(ValueError, match="line 1: expected"):
            read_transfer(path)


def test_a_teachers_scores_file_gives_each_training_text_its_probability(tmp_path):
    path = tmp_path / "ct24.jsonl"
    path.write_text('{"text": "Taxes rose.", "probability": 0.8}\n{"text": "Hello.", "probability": 0.1}\n')
    rows = read_transfer(path)

    assert scores_for(["Hello.", " Taxes rose. ", "Hello."], rows, path) == [0.1, 0.8, 0.1]
    with pytest.raises(ValueError, match=r"ct24.jsonl: no probability for 1 of the 2 training sentences"):
        scores_for(["Taxes rose.", "Crime fell."], rows, path)
