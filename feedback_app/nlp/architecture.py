"""A bag-of-ngrams text classifier on lower-cased tokens, registered with spaCy so saved models reload."""
from __future__ import annotations

import threading
from functools import partial
from typing import cast

import numpy
from spacy.attrs import LOWER
from spacy.ml.models.textcat import resize_and_set_ref
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    Logistic,
    Model,
    SparseLinear_v2,
    chain,
    resizable,
    softmax_activation,
    with_cpu,
)
from thinc.layers.resizable import resize_linear_weighted
from thinc.types import Floats2d

ARCHITECTURE = "storyloop.TextCatLowerBOW.v1"


def lower_ngrams(ngram_size: int) -> Model:
    """Hashed lower-case n-grams of each doc, as SparseLinear's (keys, values, lengths) input.

    Unlike spaCy's extract_ngrams it skips the per-doc `unique` (a linear layer sums a repeated key
    just as it would weigh a counted one), which made it the slowest step of the whole analysis.
    """
    return Model("lower_ngrams", _ngrams_forward, attrs={"ngram_size": ngram_size})


_last = threading.local()


def _ngrams_forward(model: Model, docs: list, is_train: bool):  # type: ignore[no-untyped-def]
    # The theme and the sentiment classifier hash the same n-grams of the same batch: the second
    # one reuses the first one's (the docs are held, so their ids stay theirs). `is_train` cannot
    # tell prediction apart: with_cpu calls its layer through begin_update.
    size = model.attrs["ngram_size"]
    cached = getattr(_last, "entry", None)
    if cached is not None and cached[0] == size and len(cached[1]) == len(docs) \
            and all(a is b for a, b in zip(cached[1], docs, strict=True)):
        return cached[2], lambda dY: []
    result = _ngrams(model, docs)
    _last.entry = (size, docs, result)
    return result, lambda dY: []


def _ngrams(model: Model, docs: list):  # type: ignore[no-untyped-def]
    # Accepts Spans as well as Docs, so clauses are classified without tokenising them again. The
    # n-grams are hashed once over all the batch's tokens end to end (a window's hash depends on its
    # own keys only) and each item gathers its slice: per-item hashing was the costliest part here.
    offsets: dict[int, int] = {}
    arrays, ranges, total = [], [], 0
    for item in docs:
        doc = item if isinstance(item, Doc) else item.doc
        base = offsets.get(id(doc))
        if base is None:
            base = offsets[id(doc)] = total
            arrays.append(doc.to_array(LOWER))
            total += len(doc)
        ranges.append((base, base + len(doc)) if item is doc else (base + item.start, base + item.end))
    return _gather_ngrams(model, arrays, ranges, total)


def _gather_ngrams(model: Model, arrays: list, ranges: list[tuple[int, int]], total: int):  # type: ignore[no-untyped-def]
    """Keys of each token range (its unigrams, then its bigrams, ...) as SparseLinear's input."""
    size = model.attrs["ngram_size"]
    lowers = numpy.concatenate(arrays).astype("uint64") if arrays else numpy.zeros((0,), dtype="uint64")
    bounds = numpy.asarray(ranges, dtype="int64").reshape(-1, 2)
    starts, widths = bounds[:, 0], bounds[:, 1] - bounds[:, 0]
    pools, segment_starts, segment_sizes, base = [], [], [], 0
    for n in range(1, size + 1):
        pool = lowers if n == 1 else model.ops.ngrams(n, lowers) if total >= n else lowers[:0]
        pools.append(pool)
        segment_starts.append(starts + base)
        segment_sizes.append(numpy.maximum(widths - n + 1, 0))
        base += pool.shape[0]
    # Segments in item order, each item's n-gram sizes in turn: [unigrams 0, bigrams 0, unigrams 1, ...].
    seg_starts = numpy.stack(segment_starts, axis=1).ravel()
    seg_sizes = numpy.stack(segment_sizes, axis=1).ravel()
    count = int(seg_sizes.sum())
    index = numpy.arange(count, dtype="int64") + numpy.repeat(seg_starts - (numpy.cumsum(seg_sizes) - seg_sizes),
                                                               seg_sizes)
    flat = numpy.concatenate(pools)[index].astype("uint64")
    values = numpy.ones((flat.shape[0],), dtype="f")
    return flat, values, numpy.sum(segment_sizes, axis=0).astype("int32")


@registry.architectures(ARCHITECTURE)
def build_lower_bow_classifier(
    exclusive_classes: bool, ngram_size: int, length: int = 65536, nO: int | None = None
) -> Model[list[Doc], Floats2d]:
    """spaCy's TextCatBOW.v3, but hashing LOWER instead of ORTH.

    Feedback is written with arbitrary capitals ("STAFF WERE GREAT"); folding case halves the
    feature space, which lets a small hash table (a small committed model) keep its accuracy.
    """
    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    resizable_layer = resizable(
        sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults={"b": 0, "W": 0})
    )
    output_layer = softmax_activation() if exclusive_classes else Logistic()
    model = chain(with_cpu(chain(lower_ngrams(ngram_size), resizable_layer), resizable_layer.ops),
                  with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", cast(int, nO))
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model
