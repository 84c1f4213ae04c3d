"""Hashed word and character n-gram features and the linear models over them (numpy only at run time).

A text becomes the bucket indices of its lower-cased word unigrams and bigrams and of the character
3-5-grams inside each word (padded with spaces, as scikit-learn's "char_wb"); a model is a weight
matrix (bucket x output) plus a bias, so scoring a batch is one gather and one segmented sum.
Training (`feedback_app.nlp.train`) fits the weights with scikit-learn; running needs only numpy.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy

BITS = 18
BUCKETS = 1 << BITS
_MASK = BUCKETS - 1
CHAR_SIZES = (3, 4, 5)
# Word n-grams and character n-grams hash with different seeds, so "the" the word and " the" the
# character 4-gram do not share a bucket by construction.
_WORD_SEED, _BIGRAM_SEED, _CHAR_SEED = 0x5EED, 0xB16, 0xC4A2
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
# Bigram bucket of (a, b) from the two words' hashes: a multiply-add, vectorised over a whole batch.
_PRIME = numpy.uint64(0x9E3779B1)


def _hash(token: str, seed: int) -> int:
    return zlib.crc32(token.encode("utf-8"), seed)


class Features(NamedTuple):
    """A featurised batch: the bucket of each feature, the text it belongs to, and the batch size."""

    indices: numpy.ndarray
    owners: numpy.ndarray
    count: int
    # indices[:split] (unigrams and characters) and indices[split:] (bigrams) are each sorted by owner.
    split: int


class Featuriser:
    """Text -> bucket indices, with a cache per word (feedback reuses a small vocabulary)."""

    def __init__(self, cache_size: int = 200_000) -> None:
        self._words: dict[str, tuple[int, numpy.ndarray]] = {}
        self._cache_size = cache_size

    def _word(self, word: str) -> tuple[int, numpy.ndarray]:
        hit = self._words.get(word)
        if hit is not None:
            return hit
        padded = f" {word} "
        grams = {padded[i:i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)}
        if len(word) + 2 <= max(CHAR_SIZES):
            grams.add(padded)
        keys = [_hash(word, _WORD_SEED) & _MASK] + [_hash(g, _CHAR_SEED) & _MASK for g in sorted(grams)]
        entry = (_hash(word, _BIGRAM_SEED), numpy.asarray(keys, dtype=numpy.int64))
        if len(self._words) < self._cache_size:
            self._words[word] = entry
        return entry

    def batch(self, texts: Sequence[str]) -> Features:
        """The features of each text: its words' unigram and character n-gram buckets, and its word bigrams.

        The per-text work is a regular expression and dictionary look-ups; the rest is vectorised
        over the whole batch.
        """
        cache, word, findall = self._words, self._word, _TOKEN.findall
        entries: list[tuple[int, numpy.ndarray]] = []
        counts = []
        for text in texts:
            words = findall(text.lower())
            entries += [cache.get(w) or word(w) for w in words]
            counts.append(len(words))
        if not entries:
            empty = numpy.zeros(0, dtype=numpy.int64)
            return Features(empty, empty, len(texts), 0)
        word_owner = numpy.repeat(numpy.arange(len(texts)), counts)
        arrays = [e[1] for e in entries]
        sizes = numpy.fromiter(map(len, arrays), dtype=numpy.int64, count=len(arrays))
        hashes = numpy.fromiter((e[0] for e in entries), dtype=numpy.uint64, count=len(entries))
        same = word_owner[:-1] == word_owner[1:]
        bigrams = ((hashes[:-1] * _PRIME + hashes[1:]) & numpy.uint64(_MASK)).astype(numpy.int64)[same]
        indices = numpy.concatenate([*arrays, bigrams])
        owners = numpy.concatenate([numpy.repeat(word_owner, sizes), word_owner[:-1][same]])
        return Features(indices, owners, len(texts), indices.shape[0] - bigrams.shape[0])


def sparse_rows(features: Features):  # type: ignore[no-untyped-def]
    """The batch as a scipy CSR matrix of counts scaled by 1/sqrt(features), as `LinearModel.scores` sees it."""
    from scipy.sparse import coo_matrix

    lengths = numpy.bincount(features.owners, minlength=features.count)
    scale = (1.0 / numpy.sqrt(numpy.maximum(lengths, 1))).astype(numpy.float32)
    matrix = coo_matrix((scale[features.owners], (features.owners, features.indices)),
                        shape=(features.count, BUCKETS)).tocsr()
    matrix.sum_duplicates()
    return matrix


def _segment_sums(rows: numpy.ndarray, owners: numpy.ndarray, count: int) -> numpy.ndarray:
    """Sums of `rows` per owner (owners sorted), as int32; owners without rows get zeros."""
    out = numpy.zeros((count, rows.shape[1]), dtype=numpy.int32)
    if rows.shape[0]:
        present, starts = numpy.unique(owners, return_index=True)
        out[present] = numpy.add.reduceat(rows, starts, axis=0, dtype=numpy.int32)
    return out


class LinearModel:
    """Weights (BUCKETS x outputs) and biases over the hashed features; `scores` gives raw margins.

    The weights are kept as int8 with one scale per output, in memory as on disk: the gather of a
    batch's rows is the costliest step of scoring, and a matrix a quarter of the size stays in cache.
    """

    def __init__(self, weights: numpy.ndarray, bias: numpy.ndarray, labels: Sequence[str]) -> None:
        scale = (numpy.abs(weights).max(axis=0) / 127.0).astype(numpy.float32)
        scale[scale == 0] = 1.0
        self._init(numpy.round(weights / scale).astype(numpy.int8), scale, bias, labels)

    def _init(self, quantised: numpy.ndarray, scale: numpy.ndarray, bias: numpy.ndarray,
              labels: Sequence[str]) -> None:
        self.quantised = numpy.ascontiguousarray(quantised)
        self.scale = scale.astype(numpy.float32)
        self.bias = bias.astype(numpy.float32)
        self.labels = tuple(labels)

    @property
    def weights(self) -> numpy.ndarray:
        """The dequantised weights (float32)."""
        return self.quantised.astype(numpy.float32) * self.scale

    @classmethod
    def joined(cls, models: Sequence[LinearModel]) -> LinearModel:
        """One model whose outputs are those of `models` side by side (one gather scores them all)."""
        model = cls.__new__(cls)
        model._init(numpy.hstack([m.quantised for m in models]), numpy.concatenate([m.scale for m in models]),
                    numpy.concatenate([m.bias for m in models]), [label for m in models for label in m.labels])
        return model

    def scores(self, features: Features) -> numpy.ndarray:
        """Margins (texts x outputs) of a featurised batch; a text's feature sum is scaled by 1/sqrt(features)."""
        count, split = features.count, features.split
        if features.indices.shape[0] == 0:
            return numpy.tile(self.bias, (count, 1))
        rows = self.quantised[features.indices]
        sums = _segment_sums(rows[:split], features.owners[:split], count)
        sums += _segment_sums(rows[split:], features.owners[split:], count)
        lengths = numpy.bincount(features.owners, minlength=count)
        scale = (1.0 / numpy.sqrt(numpy.maximum(lengths, 1))).astype(numpy.float32)
        return sums * self.scale * scale[:, None] + self.bias

    def save(self, path: Path) -> None:
        """An .npz of the int8 weights, their scales and the biases (a small committed file)."""
        numpy.savez_compressed(path, weights=self.quantised, scale=self.scale, bias=self.bias,
                               labels=numpy.asarray(self.labels))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """A model saved by `save`."""
        model = cls.__new__(cls)
        with numpy.load(path) as data:
            model._init(data["weights"], data["scale"], data["bias"], [str(x) for x in data["labels"]])
        return model
