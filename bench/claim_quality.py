"""Check-worthiness quality of the committed model on public benchmarks, and its speed.

Run from the repository root with the app's virtualenv (data in ../shared/data):

    .venv/bin/python -m bench.claim_quality [--heuristic | --model DIR]

Prints, for the committed model (or the one in DIR) at its threshold:
- precision, recall and F1 of the check-worthy class on CheckThat! 2024 test_gold
  (the held-out primary benchmark, with a 95% bootstrap interval for F1) and dev-test (where the threshold and the best
  epoch were chosen, so not a held-out number);
- the same on ClaimBuster groundtruth, which is exactly CT24 dev: not trained or
  tuned on, but drawn from the same debates and campaign as the training data;
- MAP over transcripts on the CheckThat! 2019, 2020 Task 5 and 2021 Task 1B debate
  test sets (ranking by probability; no threshold involved);
- sentences per second on this machine.

`--heuristic` adds, on the CT24 splits, the hand-weighted `feature_scores` alone and the
desk's `score_sentences` (the higher of model and features) that extraction uses.
"""

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from apps.claims.model.scorer import CheckWorthinessModel
from training.datasets import (
    DEFAULT_DATA_ROOT,
    TRANSCRIPT_TEST_SETS,
    Sentence,
    read_checkthat2024,
    read_claimbuster_groundtruth,
    read_transcripts,
)

# Best published official-measure scores, from the task overview papers.
PUBLISHED = {
    "CT24 test_gold": "F1 0.802 (FactFinders, 1st of 26); TF-IDF+LR baseline 0.573",
    "CheckThat! 2019 Task 1": "MAP 0.166 (Copenhagen, 1st)",
    "CheckThat! 2020 Task 5": "MAP 0.087 (NLPIR01, 1st)",
    "CheckThat! 2021 Task 1B": "MAP 0.402 (Fight for 4230, 1st)",
}

Scores = Callable[[list[str]], list[float]]


def precision_recall_f1(labels: list[int], predicted: list[bool]) -> tuple[float, float, float]:
    tp = sum(1 for gold, guess in zip(labels, predicted, strict=True) if gold and guess)
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(labels), 1)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return precision, recall, f1


def f1_interval(labels: list[int], predicted: list[bool], resamples: int = 2000) -> tuple[float, float]:
    """95% bootstrap interval of F1: how much the score owes to which sentences the split drew."""
    rng = np.random.default_rng(0)
    gold, guess = np.array(labels, dtype=bool), np.array(predicted, dtype=bool)
    scores = []
    for _ in range(resamples):
        sample = rng.integers(0, len(gold), len(gold))
        tp = int(np.sum(gold[sample] & guess[sample]))
        denominator = int(np.sum(gold[sample])) + int(np.sum(guess[sample]))
        scores.append(2 * tp / denominator if denominator else 0.0)
    low, high = np.percentile(scores, [2.5, 97.5])
    return float(low), float(high)


def average_precision(labels: list[int], scores: list[float]) -> float:
    """AP of one ranked transcript, as the CheckThat! scorers compute it."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    hits, total = 0, 0.0
    for rank, (_score, label) in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def report_classification(
    name: str, sentences: list[Sentence], scores: list[float], threshold: float, *, interval: bool = False
) -> None:
    labels = [s.label for s in sentences]
    predicted = [score >= threshold for score in scores]
    precision, recall, f1 = precision_recall_f1(labels, predicted)
    print(f"  {name:<50} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (n={len(labels)}, Yes={sum(labels)})")
    if interval:
        low, high = f1_interval(labels, predicted)
        print(f"  {'':<50} F1 95% bootstrap interval {low:.3f}-{high:.3f} (resampling the split's sentences)")


def report_heuristic(model: CheckWorthinessModel, data_root: Path) -> None:
    from apps.claims.checkworthiness import CHECK_WORTHY_THRESHOLD, feature_scores, score_sentences

    print("\nHand-weighted features alone, and the desk's scorer (the higher of model and features,")
    print(f"never-a-claim lines at 0) as extraction uses it; threshold {CHECK_WORTHY_THRESHOLD}:")
    for split in ("test_gold", "dev-test", "dev"):
        sentences = read_checkthat2024(split, data_root)
        texts = [s.text for s in sentences]
        report_classification(f"CT24 {split}, features", sentences, feature_scores(texts), CHECK_WORTHY_THRESHOLD)
        report_classification(f"CT24 {split}, desk scorer", sentences, score_sentences(texts), CHECK_WORTHY_THRESHOLD)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    parser.add_argument("--heuristic", action="store_true", help="also score the hand-written heuristic")
    parser.add_argument(
        "--model", type=Path, help="a folder written by `training.train ensemble` (default: the committed model)"
    )
    args = parser.parse_args()
    if args.heuristic and args.model:
        parser.error("--heuristic scores the desk's committed model; it cannot be combined with --model")

    started = time.perf_counter()
    model = CheckWorthinessModel.from_directory(args.model) if args.model else CheckWorthinessModel.load()
    load_seconds = time.perf_counter() - started
    threshold = model.threshold
    meta = model.metadata
    members = meta["members"]
    print(f"Model: {meta['encoder']}, {len(members)} fine-tuned member(s) averaged in one ONNX file")
    print(f"Quantisation: {meta.get('quantization', 'not recorded')}; member(s):")
    for member in members:
        teachers = member.get("teacher") or []
        teachers = [teachers] if isinstance(teachers, str) else teachers
        teacher = f", targets averaged with {' and '.join(teachers)}" if teachers else ""
        transfer = "".join(
            f", plus {item['rows']} unlabelled sentences scored by the teacher ({item['file']})"
            for item in member.get("transfer", [])
        )
        trained_on = member["train_set"] + (" and CT24 dev-test" if member.get("dev_test") == "all" else "")
        print(f"  - {member['epochs']} epochs on {trained_on} (seed {member['seed']}){teacher}{transfer}")
    trained_on_dev_test = any(member.get("dev_test") for member in members)
    chosen = "cross-validated on CT24 dev-test" if trained_on_dev_test else "max F1 on CT24 dev-test"
    print(f"Threshold {threshold} ({chosen}); loaded in {load_seconds:.2f}s\n")

    print("Check-worthy class (Yes / CFS):")
    train_texts = {s.text for s in read_checkthat2024("train", args.data_root)}
    for split in ("test_gold", "dev-test"):
        sentences = read_checkthat2024(split, args.data_root)
        scores = model.predict_proba([s.text for s in sentences])
        role = "held out" if split == "test_gold" else "trained on" if trained_on_dev_test else "threshold chosen here"
        report_classification(
            f"CheckThat! 2024 {split} ({role})", sentences, scores, threshold, interval=split == "test_gold"
        )
    print(f"  published on CT24 test_gold: {PUBLISHED['CT24 test_gold']}")
    groundtruth = read_claimbuster_groundtruth(args.data_root)
    scores = model.predict_proba([s.text for s in groundtruth])
    report_classification("ClaimBuster groundtruth (= CT24 dev)", groundtruth, scores, threshold)

    print("\nRanking, MAP over transcripts (no debate-set labels used in training):")
    timed_sentences, timed_seconds = 0, 0.0
    for name, folder in TRANSCRIPT_TEST_SETS.items():
        transcripts = read_transcripts(folder, args.data_root)
        precisions = []
        overlap = 0
        for sentences in transcripts.values():
            texts = [s.text for s in sentences]
            started = time.perf_counter()
            scores = model.predict_proba(texts)
            timed_seconds += time.perf_counter() - started
            timed_sentences += len(texts)
            precisions.append(average_precision([s.label for s in sentences], scores))
            overlap += sum(1 for text in texts if text in train_texts)
        print(
            f"  {name:<24} MAP {np.mean(precisions):.3f}  ({len(transcripts)} transcripts; "
            f"published best {PUBLISHED[name]}; {overlap} texts also in CT24 train)"
        )

    print(f"\nSpeed: {timed_sentences / timed_seconds:.0f} sentences/s ", end="")
    print(f"({timed_sentences} debate sentences, one call per transcript, 2 threads)")
    if args.heuristic:
        report_heuristic(model, args.data_root)


if __name__ == "__main__":
    main()
