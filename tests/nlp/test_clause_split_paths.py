"""Clause splitting's faster pattern and path cut where the plain ones cut (they could diverge silently)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from feedback_app.nlp import sentiment
from feedback_app.nlp.folding import fold
from feedback_app.nlp.sentiment import split_clauses, split_sentences, split_units

DATA = Path(__file__).parent / "data"
PLAIN_BREAK = re.compile(rf"[ \t]*;|[ \t]+-[ \t]|,?[ \t]+(?=(?:{'|'.join(sentiment._BREAK_WORDS)})\b)")
EDGES = [
    "Good; bad", "Good ;bad", "Good \t ; bad", ";start", "a - b", "a -b", "a\t-\tb", "Good. - bad", "Good, but slow",
    "Good,but slow", "Good ,  but slow", "good butter", "kind but", "nice, however late", "nett, aber langsam",
    "Nurses were lovely", "x ,; y", "a , - b", " ; ", "- -", "Lovely staff.\nBut the wait; awful - really, though fine",
]


def _texts() -> list[str]:
    texts = list(EDGES)
    for path in sorted(DATA.rglob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line.strip()]
    return texts + [" ".join(texts[i:i + 10]) for i in range(0, len(texts), 10)]


TEXTS = _texts()


def _plain_split_units(text: str) -> list[list[tuple[int, int]]]:
    """`split_units` as it was: a search of the whole text first, then each sentence with the plain pattern."""
    folded = fold(text)
    if not PLAIN_BREAK.search(folded):
        return [[span] for span in split_sentences(text)]
    out = []
    for a, b in split_sentences(text):
        spans, last = [], a
        for m in PLAIN_BREAK.finditer(folded, a, b):
            if m.start() > last:
                spans.append((last, m.start()))
            last = m.end()
        if b > last:
            spans.append((last, b))
        out.append(spans or [(a, b)])
    return out


def test_break_pattern_matches_as_the_plain_one() -> None:
    for text in TEXTS:
        folded = fold(text)
        assert [m.span() for m in sentiment._CLAUSE_BREAK.finditer(folded)] == \
            [m.span() for m in PLAIN_BREAK.finditer(folded)], text
        for a, b in split_sentences(text):
            assert [m.span() for m in sentiment._CLAUSE_BREAK.finditer(folded, a, b)] == \
                [m.span() for m in PLAIN_BREAK.finditer(folded, a, b)], text


def test_units_are_those_of_the_plain_split() -> None:
    for text in TEXTS:
        assert split_units(text) == _plain_split_units(text), text
        assert [split_clauses(text, a, b) for a, b in split_sentences(text)] == _plain_split_units(text), text


SENTENCE_EDGES = ["", " ", "...", "  ...", "Good", "Good.", "Good. ", "Good.\n", "Good\n  ", "Good !", "\n\nGood",
                  "Good?! Bad.", "Good\u2028bad", " \tGood staff!!  ", "Good. Bad", "a.b", "?Good", "Good\r\nBad"]


def _plain_split_sentences(text: str) -> list[tuple[int, int]]:
    """`split_sentences` by the pattern alone, as it was before its one-sentence path."""
    spans = []
    for m in sentiment._SENTENCE.finditer(text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def test_sentences_are_those_of_the_pattern() -> None:
    for text in SENTENCE_EDGES + TEXTS:
        assert split_sentences(text) == _plain_split_sentences(text), text
