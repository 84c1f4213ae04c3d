"""The trained German theme reading (numpy only at run time).

The German cue lists (`lexicon_de.THEME_CUES`) were the German themes alone: on the German stories the
project's writers tagged, they tag what a story names, not what it is about ("meine Tochter" tags family,
"Wartezimmer" waiting), and miss what it says in other words. This model reads the whole story: per theme,
a logistic regression over the same hashed n-grams as the German sentiment (`german_sentiment.featurise`)
adds its margin to a weight for a cue match, against a threshold of its own. Weights, thresholds and the
tags' confidence are chosen out of file by `german_themes_train`, on the German story sets already read and
on `corpus/stories/de`, never on `holdout4`. A text of one or two clauses keeps the cues' themes: the model learnt
from stories, and out of file the cues on such texts lift the pooled macro-F1 (0.699 against 0.694 with the model
reading every text).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy

from .confidence import CONFIDENCE, TagConfidence
from .german_sentiment import MODEL_DIR, SHORT_CLAUSES, featurise
from .linear import Featuriser, LinearModel
from .results import SentenceSentiment, Span
from .taxonomy import THEMES
MODEL_FILE = "themes.npz"
DECISIONS_FILE = "themes.json"


class GermanThemes:
    """The shipped German theme model: n-gram margins, each theme's cue weight and threshold, the calibration."""

    def __init__(self, features: Featuriser, model_dir: Path = MODEL_DIR) -> None:
        self.model = LinearModel.load(model_dir / MODEL_FILE)
        decisions = json.loads((model_dir / DECISIONS_FILE).read_text())
        self.cue_weights = numpy.array([decisions[code]["cue_weight"] for code in THEMES], dtype=numpy.float32)
        self.thresholds = numpy.array([decisions[code]["threshold"] for code in THEMES], dtype=numpy.float32)
        self.confidence = TagConfidence(decisions[CONFIDENCE], self.cue_weights.tolist())  # calibrated out of file
        self.features = features

    def margins(self, texts: Sequence[str], cues: Sequence[dict[str, list[Span]]]) -> numpy.ndarray:
        """Each text's theme margins (texts x themes; a theme is tagged at 0 or more)."""
        has_cue = numpy.array([[code in found for code in THEMES] for found in cues], dtype=numpy.float32)
        return self.model.scores(featurise(self.features, texts)) + self.cue_weights * has_cue - self.thresholds

    @staticmethod
    def tagged(margins: numpy.ndarray, cued: Sequence[bool], clauses: int) -> list[int]:
        """The themes (indices) a text is tagged with: by its margins, or in a text of SHORT_CLAUSES clauses or
        fewer by its cues (`cued`: whether a cue of each theme matched)."""
        if clauses <= SHORT_CLAUSES:
            return [j for j, hit in enumerate(cued) if hit] if clauses else []
        return numpy.flatnonzero(~(margins < 0)).tolist()

    def clause_evidence(self, text: str, clauses: Sequence[SentenceSentiment], j: int) -> list[Span]:
        """The clause that speaks most of theme `j`, for a tag no cue shows (only texts of more than SHORT_CLAUSES
        clauses have such tags: `tagged`)."""
        scores = self.model.scores(featurise(self.features, [text[c.start:c.end] for c in clauses]))[:, j]
        best = clauses[int(scores.argmax())]
        return [Span(best.start, best.end)]
