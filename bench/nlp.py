"""Benchmark of the NLP module: words/second of full analysis beside spaCy's bare tokenizer, and memory.

    .venv/bin/python bench/nlp.py [--data-dir ../shared/data] [--repeat 3] [--batch-size 256]

Both figures come from the same texts in the same process, so their ratio is comparable across
machines even when the absolute numbers are not.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feedback_app.nlp import analyse, analyse_many, get_analyser  # noqa: E402
from feedback_app.nlp.data import default_data_dir, load_examples  # noqa: E402
from feedback_app.nlp.rule_eval import load_jsonl  # noqa: E402

GERMAN = Path(__file__).resolve().parents[1] / "tests" / "nlp" / "data" / "de_stories.jsonl"


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux /proc; falls back to the peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best_of(repeat: int, run) -> float:  # type: ignore[no-untyped-def]
    """The fastest of `repeat` runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()

    print("load average (1, 5, 15 min) at start: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    rss_start = rss_mb()
    started = time.perf_counter()
    analyser = get_analyser()
    load_seconds = time.perf_counter() - started
    folder = args.data_dir or default_data_dir()
    texts = [ex.text for ex in load_examples(folder)] if (folder / "nhs_v6_train.csv").exists() else []
    texts += [case["text"] for case in load_jsonl(GERMAN)] * 5
    words = sum(len(t.split()) for t in texts)
    tokenizer = analyser.nlp.tokenizer

    analyse_many(texts[:500])  # warm caches (lexemes, compiled patterns)
    print(f"model load: {load_seconds:.2f} s")
    # The NHS comments are short (about 13 words); stories on the platform run longer, so the same
    # texts are also measured joined ten at a time, where the per-text overhead weighs less.
    joined = [" ".join(texts[i:i + 10]) for i in range(0, len(texts), 10)]
    for label, batch in (("NHS comments as they are", texts), ("the same, joined 10 at a time", joined)):
        tok_s = best_of(args.repeat, lambda batch=batch: list(tokenizer.pipe(batch, batch_size=args.batch_size)))
        full_s = best_of(args.repeat, lambda batch=batch: analyse_many(batch, batch_size=args.batch_size))
        print(f"{label}: {len(batch)} texts, {words} words (mean {words / len(batch):.1f} per text)")
        print(f"  spaCy tokenizer only:         {words / tok_s:12,.0f} words/s")
        print(f"  full analysis (analyse_many): {words / full_s:12,.0f} words/s")
        print(f"  ratio full / tokenizer: {tok_s / full_s:.3f}")
    sample = texts[:: max(1, len(texts) // 200)][:200]
    one_s = best_of(args.repeat, lambda: [analyse(t) for t in sample]) / len(sample)
    print(f"one comment through analyse(): {one_s * 1000:.2f} ms on average")
    print(f"memory: RSS {rss_mb():.0f} MB (before loading: {rss_start:.0f} MB)")
    print("load average (1, 5, 15 min) at end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
