"""Hashed word and character n-gram features and the linear models over them (numpy only at run time).

A text becomes the bucket indices of its lower-cased word unigrams and bigrams and of the character
3-5-grams inside each word (padded with spaces, as scikit-learn's "char_wb"); a model is a weight
matrix (bucket x output) plus a bias, so scoring a batch is one gather and one segmented sum.
Training (`feedback_app.nlp.train`) fits the weights with scikit-learn; running needs only numpy.
"""
from __future__ import annotations

import io
import re
import zipfile
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

    @staticmethod
    def words(text: str) -> list[str]:
        """The lower-cased words of a text, as the features see them."""
        return _TOKEN.findall(text.lower())

    def batch(self, texts: Sequence[str]) -> Features:
        """The features of each text: its words' unigram and character n-gram buckets, and its word bigrams.

        The per-text work is a regular expression and dictionary look-ups; the rest is vectorised
        over the whole batch.
        """
        cache, word, words_of = self._words, self._word, self.words
        entries: list[tuple[int, numpy.ndarray]] = []
        counts = []
        for text in texts:
            words = words_of(text)
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
        """An .npz of the int8 weights, their scales and the biases (a small committed file).

        Written like `numpy.savez_compressed`, but with fixed zip timestamps: the same training writes the same
        bytes, so a retrained model shows in git only where it really changed."""
        arrays = {"weights": self.quantised, "scale": self.scale, "bias": self.bias,
                  "labels": numpy.asarray(self.labels)}
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                buffer = io.BytesIO()
                numpy.lib.format.write_array(buffer, numpy.asanyarray(array), allow_pickle=False)
                info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """A model saved by `save`."""
        model = cls.__new__(cls)
        with numpy.load(path) as data:
            model._init(data["weights"], data["scale"], data["bias"], [str(x) for x in data["labels"]])
        return model


class Segments(NamedTuple):
    """Texts as one stream of words (cached rows of `WordScorer`) and (start, end) word ranges to score."""

    rows: numpy.ndarray
    ranges: numpy.ndarray


class WordScorer:
    """`LinearModel.scores` of texts and of word ranges within them, from per-word sums.

    A word's unigram and character n-gram rows are summed once (as integers, so exactly) and
    cached; a range's sum is then a difference of running sums of its words' and bigrams' rows.
    The margins are the same numbers `scores(featuriser.batch(...))` gives, for a fraction of the gathers.
    """

    def __init__(self, model: LinearModel, featuriser: Featuriser, cache_size: int = 200_000) -> None:
        self.model, self.featuriser, self._cache_size = model, featuriser, cache_size
        self._index: dict[str, int] = {}
        width = model.quantised.shape[1]
        self._sums = numpy.zeros((1024, width), dtype=numpy.int64)
        self._hashes = numpy.zeros(1024, dtype=numpy.uint64)
        self._counts = numpy.zeros(1024, dtype=numpy.int64)

    def rows(self, words: Sequence[str]) -> list[int]:
        """The cache rows of `words`, adding the new ones."""
        index = self._index
        rows = list(map(index.get, words))
        if None not in rows:
            return rows  # usually: every word is known
        missing = {w for w, row in zip(words, rows, strict=True) if row is None}
        if len(index) + len(missing) > max(self._cache_size, len(missing)):
            index.clear()  # only between batches' look-ups: rows handed out below stay valid
            missing = set(words)
        self._add(sorted(missing))
        return [index[w] for w in words]

    def _add(self, words: list[str]) -> None:
        start = len(self._index)
        need = start + len(words)
        if need > self._sums.shape[0]:
            size = max(need, 2 * self._sums.shape[0])
            self._sums = numpy.resize(self._sums, (size, self._sums.shape[1]))
            self._hashes, self._counts = numpy.resize(self._hashes, size), numpy.resize(self._counts, size)
        for k, word in enumerate(words, start=start):
            bigram, keys = self.featuriser._word(word)
            self._sums[k] = self.model.quantised[keys].sum(axis=0, dtype=numpy.int64)
            self._hashes[k], self._counts[k] = bigram, keys.shape[0]
            self._index[word] = k

    def scores(self, segments: Segments) -> numpy.ndarray:
        """Margins (ranges x outputs): `LinearModel.scores` of each range's words as one text."""
        model, rows = self.model, segments.rows
        starts, ends = segments.ranges[:, 0], segments.ranges[:, 1]
        words = numpy.zeros((rows.shape[0] + 1, model.quantised.shape[1]), dtype=numpy.int64)
        numpy.cumsum(self._sums[rows], axis=0, out=words[1:])
        counts = numpy.concatenate([[0], numpy.cumsum(self._counts[rows])])
        hashes = self._hashes[rows]
        bigrams = numpy.zeros_like(words)
        if rows.shape[0] > 1:
            buckets = ((hashes[:-1] * _PRIME + hashes[1:]) & numpy.uint64(_MASK)).astype(numpy.int64)
            numpy.cumsum(model.quantised[buckets], axis=0, dtype=numpy.int64, out=bigrams[1:-1])
        # Bigram k joins words k and k+1: a range [s, e) holds bigrams s .. e-2.
        inner = numpy.maximum(ends - 1, starts)
        sums = (words[ends] - words[starts] + bigrams[inner] - bigrams[starts]).astype(numpy.int32)
        lengths = counts[ends] - counts[starts] + (inner - starts)
        scale = (1.0 / numpy.sqrt(numpy.maximum(lengths, 1))).astype(numpy.float32)
        return sums * model.scale * scale[:, None] + model.bias
