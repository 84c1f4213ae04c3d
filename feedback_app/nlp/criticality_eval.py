"""Scoring criticality against the phase-1 file's graded criticism (−1 … −4 → Care Opinion's 1 … 4)."""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .data import PHASE1_FILE, default_data_dir, phase1_criticality, split_of

# The phase-1 grades carry no "severe harm" level: their strongest criticism is −4, Care Opinion's 4.
GRADES = range(6)


def graded_rows(path: Path, split: str | None = "val") -> list[tuple[str, int]]:
    """(text, gold criticality 0-4) of the phase-1 rows: positive comments are 0, criticism −k is k.

    Rows at 0 are left out (one trust left its praise unrated at 0), and so are typos ("-o", "NA").
    """
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("feedback") or "").strip()
            value = phase1_criticality(row)
            if text and value and -4 <= value <= 4 and (split is None or split_of(text) == split):
                rows.append((text, -value if value < 0 else 0))
    return rows


def criticality_report(rate_many: Callable[[list[str]], list[int]], path: Path | None = None,
                       split: str | None = "val") -> list[str]:
    """Exact and within-one agreement on criticism, the share of praise rated 0, and the confusion table.

    `path` is a phase-1 file (default: the shared one); `split` None takes all of its rows.
    """
    rows = graded_rows(path or default_data_dir() / PHASE1_FILE, split)
    predicted = rate_many([text for text, _ in rows])
    table = Counter((gold, pred) for (_, gold), pred in zip(rows, predicted, strict=True))
    critical = [(g, p) for (_, g), p in zip(rows, predicted, strict=True) if g]
    praise = [p for (_, g), p in zip(rows, predicted, strict=True) if not g]
    lines = [f"criticality on {len(rows)} graded phase-1 comments ({split or 'all'} split):"]
    if critical:
        exact = sum(1 for g, p in critical if g == p) / len(critical)
        near = sum(1 for g, p in critical if abs(g - p) <= 1) / len(critical)
        missed = sum(1 for _, p in critical if p == 0) / len(critical)
        lines.append(f"  criticism ({len(critical)}): exact {exact:.3f}, within one {near:.3f}, rated 0 {missed:.3f}")
    if praise:
        lines.append(f"  praise ({len(praise)}): rated 0 {sum(1 for p in praise if p == 0) / len(praise):.3f}")
    lines.append("  gold\\predicted " + " ".join(f"{p:>5}" for p in GRADES))
    for gold in sorted({g for _, g in rows}):
        lines.append(f"  {gold:>15} " + " ".join(f"{table[(gold, p)]:>5}" for p in GRADES))
    return lines
