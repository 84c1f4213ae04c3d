"""Theme cues: word-list matches that give evidence spans and lift recall where the classifier is weak."""
from __future__ import annotations

import re
from functools import cache

from . import lexicon_de, lexicon_en
from .alternation import dispatched
from .folding import fold
from .results import Span


@cache
def cue_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for all themes of 'en' or 'de' for lower-cased text, and its group names' themes.

    One case-sensitive pass over folded text is about six times faster than eleven case-insensitive
    ones; the price is that a word counts for the first theme whose cue it matches.
    """
    table = lexicon_de.THEME_CUES if lang == "de" else lexicon_en.THEME_CUES
    # (?=\w) rejects word ends before the long alternation is tried: a third faster.
    return dispatched(table, r"\b(?=\w)", r"\b")


def find_cues(text: str, lang: str) -> dict[str, list[Span]]:
    """Spans of each theme's cues in `text` (themes without a match are left out)."""
    pattern, themes = cue_pattern(lang)
    found: dict[str, list[Span]] = {}
    for m in pattern.finditer(fold(text)):
        found.setdefault(themes[m.lastgroup or ""], []).append(Span(m.start(), m.end()))
    return found
