"""Language detection by the exact difference of evidence decides as the float sums in reading order do."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from feedback_app.nlp import lang
from feedback_app.nlp.lang import _WORD, _float_vote, _word_evidence, detect_language

DATA = Path(__file__).parent / "data"

TEXTS = [
    "", "12345", "Thanks", "Sehr freundlich", "The staff were kind und sehr nett",
    "schlecht schlecht poor poor", "Händler waiting nothing", "ärger ärger ärger the the the",
    "walking talking sitzung", "ok ok ok", "Hoffnung hope nicht not",
]


@pytest.mark.parametrize("text", TEXTS)
def test_exact_lean_decides_as_float_sums(text: str) -> None:
    for default in ("en", "de"):
        assert detect_language(text, default) == _float_vote(_WORD.findall(text.lower()), default)


def test_every_evidence_is_whole_tenths() -> None:
    words = [*lang._EN, *lang._DE, "händler", "sitzung", "walking", "hoffnung", "xyz", "schön", "gently"]
    for word in words:
        for value in _word_evidence(word):
            assert abs(value * 10 - round(value * 10)) < 1e-9


def test_exact_lean_decides_as_float_sums_on_the_test_data() -> None:
    texts = [json.loads(line)["text"] for f in sorted(DATA.rglob("*.jsonl"))
             for line in f.read_text().splitlines() if line.strip()]
    assert texts
    for text in texts:
        assert detect_language(text) == _float_vote(_WORD.findall(text.lower()), "en")
