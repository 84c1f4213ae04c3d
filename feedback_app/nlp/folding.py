"""Case folding that keeps character offsets, so patterns can run case-sensitively on lower-case text."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1024)  # a story is folded for its cues, each sentence's clauses and the safeguarding scan
def fold(text: str) -> str:
    """`text.lower()` with the same length as `text` (a few characters, like "İ", grow when lowered)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
