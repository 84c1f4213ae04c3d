"""Sentiment helpers: labels from classifier probabilities, the German lexicon scorer, sentence splitting."""
from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon_de
from .results import Sentiment, SentenceSentiment

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_WORD = re.compile(r"\w+")
_NEGATION_REACH = 3  # words after "nicht"/"kein" whose polarity flips


def from_probs(cats: dict[str, float]) -> Sentiment:
    """A label (the most probable class) and a score p(positive) - p(negative)."""
    label = max(("positive", "mixed", "negative"), key=lambda k: cats.get(k, 0.0))
    return Sentiment(label, cats.get("positive", 0.0) - cats.get("negative", 0.0))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets by punctuation and line breaks, trimmed of surrounding spaces."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _polarity(word: str) -> int:
    if word.startswith(lexicon_de.NEGATIVE):
        return -1
    if word.startswith(lexicon_de.POSITIVE):
        return 1
    return 0


def lexicon_score(text: str) -> Sentiment:
    """German lexicon sentiment of a sentence: negators flip the next words; no cue gives mixed at 0."""
    pos = neg = 0
    flip_until = -1
    for i, word in enumerate(_WORD.findall(text.lower())):
        if word in lexicon_de.NEGATORS:
            flip_until = i + _NEGATION_REACH
            # "nie"/"niemand" are negative in themselves as well as negators.
            if word in {"nie", "niemals"}:
                neg += 1
            continue
        polarity = _polarity(word)
        if i <= flip_until:
            polarity = -polarity
        pos += polarity > 0
        neg += polarity < 0
    if pos + neg == 0:
        return Sentiment("mixed", 0.0)
    score = (pos - neg) / (pos + neg)
    label = "positive" if score > 0.2 else "negative" if score < -0.2 else "mixed"
    return Sentiment(label, score)


def combine(sentences: Sequence[SentenceSentiment]) -> Sentiment:
    """A story's sentiment from its sentences: both polarities present make it mixed."""
    scored = [s.sentiment for s in sentences if s.sentiment.score != 0.0]
    if not scored:
        return Sentiment("mixed", 0.0)
    score = sum(s.score for s in scored) / len(scored)
    labels = {s.label for s in scored}
    if "positive" in labels and "negative" in labels:
        return Sentiment("mixed", score)
    return Sentiment("positive" if score > 0.2 else "negative" if score < -0.2 else "mixed", score)


_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|\s-\s|,?\s+(?=(?:but|however|although|though|whereas|except|apart from|aber|jedoch|doch|allerdings"
    r"|obwohl|während|trotzdem|sondern|nur)\b))", re.IGNORECASE)


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of text[start:end], cut before contrasts ("lovely but the wait was awful") and at semicolons."""
    spans, last = [], start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    if end > last:
        spans.append((last, end))
    return spans or [(start, end)]
