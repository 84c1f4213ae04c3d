"""The analyser: one loaded pipeline that turns texts into `Analysis` results, in batches."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import spacy

from . import architecture  # noqa: F401  (registers the classifier architecture before loading)
from .criticality import rate
from .lang import detect_language
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
from .taxonomy import THEMES
from .themes import find_cues
from .train import DECISIONS_FILE

DEFAULT_MODEL = Path(__file__).parent / "models" / "en"
LANGUAGES = ("en", "de")


def _overlapping(sentences: Sequence[SentenceSentiment], spans: Sequence[Span]) -> list[SentenceSentiment]:
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
        self.thresholds = {code: float(decisions[code]["threshold"]) for code in THEMES}
        self.cue_thresholds = {code: decisions[code]["cue_threshold"] for code in THEMES}

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
        return [self._english_one(text, scored.cats, scored.sents, scored.clause_cats)
                for text, scored in zip(texts, score_texts(self.nlp, texts, batch_size), strict=True)]

    def _english_one(self, text: str, cats: dict[str, float], sents: list[list[tuple[int, int]]],
                     unit_cats: list[dict[str, float]]) -> Analysis:
        spans = [clause for clauses in sents for clause in clauses]
        clauses = [SentenceSentiment(a, b, from_probs(c, text[a:b])) for (a, b), c in zip(spans, unit_cats, strict=True)]
        cues = find_cues(text, "en")
        tags = []
        for code in THEMES if spans else ():
            p = cats[code]
            by_model = p >= self.thresholds[code]
            cue_threshold = self.cue_thresholds[code]
            if not (by_model or (cue_threshold is not None and code in cues and p >= cue_threshold)):
                continue
            evidence = cues.get(code) or [Span(a, b) for (a, b), c in zip(spans, unit_cats, strict=True)
                                          if c[code] >= self.thresholds[code]]
            if not evidence:
                best = max(range(len(spans)), key=lambda k: unit_cats[k][code])
                evidence = [Span(*spans[best])]
            confidence = p if by_model else max(p, 0.5)
            tags.append(ThemeTag(code, confidence, _theme_sentiment(clauses, evidence), tuple(evidence)))
        sentiment = from_probs(cats, text) if spans else Sentiment("mixed", 0.0)
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
        flags = find_flags(text)
        tags.sort(key=lambda t: -t.confidence)
        # Criticality reads clauses: "good care but the parking was expensive" holds a criticism.
        criticality = rate(sentiment, clauses, flags, text)
        return Analysis(lang, sentiment, _sentences(sents, clauses), tuple(tags), criticality,
                        tuple(pii), redact(text, pii), tuple(flags))
