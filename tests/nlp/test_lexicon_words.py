"""The sentiment lexicon reads the words of ASCII and non-ASCII text alike (its ASCII pattern is a fast path)."""
from __future__ import annotations

import re

import pytest

from feedback_app.nlp.sentiment import _lower_words, lexicon_counts

UNICODE_WORD = re.compile(r"\w+")
TEXTS = [
    "Staff weren't helpful", "Nurse_1 was kind 24/7, ward 3B", "The café staff were rude", "İstanbul-born GP",
    "Ärztin sehr freundlich, Wartezeit schrecklich", "KELVIN \u212a sign", "", "  ...  ", "don't DON'T won't",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_are_those_of_the_unicode_pattern(text: str) -> None:
    assert _lower_words(text) == UNICODE_WORD.findall(text.lower().replace("n't", " not"))


@pytest.mark.parametrize(("text", "lang", "counts"), [
    ("Staff weren't helpful", "en", (0, 1)),  # "n't" negates: praise flipped to a complaint
    ("The café staff were rude and unhelpful", "en", (0, 2)),  # a non-ASCII word does not hide the others
    ("Great nurses, awful food", "en", (1, 1)),
    ("Das Personal war nicht freundlich", "de", (0, 1)),
    ("Ärztin sehr freundlich, Wartezeit schrecklich", "de", (1, 1)),
])
def test_lexicon_counts_read_praise_and_complaints(text: str, lang: str, counts: tuple[int, int]) -> None:
    assert lexicon_counts(text, lang) == counts
