"""Classifier scores of a batch of English texts: per story and per clause, shared by training and analysis."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from .sentiment import split_clauses, split_sentences
from .taxonomy import THEMES

Cats = dict[str, float]


@dataclass
class Scored:
    """One text's sentences (as clause offsets), its story-level scores and each clause's scores."""

    sents: list[list[tuple[int, int]]]
    cats: Cats
    clause_cats: list[Cats]


def classify(nlp: Language, items: Sequence[Doc | Span]) -> list[Cats]:
    """Theme and sentiment probabilities of docs or spans, straight from the two models.

    Calling the models directly skips spaCy's per-doc `cats` bookkeeping, and lets clauses be
    classified as spans of the story's doc instead of being tokenised a second time.
    """
    out: list[Cats] = [{} for _ in items]
    if items:
        for name in ("themes", "sentiment"):
            pipe = nlp.get_pipe(name)
            for row, cats in zip(pipe.model.predict(list(items)).tolist(), out, strict=True):
                cats.update(zip(pipe.labels, row, strict=True))
    return out


def score_texts(nlp: Language, texts: list[str], batch_size: int = 256) -> list[Scored]:
    """Scores of each text and of each of its clauses.

    The models learnt from comments of a sentence or two; on a long story every theme's
    probability sinks, so a theme scores the most it reaches in the story or any one clause.
    """
    docs = list(nlp.tokenizer.pipe(texts, batch_size=batch_size))
    # (Doc.text rebuilds the string from its tokens, so the original strings are used throughout.)
    units = [[split_clauses(text, a, b) for a, b in split_sentences(text)] for text in texts]
    clause_spans: list[Span] = []
    for doc, sents in zip(docs, units, strict=True):
        clauses = [c for s in sents for c in s]
        if len(clauses) > 1:
            # Token offsets by bisection: Doc.char_span builds a Token object per token it scans.
            starts = doc.to_array(IDX).tolist()
            clause_spans += [doc[max(bisect_right(starts, a) - 1, 0):bisect_left(starts, b)] for a, b in clauses]
    doc_cats = classify(nlp, docs)
    clause_cats = iter(classify(nlp, clause_spans))
    out = []
    for cats, sents in zip(doc_cats, units, strict=True):
        count = sum(map(len, sents))
        parts = [next(clause_cats) for _ in range(count)] if count > 1 else [cats] * count
        if count > 1:
            cats = {**cats, **{code: max(cats[code], *(p[code] for p in parts)) for code in THEMES}}
        out.append(Scored(sents, cats, parts))
    return out
