"""Scoring predicted themes and sentiment against a labelled file or split."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy

from .data import Example, theme_truth
from .taxonomy import SENTIMENTS, THEMES


@dataclass
class ThemeScore:
    """Precision, recall and F1 of one theme, with its gold support."""

    code: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Report:
    """Per-theme scores, macro-F1 and sentiment accuracy of one evaluation run."""

    themes: list[ThemeScore]
    macro_f1: float
    theme_examples: int
    sentiment_accuracy: float | None
    sentiment_examples: int
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    # 95% bootstrap interval of the macro-F1 (texts resampled): how far a split's luck can move it.
    macro_interval: tuple[float, float] | None = None

    def lines(self) -> list[str]:
        """The report as printable lines."""
        out = [f"{'theme':<16} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8}"]
        out += [f"{t.code:<16} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.support:8d}" for t in self.themes]
        scored = sum(1 for t in self.themes if t.support)
        out.append(f"theme macro-F1: {self.macro_f1:.3f} (over {scored} themes with support, "
                   f"{self.theme_examples} texts)")
        if self.macro_interval is not None:
            low, high = self.macro_interval
            out.append(f"  95% bootstrap interval of the macro-F1: {low:.3f}-{high:.3f}")
        if self.sentiment_accuracy is not None:
            out.append(f"sentiment accuracy: {self.sentiment_accuracy:.3f} ({self.sentiment_examples} texts)")
            out += confusion_lines(self.confusion)
        return out


def sentiment_confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Counts of (gold, predicted) sentiment labels, a row per gold label, every label in both."""
    pairs = list(pairs)
    return {g: {p: sum(1 for a, b in pairs if a == g and b == p) for p in SENTIMENTS} for g in SENTIMENTS}


def confusion_lines(confusion: dict[str, dict[str, int]]) -> list[str]:
    """A `sentiment_confusion` as printable lines, one per gold label."""
    return [f"  gold {gold:<8} " + " ".join(f"{p}={n}" for p, n in row.items()) for gold, row in confusion.items()]


def score_themes(gold: Sequence[set[str]], predicted: Sequence[set[str]]) -> tuple[list[ThemeScore], float]:
    """Per-theme P/R/F1 and the macro-F1 over the themes that occur in the gold labels."""
    scores = []
    for code in THEMES:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if code in g and code in p)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if code not in g and code in p)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if code in g and code not in p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        scores.append(ThemeScore(code, prec, rec, f1, tp + fn))
    with_support = [s.f1 for s in scores if s.support]
    return scores, sum(with_support) / len(with_support) if with_support else 0.0


def bootstrap_macro_f1(gold: Sequence[set[str]], predicted: Sequence[set[str]], rounds: int = 1000,
                       seed: int = 0) -> tuple[float, float] | None:
    """The 2.5% and 97.5% quantiles of the macro-F1 over `rounds` resamples of the texts (fixed seed).

    With a handful of gold examples of a theme (family_carers has 4 in the validation split) one
    text more or less moves the macro-F1 by a point or two; the interval shows by how much.
    """
    if not gold:
        return None
    g = numpy.array([[code in row for code in THEMES] for row in gold])
    p = numpy.array([[code in row for code in THEMES] for row in predicted])
    # Each resample as counts of each text: the per-theme tp/fp/fn are then one matrix product.
    counts = numpy.random.default_rng(seed).multinomial(len(gold), numpy.full(len(gold), 1 / len(gold)), rounds)
    tp, fp, fn = counts @ (g & p), counts @ (~g & p), counts @ (g & ~p)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        f1 = numpy.where(tp > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
    support = (tp + fn) > 0
    macro = (f1 * support).sum(axis=1) / numpy.maximum(support.sum(axis=1), 1)
    low, high = numpy.quantile(macro, [0.025, 0.975])
    return float(low), float(high)


Predictor = Callable[[list[str]], tuple[list[set[str]], list[str]]]


def evaluate(examples: Iterable[Example], predict: Predictor) -> Report:
    """Score `predict` (texts -> theme sets and sentiment labels) on labelled examples.

    Phase-1 rows name one main topic only, so on them a predicted extra theme counts as a false
    positive; the figures for that format are a lower bound.
    """
    examples = list(examples)
    themes_pred, sent_pred = predict([ex.text for ex in examples])
    theme_rows = [(theme_truth(ex), p) for ex, p in zip(examples, themes_pred, strict=True) if ex.themes is not None
                  or ex.main_theme is not None]
    gold, predicted = [g for g, _ in theme_rows], [p for _, p in theme_rows]
    scores, macro = score_themes(gold, predicted)
    pairs = [(ex.sentiment, s) for ex, s in zip(examples, sent_pred, strict=True) if ex.sentiment]
    confusion = sentiment_confusion(pairs)
    accuracy = sum(1 for a, b in pairs if a == b) / len(pairs) if pairs else None
    return Report(scores, macro, len(theme_rows), accuracy, len(pairs), confusion,
                  bootstrap_macro_f1(gold, predicted))


def analyser_predictor(analyse_many: Callable[..., list], lang: str | None = None) -> Predictor:
    """A Predictor from `analyse_many` (themes and story sentiment of each text)."""

    def predict(texts: list[str]) -> tuple[list[set[str]], list[str]]:
        results = analyse_many(texts, [lang] * len(texts))
        return [{t.code for t in r.themes} for r in results], [r.sentiment.label for r in results]

    return predict


def evaluate_by_source(examples: list[Example], predict: Predictor) -> list[str]:
    """Report lines for each file format present, then the sentiment accuracy over all of them."""
    lines: list[str] = []
    correct = total = 0
    for source in sorted({ex.source for ex in examples}, reverse=True):
        report = evaluate([ex for ex in examples if ex.source == source], predict)
        lines += [f"== {source} ==", *report.lines()]
        if report.sentiment_accuracy is not None:
            correct += round(report.sentiment_accuracy * report.sentiment_examples)
            total += report.sentiment_examples
    if total:
        lines.append(f"== all == sentiment accuracy: {correct / total:.3f} ({total} texts)")
    return lines
