"""Readers for the labelled check-worthiness sets in ../shared/data.

Standard library only, so the benchmark can use them from the app's virtualenv and
the training command from its own. The data never lives in this repository: every
reader takes the data root (``../shared/data`` from the repository root by default).
"""

import csv
import json
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
