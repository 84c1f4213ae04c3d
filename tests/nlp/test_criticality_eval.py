"""The criticality report against the phase-1 file's graded criticism."""
import csv
from pathlib import Path

from feedback_app.nlp.criticality_eval import criticality_report, graded_rows
from feedback_app.nlp.data import PHASE1_FILE


def _phase1(folder: Path, rows: list[tuple[str, str]]) -> Path:
    path = folder / PHASE1_FILE
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["code", "label", "subcategory", "feedback", "criticality"])
        writer.writeheader()
        for text, criticality in rows:
            writer.writerow({"code": "x", "label": "Staff", "subcategory": "", "feedback": text,
                             "criticality": criticality})
    return path


def test_criticism_grades_map_to_care_opinion_levels_and_unrated_rows_are_left_out(tmp_path: Path) -> None:
    path = _phase1(tmp_path, [("Lovely staff.", "3"), ("Rude nurse.", "-2"), ("Awful, I nearly died.", "-4"),
                              ("Superb.", "0"), ("Typo row.", "-o"), ("", "-1")])
    assert sorted(graded_rows(path, split=None)) == [("Awful, I nearly died.", 4), ("Lovely staff.", 0),
                                                      ("Rude nurse.", 2)]


def test_report_counts_exact_and_near_agreement(tmp_path: Path) -> None:
    path = _phase1(tmp_path, [("Lovely staff.", "3"), ("Rude nurse.", "-2"), ("Awful care.", "-4")])
    guesses = {"Lovely staff.": 0, "Rude nurse.": 2, "Awful care.": 2}
    lines = criticality_report(lambda texts: [guesses[t] for t in texts], path, split=None)
    assert "criticism (2): exact 0.500, within one 0.500, rated 0 0.000" in lines[1]
    assert "praise (1): rated 0 1.000" in lines[2]
    assert lines[-1].split() == ["4", "0", "0", "1", "0", "0", "0"]
