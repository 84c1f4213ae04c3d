"""The German side, measured on German stories written for the project (no open labelled data exists)."""
import re

import pytest

from feedback_app.nlp import analyse_many
from feedback_app.nlp.folding import fold
from feedback_app.nlp.lexicon_de import THEME_CUES
from feedback_app.nlp.rule_eval import load_jsonl, score_stories
from feedback_app.nlp.themes import find_cues


# The first four sets have been read to tune the rules (0.961 / 0.991, 0.979 / 1.000, 0.982 / 1.000 and
# 0.877 / 0.833 in November 2026), and all five train the German models since. holdout4 is for measuring only
# (its texts never read; 0.725 / 0.856, one story's language missed): its floor guards the figure, not a target.
@pytest.mark.parametrize("subset,theme_floor,sentiment_floor,language_floor", [
    ("", 0.93, 0.96, 1.0), ("holdout", 0.93, 0.93, 1.0), ("holdout2", 0.93, 0.93, 1.0),
    ("tuning_long", 0.84, 0.8, 1.0), ("holdout3", 0.79, 0.81, 1.0), ("holdout4", 0.70, 0.83, 0.99),
])
def test_german_stories_meet_floors(data_dir, subset, theme_floor, sentiment_floor, language_floor):
    scores = score_stories(load_jsonl(data_dir / subset / "de_stories.jsonl"), analyse_many)
    assert scores["language_accuracy"] >= language_floor
    assert scores["theme_macro_f1"] >= theme_floor
    assert scores["sentiment_accuracy"] >= sentiment_floor


def test_german_negation_flips_polarity():
    good, not_good = analyse_many(["Das war gut.", "Das war nicht gut."], ["de", "de"])
    assert good.sentiment.label == "positive" and not_good.sentiment.label == "negative"


def _spans(text):
    return {code: [(s.start, s.end) for s in spans] for code, spans in find_cues(text, "de").items()}


def test_german_cue_of_two_themes_counts_for_both():
    # "Wartezimmer" is an environment cue and, through wart\w*, an access_waiting one.
    found = _spans("Das Wartezimmer war voll.")
    assert found["environment"] == found["access_waiting"] == [(4, 15)]


def test_german_cues_match_each_theme_as_its_own_pass(data_dir):
    # The German lists hold no cue inside another theme's longer cue, so that case is checked against
    # one pass per theme over the German stories here, and on the matcher itself in test_analysis.
    for story in load_jsonl(data_dir / "de_stories.jsonl"):
        alone = {code: [m.span() for m in re.finditer(rf"\b(?=\w)(?:{pattern})\b", fold(story["text"]))]
                 for code, pattern in THEME_CUES.items()}
        assert _spans(story["text"]) == {code: spans for code, spans in alone.items() if spans}
