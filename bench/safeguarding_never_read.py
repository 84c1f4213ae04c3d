"""Safeguarding on the sets no one tunes on, as aggregates only: what `corpus/held-out/README.md` reports.

    .venv/bin/python bench/safeguarding_never_read.py

For each never-read set (held-out writers 13, 15, 16, 17 and 21; the independent sets sealed, sealed2, sealed5,
sealed6 and long) and language: recall (any flag on a disclosure), kind recall and false alarms on its ordinary texts;
then recall and false alarms pooled over them per language, recall over both, false alarms on the independent
ordinary complaints, and the share of the distinct NHS comments flagged. It prints no text: these sets' misses are
not to be read by anyone changing the detector.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from feedback_app.nlp.data import load_examples  # noqa: E402
from feedback_app.nlp.rule_eval import load_jsonl, score_safeguarding  # noqa: E402
from feedback_app.nlp.safeguarding import find_flags  # noqa: E402

INDEPENDENT = ROOT / "tests" / "nlp" / "data" / "independent"
NEVER_READ = {
    **{f"writer{n}": ROOT / "corpus" / "held-out" / f"writer{n}.jsonl" for n in (13, 15, 16, 17, 21)},
    **{name: INDEPENDENT / name / "safeguarding.jsonl" for name in ("sealed", "sealed2", "sealed5", "sealed6", "long")},
}
COMPLAINTS = INDEPENDENT / "ordinary" / "safeguarding.jsonl"


def _count(share: float, total: int) -> int:
    return round(share * total)


def main() -> None:
    """Print the figures."""
    pooled: dict[str, list[int]] = {}  # per language: disclosures found, disclosures, false alarms, ordinary texts
    for name, path in NEVER_READ.items():
        for lang, scores in score_safeguarding(load_jsonl(path)).items():
            found = _count(scores["recall"], scores["positives"])
            alarms = _count(scores["false_alarms"], scores["negatives"])
            total = pooled.setdefault(lang, [0, 0, 0, 0])
            for i, n in enumerate((found, scores["positives"], alarms, scores["negatives"])):
                total[i] += n
            print(f"{name} {lang}: recall {scores['recall']:.3f} ({found}/{scores['positives']}), "
                  f"kind {scores['kind_recall']:.3f}, false alarms {scores['false_alarms']:.3f} "
                  f"({alarms}/{scores['negatives']})")
    for lang, (found, total, alarms, ordinary) in sorted(pooled.items()):
        print(f"pooled never-read {lang}: {found}/{total} = {found / total:.3f}, "
              f"false alarms on the ordinary texts {alarms}/{ordinary} = {alarms / ordinary:.3f}")
    print(f"pooled never-read, both: {sum(p[0] for p in pooled.values())}/{sum(p[1] for p in pooled.values())}")
    for lang, scores in score_safeguarding(load_jsonl(COMPLAINTS)).items():
        print(f"ordinary complaints {lang}: false alarms {scores['false_alarms']:.3f} "
              f"({_count(scores['false_alarms'], scores['negatives'])}/{scores['negatives']})")
    comments = sorted({ex.text for ex in load_examples()})
    flagged = sum(1 for text in comments if find_flags(text, "en"))
    print(f"NHS comments flagged: {flagged}/{len(comments)} = {flagged / len(comments):.2%}")


if __name__ == "__main__":
    main()
