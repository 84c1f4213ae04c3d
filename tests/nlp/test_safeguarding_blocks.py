"""The safeguarding model's column blocks (`_block`): margins read from them are those of the plain
fancy-indexed weights, bit for bit, for the kinds and the detectors, short passages and long stories."""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy
import pytest

from feedback_app.nlp.safeguarding_model import get_model, text_buckets, words_of

DATA = Path(__file__).parent / "data"


def _texts() -> list[str]:
    texts = ["", "ok", "I want to end it all, I have been saving my tablets.", "Er hat mich geschlagen."]
    for name in ("safeguarding.jsonl", "de_stories.jsonl"):
        texts += [json.loads(line)["text"] for line in (DATA / name).read_text().splitlines() if line.strip()][:150]
    return texts + [" ".join(texts[i:i + 5]) for i in range(0, len(texts), 5)]  # stories of several sentences


def _plain_margins(model, buckets: list[int], columns: slice) -> numpy.ndarray:  # type: ignore[no-untyped-def]
    """`_margins` as it was: the rows fancy-indexed from the whole weight matrix."""
    bias = model.linear.bias[columns]
    if not buckets:
        return bias
    sums = model.linear.quantised[buckets, columns].sum(axis=0, dtype="int64")
    return sums * model.linear.scale[columns] / math.sqrt(len(buckets)) + bias


def test_block_is_the_columns_as_int64() -> None:
    model = get_model()
    if model is None or model._detectors is None:
        pytest.skip("no shipped safeguarding detectors")
    for columns in (model._detectors, model._kind_columns):
        block = model._block(columns)
        assert block.dtype == numpy.int64 and block.flags["C_CONTIGUOUS"]
        assert numpy.array_equal(block, model.linear.quantised[:, columns].astype(numpy.int64))
        assert model._block(columns) is block  # made once


def test_margins_from_blocks_equal_the_plain_ones() -> None:
    model = get_model()
    if model is None or model._detectors is None:
        pytest.skip("no shipped safeguarding detectors")
    for text in _texts():
        buckets = text_buckets(words_of(text))
        for columns in (model._detectors, model._kind_columns):
            assert model._margins(buckets, columns).tobytes() == _plain_margins(model, buckets, columns).tobytes(), text


def test_best_window_from_blocks_equals_plain_runs() -> None:
    """Long texts take `_best_window`: its run margins equal the plain margins of each run, the same float."""
    model = get_model()
    if model is None or model._detectors is None:
        pytest.skip("no shipped safeguarding detectors")
    checked = 0
    for text in _texts():
        sentences = model._sentence_words(text)
        if len(sentences) <= 2:
            continue
        runs = [a + b for a, b in zip(sentences, sentences[1:], strict=False)]
        plain = max(float(_plain_margins(model, text_buckets(words), model._detectors).max()) for words in runs)
        assert model._best_window(sentences) == pytest.approx(plain, abs=1e-12), text
        checked += 1
    assert checked > 10
