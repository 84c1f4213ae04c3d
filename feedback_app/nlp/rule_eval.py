"""Scoring the rule-based parts (PII, safeguarding) and labelled stories (German, English) on hand-written JSON-lines sets."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .evaluate import confusion_lines, score_themes, sentiment_confusion
from .pii import find_pii
from .safeguarding import find_flags

# The labelled stories of a folder, a file per language: its code, the name printed and the file.
STORY_FILES: tuple[tuple[str, str, str], ...] = (("de", "German", "de_stories.jsonl"),
                                                 ("en", "English", "en_stories.jsonl"))
_POLE = {"positive": 1.0, "mixed": 0.0, "negative": -1.0}


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
            # A set of ordinary texts only has no recall to give (0), and one of disclosures only no false alarms.
            "recall": sum(1 for c in positives if flagged[id(c)]) / max(len(positives), 1),
            "kind_recall": sum(1 for c in positives if flagged[id(c)] & set(c["kinds"])) / max(len(positives), 1),
            "false_alarms": sum(1 for c in negatives if flagged[id(c)]) / max(len(negatives), 1),
            "positives": len(positives),
            "negatives": len(negatives),
        }
    return out


def compare_stories(cases: list[dict[str, Any]], results: list, lang: str) -> dict[str, Any]:
    """Theme macro-F1, story sentiment accuracy and its confusion, theme-sentiment accuracy and language
    accuracy of the analyses `results` of labelled stories `cases`, one for one.

    Theme sentiment counts over the gold themes the analysis also found (a theme it missed is scored by the
    macro-F1, not twice): `theme_sentiment_found` of the `theme_sentiment_gold` gold theme sentiments; None
    when the cases carry no `theme_sentiments` (the German sets) or the analysis found none of their themes. The
    macro-F1 is None for a set labelled with sentiment alone (no case has `themes`)."""
    macro = None
    if any("themes" in c for c in cases):
        _, macro = score_themes([set(c.get("themes", ())) for c in cases], [{t.code for t in r.themes} for r in results])
    story = [(c["sentiment"], r.sentiment.label) for c, r in zip(cases, results, strict=True)]
    themes = [(gold, t.sentiment.label) for c, r in zip(cases, results, strict=True) for t in r.themes
              if (gold := c.get("theme_sentiments", {}).get(t.code)) is not None]
    return {"theme_macro_f1": macro,
            "sentiment_accuracy": sum(1 for g, p in story if g == p) / len(cases),
            "sentiment_confusion": sentiment_confusion(story),
            "theme_sentiment_accuracy": sum(1 for g, p in themes if g == p) / len(themes) if themes else None,
            "theme_sentiment_found": len(themes),
            "theme_sentiment_gold": sum(len(c.get("theme_sentiments", {})) for c in cases),
            "language_accuracy": sum(1 for r in results if r.language == lang) / len(cases),
            "texts": len(cases)}


def score_stories(cases: list[dict[str, Any]], analyse_many: Callable[..., list], lang: str = "de",
                  detect: bool = True) -> dict[str, Any]:
    """`compare_stories` for `analyse_many` on labelled stories in `lang` (detecting the language unless not `detect`)."""
    return compare_stories(cases, analyse_many([c["text"] for c in cases], [None if detect else lang] * len(cases)), lang)


def _excerpt(text: str, start: int = 0, width: int = 110) -> str:
    """About `width` characters of `text` from a little before `start`, on one line."""
    begin = max(0, start - 30)
    piece = text[begin:begin + width].replace("\n", " ")
    return ("..." if begin else "") + piece + ("..." if begin + width < len(text) else "")


def sentiment_misses(cases: list[dict[str, Any]], results: list) -> list[dict[str, Any]]:
    """The story and theme sentiments the analysis got wrong, worst first: a flip (positive for negative) before
    a miss by one step (mixed), then by how far the predicted score lies from the gold pole. Each miss:
    `theme` (None for the story sentiment), `gold`, `predicted`, `score` and an `excerpt` (for a theme, from
    its first evidence)."""
    misses = []
    for case, result in zip(cases, results, strict=True):
        if result.sentiment.label != case["sentiment"]:
            misses.append({"theme": None, "gold": case["sentiment"], "predicted": result.sentiment.label,
                           "score": result.sentiment.score, "excerpt": _excerpt(case["text"])})
        for tag in result.themes:
            gold = case.get("theme_sentiments", {}).get(tag.code)
            if gold is not None and gold != tag.sentiment.label:
                start = tag.evidence[0].start if tag.evidence else 0
                misses.append({"theme": tag.code, "gold": gold, "predicted": tag.sentiment.label,
                               "score": tag.sentiment.score, "excerpt": _excerpt(case["text"], start)})
    return sorted(misses, key=lambda m: (-abs(_POLE[m["gold"]] - _POLE[m["predicted"]]),
                                         -abs(_POLE[m["gold"]] - m["score"])))


def stories_lines(name: str, scores: dict[str, Any]) -> list[str]:
    """One set of stories' figures: a line, then the sentiment confusion a gold label a line."""
    line = f"{name} stories ({scores['texts']}): "
    if scores["theme_macro_f1"] is not None:
        line += f"theme macro-F1 {scores['theme_macro_f1']:.3f}, "
    line += f"sentiment accuracy {scores['sentiment_accuracy']:.3f}"
    if scores["theme_sentiment_accuracy"] is not None:
        line += (f", theme sentiment accuracy {scores['theme_sentiment_accuracy']:.3f} (over "
                 f"{scores['theme_sentiment_found']} of {scores['theme_sentiment_gold']} gold themes, those found)")
    return [line + f", language {scores['language_accuracy']:.3f}", *confusion_lines(scores["sentiment_confusion"])]


def miss_lines(misses: list[dict[str, Any]], limit: int) -> list[str]:
    """The first `limit` of `sentiment_misses` as printable lines."""
    return [f"  {m['theme'] or 'story'}: gold {m['gold']}, predicted {m['predicted']} ({m['score']:+.2f}) | "
            f"{m['excerpt']}" for m in misses[:limit]]


def safeguarding_line(lang: str, scores: dict[str, float]) -> str:
    """One language's safeguarding figures, leaving out those its set cannot give (recall without
    disclosures, false alarms without ordinary texts) rather than printing them as 0."""
    parts = []
    if scores["positives"]:
        parts.append(f"recall {scores['recall']:.2f}, kind recall {scores['kind_recall']:.2f}")
    if scores["negatives"]:
        parts.append(f"false alarms {scores['false_alarms']:.2f}")
    return (f"safeguarding {lang}: {', '.join(parts)} "
            f"({scores['positives']:.0f} disclosures, {scores['negatives']:.0f} ordinary)")


def report_lines(folder: Path, analyse_many: Callable[..., list], misses: int = 0) -> list[str]:
    """Printable figures for the sets in `folder` (pii.jsonl, safeguarding.jsonl and the `STORY_FILES`: each if
    there), with the `misses` worst sentiment misses of each stories file."""
    lines = []
    if (folder / "pii.jsonl").exists():
        for lang, scores in score_pii(load_jsonl(folder / "pii.jsonl")).items():
            lines.append(f"PII {lang}: " + ", ".join(f"{k} {v:.2f}" for k, v in scores.items()))
    if (folder / "safeguarding.jsonl").exists():
        for lang, scores in score_safeguarding(load_jsonl(folder / "safeguarding.jsonl")).items():
            lines.append(safeguarding_line(lang, scores))
    for lang, name, file_name in STORY_FILES:  # the independent sets hold only the rule-based parts
        if not (folder / file_name).exists():
            continue
        cases = load_jsonl(folder / file_name)
        results = analyse_many([c["text"] for c in cases], [None] * len(cases))  # the language detected
        lines += stories_lines(name, compare_stories(cases, results, lang))
        if misses:
            lines.append(f"{name} stories, the {misses} worst sentiment misses (gold, predicted with its score):")
            lines += miss_lines(sentiment_misses(cases, results), misses)
    return lines


def rule_alternatives() -> list[tuple[str, str, str]]:
    """(kind, source, branch) for each top-level `|` alternative of the safeguarding rules, source as
    `rule_sources` names it."""
    from .alternation import split_branches
    from .safeguarding import PATTERNS, rule_sources

    return [(kind, source, branch) for kind in PATTERNS for source, pattern in rule_sources(kind)
            for branch in split_branches(pattern)]


def alternative_hits(cases: list[tuple[str, str, bool, bool]], nhs: list[str]) -> list[dict[str, Any]]:
    """What each rule alternative fires on, alone, as the rules scan (word start, folded text).

    `cases`: (lang, text, is a disclosure, flagged by the model at its threshold). Per alternative and text
    language: ordinary texts it fires on ("fa"), of them those no other alternative and not the model flags
    ("sole_fa": the false alarms dropping it would remove); disclosures it finds ("found"), of them those the
    model misses ("adds") and those nothing else finds ("only": the recall dropping it would lose); and
    NHS comments it fires on ("nhs")."""
    import re

    from .folding import fold
    from .safeguarding import BENIGN

    def fires(pattern: re.Pattern[str], text: str) -> bool:
        return any(m.lastgroup == "hit" for m in pattern.finditer(text))

    alternatives = rule_alternatives()
    # Each alternative beside the benign readings, which take their words first as in `rule_flags`.
    patterns = [re.compile(rf"\b(?=\w)(?:(?P<benign>{BENIGN})|(?P<hit>{b}))") for _, _, b in alternatives]
    folded = [fold(text) for _, text, _, _ in cases]
    fired = [[i for i, t in enumerate(folded) if fires(pattern, t)] for pattern in patterns]
    rule_count = Counter(i for hits in fired for i in hits)
    nhs_folded = [fold(text) for text in nhs]
    rows = []
    for (kind, source, branch), hits, pattern in zip(alternatives, fired, patterns, strict=True):
        row: dict[str, Any] = {"kind": kind, "source": source, "branch": branch}
        for lang in ("en", "de"):
            mine = [i for i in hits if cases[i][0] == lang]
            ordinary = [i for i in mine if not cases[i][2]]
            found = [i for i in mine if cases[i][2]]
            alone = [i for i in mine if rule_count[i] == 1 and not cases[i][3]]
            row |= {f"fa_{lang}": len(ordinary), f"sole_fa_{lang}": sum(1 for i in alone if not cases[i][2]),
                    f"found_{lang}": len(found), f"adds_{lang}": sum(1 for i in found if not cases[i][3]),
                    f"only_{lang}": sum(1 for i in alone if cases[i][2])}
        row["nhs"] = sum(1 for t in nhs_folded if fires(pattern, t))
        rows.append(row)
    return rows


def alternative_lines(rows: list[dict[str, Any]], limit: int | None = None) -> list[str]:
    """A table of `alternative_hits`, the alternatives firing on ordinary texts most often beyond the
    disclosures they add first; `limit` rows (all if None), only those that fire at all."""
    def cost(row: dict[str, Any]) -> tuple[int, int]:
        return (row["fa_en"] + row["fa_de"] - row["adds_en"] - row["adds_de"], row["nhs"])

    fields = ("fa", "sole_fa", "found", "adds", "only")
    lines = ["kind source | " + " ".join(f"{f}(en/de)" for f in fields) + " | nhs | alternative"]
    for row in sorted((r for r in rows if any(r[f"{f}_{lang}"] for f in fields for lang in ("en", "de")) or r["nhs"]),
                      key=cost, reverse=True)[:limit]:
        lines.append(f"{row['kind']} {row['source']} | "
                     + " ".join(f"{row[f + '_en']}/{row[f + '_de']}" for f in fields)
                     + f" | {row['nhs']} | {row['branch'][:90]}")
    return lines
