"""Quality of one trained member in full precision, before (or instead of) exporting it.

For encoders the app cannot run (too slow to ship), this is how they are measured. Run from
the repository root in the training virtualenv (PyTorch), data in ../shared/data:

    HF_HUB_OFFLINE=1 .venv-train/bin/python -m bench.member_quality var/members/NAME

Prints precision, recall and F1 of the check-worthy class on CheckThat! 2024 test_gold (with
its 95% bootstrap interval) and dev-test, at the threshold `member` chose on dev-test, and
the member's speed in PyTorch on this machine.
"""

import argparse
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.claim_quality import report_classification
from training.datasets import DEFAULT_DATA_ROOT, read_checkthat2024
from training.train import load_member, torch_probabilities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("member", type=Path, help="a folder written by `training.train member`")
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    args = parser.parse_args()

    model, tokenizer, settings = load_member(args.member)
    threshold = settings["dev_test_threshold_fp32"]
    torch.set_num_threads(2)
    print(f"Member {args.member}: {settings['encoder']}, {settings['train_set']}, seed {settings['seed']}")
    print(f"Threshold {threshold} (max F1 on CT24 dev-test, full precision)\n")
    for split in ("test_gold", "dev-test"):
        sentences = read_checkthat2024(split, args.data_root)
        started = time.perf_counter()
        scores = torch_probabilities(model, tokenizer, [s.text for s in sentences]).tolist()
        seconds = time.perf_counter() - started
        report_classification(f"CheckThat! 2024 {split}", sentences, scores, threshold, interval=split == "test_gold")
        print(f"  {'':<50} {len(sentences) / seconds:.0f} sentences/s in PyTorch, 2 threads")


if __name__ == "__main__":
    main()
