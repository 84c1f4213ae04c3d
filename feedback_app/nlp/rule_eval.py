"""Scoring the rule-based parts (PII, safeguarding) and the German side on hand-written JSON-lines sets."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .evaluate import score_themes
from .pii import find_pii
from .safeguarding import find_flags


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _gold_spans(case: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Gold PII as (type, start, end): the sets name each detail by its text, found left to right."""
    spans, cursor = [], 0
    for kind, fragment in case["pii"]:
        start = case["text"].index(fragment, cursor if fragment in case["text"][cursor:] else 0)
        spans.append((kind, start, start + len(fragment)))
        cursor = start + len(fragment)
    return spans


def score_pii(cases: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per language: recall per type and precision overall (a find counts when type and span overlap)."""
    out: dict[str, dict[str, float]] = {}
    for lang in sorted({c["lang"] for c in cases}):
        found, wanted, hits, predicted, correct = Counter(), Counter(), Counter(), 0, 0
        for case in (c for c in cases if c["lang"] == lang):
            gold = _gold_spans(case)
            pred = [(p.type, p.start, p.end) for p in find_pii(case["text"])]
            for kind, start, end in gold:
                wanted[kind] += 1
                hits[kind] += any(k == kind and s < end and e > start for k, s, e in pred)
            predicted += len(pred)
            correct += sum(1 for k, s, e in pred if any(k == g and s < ge and e > gs for g, gs, ge in gold))
        scores = {f"recall_{kind}": hits[kind] / wanted[kind] for kind in sorted(wanted)}
        scores["precision"] = correct / predicted if predicted else 1.0
        del found
        out[lang] = scores
    return out


def score_safeguarding(cases: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per language: recall (any flag on a disclosure), kind recall, and false alarms on ordinary texts."""
    out: dict[str, dict[str, float]] = {}
    for lang in sorted({c["lang"] for c in cases}):
        mine = [c for c in cases if c["lang"] == lang]
        positives = [c for c in mine if c["kinds"]]
        negatives = [c for c in mine if not c["kinds"]]
        flagged = {id(c): {f.kind for f in find_flags(c["text"], lang)} for c in mine}
        out[lang] = {
            "recall": sum(1 for c in positives if flagged[id(c)]) / len(positives),
            "kind_recall": sum(1 for c in positives if flagged[id(c)] & set(c["kinds"])) / len(positives),
            "false_alarms": sum(1 for c in negatives if flagged[id(c)]) / len(negatives),
            "positives": len(positives),
            "negatives": len(negatives),
        }
    return out


def score_stories(cases: list[dict[str, Any]], analyse_many: Callable[..., list], lang: str = "de",
                  detect: bool = True) -> dict[str, float]:
    """Theme macro-F1, sentiment and language accuracy of `analyse_many` on labelled stories in `lang`."""
    results = analyse_many([c["text"] for c in cases], [None if detect else lang] * len(cases))
    _, macro = score_themes([set(c["themes"]) for c in cases], [{t.code for t in r.themes} for r in results])
    accuracy = sum(1 for c, r in zip(cases, results, strict=True) if r.sentiment.label == c["sentiment"]) / len(cases)
    language = sum(1 for r in results if r.language == lang) / len(cases)
    return {"theme_macro_f1": macro, "sentiment_accuracy": accuracy, "language_accuracy": language,
            "texts": len(cases)}


def report_lines(folder: Path, analyse_many: Callable[..., list]) -> list[str]:
    """Printable figures for the sets in `folder` (pii.jsonl, safeguarding.jsonl, de_stories.jsonl: each if there)."""
    lines = []
    if (folder / "pii.jsonl").exists():
        for lang, scores in score_pii(load_jsonl(folder / "pii.jsonl")).items():
            lines.append(f"PII {lang}: " + ", ".join(f"{k} {v:.2f}" for k, v in scores.items()))
    if (folder / "safeguarding.jsonl").exists():
        for lang, scores in score_safeguarding(load_jsonl(folder / "safeguarding.jsonl")).items():
            lines.append(f"safeguarding {lang}: recall {scores['recall']:.2f}, kind recall "
                         f"{scores['kind_recall']:.2f}, false alarms {scores['false_alarms']:.2f} "
                         f"({scores['positives']:.0f} disclosures, {scores['negatives']:.0f} ordinary)")
    if not (folder / "de_stories.jsonl").exists():
        return lines  # the independent sets hold only the rule-based parts
    detected = score_stories(load_jsonl(folder / "de_stories.jsonl"), analyse_many)
    lines.append(f"German stories ({detected['texts']:.0f}): theme macro-F1 {detected['theme_macro_f1']:.3f}, "
                 f"sentiment accuracy {detected['sentiment_accuracy']:.3f}, language {detected['language_accuracy']:.3f}")
    return lines
