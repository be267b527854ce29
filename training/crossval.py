"""Judge a recipe trained with CT24 dev-test by its out-of-fold probabilities, and pick its threshold.

`training.train member --dev-test K` trains on all of dev-test but fold K and writes the held-out
fold's probabilities (out_of_fold.jsonl). With one such file per fold, every dev-test sentence
has a probability from a model that never saw it:

    .venv/bin/python -m training.crossval var/devtest-cv/out_of_fold.jsonl

prints the recipe's cross-validated F1 beside the committed model's, on the same folds and by
the same procedure as training.head (each fold thresholded where the other folds' F1 peaks),
and the threshold where the pooled out-of-fold F1 peaks: the one for the model trained on all
of dev-test (`training.train ensemble --threshold`). `test_gold` is never read here.
"""

import argparse
import json
from pathlib import Path

import numpy as np

from apps.claims.model.scorer import MODEL_DIR, CheckWorthinessModel
from training.datasets import DEFAULT_DATA_ROOT, Sentence, json_lines, read_checkthat2024
from training.head import cross_validated_f1
from training.metrics import best_threshold, f1_score, stratified_folds

# Repeat 0 of the stratified 5-fold split that training.head and training.adapt judge by, so
# their cross-validated F1 and this one are comparable.
DEV_TEST_FOLDS = 5
DEV_TEST_FOLD_SEED = 0
OUT_OF_FOLD = "out_of_fold.jsonl"


def split_dev_test(selection: str | None, data_root: Path) -> tuple[list[Sentence], list[Sentence]]:
    """CT24 dev-test as (sentences to train on, sentences held out) for `member --dev-test`: none
    to train on without it, all with `all`, else all but one fold of the stratified split."""
    dev_test = read_checkthat2024("dev-test", data_root)
    if selection is None:
        return [], dev_test
    if selection == "all":
        return dev_test, []
    folds = stratified_folds(np.array([s.label for s in dev_test]), DEV_TEST_FOLDS, DEV_TEST_FOLD_SEED)
    held = int(selection)
    return (
        [s for s, fold in zip(dev_test, folds, strict=True) if fold != held],
        [s for s, fold in zip(dev_test, folds, strict=True) if fold == held],
    )


def read_out_of_fold(paths: list[Path], sentence_ids: list[str]) -> np.ndarray:
    """One probability per dev-test sentence, in `sentence_ids` order; each must appear exactly once."""
    found: dict[str, float] = {}
    for path in paths:
        for line_number, row in json_lines(path):
            if not isinstance(row, dict) or "sentence_id" not in row or "probability" not in row:
                raise ValueError(f"{path}:{line_number}: expected sentence_id and probability")
            sentence_id = str(row["sentence_id"])
            if sentence_id in found:
                raise ValueError(f"{path}:{line_number}: sentence {sentence_id} scored twice")
            found[sentence_id] = float(row["probability"])
    missing = [sentence_id for sentence_id in sentence_ids if sentence_id not in found]
    if missing or len(found) != len(sentence_ids):
        raise ValueError(f"out-of-fold files cover {len(found)} sentences; dev-test has {len(sentence_ids)}")
    return np.array([found[sentence_id] for sentence_id in sentence_ids])


def evaluate(out_of_fold: np.ndarray, committed: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    folds = stratified_folds(labels, DEV_TEST_FOLDS, DEV_TEST_FOLD_SEED)
    threshold, pooled_f1 = best_threshold(list(labels), out_of_fold)
    return {
        "recipe_cross_validated_f1": round(cross_validated_f1(labels, out_of_fold, folds), 4),
        "committed_cross_validated_f1": round(cross_validated_f1(labels, committed, folds), 4),
        "threshold": threshold,
        "pooled_out_of_fold_f1": round(pooled_f1, 4),
        "recipe_f1_at_0_5": round(f1_score(list(labels), out_of_fold >= 0.5), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_of_fold", type=Path, nargs="+", help="files written by `member --dev-test K`")
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="the model to compare against")
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    args = parser.parse_args()
    dev_test = read_checkthat2024("dev-test", args.data_root)
    labels = np.array([s.label for s in dev_test], dtype=float)
    try:
        out_of_fold = read_out_of_fold(args.out_of_fold, [s.sentence_id for s in dev_test])
    except ValueError as error:
        raise SystemExit(str(error)) from None
    committed = np.array(CheckWorthinessModel.from_directory(args.model).predict_proba([s.text for s in dev_test]))
    print(json.dumps(evaluate(out_of_fold, committed, labels), indent=2))


if __name__ == "__main__":
    main()
