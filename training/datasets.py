"""Readers for the labelled check-worthiness sets in ../shared/data.

Standard library only, so the benchmark can use them from the app's virtualenv and
the training command from its own. The data never lives in this repository: every
reader takes the data root (``../shared/data`` from the repository root by default).
"""

import csv
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "data"

CT24_SPLITS = {
    "train": "CT24_checkworthy_english_train.tsv",
    "dev": "CT24_checkworthy_english_dev.tsv",
    "dev-test": "CT24_checkworthy_english_dev-test.tsv",
    "test_gold": "CT24_checkworthy_english_test_gold.tsv",
}

# Debate test sets ranked per transcript (MAP). CheckThat! 2021 1B is the debate
# subtask; its 1A tweets are a different genre and are not scored here.
TRANSCRIPT_TEST_SETS = {
    "CheckThat! 2019 Task 1": "checkthat2019/test_annotated",
    "CheckThat! 2020 Task 5": "checkthat2020-task5/test-gold",
    "CheckThat! 2021 Task 1B": "checkthat2021/subtask-1b--english/test",
}


# Debate transcripts whose sentences may serve as unlabelled text for distillation: the
# training splits only, so the transcripts MAP is reported on stay unseen. CT21 1B's
# train and dev repeat most of CT20 Task 5's transcripts; duplicates are dropped.
TRANSFER_FOLDERS = (
    "checkthat2019/training",
    "checkthat2020-task5/training",
    "checkthat2021/subtask-1b--english/train",
    "checkthat2021/subtask-1b--english/dev",
)


@dataclass(frozen=True)
class Sentence:
    sentence_id: str
    text: str
    label: int


def read_checkthat2024(split: str, data_root: Path = DEFAULT_DATA_ROOT) -> list[Sentence]:
    """One CheckThat! 2024 English split; label 1 means `Yes` (check-worthy)."""
    path = data_root / "checkthat2024" / CT24_SPLITS[split]
    rows: list[Sentence] = []
    # The files must be read with quoting off: many texts start with a literal `"`,
    # and dev/dev-test have CRLF endings (see the dataset README).
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            sentence_id, text, label = (cell.strip("\r") for cell in row[:3])
            rows.append(Sentence(sentence_id, text.strip(), int(label == "Yes")))
    return rows


def read_claimbuster_groundtruth(data_root: Path = DEFAULT_DATA_ROOT) -> list[Sentence]:
    """ClaimBuster's expert-labelled set; label 1 is CFS (check-worthy factual)."""
    path = data_root / "claimbuster" / "groundtruth.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Sentence(row["Sentence_id"], row["Text"].strip(), int(int(row["Verdict"]) == 1))
            for row in csv.DictReader(handle)
        ]


def read_claimbuster_ncs(ratio: str, data_root: Path = DEFAULT_DATA_ROOT) -> list[Sentence]:
    """A ClaimBuster `<ratio>xNCS.json` file: higher-agreement CFS vs NCS sentences."""
    path = data_root / "claimbuster" / f"{ratio}xNCS.json"
    with path.open(encoding="utf-8") as handle:
        return [
            Sentence(str(item["sentence_id"]), item["text"].strip(), int(item["label"])) for item in json.load(handle)
        ]


def read_transcripts(folder: str, data_root: Path = DEFAULT_DATA_ROOT) -> dict[str, list[Sentence]]:
    """Every transcript in a CheckThat! 2019-2021 debate folder, keyed by file name."""
    transcripts: dict[str, list[Sentence]] = {}
    for path in sorted((data_root / folder).glob("*.tsv")):
        sentences: list[Sentence] = []
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) < 4:
                    continue
                line_number, _speaker, text, label = (cell.strip("\r") for cell in row[:4])
                sentences.append(Sentence(line_number, text.strip(), int(label.strip())))
        transcripts[path.name] = sentences
    return transcripts


def comparable(text: str) -> str:
    """A text with case, punctuation and spacing removed, to find the same sentence in two sets."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def transfer_texts(data_root: Path = DEFAULT_DATA_ROOT) -> list[str]:
    """Unlabelled debate sentences for distillation, in file order, each once.

    Their check-worthiness labels are never read (the debate sets label "a fact-checker
    chose to check this", a different target). A sentence that also occurs in any CT24
    split or in a debate test transcript is left out, so nothing evaluated is seen.
    """
    evaluated = {comparable(s.text) for split in CT24_SPLITS for s in read_checkthat2024(split, data_root)}
    for folder in TRANSCRIPT_TEST_SETS.values():
        for sentences in read_transcripts(folder, data_root).values():
            evaluated.update(comparable(s.text) for s in sentences)
    texts: dict[str, str] = {}
    for folder in TRANSFER_FOLDERS:
        for sentences in read_transcripts(folder, data_root).values():
            for sentence in sentences:
                key = comparable(sentence.text)
                if key and key not in evaluated:
                    texts.setdefault(key, sentence.text)
    return list(texts.values())


def json_lines(path: Path) -> Iterator[tuple[int, object]]:
    """Each non-blank line of a JSON Lines file with its line number; unreadable input raises
    ValueError naming the file and line, so a training run stops with a message, not a traceback."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot read it as UTF-8 text ({error})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}, line {number}: not JSON ({error.msg})") from None


def read_transfer(path: Path) -> list[tuple[str, float]]:
    """A teacher's probabilities written by `training.train transfer`: one JSON object a line,
    {"text": str, "probability": number in [0, 1]}."""
    rows: list[tuple[str, float]] = []
    for number, row in json_lines(path):
        text = row.get("text") if isinstance(row, dict) else None
        probability = row.get("probability") if isinstance(row, dict) else None
        if (
            not isinstance(text, str)
            or not text.strip()
            or isinstance(probability, bool)
            or not isinstance(probability, int | float)
            or not 0 <= probability <= 1
        ):
            raise ValueError(f'{path}, line {number}: expected {{"text": non-empty string, "probability": 0 to 1}}')
        rows.append((text.strip(), float(probability)))
    return rows


def scores_for(texts: Sequence[str], rows: Sequence[tuple[str, float]], path: Path) -> list[float]:
    """Each text's probability from a teacher's scores file (`read_transfer` rows), in the order of
    `texts`. A text the file lacks stops training: the file was written for another training set."""
    scored = dict(rows)
    missing = [text for text in texts if text.strip() not in scored]
    if missing:
        raise ValueError(
            f"{path}: no probability for {len(missing)} of the {len(texts)} training sentences "
            f"(first: {missing[0][:80]!r}); score this training set with `transfer --texts`"
        )
    return [scored[text.strip()] for text in texts]


def read_feedback(path: Path) -> list[Sentence]:
    """Editors' verdicts written by `manage.py export_claim_feedback`: one JSON object a line,
    {"text": str, "label": bool}. A malformed line stops training with its line number."""
    rows: list[Sentence] = []
    for number, row in json_lines(path):
        text = row.get("text") if isinstance(row, dict) else None
        label = row.get("label") if isinstance(row, dict) else None
        if not isinstance(text, str) or not text.strip() or not isinstance(label, bool):
            raise ValueError(f'{path}, line {number}: expected {{"text": non-empty string, "label": true or false}}')
        rows.append(Sentence(f"feedback:{path.name}:{number}", text.strip(), int(label)))
    return rows


TRAIN_SETS = ("ct24", "ncs3", "ct24-agreement")

# Target for a crowd `Yes` that ClaimBuster's stricter-agreement selection left out.
LOW_AGREEMENT_TARGET = 0.5


def training_examples(
    train_set: str, data_root: Path = DEFAULT_DATA_ROOT, feedback: Sequence[Sentence] = ()
) -> tuple[list[str], list[float]]:
    """Texts and training targets in [0, 1] for one training set, plus editors' feedback.

    - `ct24`: all of CT24 train, Yes = 1.
    - `ncs3`: ClaimBuster's stricter-agreement 3xNCS subset. It also contains 797
      sentences of CT24 dev (= ClaimBuster groundtruth); they are dropped so dev
      stays a held-out check.
    - `ct24-agreement`: all of CT24 train, but a `Yes` that is not among the 2,521
      crowd CFS sentences meeting ClaimBuster's stricter agreement criteria (the
      xNCS files) gets a soft target of 0.5: more than half of the crowd's `Yes`
      labels are contested, and a hard 1 teaches the model that contested is certain.

    Feedback rows (`read_feedback`) are news sentences an editor judged, so they are hard
    targets; a feedback text that is also a benchmark sentence takes the editor's label,
    because that is the judgement the desk wants the model to learn.
    """
    if train_set == "ct24":
        sentences = read_checkthat2024("train", data_root)
        targets = [float(s.label) for s in sentences]
    elif train_set == "ncs3":
        dev_ids = {s.sentence_id for s in read_checkthat2024("dev", data_root)}
        sentences = [s for s in read_claimbuster_ncs("3", data_root) if s.sentence_id not in dev_ids]
        targets = [float(s.label) for s in sentences]
    elif train_set == "ct24-agreement":
        agreed = {s.sentence_id for s in read_claimbuster_ncs("3", data_root) if s.label == 1}
        sentences = read_checkthat2024("train", data_root)
        targets = [(1.0 if s.sentence_id in agreed else LOW_AGREEMENT_TARGET) if s.label else 0.0 for s in sentences]
    else:
        raise ValueError(f"unknown training set {train_set!r}; choose one of {', '.join(TRAIN_SETS)}")
    edited = {row.text: float(row.label) for row in feedback}
    kept = [(s.text, target) for s, target in zip(sentences, targets, strict=True) if s.text not in edited]
    kept.extend(edited.items())
    return [text for text, _ in kept], [target for _, target in kept]
