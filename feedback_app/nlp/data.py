"""Reading the shared training files (both NHS formats) into labelled examples and deterministic splits."""
from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .taxonomy import PHASE1_LABELS, THEMES, V6_LABELS, V6_SENTIMENT

STORIES_FOLDER = Path(__file__).resolve().parents[2] / "corpus" / "stories" / "en"
V6_FILE = "nhs_v6_train.csv"
PHASE1_FILE = "nhs_phase1_train.csv"
# Texts that carry no content (placeholders written by the survey systems).
_EMPTY = {"", "did not answer", "no comment", "n/a", "na", "-"}


@dataclass(frozen=True)
class Example:
    """One labelled comment; `themes` is None where the file has no full theme labelling."""

    text: str
    themes: frozenset[str] | None
    main_theme: str | None
    sentiment: str | None
    source: str


def default_data_dir() -> Path:
    """The shared data folder: $STORYLOOP_TRAINING_DATA, else `<project root>/../shared/data`."""
    env = os.environ.get("STORYLOOP_TRAINING_DATA")
    if env:
        return Path(env)
    project_root = Path(__file__).resolve().parents[2]
    return project_root.parent / "shared" / "data"


def split_of(text: str) -> str:
    """Deterministic split by a hash of the normalised text: 15% val, 10% dev, 75% train.

    Hashing the text (not the row) keeps identical comments ("Nothing.") in one split, so no leakage.
    """
    key = " ".join(text.lower().split()).encode("utf-8")
    bucket = int(hashlib.md5(key).hexdigest()[:8], 16) % 100
    if bucket < 15:
        return "val"
    return "dev" if bucket < 25 else "train"


def fold_of(text: str, folds: int) -> int:
    """The cross-validation fold (0 to `folds` - 1) of a text, by a hash of its normalised form, so that equal
    comments share a fold."""
    key = " ".join(text.lower().split()).encode("utf-8")
    return int(hashlib.sha1(key).hexdigest()[:8], 16) % folds


def detect_format(path: Path) -> str:
    """'v6' or 'phase1', from the header of a CSV in one of the shared formats."""
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    if "FFT answer" in header:
        return "v6"
    if "feedback" in header and "label" in header:
        return "phase1"
    raise ValueError(f"{path}: neither the v6 nor the phase-1 format")


def _v6(row: dict[str, str]) -> Example | None:
    text = (row.get("FFT answer") or "").strip()
    if text.lower() in _EMPTY:
        return None
    themes = frozenset(code for label, code in V6_LABELS.items() if (row.get(label) or "").strip() == "1")
    return Example(text, themes, None, V6_SENTIMENT.get((row.get("Comment sentiment") or "").strip()), "v6")


def phase1_criticality(row: dict[str, str]) -> int | None:
    """A phase-1 row's criticality (−5 … +5), or None for the few typos such as "-o" or "NA"."""
    try:
        return int((row.get("criticality") or "").strip())
    except ValueError:
        return None


def _phase1(row: dict[str, str]) -> Example | None:
    text = (row.get("feedback") or "").strip()
    if text.lower() in _EMPTY:
        return None
    value = phase1_criticality(row)
    # 0 should mean mixed, but one trust left its 2,000 positive comments unrated at 0
    # ("Superb", "Very helpful"): as labels they are noise, so 0 counts as unlabelled.
    sentiment = None if not value else "positive" if value > 0 else "negative"
    label = (row.get("label") or "").strip()
    return Example(text, None, PHASE1_LABELS.get(label), sentiment, "phase1")


def read_file(path: Path) -> list[Example]:
    """All usable examples of one CSV in either shared format."""
    parse = _v6 if detect_format(path) == "v6" else _phase1
    with open(path, encoding="utf-8", newline="") as fh:
        return [ex for row in csv.DictReader(fh) if (ex := parse(row)) is not None]


def load_examples(data_dir: Path | None = None, split: str | None = None) -> list[Example]:
    """Examples of both shared files, optionally only one split ('train', 'dev', 'val')."""
    folder = data_dir or default_data_dir()
    examples = read_file(folder / V6_FILE) + read_file(folder / PHASE1_FILE)
    if split is None:
        return examples
    return [ex for ex in examples if split_of(ex.text) == split]


def theme_truth(example: Example) -> set[str] | None:
    """Gold themes of an example (the main one for phase-1), or None when unlabelled."""
    if example.themes is not None:
        return set(example.themes)
    return {example.main_theme} if example.main_theme in THEMES else set()


def load_stories(folder: Path = STORIES_FOLDER) -> list[Example]:
    """The English stories the project wrote to train on (`*.jsonl` of `folder`): texts as long as the platform's,
    with every theme and the story's sentiment, which the NHS comments of a sentence or two lack."""
    return [ex for examples in read_stories(folder).values() for ex in examples]


def read_stories(folder: Path = STORIES_FOLDER) -> dict[str, list[Example]]:
    """`load_stories`, by file (its name without `.jsonl`), in name order: each writer's file is a fold."""
    files = {}
    for path in sorted(folder.glob("*.jsonl")):
        examples = files.setdefault(path.stem, [])
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                examples.append(Example(row["text"], frozenset(row["themes"]), None, row["sentiment"], "story"))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path.name}, line {number}: not a story ({error})") from error
    return files
