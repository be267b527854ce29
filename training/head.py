"""Refit the committed model's linear head on CT24 dev-test, threshold by cross-validation.

The encoder stays as committed; only the head learns from dev-test, whose sentences come from
the newer pool `test_gold` was drawn from. The refit head is the committed one plus a
correction Δ (an L2-regularised logistic regression with the committed logit as offset), so a
strong penalty gives the committed head back. docs/claim-quality.md holds the rule it serves.
Needs only numpy, onnx and onnxruntime, so it runs in the app's virtualenv:

    .venv/bin/python -m training.head evaluate
    .venv/bin/python -m training.head export --penalty 10 --out apps/claims/model

`evaluate` prints each penalty's cross-validated F1 on dev-test beside the committed model's,
judged by one procedure; `export` fits the head on all of dev-test and writes the model.
`test_gold` is never read here.
"""

import argparse
import json
import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import helper, numpy_helper

from apps.claims.model.scorer import MODEL_DIR, CheckWorthinessModel
from training.datasets import DEFAULT_DATA_ROOT, read_checkthat2024
from training.metrics import best_threshold, f1_score, stratified_folds

EMBEDDING_OUTPUT = "sentence_embedding"
REFIT_WEIGHT = "head.weight.refit"
REFIT_BIAS = "head.bias.refit"
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0)
REPEATS = 10
FOLDS = 5


@dataclass(frozen=True)
class Head:
    """The linear head of an exported model: its input tensor, weights and the nodes it spans."""

    embedding: str
    weight: np.ndarray
    bias: float
    nodes: tuple[str, ...]
    logit: str


def find_head(graph: onnx.GraphProto) -> Head:
    """The head as `quantize_dynamic` left it (int8 MatMulInteger) or as `export_refit` wrote it."""
    initializers = {tensor.name: numpy_helper.to_array(tensor) for tensor in graph.initializer}
    producers = {output: node for node in graph.node for output in node.output}
    consumers: dict[str, list[onnx.NodeProto]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    def only_consumer(tensor: str) -> onnx.NodeProto:
        (node,) = consumers[tensor]
        return node

    for node in graph.node:
        if node.op_type == "MatMul" and node.input[1] == REFIT_WEIGHT:
            add = only_consumer(node.output[0])
            return Head(
                embedding=node.input[0],
                weight=initializers[REFIT_WEIGHT][:, 0].astype(np.float64),
                bias=float(initializers[REFIT_BIAS][0]),
                nodes=(node.name, add.name),
                logit=add.output[0],
            )
        if node.op_type == "MatMulInteger" and "head.weight" in node.input[1]:
            quantize = producers[node.input[0]]
            cast = only_consumer(node.output[0])
            rescale = only_consumer(cast.output[0])
            scales = producers[rescale.input[1]]
            add = only_consumer(rescale.output[0])
            weight_scale = next(initializers[name] for name in scales.input if name in initializers)
            quantized = initializers[node.input[1]].astype(np.float64)
            zero_point = initializers[node.input[3]].astype(np.float64)
            bias = next(initializers[name] for name in add.input if name in initializers)
            return Head(
                embedding=quantize.input[0],
                weight=((quantized - zero_point) * weight_scale)[:, 0],
                bias=float(np.ravel(bias)[0]),
                nodes=(quantize.name, scales.name, node.name, cast.name, rescale.name, add.name),
                logit=add.output[0],
            )
    raise ValueError("no linear head found in the model graph")


def embeddings(model_dir: Path, texts: list[str]) -> tuple[np.ndarray, np.ndarray, Head]:
    """Each sentence's embedding (the head's input) and the model's own probability, app batching."""
    model = onnx.load(str(model_dir / "model.onnx"))
    head = find_head(model.graph)
    model.graph.node.append(helper.make_node("Identity", [head.embedding], [EMBEDDING_OUTPUT]))
    model.graph.output.append(helper.make_tensor_value_info(EMBEDDING_OUTPUT, onnx.TensorProto.FLOAT, None))
    committed = CheckWorthinessModel.from_directory(model_dir)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    augmented = CheckWorthinessModel(session, committed.tokenizer, committed.threshold, committed.metadata)
    vectors = augmented.run_each(texts, EMBEDDING_OUTPUT).astype(np.float64)
    probabilities = augmented.run_each(texts, "probability").astype(np.float64)
    return vectors, probabilities, head


def sigmoid(logits: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-logits))


def fit_correction(
    vectors: np.ndarray, offsets: np.ndarray, labels: np.ndarray, penalty: float
) -> tuple[np.ndarray, float]:
    """Δw, Δb minimising the summed log-loss of offset + Δw·e + Δb plus penalty/2·|Δw|², by Newton steps.

    With unit-length embeddings and a penalty of at least 1 the problem is strongly convex
    in Δw, so Newton's method converges in a handful of steps.
    """
    design = np.hstack([vectors, np.ones((len(vectors), 1))])
    ridge = np.full(design.shape[1], penalty)
    ridge[-1] = 1e-6
    params = np.zeros(design.shape[1])
    for _ in range(100):
        probs = sigmoid(offsets + design @ params)
        gradient = design.T @ (probs - labels) + ridge * params
        hessian = (design * (probs * (1 - probs))[:, None]).T @ design + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        params -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return params[:-1], float(params[-1])


def out_of_fold(
    vectors: np.ndarray, offsets: np.ndarray, labels: np.ndarray, folds: np.ndarray, penalty: float
) -> np.ndarray:
    """Each sentence's probability from a head fitted on the other folds only."""
    probs = np.zeros(len(labels))
    for fold in np.unique(folds):
        held = folds == fold
        weight, bias = fit_correction(vectors[~held], offsets[~held], labels[~held], penalty)
        probs[held] = sigmoid(offsets[held] + vectors[held] @ weight + bias)
    return probs


def cross_validated_f1(labels: np.ndarray, probs: np.ndarray, folds: np.ndarray) -> float:
    """F1 of pooled decisions, each fold thresholded where the other folds' F1 peaks."""
    decisions = np.zeros(len(labels), dtype=bool)
    for fold in np.unique(folds):
        held = folds == fold
        threshold, _ = best_threshold(list(labels[~held]), probs[~held])
        decisions[held] = probs[held] >= threshold
    return f1_score(list(labels), decisions)


@dataclass(frozen=True)
class PenaltyResult:
    penalty: float
    f1_per_repeat: list[float]
    threshold_per_repeat: list[float]


def evaluate_penalties(
    vectors: np.ndarray, committed_probs: np.ndarray, head: Head, labels: np.ndarray, penalties: tuple[float, ...]
) -> tuple[list[float], list[float], list[PenaltyResult]]:
    """Cross-validated F1 per repeat for the committed model, its head in float, and each penalty."""
    offsets = vectors @ head.weight + head.bias
    committed, float_head = [], []
    results = {penalty: PenaltyResult(penalty, [], []) for penalty in penalties}
    for repeat in range(REPEATS):
        folds = stratified_folds(labels, FOLDS, seed=repeat)
        committed.append(cross_validated_f1(labels, committed_probs, folds))
        float_head.append(cross_validated_f1(labels, sigmoid(offsets), folds))
        for penalty, result in results.items():
            probs = out_of_fold(vectors, offsets, labels, folds, penalty)
            result.f1_per_repeat.append(cross_validated_f1(labels, probs, folds))
            result.threshold_per_repeat.append(best_threshold(list(labels), probs)[0])
    return committed, float_head, list(results.values())


def export_refit(model_dir: Path, out_dir: Path, weight: np.ndarray, bias: float) -> None:
    """Write the model with its head replaced by a float head holding `weight` and `bias`."""
    model = onnx.load(str(model_dir / "model.onnx"))
    head = find_head(model.graph)
    kept = [node for node in model.graph.node if node.name not in head.nodes]
    position = next(i for i, node in enumerate(model.graph.node) if node.name == head.nodes[-1])
    position -= sum(1 for node in model.graph.node[:position] if node.name in head.nodes)
    refit = [
        helper.make_node("MatMul", [head.embedding, REFIT_WEIGHT], ["head.refit.matmul"], name="head.refit.MatMul"),
        helper.make_node("Add", ["head.refit.matmul", REFIT_BIAS], [head.logit], name="head.refit.Add"),
    ]
    del model.graph.node[:]
    model.graph.node.extend(kept[:position] + refit + kept[position:])
    still_used = {name for node in model.graph.node for name in node.input} - {REFIT_WEIGHT, REFIT_BIAS}
    initializers = [tensor for tensor in model.graph.initializer if tensor.name in still_used]
    initializers.append(numpy_helper.from_array(weight.astype(np.float32)[:, None], REFIT_WEIGHT))
    initializers.append(numpy_helper.from_array(np.array([bias], dtype=np.float32), REFIT_BIAS))
    del model.graph.initializer[:]
    model.graph.initializer.extend(initializers)
    onnx.checker.check_model(model)
    out_dir.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(out_dir / "model.onnx"))
    if out_dir.resolve() != model_dir.resolve():
        shutil.copy(model_dir / "tokenizer.json", out_dir / "tokenizer.json")


def print_evaluation(committed: list[float], float_head: list[float], results: list[PenaltyResult]) -> None:
    print(f"Cross-validated F1 on CT24 dev-test, {REPEATS} repeats of stratified {FOLDS}-fold")
    print(f"{'model':<24} {'mean':>6} {'min':>6} {'max':>6} {'wins':>5} {'thr':>5}")
    print(f"{'committed':<24} {np.mean(committed):6.4f} {min(committed):6.4f} {max(committed):6.4f}")
    print(f"{'committed head in float':<24} {np.mean(float_head):6.4f} {min(float_head):6.4f} {max(float_head):6.4f}")
    for result in results:
        wins = sum(a > b for a, b in zip(result.f1_per_repeat, committed, strict=True))
        scores = result.f1_per_repeat
        threshold = statistics.median(result.threshold_per_repeat)
        print(
            f"{f'refit, penalty {result.penalty:g}':<24} {np.mean(scores):6.4f} {min(scores):6.4f} "
            f"{max(scores):6.4f} {wins:>5} {threshold:5.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["evaluate", "export"])
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="the model whose head is refitted")
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    parser.add_argument("--penalty", type=float, help="export: the L2 penalty `evaluate` chose")
    parser.add_argument("--out", type=Path, help="export: where to write the model files")
    args = parser.parse_args()

    dev_test = read_checkthat2024("dev-test", args.data_root)
    labels = np.array([s.label for s in dev_test], dtype=float)
    vectors, committed_probs, head = embeddings(args.model, [s.text for s in dev_test])
    if args.command == "evaluate":
        print_evaluation(*evaluate_penalties(vectors, committed_probs, head, labels, PENALTIES))
        return
    if args.penalty is None or args.out is None:
        parser.error("export needs --penalty and --out")
    committed, _, (result,) = evaluate_penalties(vectors, committed_probs, head, labels, (args.penalty,))
    offsets = vectors @ head.weight + head.bias
    weight, bias = fit_correction(vectors, offsets, labels, args.penalty)
    metadata = json.loads((args.model / "model.json").read_text())
    threshold = statistics.median(result.threshold_per_repeat)
    metadata["threshold"] = round(threshold, 2)
    metadata.pop("dev_test_f1", None)
    metadata["head_refit"] = {
        "on": "CT24 dev-test (all 318 sentences)",
        "penalty": args.penalty,
        "dev_test_cross_validated_f1": round(float(np.mean(result.f1_per_repeat)), 4),
        "committed_cross_validated_f1": round(float(np.mean(committed)), 4),
        "repeats": REPEATS,
        "folds": FOLDS,
    }
    export_refit(args.model, args.out, head.weight + weight, head.bias + bias)
    write_metadata_with_dev_f1(args.out, metadata, threshold, args.data_root)


def write_metadata_with_dev_f1(out_dir: Path, metadata: dict, threshold: float, data_root: Path) -> None:
    """Write `model.json` for the exported model in `out_dir`, then score CT24 dev (ClaimBuster)
    through the app's loader at `threshold` and record that F1 in it too."""
    (out_dir / "model.json").write_text(json.dumps(metadata, indent=2) + "\n")
    dev = read_checkthat2024("dev", data_root)
    dev_probs = np.array(CheckWorthinessModel.from_directory(out_dir).predict_proba([s.text for s in dev]))
    metadata["dev_f1"] = round(f1_score([s.label for s in dev], dev_probs >= threshold), 4)
    (out_dir / "model.json").write_text(json.dumps(metadata, indent=2) + "\n")
    print(f"wrote {out_dir}: threshold {threshold:.2f}, dev F1 {metadata['dev_f1']}")


if __name__ == "__main__":
    main()
