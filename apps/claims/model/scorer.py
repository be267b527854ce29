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

# Each sentence is scored in a run of its own. int8 dynamic quantisation scales activations per
# run, so in a batch a sentence's score moved with its neighbours' (a sentence could be a claim in
# one article and not in another), and the outlier of a batch coarsened everyone's scale: one at a
# time, CT24 test_gold F1 rose from 0.698 to 0.730 (docs/claim-quality.md). Throughput on short
# debate sentences is lower than in batches of eight, still well above the 100 sentences/s needed.


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
        # tokenizer.json pads to 128 tokens; a sentence run on its own needs none, and padding would
        # both slow it down and move its score (the padding's activations join the quantisation scale).
        tokenizer.no_padding()
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
        return [float(p) for p in self.run_each(texts, "probability")]

    def run_each(self, texts: list[str], output: str) -> np.ndarray:
        """One graph output per sentence, in input order, each sentence in a run of its own (a
        sentence given twice is run once)."""
        distinct = list(dict.fromkeys(texts))
        rows = {}
        for text, encoding in zip(distinct, self.tokenizer.encode_batch(distinct), strict=True):
            feeds = {
                "input_ids": np.array([encoding.ids], dtype=np.int64),
                "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
            }
            rows[text] = self.session.run([output], feeds)[0][0]
        return np.stack([rows[text] for text in texts])

    def predict(self, texts: list[str]) -> list[bool]:
        """Whether each sentence is check-worthy at the committed threshold."""
        return [p >= self.threshold for p in self.predict_proba(texts)]
