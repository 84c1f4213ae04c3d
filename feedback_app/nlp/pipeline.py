"""The analyser: one loaded pipeline that turns texts into `Analysis` results, in batches."""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy
import spacy

from . import architecture  # noqa: F401  (registers the classifier architecture before loading)
from .criticality import rate
from .ensemble import (
    LINEAR_FILE,
    SPACY_SHARE,
    clause_units,
    linear_theme_scores,
    logit,
    sentiment_features,
    stack_sentiment,
)
from .lang import detect_language
from .linear import Featuriser, LinearModel
from .pii import find_pii, redact
from .results import Analysis, SentenceSentiment, Sentiment, Span, ThemeTag
from .safeguarding import find_flags
from .scoring import score_texts
from .sentiment import (
    combine,
    from_probs,
    lexicon_score,
    split_clauses,
    split_sentences,
)
from .taxonomy import SENTIMENTS, THEMES
from .themes import find_cues
from .train import DECISIONS_FILE

DEFAULT_MODEL = Path(__file__).parent / "models" / "en"
LANGUAGES = ("en", "de")


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _overlapping(sentences: Sequence[SentenceSentiment], spans: Sequence[Span]) -> list[SentenceSentiment]:
    if len(sentences) == 1:
        return list(sentences)  # most comments are one clause: it is the answer with or without overlap
    return [s for s in sentences if any(sp.start < s.end and sp.end > s.start for sp in spans)]


def _sentences(sents: list[list[tuple[int, int]]], clauses: list[SentenceSentiment]) -> tuple[SentenceSentiment, ...]:
    """Sentence sentiment: a one-clause sentence keeps its clause's, others combine their clauses'."""
    out, k = [], 0
    for spans in sents:
        parts = clauses[k:k + len(spans)]
        k += len(spans)
        label = parts[0].sentiment if len(parts) == 1 else combine(parts)
        out.append(SentenceSentiment(spans[0][0], spans[-1][1], label))
    return tuple(out)


def _theme_sentiment(sentences: Sequence[SentenceSentiment], spans: Sequence[Span]) -> Sentiment:
    """A theme's own sentiment: that of the sentences holding its evidence."""
    return combine(_overlapping(sentences, spans) or sentences)


class Analyser:
    """Holds the trained English pipeline and the per-theme decisions; safe to share within a process."""

    def __init__(self, model_dir: Path = DEFAULT_MODEL) -> None:
        self.nlp = spacy.load(model_dir)
        decisions = json.loads((model_dir / DECISIONS_FILE).read_text())
        self.thresholds = numpy.array([float(decisions[code]["threshold"]) for code in THEMES], dtype=numpy.float32)
        self.cue_weights = numpy.array([float(decisions[code]["cue_weight"]) for code in THEMES], dtype=numpy.float32)
        self.stacker = decisions["sentiment"]
        self.features = Featuriser()
        self._theme_index = {code: j for j, code in enumerate(THEMES)}
        self.linear_themes = LinearModel.load(model_dir / LINEAR_FILE / "themes.npz")
        self.linear_sentiment = LinearModel.load(model_dir / LINEAR_FILE / "sentiment.npz")
        self.linear_both = LinearModel.joined([self.linear_themes, self.linear_sentiment])

    def analyse(self, text: str, lang: str | None = None) -> Analysis:
        """Analyse one text."""
        return self.analyse_many([text], [lang])[0]

    def analyse_many(self, texts: Iterable[str], langs: Iterable[str | None] | None = None,
                     batch_size: int = 256) -> list[Analysis]:
        """Analyse many texts, in input order; English ones go through spaCy in batches."""
        texts = [t or "" for t in texts]
        given = list(langs) if langs is not None else [None] * len(texts)
        resolved = [(g or "").lower()[:2] if (g or "").lower()[:2] in LANGUAGES else detect_language(t)
                    for t, g in zip(texts, given, strict=True)]
        results: list[Analysis | None] = [None] * len(texts)
        english = [i for i, lang in enumerate(resolved) if lang == "en"]
        for chunk_start in range(0, len(english), batch_size):
            chunk = english[chunk_start:chunk_start + batch_size]
            for i, analysis in zip(chunk, self._english([texts[i] for i in chunk], batch_size), strict=True):
                results[i] = analysis
        for i, lang in enumerate(resolved):
            if lang == "de":
                results[i] = self._german(texts[i])
        return [r for r in results if r is not None]

    def _english(self, texts: list[str], batch_size: int) -> list[Analysis]:
        scored = score_texts(self.nlp, texts, batch_size)
        units = [clause_units(sc.sents) for sc in scored]
        clause_margins: list[numpy.ndarray] = []
        # One gather scores the texts for both linear models; clauses need only the theme one.
        story = self.linear_both.scores(self.features.batch(texts))
        linear = linear_theme_scores(self.linear_themes, self.features, texts, units, clause_margins,
                                     story[:, :len(THEMES)])
        cats = [sc.cats for sc in scored]
        stories = stack_sentiment(self.stacker, sentiment_features(self.linear_sentiment, self.features, texts, cats,
                                                                   story[:, len(THEMES):]))
        spacy_p = numpy.array([[c[code] for code in THEMES] for c in cats], dtype=numpy.float32).reshape(-1, len(THEMES))
        cues = [find_cues(text, "en") for text in texts]
        has_cue = numpy.zeros(spacy_p.shape, dtype=numpy.float32)
        for k, found in enumerate(cues):
            for code in found:
                has_cue[k, self._theme_index[code]] = 1.0
        # The combined score of `ensemble.theme_score`, for the whole batch at once.
        margins = SPACY_SHARE * logit(spacy_p) + (1 - SPACY_SHARE) * linear + self.cue_weights * has_cue - self.thresholds
        return [self._english_one(text, sc.sents, sc.clause_cats, units_k, margin_k, clauses_k, cue_k, story_k)
                for text, sc, units_k, margin_k, clauses_k, cue_k, story_k
                in zip(texts, scored, units, margins.tolist(), clause_margins, cues, stories.tolist(), strict=True)]

    def _english_one(self, text: str, sents: list[list[tuple[int, int]]], unit_cats: list[dict[str, float]],
                     spans: list[tuple[int, int]], margins: list[float], clause_linear: numpy.ndarray,
                     cues: dict[str, list[Span]], story: list[float]) -> Analysis:
        clauses = [SentenceSentiment(a, b, from_probs(c, text[a:b])) for (a, b), c in zip(spans, unit_cats, strict=True)]
        tags = []
        for j, code in enumerate(THEMES) if spans else ():
            margin = margins[j]
            if margin < 0:
                continue
            evidence = cues.get(code)
            if not evidence:
                # The clauses that reach the theme's threshold on their own, else the strongest one.
                threshold = float(self.thresholds[j])
                clause_scores = [SPACY_SHARE * _logit(c[code]) + (1 - SPACY_SHARE) * row[j] - threshold
                                 for c, row in zip(unit_cats, clause_linear.tolist(), strict=True)]
                evidence = [Span(*span) for span, sc in zip(spans, clause_scores, strict=True) if sc >= 0] \
                    or [Span(*spans[max(range(len(spans)), key=clause_scores.__getitem__)])]
            confidence = 1.0 / (1.0 + math.exp(-margin))  # 0.5 at the threshold
            tags.append(ThemeTag(code, confidence, _theme_sentiment(clauses, evidence), tuple(evidence)))
        if spans:
            probs = dict(zip(SENTIMENTS, story, strict=True))
            sentiment = Sentiment(max(SENTIMENTS, key=probs.__getitem__), probs["positive"] - probs["negative"])
        else:
            sentiment = Sentiment("mixed", 0.0)
        return self._finish(text, "en", sentiment, sents, clauses, tags)

    def _german(self, text: str) -> Analysis:
        sents = [split_clauses(text, a, b) for a, b in split_sentences(text)]
        clauses = [SentenceSentiment(a, b, lexicon_score(text[a:b])) for c in sents for a, b in c]
        tags = [ThemeTag(code, min(0.95, 0.6 + 0.1 * (len(spans) - 1)), _theme_sentiment(clauses, spans),
                         tuple(spans))
                for code, spans in find_cues(text, "de").items()]
        return self._finish(text, "de", combine(clauses), sents, clauses, tags)

    @staticmethod
    def _finish(text: str, lang: str, sentiment: Sentiment, sents: list[list[tuple[int, int]]],
                clauses: list[SentenceSentiment], tags: list[ThemeTag]) -> Analysis:
        pii = find_pii(text)
        flags = find_flags(text, lang)
        tags.sort(key=lambda t: -t.confidence)
        # Criticality reads clauses: "good care but the parking was expensive" holds a criticism.
        criticality = rate(sentiment, clauses, flags, text)
        return Analysis(lang, sentiment, _sentences(sents, clauses), tuple(tags), criticality,
                        tuple(pii), redact(text, pii), tuple(flags))
