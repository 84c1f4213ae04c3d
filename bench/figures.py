"""Figures shared by the dashboard benchmarks; imports nothing of the app, so bench/compare.py can use it
without loading the app it compares."""
from __future__ import annotations

import math
from pathlib import Path


def load() -> str:
    """The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def p95(samples: list[float]) -> float:
    """The 95th percentile by nearest rank (a figure that was measured, not interpolated)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
