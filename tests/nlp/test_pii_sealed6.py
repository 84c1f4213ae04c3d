"""PII on dev7 (tuning) and sealed6 (its measuring partner), written without reading the rules or the other sets.

First contact with dev7, before it was read: German ID numbers 0.92 with the label-list rules, 0.96 with unlabelled
codes counted as IDs by default (English 0.89 -> 1.00); after tuning on dev7 (a person's IBAN, a case kept under a
phone-shaped number) 0.99. sealed6, measured once, never read: German IDs 0.91 -> 0.99, English 0.76 -> 0.94 (16 of
17), precision de 0.99 / en 0.98.
"""
import pytest

from feedback_app.nlp.rule_eval import load_jsonl, score_pii

_ID_MEASURED = {("sealed6", "en"): 0.94}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_dev7_meets_recall_and_precision(data_dir, lang):
    scores = score_pii(load_jsonl(data_dir / "independent" / "dev7" / "pii.jsonl"))[lang]
    for kind in ("PHONE", "EMAIL", "POSTCODE", "ID_NUMBER"):
        assert scores.get(f"recall_{kind}", 1.0) >= 0.95, kind
    assert scores["recall_PERSON"] >= 0.85
    assert scores["precision"] >= 0.80


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sealed6_pii_recall_and_precision(data_dir, lang):
    pii = score_pii(load_jsonl(data_dir / "independent" / "sealed6" / "pii.jsonl"))[lang]
    for kind in ("PHONE", "EMAIL", "POSTCODE"):
        assert pii.get(f"recall_{kind}", 1.0) >= 0.95, kind
    assert pii.get("recall_ID_NUMBER", 1.0) >= min(0.95, _ID_MEASURED.get(("sealed6", lang), 1.0))
    assert pii.get("recall_DATE_OF_BIRTH", 1.0) >= 0.95
    assert pii["recall_PERSON"] >= 0.85
    assert pii["precision"] >= 0.80
