"""Judging a recipe trained with dev-test by out-of-fold probabilities (no PyTorch needed)."""

import json

import numpy as np
import pytest

from training.crossval import evaluate, read_out_of_fold, split_dev_test


@pytest.fixture
def data_root(tmp_path):
    folder = tmp_path / "checkthat2024"
    folder.mkdir()
    lines = ["Sentence_id\tText\tclass_label"]
    lines += [f"{n}\tSentence number {n}.\t{'Yes' if n % 4 == 0 else 'No'}" for n in range(40)]
    (folder / "CT24_checkworthy_english_dev-test.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_each_dev_test_sentence_is_held_out_by_exactly_one_fold(data_root):
    everything = {s.sentence_id for s in split_dev_test(None, data_root)[1]}
    held_out = [s.sentence_id for fold in "01234" for s in split_dev_test(fold, data_root)[1]]

    assert sorted(held_out) == sorted(everything)
    for fold in "01234":
        trained, held = split_dev_test(fold, data_root)
        assert {s.sentence_id for s in trained} == everything - {s.sentence_id for s in held}
        assert sum(s.label for s in held) == 2


def test_all_trains_on_every_sentence_and_none_trains_on_none(data_root):
    assert len(split_dev_test("all", data_root)[0]) == 40
    assert split_dev_test("all", data_root)[1] == []
    assert split_dev_test(None, data_root)[0] == []


def write_rows(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def test_out_of_fold_files_must_cover_every_sentence_once(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_rows(first, [{"sentence_id": "1", "probability": 0.2}])
    write_rows(second, [{"sentence_id": "2", "probability": 0.9}])

    assert list(read_out_of_fold([first, second], ["2", "1"])) == [0.9, 0.2]
    with pytest.raises(ValueError, match="cover 1 sentences; dev-test has 2"):
        read_out_of_fold([first], ["1", "2"])
    write_rows(second, [{"sentence_id": "1", "probability": 0.9}])
    with pytest.raises(ValueError, match="scored twice"):
        read_out_of_fold([first, second], ["1"])
    write_rows(second, [{"sentence_id": 1, "probability": 0.9}])
    with pytest.raises(ValueError, match="scored twice"):
        read_out_of_fold([first, second], ["1"])
    write_rows(second, [{"id": "2"}])
    with pytest.raises(ValueError, match="expected sentence_id and probability"):
        read_out_of_fold([first, second], ["1", "2"])


def test_a_recipe_that_separates_the_classes_beats_one_that_does_not():
    labels = np.array([1.0 if n % 4 == 0 else 0.0 for n in range(40)])
    separating = np.where(labels == 1, 0.8, 0.1)
    rng = np.random.default_rng(0)
    noise = rng.uniform(size=40)

    result = evaluate(separating, noise, labels)

    assert result["recipe_cross_validated_f1"] == 1.0
    assert result["committed_cross_validated_f1"] < 0.6
    assert 0.1 < result["threshold"] <= 0.8
    assert result["pooled_out_of_fold_f1"] == 1.0
