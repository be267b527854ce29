"""Refitting the committed model's head (numpy, onnx and onnxruntime only, so it runs in the app's suite)."""

import json
import shutil

import numpy as np
import onnx

from apps.claims.model.scorer import MODEL_DIR, CheckWorthinessModel
from training.head import (
    cross_validated_f1,
    embeddings,
    export_refit,
    find_head,
    fit_correction,
    sigmoid,
)
from training.metrics import best_threshold, stratified_folds

SENTENCES = [
    "Unemployment fell to 3.5 percent last year, the lowest rate in fifty years.",
    "Thank you all for coming tonight.",
    "We cut taxes for 95 percent of working families.",
    "Good evening.",
]


def test_the_committed_head_read_from_the_graph_reproduces_the_models_probabilities():
    vectors, probabilities, head = embeddings(MODEL_DIR, SENTENCES)

    assert vectors.shape == (len(SENTENCES), head.weight.shape[0])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    # The committed head multiplies int8 activations; in float it agrees to about 0.01.
    assert np.max(np.abs(sigmoid(vectors @ head.weight + head.bias) - probabilities)) < 0.02


def test_a_strong_penalty_keeps_the_committed_head_and_a_weak_one_learns_the_labels():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(200, 16))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = (vectors[:, 0] > 0).astype(float)
    offsets = np.zeros(200)

    strong_weight, _ = fit_correction(vectors, offsets, labels, penalty=1e6)
    weak_weight, weak_bias = fit_correction(vectors, offsets, labels, penalty=0.1)

    assert np.max(np.abs(strong_weight)) < 1e-3
    assert np.mean((sigmoid(vectors @ weak_weight + weak_bias) > 0.5) == labels) > 0.95


def test_folds_share_each_class_evenly():
    labels = np.array([1] * 23 + [0] * 77, dtype=float)

    folds = stratified_folds(labels, 5, seed=3)

    positives = [int(np.sum(labels[folds == fold])) for fold in range(5)]
    sizes = [int(np.sum(folds == fold)) for fold in range(5)]
    assert max(positives) - min(positives) <= 1
    assert max(sizes) - min(sizes) <= 2
    assert not np.array_equal(folds, stratified_folds(labels, 5, seed=4))


def test_each_folds_threshold_comes_from_the_other_folds():
    labels = np.array([1, 0] * 10, dtype=float)
    folds = np.arange(20) % 5
    probabilities = np.where(labels == 1, 0.9, 0.3)
    # Fold 0 scores its negatives higher than the other folds do: a threshold chosen on all
    # sentences (0.61) separates everything, the one from the other folds (0.31) does not.
    probabilities[(folds == 0) & (labels == 0)] = 0.6
    probabilities[(folds == 0) & (labels == 1)] = 0.95

    assert best_threshold(list(labels), probabilities) == (0.61, 1.0)
    assert cross_validated_f1(labels, probabilities, folds) < 1.0
    assert cross_validated_f1(labels, np.where(labels == 1, 0.9, 0.3), folds) == 1.0


def test_an_exported_refit_head_is_what_the_app_runs_and_can_be_refitted_again(tmp_path):
    vectors, _, head = embeddings(MODEL_DIR, SENTENCES)
    weight = head.weight + 0.5 * vectors[0]
    bias = head.bias - 0.25
    shutil.copy(MODEL_DIR / "model.json", tmp_path / "model.json")

    export_refit(MODEL_DIR, tmp_path, weight, bias)

    refit = CheckWorthinessModel.from_directory(tmp_path)
    expected = sigmoid(vectors @ weight + bias)
    assert np.max(np.abs(np.array(refit.predict_proba(SENTENCES)) - expected)) < 1e-4
    again = find_head(onnx.load(str(tmp_path / "model.onnx")).graph)
    assert np.allclose(again.weight, weight, atol=1e-6)
    assert json.loads((tmp_path / "model.json").read_text())["threshold"] == refit.threshold
