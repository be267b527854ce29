"""Does the check-worthiness model score the same on a CPU without VNNI as on this one?

Run from the repository root with the app's virtualenv (data in ../shared/data), on a
machine with Debian's qemu-user package (`apt-get install qemu-user`):

    .venv/bin/python -m bench.cpu_agreement [--model DIR] [--cpu Haswell] [--split dev-test ...]

Scores the CT24 splits twice with the same model files: in this process, on this CPU, and
in a child process run by `qemu-x86_64 -cpu Haswell`, which emulates an AVX2 CPU without
AVX-512 or VNNI, so onnxruntime picks its other int8 kernels. Prints F1 on each, how many
decisions differ and how far the logits are apart. On a host without VNNI both runs use the
same kernels and agree trivially; the comparison means something on a host with VNNI.
"""

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from apps.claims.model.scorer import MODEL_DIR, CheckWorthinessModel
from bench.claim_quality import precision_recall_f1
from training.datasets import DEFAULT_DATA_ROOT, read_checkthat2024


def probabilities(model_dir: Path, split: str, data_root: Path) -> np.ndarray:
    model = CheckWorthinessModel.from_directory(model_dir)
    return np.array(model.predict_proba([s.text for s in read_checkthat2024(split, data_root)]))


def f1(labels: list[int], decisions: np.ndarray) -> float:
    return precision_recall_f1(labels, decisions.tolist())[2]


def logits(probs: np.ndarray) -> np.ndarray:
    clipped = np.clip(probs, 1e-7, 1 - 1e-7)
    return np.log(clipped / (1 - clipped))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    parser.add_argument("--cpu", default="Haswell", help="the CPU model qemu emulates")
    parser.add_argument("--split", action="append", help="CT24 split (repeatable; default dev-test and dev)")
    parser.add_argument("--data-root", type=Path, default=DEFAULT_DATA_ROOT)
    parser.add_argument("--emit", metavar="SPLIT", help=argparse.SUPPRESS)  # the child's half of the comparison
    args = parser.parse_args()
    if args.emit:
        print(json.dumps(probabilities(args.model, args.emit, args.data_root).tolist()))
        return

    qemu = shutil.which("qemu-x86_64")
    if qemu is None:
        raise SystemExit("qemu-x86_64 not found: apt-get install qemu-user")
    threshold = CheckWorthinessModel.from_directory(args.model).threshold
    print(f"Model {args.model} (threshold {threshold}); this CPU against qemu -cpu {args.cpu}")
    for split in args.split or ["dev-test", "dev"]:
        labels = [s.label for s in read_checkthat2024(split, args.data_root)]
        here = probabilities(args.model, split, args.data_root)
        child = subprocess.run(
            [
                qemu,
                "-cpu",
                args.cpu,
                sys.executable,
                "-m",
                "bench.cpu_agreement",
                "--model",
                str(args.model),
                "--data-root",
                str(args.data_root),
                "--emit",
                split,
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        emulated = np.array(json.loads(child.stdout))
        differ = int(np.sum((here >= threshold) != (emulated >= threshold)))
        gap = np.abs(logits(here) - logits(emulated))
        print(
            f"  CT24 {split:<9} F1 here {f1(labels, here >= threshold):.4f}, emulated "
            f"{f1(labels, emulated >= threshold):.4f}; decisions differing {differ} of {len(labels)}; "
            f"|logit difference| mean {gap.mean():.4f}, max {gap.max():.4f}"
        )


if __name__ == "__main__":
    main()
