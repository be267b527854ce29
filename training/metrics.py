"""F1 of the check-worthy class and the threshold that maximises it (no PyTorch needed)."""

import numpy as np


def best_threshold(labels: list[int], probs: np.ndarray) -> tuple[float, float]:
    """The threshold that maximises F1 of the positive class, and that F1."""
    best = (0.5, 0.0)
    for threshold in np.arange(0.02, 0.98, 0.01):
        f1 = f1_score(labels, probs >= threshold)
        if f1 > best[1]:
            best = (round(float(threshold), 2), f1)
    return best


def f1_score(labels: list[int], predicted: np.ndarray) -> float:
    gold = np.asarray(labels, dtype=bool)
    tp = float(np.sum(gold & predicted))
    if tp == 0:
        return 0.0
    precision = tp / float(np.sum(predicted))
    recall = tp / float(np.sum(gold))
    return 2 * precision * recall / (precision + recall)


def stratified_folds(labels: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """A fold number for each sentence, each class dealt round-robin after shuffling."""
    rng = np.random.default_rng(seed)
    assignment = np.zeros(len(labels), dtype=int)
    for value in (0, 1):
        members = rng.permutation(np.flatnonzero(labels == value))
        assignment[members] = (np.arange(len(members)) + rng.integers(folds)) % folds
    return assignment
