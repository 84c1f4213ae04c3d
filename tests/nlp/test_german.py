"""The German side, measured on German stories written for the project (no open labelled data exists)."""
import pytest

from feedback_app.nlp import analyse_many
from feedback_app.nlp.rule_eval import load_jsonl, score_stories


@pytest.mark.parametrize("subset,theme_floor,sentiment_floor", [("", 0.75, 0.85), ("holdout", 0.65, 0.75), ("holdout2", 0.65, 0.7)])
def test_german_stories_meet_floors(data_dir, subset, theme_floor, sentiment_floor):
    scores = score_stories(load_jsonl(data_dir / subset / "de_stories.jsonl"), analyse_many)
    assert scores["language_accuracy"] == 1.0
    assert scores["theme_macro_f1"] >= theme_floor
    assert scores["sentiment_accuracy"] >= sentiment_floor


def test_german_negation_flips_polarity():
    good, not_good = analyse_many(["Das war gut.", "Das war nicht gut."], ["de", "de"])
    assert good.sentiment.label == "positive" and not_good.sentiment.label == "negative"
