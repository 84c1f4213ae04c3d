"""Whether a change to the NLP module changed any result: every text the project has, analysed and written out.

    .venv/bin/python bench/nlp_same_output.py OUT.jsonl [BEFORE.jsonl]

Analyses the shared training comments and every text of tests/nlp/data and corpus/ (25,324 distinct texts in
November 2026) with the code of this checkout and writes each full analysis as a JSON line to OUT. With BEFORE
(the same run on the code before a change) it says whether the two are byte-identical, and where they differ.
A change made for speed should leave them identical.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from feedback_app.nlp import analyse_many  # noqa: E402
from feedback_app.nlp.data import default_data_dir, load_examples  # noqa: E402


def texts() -> list[str]:
    """The training comments, then the texts of the test data and the corpus, each once."""
    found = [ex.text for ex in load_examples(default_data_dir())]
    for path in sorted([*(ROOT / "tests" / "nlp" / "data").rglob("*.jsonl"), *(ROOT / "corpus").rglob("*.jsonl")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a blank line
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                found.append(record["text"])
    return list(dict.fromkeys(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write this checkout's analyses (JSON lines)")
    parser.add_argument("before", type=Path, nargs="?", help="an earlier run's file to compare with")
    args = parser.parse_args()
    out, before = args.out, args.before
    if before is not None and not before.is_file():
        parser.error(f"no such file to compare with: {before}")
    batch = texts()
    lines = [json.dumps(dataclasses.asdict(result), sort_keys=True, ensure_ascii=False)
             for result in analyse_many(batch)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(batch):,} texts analysed, written to {out}")
    if before is not None:
        old = before.read_text(encoding="utf-8").splitlines()
        differing = [i for i, (a, b) in enumerate(zip(old, lines, strict=False)) if a != b]
        if old == lines:
            print("IDENTICAL")
        else:
            print(f"DIFFERENT: {len(differing)} of {len(lines)} lines (before: {len(old)}); first texts:")
            for i in differing[:5]:
                print(f"  {i}: {batch[i][:100]!r}")
            sys.exit(1)


if __name__ == "__main__":
    main()
