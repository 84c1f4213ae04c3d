"""A theme tag's confidence: how often such tags are right, as training calibrated it (`train.calibrate_confidence`),
for the English and the German themes alike."""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .taxonomy import THEMES

CONFIDENCE = "confidence"  # a decisions file's entry that holds the calibration


class TagConfidence:
    """A logistic of a tag's classifier margin, whether a cue matched and its theme, from a decisions file's
    calibration entry and each theme's cue weight."""

    def __init__(self, calibration: Mapping[str, Any], cue_weights: Sequence[float]) -> None:
        self._slope, self._cue = calibration["slope"], calibration["cue"]
        self._intercepts = [calibration["intercept"] + calibration["themes"][code] for code in THEMES]
        self._cue_weights = [float(weight) for weight in cue_weights]

    def __call__(self, j: int, margin: float, cued: bool) -> float:
        """How sure a tag of theme `j` at `margin` (0 at its threshold) is; `cued`: whether a cue of it matched. The
        calibration reads the classifiers' part of the margin: a cue's weight (up to 50) says little of it."""
        classifiers = margin - self._cue_weights[j] * cued
        return 1.0 / (1.0 + math.exp(-(self._slope * classifiers + self._cue * cued + self._intercepts[j])))
