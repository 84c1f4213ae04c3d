"""Instructions of the NLP analysis, counted by callgrind: a measure of speed that the machine's load does not move.

    .venv/bin/python bench/nlp_instructions.py [--parts comments,joined,german] [ROOT ...]

For each ROOT (a checkout of Storyloop, e.g. `git archive <rev> | tar -x -C /tmp/old`; default: this one) runs
the standard workload under `valgrind --tool=callgrind` once with one pass and once with two, and prints the
instructions of the second pass (the difference: loading, imports and first-use caches cancel out), and each
ROOT's ratio to the first. The workload: the first 3,000 comments of the shared training data, the same joined
ten at a time, and the 112 German test stories, through `analyse_many` (`--parts` keeps some of the three). Two
runs of the same code differ by up to ~0.7%. A ROOT needs ../shared beside it (a symbolic link will do).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve()
WORKLOAD = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from feedback_app.nlp import analyse_many, get_analyser
from feedback_app.nlp.data import default_data_dir, load_examples
from feedback_app.nlp.rule_eval import load_jsonl
get_analyser()
comments = [ex.text for ex in load_examples(default_data_dir())][:3000]
joined = [" ".join(comments[i:i + 10]) for i in range(0, len(comments), 10)]
german = [case["text"] for case in load_jsonl(Path({root!r}) / "tests/nlp/data/de_stories.jsonl")]
parts = {{"comments": comments, "joined": joined, "german": german}}
work = [text for part in {parts!r} for text in parts[part]]
for _ in range({passes}):
    analyse_many(work)
"""


PARTS = ("comments", "joined", "german")


def instructions(root: Path, passes: int, parts: tuple[str, ...] = PARTS) -> int:
    """Instructions callgrind counts for the workload (`parts` of it) run `passes` times with the code under `root`."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c",
                        WORKLOAD.format(root=str(root), passes=passes, parts=parts)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        return int(re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE).group(1))


def second_pass(root: Path, parts: tuple[str, ...] = PARTS) -> int:
    """Instructions of the workload's second pass (both runs at once, one per core)."""
    with ThreadPoolExecutor(2) as pool:
        once, twice = pool.map(lambda passes: instructions(root, passes, parts), (1, 2))
    return twice - once


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default=",".join(PARTS), help="which parts of the workload (comma-separated)")
    parser.add_argument("roots", nargs="*", type=Path, help="checkouts to count (default: this one)")
    args = parser.parse_args()
    parts = tuple(args.parts.split(","))
    if unknown := set(parts) - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))} (known: {', '.join(PARTS)})")
    roots = [root.resolve() for root in args.roots] or [HERE.parents[1]]
    first = None
    for root in roots:
        count = second_pass(root, parts)
        first = first or count
        print(f"{root}: {count:,} instructions in the second pass ({count / first:.3f}x the first root)", flush=True)


if __name__ == "__main__":
    main()
