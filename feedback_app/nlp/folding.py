"""Case folding that keeps character offsets, so patterns can run case-sensitively on lower-case text."""
from __future__ import annotations


def fold(text: str) -> str:
    """`text.lower()` with the same length as `text` (a few characters, like "İ", grow when lowered)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
