"""A second reading of the themes of texts that look like the platform's stories rather than survey comments.

The comment model learnt from NHS comments of a sentence or two, tagged by NHS coders; on stories of many
sentences it misses much of what their writers tag (family, organisation, dignity, staff attitude). A story
model over the same hashed n-grams (`linear`), trained on the project's written stories, adds its margin to
the comment model's, with thresholds of its own. It reads only texts of at least MIN_SENTENCES sentences and
MIN_WORDS words that its `story` output also takes for a story, so that long NHS comments keep the coders'
conventions (read with the writers', the long comments of the validation split cost it 0.06 of macro-F1).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy

from .linear import Featuriser, LinearModel, Segments, WordScorer
from .taxonomy import THEMES

STORY_DIR = "story"
MODEL_FILE = "model.npz"
DECISIONS_FILE = "decisions.json"
# The story model's last output: how much a text reads like a written story rather than an NHS comment.
STORY_LABEL = "story"
MIN_SENTENCES = 3
# Three sentences and forty words: nearly all the written stories (483 of 600) but fewer long NHS comments of
# the validation split (44 of its 689 fully labelled ones, against 57 at thirty words).
MIN_WORDS = 40


@dataclass(frozen=True)
class StoryThemes:
    """The story model, the weight of its margins, each theme's threshold and the gate on its `story` output."""

    model: LinearModel
    weight: float
    thresholds: numpy.ndarray
    gate: float

    @classmethod
    def load(cls, model_dir: Path) -> StoryThemes | None:
        """The story reading saved beside a comment model, or None if it has none."""
        folder = model_dir / STORY_DIR
        if not (folder / MODEL_FILE).exists():
            return None
        decisions = json.loads((folder / DECISIONS_FILE).read_text())
        return cls(LinearModel.load(folder / MODEL_FILE), float(decisions["weight"]),
                   numpy.array([decisions["thresholds"][code] for code in THEMES], dtype=numpy.float32),
                   float(decisions["gate"]))

    def save(self, model_dir: Path) -> None:
        folder = model_dir / STORY_DIR
        folder.mkdir(parents=True, exist_ok=True)
        self.model.save(folder / MODEL_FILE)
        decisions = {"weight": self.weight, "gate": self.gate,
                     "thresholds": {code: round(float(t), 3) for code, t in zip(THEMES, self.thresholds, strict=True)}}
        (folder / DECISIONS_FILE).write_text(json.dumps(decisions, indent=1, sort_keys=True) + "\n")

    def scorer(self, features: Featuriser) -> WordScorer:
        """A scorer of the story model that keeps each word's sums, as the analyser's comment scorer does."""
        return WordScorer(self.model, features)

    def margins(self, scorer: WordScorer, words: list[list[str]], comment: numpy.ndarray) -> tuple[numpy.ndarray,
                                                                                                    numpy.ndarray]:
        """Theme margins (texts x themes, 0 at the threshold) of texts given as their `Featuriser.words` and their
        comment margins `comment`, and which texts the story reading took (the others keep their comment margins).
        `scorer`: this reading's `scorer`."""
        out = comment.copy()
        long = [k for k, text_words in enumerate(words) if len(text_words) >= MIN_WORDS]
        taken = numpy.zeros(len(words), dtype=bool)
        if long:
            # The long texts as one stream of words, each scored as a range of it.
            lengths = numpy.array([len(words[k]) for k in long], dtype=numpy.int64)
            ends = numpy.cumsum(lengths)
            ranges = numpy.column_stack([ends - lengths, ends])
            rows = scorer.rows([word for k in long for word in words[k]])
            scores = scorer.scores(Segments(numpy.array(rows, dtype=numpy.int64), ranges))
            story = scores[:, -1] > self.gate
            read = numpy.asarray(long)[story]
            taken[read] = True
            out[read] = comment[read] + self.weight * scores[story, :-1] - self.thresholds
        return out, taken
