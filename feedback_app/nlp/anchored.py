"""Searching a pattern only where its matches can begin, for patterns the engine cannot skip through itself.

Python's engine jumps ahead quickly only when a pattern begins with a plain character or character class.
A pattern that begins with `\\b`, a look-behind or an alternation of classes is tried at every position of
the text instead, which made a few ID and phone patterns the costliest part of the PII scan of long stories.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_at(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying `pattern` only where a match of `starts` begins.

    The same matches, provided every match of `pattern` begins where `starts` matches and none is empty:
    `match` at a position sees the text before it as `search` does (for `\\b` and look-behinds), and a
    position inside a match found already is skipped, as `finditer` skips it.
    """
    end = 0
    for candidate in starts.finditer(text):
        if candidate.start() >= end and (m := pattern.match(text, candidate.start())) is not None:
            yield m
            end = m.end()
