"""A theme's evidence and sentiment: the shortcuts read the same clauses as the plain rules."""
from __future__ import annotations

import json
from pathlib import Path

from feedback_app.nlp.ensemble import clause_units
from feedback_app.nlp.pipeline import _overlapping
from feedback_app.nlp.results import SentenceSentiment, Sentiment, Span
from feedback_app.nlp.sentiment import split_units
from feedback_app.nlp.themes import find_cues

DATA = Path(__file__).parent / "data"
ENGLISH = [
    "The staff were lovely but the wait was awful; parking - expensive. Food fine!\nThanks",
    "  Lovely nurse.  ", "Kind; rude; kind but slow, however fine.", "one clause",
]
GERMAN = [json.loads(line)["text"] for line in (DATA / "de_stories.jsonl").read_text().splitlines() if line.strip()]


def _pairwise(sentences: list[SentenceSentiment], spans: list[Span]) -> list[SentenceSentiment]:
    return [s for s in sentences if any(sp.start < s.end and sp.end > s.start for sp in spans)]


def _edge_spans(text: str, clauses: list[tuple[int, int]]) -> list[list[Span]]:
    """Spans at, inside, between and across clauses, empty ones included, and the text's cue spans."""
    edges = [[Span(a, a)] for a, _ in clauses] + [[Span(b, b)] for _, b in clauses]
    edges += [[Span(a, b)] for a, b in clauses] + [[Span(b - 1, b + 1)] for _, b in clauses]
    edges += [[Span(b, a)] for (_, b), (a, _) in zip(clauses, clauses[1:])]  # the gap between two clauses
    edges += [[Span(0, len(text))], [], [Span(clauses[-1][1], clauses[-1][1] + 5), Span(0, 1)]]
    return edges + [spans for lang in ("en", "de") for spans in find_cues(text, lang).values()]


def test_overlapping_sentences_are_those_the_pairwise_test_finds() -> None:
    mood = Sentiment("mixed", 0.0)
    compared = 0
    for text in ENGLISH + GERMAN:
        clauses = clause_units(split_units(text))
        sentences = [SentenceSentiment(a, b, mood) for a, b in clauses]
        for spans in _edge_spans(text, clauses):
            expected = _pairwise(sentences, spans) if len(sentences) > 1 else sentences
            assert _overlapping(sentences, spans) == expected, (text, spans)
            compared += len(sentences) > 1 and 0 < len(expected) < len(sentences)
    assert compared > 50  # many cases where only some sentences overlap


def test_a_one_clause_storys_theme_without_cues_has_its_clause_as_evidence(analyser) -> None:
    texts = ["  More punctual.  ", "Be more prepared!", "Clean", "Lovely nurse, very kind."]
    uncued = 0
    for text, result in zip(texts, analyser.analyse_many(texts)):
        (clause,) = clause_units(split_units(text))
        cued = find_cues(text, "en")
        for tag in result.themes:
            assert tag.evidence == tuple(cued.get(tag.code) or [Span(*clause)]), (text, tag)
            uncued += tag.code not in cued
    assert uncued >= 3  # the clause itself, not the text with its spaces, stands for the uncued themes
