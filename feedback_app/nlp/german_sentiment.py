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
from .sentiment import combine, lexicon_score
from .taxonomy import SENTIMENTS

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


def judged_text(text: str, clauses: Sequence[SentenceSentiment]) -> str:
    """`text` without the clauses the rules set aside (an opening that sets the scene, a conceded clause: their
    words judge, but not the service), so that the n-grams read what the rules read: "Früher war die Praxis toll.
    Heute ist sie nie erreichbar." is judged by its second sentence."""
    kept = [text[c.start:c.end] for c in clauses
            if c.sentiment.score or not lexicon_score(text[c.start:c.end]).score]
    return " ".join(kept) if len(kept) < len(clauses) else text


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


def to_sentiment(probs: Sequence[float]) -> Sentiment:
    """A label (the likeliest) and a score p(positive) - p(negative)."""
    by_label = dict(zip(SENTIMENTS, probs, strict=True))
    return Sentiment(max(SENTIMENTS, key=by_label.__getitem__), float(by_label["positive"] - by_label["negative"]))


class GermanSentiment:
    """The shipped German story sentiment model, loaded once with the analyser."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.linear = LinearModel.load(model_dir / LINEAR_FILE)
        self.stacker = json.loads((model_dir / STACKER_FILE).read_text())
        self.features = Featuriser()

    def story(self, text: str, clauses: Sequence[SentenceSentiment]) -> Sentiment:
        """The sentiment of a German story from its text and its clauses' lexicon sentiment."""
        rule = combine(clauses)
        if len(clauses) <= SHORT_CLAUSES and rule.score:
            return rule  # a short text with cue words: the rules read its negation ("nicht gut"), the n-grams do not
        margins = self.linear.scores(featurise(self.features, [judged_text(text, clauses)]))
        return to_sentiment(stack_sentiment(self.stacker, stack_inputs(margins, [clause_features(clauses, rule)]))[0])
