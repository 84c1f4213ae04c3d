"""The words read once and shared (`pieces`, `_story_words`) and the ASCII patterns are those of the plain paths."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from feedback_app.nlp.folding import fold
from feedback_app.nlp.lang import _ASCII_WORD, _WORD
from feedback_app.nlp.linear import Featuriser
from feedback_app.nlp.pipeline import _story_words
from feedback_app.nlp.safeguarding_model import _PIECE, pieces

DATA = Path(__file__).parent / "data"
TEXTS = [
    "", "...", "Lovely staff.", "I don't know what'd happen... ok?!\nThanks", "o'clock's 3rd ward_7 x'y'z 'quoted'",
    "İstanbul İZMİR trip", "KELVIN \u212a sign", "Sehr freundlich. Die Ärztin war toll!", "Straße – „gut“ £20 n't",
    "MIXED Case WORDS and 123abc", "tab\tand\r\nnew line",
]


def _texts() -> list[str]:
    return TEXTS + [json.loads(line)["text"] for f in sorted(DATA.rglob("*.jsonl"))
                    for line in f.read_text().splitlines() if line.strip()]


def test_story_words_are_the_featurisers() -> None:
    for text in _texts():
        assert _story_words(text) == Featuriser.words(text), text


def test_pieces_are_the_plain_patterns() -> None:
    for text in _texts():
        assert list(pieces(text)) == _PIECE.findall(fold(text)), text


@pytest.mark.parametrize("text", TEXTS)
def test_ascii_words_are_the_plain_patterns_in_ascii_text(text: str) -> None:
    lower = text.lower()
    if lower.isascii():
        assert _ASCII_WORD.findall(lower) == _WORD.findall(lower)


def test_ascii_patterns_cover_every_ascii_character() -> None:
    every = "".join(map(chr, range(128))).lower()
    assert _ASCII_WORD.findall(every) == _WORD.findall(every)
    assert pieces(every) == tuple(_PIECE.findall(fold(every)))
    spaced = " ".join(map(chr, range(128))).lower() + " a'b'c don't 'x' y'"
    assert _ASCII_WORD.findall(spaced) == _WORD.findall(spaced)
    assert pieces(spaced) == tuple(_PIECE.findall(fold(spaced)))
