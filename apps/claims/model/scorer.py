"""Check-worthiness model: a small sentence encoder fine-tuned on CheckThat! 2024.

The weights are an int8-quantised ONNX file committed beside this module, with the
encoder's tokenizer and a `model.json` holding the decision threshold chosen on
CheckThat! 2024 dev-test (see docs/claim-quality.md for why not dev). Only onnxruntime
and tokenizers are needed at run time (no PyTorch, nothing downloaded, no pickle).
`training/README.md` rebuilds the files.
"""

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

MODEL_DIR = Path(__file__).resolve().parent

# Sentences are scored in small length-sorted batches. Batching triples throughput
# over one-by-one calls on two cores, and sorting keeps padding small. Batches stay
# small because int8 dynamic quantisation scales activations per batch, so a
# sentence's score moves with its batch neighbours: with eight similar-length
# neighbours by 0.008 on average (0.09 at most; 1 of 318 dev-test decisions flips).
BATCH_SIZE = 8


@dataclass(frozen=True)
class CheckWorthinessModel:
    session: ort.InferenceSession
    tokenizer: Tokenizer
    threshold: float
    metadata: dict[str, object]

    _instance: ClassVar["CheckWorthinessModel | None"] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    @classmethod
    def load(cls) -> "CheckWorthinessModel":
        """The shared instance, built on first use (about 0.3 s) and cached per process.

        The lock makes concurrent first calls build it once; afterwards the
        instance is read-only, and onnxruntime sessions allow concurrent `run`.
        """
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls.from_directory(MODEL_DIR)
        return cls._instance

    @classmethod
    def from_directory(cls, directory: Path) -> "CheckWorthinessModel":
        metadata = json.loads((directory / "model.json").read_text())
        tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=int(metadata["max_length"]))
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a vocabulary token, not a secret
        options = ort.SessionOptions()
        # At most two threads, and never more than the cores this process may use: two
        # threads on one core (a pinned worker, a small container) ran the model 4x slower.
        options.intra_op_num_threads = min(2, len(os.sched_getaffinity(0)))
        options.inter_op_num_threads = 1
        # Idle threads sleep instead of spinning, so the web process and the workers
        # sharing the machine's cores are not starved between batches.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(
            str(directory / "model.onnx"), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return cls(session, tokenizer, float(metadata["threshold"]), metadata)

    def predict_proba(self, texts: list[str]) -> list[float]:
        """Probability that each sentence is check-worthy, in input order, each in [0, 1]."""
        if not texts:
            return []
        return [float(p) for p in self.run_batched(texts, "probability")]

    def run_batched(self, texts: list[str], output: str) -> np.ndarray:
        """One graph output per sentence, in input order, computed in the app's batches."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        rows: list[np.ndarray] = [np.empty(0)] * len(texts)
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            encodings = self.tokenizer.encode_batch([texts[i] for i in batch])
            feeds = {
                "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            }
            for index, row in zip(batch, self.session.run([output], feeds)[0], strict=True):
                rows[index] = row
        return np.stack(rows)

    def predict(self, texts: list[str]) -> list[bool]:
        """Whether each sentence is check-worthy at the committed threshold."""
        return [p >= self.threshold for p in self.predict_proba(texts)]
