"""`flask nlp evaluate --rules` prints only the safeguarding figures a set can give."""
from __future__ import annotations

from pathlib import Path

from feedback_app.nlp.rule_eval import report_lines, safeguarding_line

INDEPENDENT = Path(__file__).parent / "data" / "independent"


def _no_stories(*_: object) -> list:
    raise AssertionError("the independent sets hold no labelled stories")


def test_a_set_of_ordinary_complaints_reports_false_alarms_without_a_recall() -> None:
    lines = [line for line in report_lines(INDEPENDENT / "ordinary", _no_stories) if line.startswith("safeguarding")]
    assert [line.split(":")[0] for line in lines] == ["safeguarding de", "safeguarding en"]
    for line in lines:
        assert "false alarms" in line and "(0 disclosures, 300 ordinary)" in line
        assert "recall" not in line


def test_a_mixed_set_reports_recall_and_false_alarms() -> None:
    line = safeguarding_line("en", {"recall": 0.9, "kind_recall": 0.8, "false_alarms": 0.05,
                                    "positives": 10, "negatives": 20})
    assert line == "safeguarding en: recall 0.90, kind recall 0.80, false alarms 0.05 (10 disclosures, 20 ordinary)"


def test_a_set_of_disclosures_only_reports_no_false_alarms() -> None:
    line = safeguarding_line("de", {"recall": 1.0, "kind_recall": 1.0, "false_alarms": 0.0,
                                    "positives": 4, "negatives": 0})
    assert line == "safeguarding de: recall 1.00, kind recall 1.00 (4 disclosures, 0 ordinary)"
