"""Training the German theme model (`german_themes`), reproducibly (scikit-learn, training only).

The same stories as the German sentiment (`german_sentiment_train.training_files`: the German sets already read
and `corpus/stories/de`, never `holdout4`), grouped by file. Each theme's cue weight and threshold, and the
calibration of the tags' confidence, are chosen on out-of-file margins: every file scored by a model that never
saw it, so that they are judged on a writer the model did not read.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy

from .evaluate import score_themes
from .german_sentiment import BITS, MODEL_DIR, SHORT_CLAUSES
from .german_sentiment_train import SEED, Story, _matrix, load_stories, training_files
from .german_themes import DECISIONS_FILE, MODEL_FILE, GermanThemes
from .linear import Featuriser, LinearModel
from .reproducible import one_blas_thread
from .sentiment import german_clauses
from .taxonomy import THEMES
from .themes import find_cues
from .confidence import CONFIDENCE
from .train import calibrate_confidence, choose_cue_weight

# Regularisation (inverse strength), chosen by leaving one file out: macro-F1 pooled over the eight files
# 0.686 at C 1, 0.700 at 4, 0.701 at 16; 4 keeps the smaller weights.
C = 4.0
# German stories name several themes each (1.7 on average): a threshold may tag up to seven texts in ten.
LOWEST_QUANTILE = 0.3


class _Prepared:
    """The stories' feature matrix, gold themes, cue matches and files."""

    def __init__(self, stories: Sequence[Story]) -> None:
        self.matrix = _matrix(Featuriser(), [s.text for s in stories])
        self.gold = numpy.array([[code in s.themes for code in THEMES] for s in stories])
        cues = [find_cues(s.text, "de") for s in stories]
        self.cued = numpy.array([[code in found for code in THEMES] for found in cues])
        self.groups = numpy.array([s.group for s in stories])
        self.clauses = [len(german_clauses(s.text).clauses) for s in stories]


def _fit(prep: _Prepared, rows: numpy.ndarray) -> LinearModel:
    """One class-balanced logistic regression per theme over the rows' n-grams."""
    from sklearn.linear_model import LogisticRegression

    weights = numpy.zeros((1 << BITS, len(THEMES)), dtype=numpy.float32)
    bias = numpy.zeros(len(THEMES), dtype=numpy.float32)
    for j in range(len(THEMES)):
        gold = prep.gold[rows, j]
        if gold.all() or not gold.any():
            bias[j] = 5.0 if gold.all() else -5.0
            continue
        model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=2000,
                                   random_state=SEED).fit(prep.matrix[rows], gold)
        weights[:, j], bias[j] = model.coef_[0], model.intercept_[0]
    return LinearModel(weights, bias, THEMES)


def _margins(model: LinearModel, prep: _Prepared, rows: numpy.ndarray) -> numpy.ndarray:
    """The model's margins of the rows from their feature matrix: what `LinearModel.scores` gives at run time
    (`weights` are the int8 ones it keeps)."""
    return numpy.asarray(prep.matrix[rows] @ model.weights) + model.bias


def _out_of_file_margins(prep: _Prepared, rows: numpy.ndarray) -> numpy.ndarray:
    """Margins of each of `rows` from a model fitted on the other files among `rows`."""
    margins = numpy.zeros((len(rows), len(THEMES)))
    groups = prep.groups[rows]
    for group in sorted(set(groups.tolist())):
        held = groups == group
        margins[held] = _margins(_fit(prep, rows[~held]), prep, rows[held])
    return margins


def _cue_weights_and_thresholds(decisions: dict) -> tuple[numpy.ndarray, numpy.ndarray]:
    return (numpy.array([decisions[code]["cue_weight"] for code in THEMES]),
            numpy.array([decisions[code]["threshold"] for code in THEMES]))


def decide(margins: numpy.ndarray, cued: numpy.ndarray, gold: numpy.ndarray) -> dict:
    """Per theme the cue weight and threshold that maximise out-of-file F1, and the confidence calibration."""
    decisions: dict = {}
    for j, code in enumerate(THEMES):
        f1, threshold, weight = choose_cue_weight(lambda w, j=j: margins[:, j] + w * cued[:, j], gold[:, j],
                                                  LOWEST_QUANTILE)
        decisions[code] = {"threshold": threshold, "cue_weight": weight, "oof_f1": round(f1, 3)}
    weights, thresholds = _cue_weights_and_thresholds(decisions)
    decisions[CONFIDENCE] = calibrate_confidence(margins + weights * cued - thresholds, cued, gold, list(weights))
    return decisions


def _decide_on_long(prep: _Prepared, rows: numpy.ndarray) -> dict:
    """`decide` on the out-of-file margins of the texts among `rows` the model reads (more than SHORT_CLAUSES
    clauses; the shorter keep their cues)."""
    margins = _out_of_file_margins(prep, rows)
    long = numpy.array([prep.clauses[k] > SHORT_CLAUSES for k in rows])
    return decide(margins[long], prep.cued[rows][long], prep.gold[rows][long])


def _tags(margins: numpy.ndarray, cued: numpy.ndarray, clauses: Sequence[int], decisions: dict) -> numpy.ndarray:
    """The texts' tags (texts x themes) as `GermanThemes.tagged` gives them."""
    weights, thresholds = _cue_weights_and_thresholds(decisions)
    tags = numpy.zeros(margins.shape, dtype=bool)
    for k, (row, cued_k, count) in enumerate(zip(margins + weights * cued - thresholds, cued, clauses, strict=True)):
        tags[k, GermanThemes.tagged(row, cued_k.tolist(), count)] = True
    return tags


def macro_f1(tags: numpy.ndarray, gold: numpy.ndarray) -> float:
    """`evaluate.score_themes`' macro-F1 (over the themes in the gold labels) of tags and gold as texts x themes."""
    def codes(rows: numpy.ndarray) -> list[set[str]]:
        return [{THEMES[j] for j in numpy.flatnonzero(row)} for row in rows]

    return score_themes(codes(gold), codes(tags))[1]


def cross_validate(stories: Sequence[Story], log: Callable[[str], None] = print) -> dict[str, dict[str, float]]:
    """Each file's macro-F1 read by a model and decisions made without it (nested: the decisions come from the
    other files' out-of-file margins), beside the cue rules alone; and pooled."""
    with one_blas_thread():
        prep = _Prepared(stories)
        tags = numpy.zeros_like(prep.gold)
        for group in sorted(set(prep.groups.tolist())):
            held, rest = numpy.flatnonzero(prep.groups == group), numpy.flatnonzero(prep.groups != group)
            decisions = _decide_on_long(prep, rest)
            tags[held] = _tags(_margins(_fit(prep, rest), prep, held), prep.cued[held],
                               [prep.clauses[k] for k in held], decisions)
    results = {}
    for group in [*sorted(set(prep.groups.tolist())), "pooled"]:
        mask = prep.groups == group if group != "pooled" else numpy.ones(len(stories), dtype=bool)
        results[group] = {"texts": int(mask.sum()), "rules": macro_f1(prep.cued[mask], prep.gold[mask]),
                          "model": macro_f1(tags[mask], prep.gold[mask])}
        log(f"{group}: {results[group]['texts']} stories, macro-F1 rules {results[group]['rules']:.3f}, "
            f"model {results[group]['model']:.3f}")
    return results


def train(output: Path = MODEL_DIR, log: Callable[[str], None] = print) -> Path:
    """Fit the shipped German theme model on every training file, with decisions made out of file, and save it."""
    stories = load_stories(training_files())
    log(f"training the German themes on {len(stories)} stories from {len(set(s.group for s in stories))} files")
    with one_blas_thread():
        prep = _Prepared(stories)
        everything = numpy.arange(len(stories))
        decisions = _decide_on_long(prep, everything)
        model = _fit(prep, everything)
    output.mkdir(parents=True, exist_ok=True)
    model.save(output / MODEL_FILE)
    (output / DECISIONS_FILE).write_text(json.dumps(decisions, indent=1, sort_keys=True) + "\n")
    log(f"saved to {output}")
    return output
