"""Quality of trained members in full precision, before (or instead of) exporting them.

For encoders the app cannot run (too slow to ship), this is how they are measured. Run from
the repository root in the training virtualenv (PyTorch), data in ../shared/data:

    HF_HUB_OFFLINE=1 .venv-train/bin/python -m bench.member_quality var/members/NAME [MORE ...]

Several members are scored as one teacher: the mean of their probabilities, as
`training.train member --teacher` uses them. Prints precision, recall and F1 of the
check-worthy class on CheckThat! 2024 test_gold (with its 95% bootstrap interval) and dev-test,
at the threshold with the best F1 on dev-test (as `member` chooses it), and
the speed in PyTorch on this machine.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.claim_quality import report_classification
from training.datasets import DEFAULT_DATA_ROOT, read_checkthat2024
from training.metrics import best_threshold
from training.train import load_member, torch_probabilities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("members", type=Path, nargs="+", help="folders written by `training.train member`")
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    parser.add_argument("--device", default="cpu", help="where PyTorch runs: cpu, or cuda")
    parser.add_argument(
        "--split",
        choices=["test_gold", "dev-test"],
        action="append",
        help="print only these splits (repeatable; default both); dev-test always sets the threshold",
    )
    args = parser.parse_args()

    if args.device == "cpu":
        torch.set_num_threads(2)
    members = [load_member(folder, args.device) for folder in args.members]
    for folder, (_, _, settings) in zip(args.members, members, strict=True):
        print(f"Member {folder}: {settings['encoder']}, {settings['train_set']}, seed {settings['seed']}")
    splits = {split: read_checkthat2024(split, args.data_root) for split in ("dev-test", "test_gold")}
    scores: dict[str, np.ndarray] = {}
    seconds: dict[str, float] = {}
    for split, sentences in splits.items():
        started = time.perf_counter()
        texts = [s.text for s in sentences]
        scores[split] = np.mean([torch_probabilities(model, tokenizer, texts) for model, tokenizer, _ in members], 0)
        seconds[split] = time.perf_counter() - started
    threshold, _ = best_threshold([s.label for s in splits["dev-test"]], scores["dev-test"])
    print(f"Threshold {threshold} (max F1 on CT24 dev-test, full precision, mean of the members)\n")
    for split in args.split or ("test_gold", "dev-test"):
        sentences = splits[split]
        report_classification(
            f"CheckThat! 2024 {split}", sentences, scores[split].tolist(), threshold, interval=split == "test_gold"
        )
        print(f"  {'':<50} {len(sentences) / seconds[split]:.0f} sentences/s in PyTorch on {args.device}")


if __name__ == "__main__":
    main()
