"""Criticality 0-5 as Care Opinion rates stories, from sentiment, harm words and safeguarding flags."""
from __future__ import annotations

from collections.abc import Sequence

from .alternation import dispatched
from .folding import fold
from .results import SafeguardingFlag, SentenceSentiment, Sentiment

# Words that describe harm or danger raise a criticism to "strong" (4) whatever the tone. Matched on
# folded text as a character trie (see alternation.py): a third of the time of a case-blind search.
_SERIOUS, _ = dispatched({"serious": (
    r"died|death|dying|passed away|nearly died|could have died|misdiagnos\w*|wrong (?:diagnosis|medication|drug|dose)"
    r"|sepsis|unsafe|dangerous|negligen\w*|injur\w*|harm(?:ed)?|complaint|ombudsman|solicitor|lawyer"
    r"|gestorben|verstorben|tod\w*|fehldiagnose|falsche\w* (?:medikament|dosis|diagnose)|gefährlich\w*"
    r"|fahrlässig\w*|verletz\w*|beschwerde\w*|anwalt|lebensgefahr|sepsis")}, r"\b", r"\b")


def rate(sentiment: Sentiment, sentences: Sequence[SentenceSentiment], flags: Sequence[SafeguardingFlag],
         text: str) -> int:
    """0 = no criticism, 1 minimal, 2 mild, 3 moderate, 4 strong, 5 severe harm or a safeguarding matter."""
    if flags:
        return 5
    negative = [s for s in sentences if s.sentiment.label == "negative"]
    if sentiment.label == "positive" and not negative:
        return 0  # most comments: praise needs no search for harm words
    serious = bool(_SERIOUS.search(fold(text)))
    if sentiment.label == "positive":
        return 2 if serious else 1
    if sentiment.label == "mixed":
        return 3 if serious else 1 if not negative else 2
    # Negative stories: the strength of the tone and talk of harm decide between 2, 3 and 4.
    if serious:
        return 4
    return 3 if sentiment.score <= -0.6 or len(negative) >= 2 else 2
