"""The trained German story sentiment (numpy only at run time).

German has no open labelled data, so the lexicon and rules (`sentiment.german_clauses`) were its only
sentiment; they call a story "mixed" whenever it has no cue or a cue of each polarity. This model reads the
whole story: a multinomial logistic regression over hashed word and character n-grams (`linear.Featuriser`,
folded into `BITS` bits and with umlauts spelt out, so "Aerzte" is "Ärzte"), stacked with what the rules
found in its clauses (`clause_features`). Both are trained by `german_sentiment_train` on the German story
sets that were already read and tuned on and on `corpus/stories/de`; the stacker's settings come from
cross-validation grouped by source file.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy

from .ensemble import stack_sentiment
from .linear import Featuriser, Features, LinearModel
from .results import SentenceSentiment, Sentiment
from .sentiment import GermanClauses, combine, from_stacked_probs

MODEL_DIR = Path(__file__).parent / "models" / "de"
LINEAR_FILE = "sentiment.npz"
STACKER_FILE = "sentiment_stacker.json"
BITS = 16
SHORT_CLAUSES = 2
MASK = (1 << BITS) - 1
_SPELT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
CLAUSE_FEATURES = ("positive_clauses", "negative_clauses", "rule_score", "rule_positive", "rule_negative",
                   "last_score", "first_score", "silent_share")


def spelt(text: str) -> str:
    """`text` with umlauts and ß written out ("Ärzte" -> "Aerzte"), as many people type them."""
    return text.translate(_SPELT)


def featurise(featuriser: Featuriser, texts: Sequence[str]) -> Features:
    """The hashed n-gram features of `texts` (umlauts spelt out), folded into `BITS` bits."""
    features = featuriser.batch([spelt(t) for t in texts])
    return features._replace(indices=features.indices & MASK)


def judged_text(text: str, reading: GermanClauses) -> str:
    """`text` without the clauses the rules set aside (an opening that sets the scene, a conceded clause: their
    words judge, but not the service), so that the n-grams read what the rules read: "Früher war die Praxis toll.
    Heute ist sie nie erreichbar." is judged by its second sentence."""
    if not reading.set_aside:
        return text
    return " ".join(text[c.start:c.end] for k, c in enumerate(reading.clauses) if k not in reading.set_aside)


def clause_features(clauses: Sequence[SentenceSentiment], rule: Sentiment) -> list[float]:
    """What the lexicon rules found in a story's clauses (`CLAUSE_FEATURES`; `rule`: their `combine`), for the
    stacker."""
    scores = [c.sentiment.score for c in clauses]
    polar = [s for s in scores if s]
    return [math.log1p(sum(s > 0 for s in scores)), math.log1p(sum(s < 0 for s in scores)), rule.score,
            float(rule.label == "positive"), float(rule.label == "negative"),
            polar[-1] if polar else 0.0, polar[0] if polar else 0.0,
            (len(scores) - len(polar)) / max(len(scores), 1)]


def stack_inputs(margins: numpy.ndarray, clause_rows: Sequence[Sequence[float]]) -> numpy.ndarray:
    """Stacker inputs: the linear margins (centred per text) beside the clause features."""
    centred = margins - margins.mean(axis=1, keepdims=True)
    return numpy.hstack([centred, numpy.asarray(clause_rows, dtype=numpy.float64).reshape(len(margins), -1)])


def rules_settle(clauses: Sequence[SentenceSentiment], rule: Sentiment) -> bool:
    """Whether the rules' label (`rule`) is the story's: a text without clauses gives the model nothing to read,
    and in a short text with cue words the rules read its negation ("nicht gut"), the n-grams do not."""
    return not clauses or (len(clauses) <= SHORT_CLAUSES and bool(rule.score))


class GermanSentiment:
    """The shipped German story sentiment model, loaded once with the analyser."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.linear = LinearModel.load(model_dir / LINEAR_FILE)
        self.stacker = json.loads((model_dir / STACKER_FILE).read_text())
        self.features = Featuriser()

    def stories(self, texts: Sequence[str], readings: Sequence[GermanClauses]) -> list[Sentiment]:
        """The sentiment of each German story from its text and its clauses (`german_clauses`); the stories the
        rules do not settle are featurised and scored together."""
        rules = [combine(reading.clauses) for reading in readings]
        modelled = [k for k, (reading, rule) in enumerate(zip(readings, rules, strict=True))
                    if not rules_settle(reading.clauses, rule)]
        out = list(rules)
        if modelled:  # a batch the rules settle whole has nothing to featurise
            probs = self._probabilities([judged_text(texts[k], readings[k]) for k in modelled],
                                        [clause_features(readings[k].clauses, rules[k]) for k in modelled])
            for k, row in zip(modelled, probs.tolist(), strict=True):
                out[k] = from_stacked_probs(row)
        return out

    def _probabilities(self, judged: Sequence[str], clause_rows: Sequence[Sequence[float]]) -> numpy.ndarray:
        """The model's probabilities (texts x SENTIMENTS) of the stories' judged texts and clause features; each
        story's as it would be alone."""
        margins = self.linear.scores(featurise(self.features, judged))
        return stack_sentiment(self.stacker, stack_inputs(margins, clause_rows), each_alone=True)
