"""Classifier scores of a batch of English texts: per story and per clause, shared by training and analysis."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from .architecture import _gather_ngrams, _ngrams
from .sentiment import split_units
from .taxonomy import THEMES

Cats = dict[str, float]


@dataclass
class Scored:
    """One text's sentences (as clause offsets), its story-level scores and each clause's scores."""

    sents: list[list[tuple[int, int]]]
    cats: Cats
    clause_cats: list[Cats]


@dataclass
class Batch:
    """A batch's scores as arrays, in THEMES order for themes and the sentiment model's label order.

    `themes` and `sentiment` are per story, the themes being the most each reaches in the story or any
    one clause; `clause_themes` and `clause_sentiment` hold every text's clauses in turn (a one-clause
    text's clause row is its story's own).
    """

    sents: list[list[list[tuple[int, int]]]]
    themes: numpy.ndarray
    sentiment: numpy.ndarray
    sentiment_labels: tuple[str, ...]
    clause_themes: numpy.ndarray
    clause_sentiment: numpy.ndarray


def predict(nlp: Language, name: str, items: Sequence[Doc | Span], inputs: tuple | None = None) -> numpy.ndarray:
    """Probabilities (items x the pipe's labels) of one classifier, calling its layers directly.

    The layers are those of `architecture.build_lower_bow_classifier`; going around its `with_cpu`
    wrappers skips their walk over every doc of the batch, and spaCy's per-doc `cats` bookkeeping;
    clauses are classified as spans of the story's doc instead of being tokenised a second time. `inputs`: the hashed n-grams, if made already.
    """
    model = nlp.get_pipe(name).model
    ngrams, linear = model.layers[0].layers[0].layers
    output = model.layers[1].layers[0]
    return output.predict(linear.predict(inputs if inputs is not None else _ngrams(ngrams, list(items))))


def score_batch(nlp: Language, texts: list[str], batch_size: int = 256) -> Batch:
    """Scores of each text and of each of its clauses, as arrays.

    The models learnt from comments of a sentence or two; on a long story every theme's
    probability sinks, so a theme scores the most it reaches in the story or any one clause.
    """
    docs = list(nlp.tokenizer.pipe(texts, batch_size=batch_size))
    # (Doc.text rebuilds the string from its tokens, so the original strings are used throughout.)
    units = [split_units(text) for text in texts]
    # The docs' LOWER keys end to end, and the token ranges of the docs, then of the clauses of
    # multi-clause texts: the n-grams of both are gathered from these, with no Span objects.
    arrays, doc_ranges, clause_ranges, counts, total = [], [], [], [], 0
    for doc, sents in zip(docs, units, strict=True):
        clauses = [c for s in sents for c in s]
        counts.append(len(clauses))
        size = len(doc)
        if len(clauses) > 1:
            keys = doc.to_array([LOWER, IDX])
            arrays.append(keys[:, 0])
            # Token offsets by bisection, clipped as doc[start:end] clips a slice.
            starts = keys[:, 1].tolist()
            for a, b in clauses:
                start = min(size, max(bisect_right(starts, a) - 1, 0))
                clause_ranges.append((total + start, total + min(size, max(start, bisect_left(starts, b)))))
        else:
            arrays.append(doc.to_array(LOWER))
        doc_ranges.append((total, total + size))
        total += size
    ranges = doc_ranges + clause_ranges
    themes_pipe = nlp.get_pipe("themes")
    order = [themes_pipe.labels.index(code) for code in THEMES]
    # Both classifiers hash the same n-grams (their sizes are the same): hashed once for both.
    ngrams_layer = themes_pipe.model.layers[0].layers[0].layers[0]
    inputs = _gather_ngrams(ngrams_layer, arrays, ranges, total) if docs else None
    theme_p = predict(nlp, "themes", docs, inputs)[:, order] if docs else numpy.zeros((0, len(THEMES)), "f")
    sent_pipe = nlp.get_pipe("sentiment")
    sent_layer = sent_pipe.model.layers[0].layers[0].layers[0]
    if docs and sent_layer.attrs["ngram_size"] != ngrams_layer.attrs["ngram_size"]:
        inputs = _gather_ngrams(sent_layer, arrays, ranges, total)
    sent_p = predict(nlp, "sentiment", docs, inputs) if docs else numpy.zeros((0, len(sent_pipe.labels)), "f")
    n = len(docs)
    counts_a = numpy.asarray(counts, dtype=numpy.int64)
    multi = counts_a > 1
    # Clause rows: a multi-clause text's spans, else (one clause) the text's own row.
    source = numpy.repeat(numpy.arange(n), numpy.where(multi, 0, counts_a))
    rows = numpy.empty(int(counts_a.sum()), dtype=numpy.int64)
    clause_owner = numpy.repeat(numpy.arange(n), counts_a)
    is_multi_row = multi[clause_owner]
    rows[~is_multi_row] = source
    rows[is_multi_row] = n + numpy.arange(len(clause_ranges))
    clause_themes, clause_sentiment = theme_p[rows], sent_p[rows]
    story_themes = theme_p[:n].copy()
    if clause_ranges:
        numpy.maximum.at(story_themes, clause_owner[is_multi_row], theme_p[n:])
    return Batch(units, story_themes, sent_p[:n], tuple(sent_pipe.labels), clause_themes, clause_sentiment)


def score_texts(nlp: Language, texts: list[str], batch_size: int = 256) -> list[Scored]:
    """Scores of each text and of each of its clauses, as dicts by label (see `score_batch`)."""
    batch = score_batch(nlp, texts, batch_size)
    sentiment = batch.sentiment_labels
    out, cursor = [], 0
    for sents, theme_row, sent_row in zip(batch.sents, batch.themes.tolist(), batch.sentiment.tolist(), strict=True):
        count = sum(map(len, sents))
        parts = [{**dict(zip(THEMES, t, strict=True)), **dict(zip(sentiment, s, strict=True))}
                 for t, s in zip(batch.clause_themes[cursor:cursor + count].tolist(),
                                 batch.clause_sentiment[cursor:cursor + count].tolist(), strict=True)]
        cursor += count
        out.append(Scored(sents, {**dict(zip(THEMES, theme_row, strict=True)),
                                  **dict(zip(sentiment, sent_row, strict=True))}, parts))
    return out
