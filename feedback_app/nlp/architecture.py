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
    # Accepts Spans as well as Docs, so clauses are classified without tokenising them again.
    keys, lengths, arrays = [], [], {}
    for item in docs:
        if isinstance(item, Doc):
            unigrams = item.to_array(LOWER)
        else:
            whole = arrays.get(id(item.doc))
            if whole is None:
                whole = arrays[id(item.doc)] = item.doc.to_array(LOWER)
            unigrams = whole[item.start:item.end]
        keys.append(unigrams)
        for n in range(2, model.attrs["ngram_size"] + 1):
            if len(unigrams) >= n:
                keys.append(model.ops.ngrams(n, unigrams))
        lengths.append(sum(max(len(unigrams) - n + 1, 0) for n in range(1, model.attrs["ngram_size"] + 1)))
    flat = numpy.concatenate(keys).astype("uint64") if keys else numpy.zeros((0,), dtype="uint64")
    values = numpy.ones((flat.shape[0],), dtype="f")
    return flat, values, numpy.asarray(lengths, dtype="int32")


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
