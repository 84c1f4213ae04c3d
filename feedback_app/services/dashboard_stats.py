"""The statistics of the dashboard: small-number suppression, confidence intervals, a trend test, a bucket median.

Pure functions of sums, so every figure can be checked by hand in a test.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

# Below this many stories a figure could point at a person, so it is never shown (nor written to a file).
MIN_STORIES = 5
Z_95 = 1.96
# Both periods need this many mentions of a theme before its change is tested at all.
MIN_TREND_MENTIONS = 20

# Two-sided 95% quantiles of Student's t by degrees of freedom; beyond the table the next lower entry
# is used, which errs on the side of a wider interval.
_T_95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
         11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093,
         20: 2.086, 21: 2.080, 22: 2.074, 23: 2.069, 24: 2.064, 25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048,
         29: 2.045, 30: 2.042, 40: 2.021, 60: 2.000, 120: 1.980}


def suppressed(base: int) -> bool:
    """Whether a figure built from ``base`` stories must be hidden."""
    return base < MIN_STORIES


@dataclass(frozen=True)
class Figure:
    """A count or a measure and the number of stories it rests on; ``value`` is None when suppressed."""

    value: float | None
    base: int

    @property
    def hidden(self) -> bool:
        return self.value is None


def count_figure(count: int) -> Figure:
    """A count of stories: hidden when it is below the minimum."""
    return Figure(None if suppressed(count) else count, count)


def share_figure(part: int, whole: int) -> Figure:
    """``part`` of ``whole`` as a proportion; hidden when the part or the whole is below the minimum.

    The part counts too: a share printed beside its whole would give the small number away.
    """
    if suppressed(whole) or suppressed(part):
        return Figure(None, whole)
    return Figure(part / whole, whole)


def rate_figure(part: int, whole: int) -> Figure:
    """A rate over ``whole`` stories (response rate, positive answers): hidden when the whole is small."""
    return Figure(None if suppressed(whole) else part / whole, whole)


def t_quantile(df: int) -> float:
    """The two-sided 95% quantile of Student's t with ``df`` degrees of freedom."""
    if df in _T_95:
        return _T_95[df]
    lower = [k for k in _T_95 if k < df]
    return _T_95[max(lower)] if df <= 120 else Z_95


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float


def mean_interval(n: int, total: float, squares: float, low: float = 1, high: float = 5) -> Interval | None:
    """Mean and 95% t-interval from n, the sum and the sum of squares (None below the minimum)."""
    if suppressed(n):
        return None
    mean = total / n
    variance = max((squares - total * total / n) / (n - 1), 0.0)
    half = t_quantile(n - 1) * math.sqrt(variance / n)
    return Interval(mean, max(low, mean - half), min(high, mean + half))


def wilson_interval(positive: int, n: int, z: float = Z_95) -> Interval | None:
    """A proportion and its Wilson score 95% interval (None below the minimum)."""
    if suppressed(n):
        return None
    p = positive / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return Interval(p, max(0.0, centre - half), min(1.0, centre + half))


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float | None:
    """z of the change from x1/n1 (before) to x2/n2 (now), with a pooled standard error; None if undefined."""
    if not n1 or not n2:
        return None
    pooled = (x1 + x2) / (n1 + n2)
    error = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if error == 0:
        return None
    return (x2 / n2 - x1 / n1) / error


@dataclass(frozen=True)
class Trend:
    theme: str
    before: int  # negative mentions in the previous period
    before_total: int
    now: int
    now_total: int
    z: float | None

    @property
    def tested(self) -> bool:
        return min(self.before_total, self.now_total) >= MIN_TREND_MENTIONS and self.z is not None

    @property
    def direction(self) -> str | None:
        """'worsening' (more negative mentions), 'improving', or None when the change is not significant."""
        if not self.tested or abs(self.z) < Z_95:
            return None
        return "worsening" if self.z > 0 else "improving"


def theme_trend(theme: str, before: int, before_total: int, now: int, now_total: int) -> Trend:
    """Compare the share of a theme's mentions that were negative, previous period against this one."""
    return Trend(theme, before, before_total, now, now_total, two_proportion_z(before, before_total, now, now_total))


def bucket_median(counts: list[int], bounds: tuple[int, ...]) -> tuple[int | None, int | None] | None:
    """The (lower, upper) day bounds of the bucket holding the median; None when there are too few to say.

    ``counts`` follow ``bounds`` (each an exclusive upper bound in days) plus one open bucket. The median is
    the middle response (the lower one of two), so it is only as precise as its bucket.
    """
    n = sum(counts)
    if suppressed(n):
        return None
    middle, seen = (n + 1) // 2, 0
    edges = (0, *bounds, None)
    for index, count in enumerate(counts):
        seen += count
        if seen >= middle:
            return edges[index], edges[index + 1]
    return None
