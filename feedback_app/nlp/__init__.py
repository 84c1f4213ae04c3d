"""Storyloop's language analysis: text in, dataclasses out (themes, sentiment, criticality, PII, safeguarding).

A library: it imports spaCy, never Flask or the app's models. The pipeline loads once per process,
lazily on first use, or eagerly when the app calls `load()` at start.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .lang import detect_language
from .results import (
    Analysis,
    PiiSpan,
    SafeguardingFlag,
    SentenceSentiment,
    Sentiment,
    Span,
    ThemeTag,
)
from .taxonomy import SENTIMENTS, THEMES

if TYPE_CHECKING:
    from .pipeline import Analyser

__all__ = [
    "Analysis", "PiiSpan", "SafeguardingFlag", "SentenceSentiment", "Sentiment", "Span", "ThemeTag",
    "SENTIMENTS", "THEMES", "analyse", "analyse_many", "detect_language", "get_analyser", "load",
]

_analyser: Analyser | None = None
_lock = threading.Lock()


def get_analyser() -> Analyser:
    """The process-wide analyser, loaded on first call (thread-safe)."""
    global _analyser
    if _analyser is None:
        with _lock:
            if _analyser is None:
                from .pipeline import (
                    Analyser,  # spaCy import deferred: importing the package stays cheap
                )

                _analyser = Analyser()
    return _analyser


def load() -> Analyser:
    """Load the pipeline now (e.g. when a worker starts) rather than on the first story."""
    return get_analyser()


def analyse(text: str, lang: str | None = None) -> Analysis:
    """Analyse one text; `lang` ('en'/'de') skips detection."""
    return get_analyser().analyse(text, lang)


def analyse_many(texts: Iterable[str], langs: Iterable[str | None] | None = None,
                 batch_size: int = 256) -> list[Analysis]:
    """Analyse many texts in batches, results in input order."""
    return get_analyser().analyse_many(texts, langs, batch_size)
