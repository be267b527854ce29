"""Train the committed model's encoder further on CT24 dev-test, threshold by cross-validation.

dev-test's 318 sentences come from the newer pool `test_gold` was drawn from; so far they only
chose epochs and thresholds. Here the committed student (read back from its int8 ONNX file)
trains its top layers and head on them. docs/claim-quality.md holds the rule this serves.
Run from the repository root in the training virtualenv:

    HF_HUB_OFFLINE=1 nice -n 15 .venv-train/bin/python -m training.adapt evaluate --out var/adapt
    HF_HUB_OFFLINE=1 .venv-train/bin/python -m training.adapt export --lr 5e-5 --out var/adapt/model

`evaluate` prints each learning rate's cross-validated F1 on dev-test beside the committed
model's, judged by the procedure of `training.head`, and writes the numbers to
`--out/evaluation.json`; `export` trains on all of dev-test and writes the app's model files
with the threshold `evaluate` found. `test_gold` is never read here.
"""

import argparse
import copy
import json
import logging
import shutil
import statistics
import time
from pathlib import Path

import numpy as np
import torch

from apps.claims.model.scorer import MODEL_DIR, CheckWorthinessModel
from training.datasets import DEFAULT_DATA_ROOT, read_checkthat2024
from training.head import FOLDS, REPEATS, cross_validated_f1, write_metadata_with_dev_f1
from training.metrics import best_threshold, stratified_folds
from training.onnx_weights import member_weights
from training.train import (
    Ensemble,
    Scorer,
    export,
    finetune,
    load_tokenizer,
    new_scorer,
    run_frozen_encoder,
    torch_probabilities,
)

log = logging.getLogger("training")

LEARNING_RATES = (2e-5, 5e-5)
EPOCHS = 3
BATCH_SIZE = 16
# Mean |probability| difference allowed between the int8 file and the trained float model; the
# committed model and its own float rebuild differ by 0.007.
MAX_EXPORT_GAP = 0.02


def committed_scorer(model_dir: Path) -> tuple[Scorer, dict]:
    """The committed member in float: pretrained embeddings and frozen layers, trained layers and head
    dequantised from `model.onnx`. Also returns the member's training settings from `model.json`."""
    (settings,) = json.loads((model_dir / "model.json").read_text())["members"]
    scorer, _ = new_scorer(settings["encoder"])
    state = scorer.state_dict()
    for name, array in member_weights(model_dir / "model.onnx").items():
        if name not in state or tuple(state[name].shape) != array.shape:
            raise ValueError(f"{name} {array.shape} does not fit the {settings['encoder']} scorer")
        state[name] = torch.from_numpy(array)
    scorer.load_state_dict(state)
    return scorer, settings


def training_args(settings: dict, lr: float, seed: int) -> argparse.Namespace:
    return argparse.Namespace(
        frozen_layers=settings["frozen_layers"], seed=seed, batch_size=BATCH_SIZE, epochs=EPOCHS, lr=lr
    )


def trained_copy(
    scorer: Scorer, tokenizer, cached: list[torch.Tensor], labels: np.ndarray, rows: np.ndarray, args
) -> Scorer:
    """A copy of `scorer` trained on the sentences at `rows` (the original is left as it is)."""
    torch.manual_seed(args.seed)
    model = copy.deepcopy(scorer)
    finetune(model, tokenizer, [cached[i] for i in rows], [float(labels[i]) for i in rows], None, args)
    return model


def evaluate(args: argparse.Namespace) -> None:
    dev_test = read_checkthat2024("dev-test", args.data_root)
    texts = [s.text for s in dev_test]
    labels = np.array([s.label for s in dev_test], dtype=float)
    committed_probs = np.array(CheckWorthinessModel.from_directory(args.model).predict_proba(texts))
    scorer, settings = committed_scorer(args.model)
    tokenizer = load_tokenizer(args.model / "tokenizer.json", settings["max_length"])
    rebuilt_probs = torch_probabilities(scorer, tokenizer, texts)
    gap = np.abs(rebuilt_probs - committed_probs)
    log.info("rebuilt float model against committed int8: mean |p| gap %.4f, max %.4f", gap.mean(), gap.max())
    cached, _ = run_frozen_encoder(scorer, tokenizer, texts, settings["frozen_layers"])

    results: dict[str, object] = {
        "repeats": REPEATS,
        "folds": FOLDS,
        "epochs": EPOCHS,
        "batch_size": BATCH_SIZE,
        "rebuilt_probability_gap": {"mean": float(gap.mean()), "max": float(gap.max())},
        "committed": [],
        "rebuilt": [],
        "learning_rates": {str(lr): {"f1": [], "threshold": []} for lr in LEARNING_RATES},
    }
    started = time.monotonic()
    for repeat in range(REPEATS):
        folds = stratified_folds(labels, FOLDS, seed=repeat)
        results["committed"].append(cross_validated_f1(labels, committed_probs, folds))
        results["rebuilt"].append(cross_validated_f1(labels, rebuilt_probs, folds))
        for lr in LEARNING_RATES:
            probs = np.zeros(len(labels))
            for fold in range(FOLDS):
                held = folds == fold
                model = trained_copy(
                    scorer, tokenizer, cached, labels, np.flatnonzero(~held), training_args(settings, lr, repeat)
                )
                probs[held] = torch_probabilities(model, tokenizer, [texts[i] for i in np.flatnonzero(held)])
            entry = results["learning_rates"][str(lr)]
            entry["f1"].append(cross_validated_f1(labels, probs, folds))
            entry["threshold"].append(best_threshold(list(labels), probs)[0])
        log.info("repeat %d done after %.0fs: %s", repeat, time.monotonic() - started, json.dumps(results))
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "evaluation.json").write_text(json.dumps(results, indent=2) + "\n")
    print_evaluation(results)


def print_evaluation(results: dict) -> None:
    committed = results["committed"]
    print(f"Cross-validated F1 on CT24 dev-test, {len(committed)} repeats of stratified {FOLDS}-fold")
    print(f"{'model':<28} {'mean':>6} {'min':>6} {'max':>6} {'wins':>5} {'thr':>5}")
    for name in ("committed", "rebuilt"):
        scores = results[name]
        print(f"{name:<28} {np.mean(scores):6.4f} {min(scores):6.4f} {max(scores):6.4f}")
    for lr, entry in results["learning_rates"].items():
        scores = entry["f1"]
        wins = sum(a > b for a, b in zip(scores, committed, strict=True))
        threshold = statistics.median(entry["threshold"])
        print(
            f"{f'trained on dev-test, lr {lr}':<28} {np.mean(scores):6.4f} {min(scores):6.4f} "
            f"{max(scores):6.4f} {wins:>5} {threshold:5.2f}"
        )


def export_adapted(args: argparse.Namespace) -> None:
    evaluation = json.loads((args.evaluation / "evaluation.json").read_text())
    entry = evaluation["learning_rates"][str(args.lr)]
    threshold = round(statistics.median(entry["threshold"]), 2)
    dev_test = read_checkthat2024("dev-test", args.data_root)
    texts = [s.text for s in dev_test]
    labels = np.array([s.label for s in dev_test], dtype=float)
    scorer, settings = committed_scorer(args.model)
    tokenizer = load_tokenizer(args.model / "tokenizer.json", settings["max_length"])
    cached, _ = run_frozen_encoder(scorer, tokenizer, texts, settings["frozen_layers"])
    every_sentence = np.arange(len(texts))
    adapted = trained_copy(scorer, tokenizer, cached, labels, every_sentence, training_args(settings, args.lr, 0))

    args.out.mkdir(parents=True, exist_ok=True)
    export(Ensemble([adapted], settings["frozen_layers"]), args.out)
    shutil.copy(args.model / "tokenizer.json", args.out / "tokenizer.json")
    metadata = json.loads((args.model / "model.json").read_text())
    (args.out / "model.json").write_text(json.dumps(metadata, indent=2) + "\n")
    exported_probs = np.array(CheckWorthinessModel.from_directory(args.out).predict_proba(texts))
    gap = float(np.mean(np.abs(exported_probs - torch_probabilities(adapted, tokenizer, texts))))
    if gap > MAX_EXPORT_GAP:
        # Training from int8 weights moves them by a fraction of a quantisation step, which
        # rounding can take back: then the file is the starting model, not the trained one.
        for name in ("model.onnx", "tokenizer.json", "model.json"):
            (args.out / name).unlink()
        raise SystemExit(
            f"the int8 export does not reproduce the trained model: its probabilities on the training "
            f"sentences differ by {gap:.3f} on average (at most {MAX_EXPORT_GAP} allowed); nothing written"
        )
    metadata.pop("dev_test_f1", None)
    metadata["threshold"] = threshold
    metadata["dev_test_training"] = {
        "on": "CT24 dev-test (all 318 sentences), continuing from the committed model",
        "lr": args.lr,
        "epochs": EPOCHS,
        "batch_size": BATCH_SIZE,
        "dev_test_cross_validated_f1": round(float(np.mean(entry["f1"])), 4),
        "committed_cross_validated_f1": round(float(np.mean(evaluation["committed"])), 4),
        "repeats": len(entry["f1"]),
        "folds": FOLDS,
    }
    write_metadata_with_dev_f1(args.out, metadata, threshold, args.data_root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["evaluate", "export"])
    parser.add_argument("--model", type=Path, default=MODEL_DIR, help="the model trained further")
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    parser.add_argument(
        "--out", type=Path, required=True, help="evaluate: a folder for evaluation.json; export: the model files"
    )
    parser.add_argument("--evaluation", type=Path, help="export: the folder `evaluate` wrote to")
    parser.add_argument("--lr", type=float, help="export: the learning rate `evaluate` chose")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    torch.set_num_threads(2)
    if args.command == "evaluate":
        evaluate(args)
        return
    if args.lr is None or args.evaluation is None:
        parser.error("export needs --lr and --evaluation")
    export_adapted(args)


if __name__ == "__main__":
    main()
