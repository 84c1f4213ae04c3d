"""The committed English model: it loads from the package, stays small and meets a floor."""
from pathlib import Path

import pytest

from feedback_app.nlp import analyse_many
from feedback_app.nlp.data import default_data_dir, load_examples
from feedback_app.nlp.evaluate import analyser_predictor, bootstrap_macro_f1, evaluate, score_themes
from feedback_app.nlp.pipeline import DEFAULT_MODEL


def test_committed_model_is_small_and_in_the_package():
    size = sum(p.stat().st_size for p in Path(DEFAULT_MODEL).rglob("*") if p.is_file())
    assert size < 5_000_000
    assert (DEFAULT_MODEL / "decisions.json").exists()


def test_committed_model_knows_obvious_texts(analyser):
    results = analyser.analyse_many(["Could not find anywhere to park, the car park was full.",
                                     "The food was cold and the ward was dirty."], ["en", "en"])
    assert "travel_parking" in {t.code for t in results[0].themes}
    assert "environment" in {t.code for t in results[1].themes}


@pytest.mark.skipif(not (default_data_dir() / "nhs_v6_train.csv").exists(), reason="shared data not present")
def test_committed_model_meets_floor_on_a_validation_slice():
    examples = [e for e in load_examples(split="val") if e.source == "v6"][:300]
    report = evaluate(examples, analyser_predictor(analyse_many, "en"))
    assert report.macro_f1 >= 0.45
    assert report.sentiment_accuracy is not None and report.sentiment_accuracy >= 0.72


@pytest.mark.skipif(not (default_data_dir() / "nhs_v6_train.csv").exists(), reason="shared data not present")
def test_a_theme_tags_confidence_says_how_often_such_tags_are_right():
    # On the validation split (never trained on): the tags' mean confidence is their precision, and the surer half
    # of the tags is right more often than the rest. (The bare margin's logistic said 0.93 for tags right 0.71 of
    # the time, and its surer half was right barely more often.)
    examples = [e for e in load_examples(split="val") if e.source == "v6"]
    tags = [(tag.confidence, tag.code in ex.themes) for ex, result in
            zip(examples, analyse_many([e.text for e in examples], ["en"] * len(examples)), strict=True)
            for tag in result.themes]
    confidence = sum(c for c, _ in tags) / len(tags)
    precision = sum(1 for _, right in tags if right) / len(tags)
    assert abs(confidence - precision) <= 0.05
    tags.sort()
    lower, upper = tags[:len(tags) // 2], tags[len(tags) // 2:]
    assert sum(r for _, r in upper) / len(upper) - sum(r for _, r in lower) / len(lower) >= 0.2


def test_bootstrap_interval_brackets_the_macro_f1_and_is_reproducible():
    gold = [{"staff_attitude"}, {"travel_parking"}, set(), {"staff_attitude", "environment"}] * 25
    predicted = [{"staff_attitude"}, set(), {"environment"}, {"staff_attitude", "environment"}] * 25
    _, macro = score_themes(gold, predicted)
    low, high = bootstrap_macro_f1(gold, predicted, rounds=300)
    assert low <= macro <= high and high - low > 0.01
    assert bootstrap_macro_f1(gold, predicted, rounds=300) == (low, high)
    assert bootstrap_macro_f1(gold, gold, rounds=50) == (1.0, 1.0)
    assert bootstrap_macro_f1([], []) is None


def test_negation_does_not_turn_criticism_into_praise():
    # 200 texts that turn on negation ("nobody listened", "nothing was too much trouble"), written to measure only:
    # 0.720 before the stories of writers G and H taught the models negation, 0.790 after (never read; aggregates
    # only).
    from feedback_app.nlp.rule_eval import load_jsonl, score_stories

    cases = load_jsonl(Path(__file__).parent / "data" / "independent" / "negation" / "en_stories.jsonl")
    assert score_stories(cases, analyse_many, "en")["sentiment_accuracy"] >= 0.77
