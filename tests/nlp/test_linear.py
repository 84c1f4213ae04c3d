"""The hashed n-gram features, the linear models over them and how the English scores combine."""
import numpy
import pytest

from feedback_app.nlp.ensemble import linear_theme_scores, log_softmax, sentiment_features, stack_sentiment
from feedback_app.nlp.linear import BUCKETS, Featuriser, LinearModel, sparse_rows
from feedback_app.nlp.pipeline import DEFAULT_MODEL
from feedback_app.nlp.taxonomy import SENTIMENTS, THEMES

TEXTS = ["The staff were lovely", "", "!!", "Parking was a NIGHTMARE, no spaces at all.", "ok", "Staff were lovely."]


def test_features_fold_case_and_are_stable_across_instances():
    first, second = Featuriser().batch(TEXTS), Featuriser().batch(TEXTS)
    assert numpy.array_equal(first.indices, second.indices) and numpy.array_equal(first.owners, second.owners)
    assert first.count == len(TEXTS) and int(first.indices.max()) < BUCKETS
    assert not numpy.isin([1, 2], first.owners).any()  # texts without words have no features
    shouted, quiet = (sorted(Featuriser().batch([t]).indices.tolist()) for t in ("STAFF WERE LOVELY", "staff were lovely"))
    assert shouted == quiet


def test_scores_match_the_sparse_matrix_training_sees():
    rng = numpy.random.default_rng(0)
    model = LinearModel(rng.normal(size=(BUCKETS, 3)).astype(numpy.float32), numpy.array([0.1, -0.2, 0.3]), "abc")
    features = Featuriser().batch(TEXTS)
    expected = sparse_rows(features) @ model.weights + model.bias
    assert numpy.allclose(model.scores(features), expected, atol=1e-4)
    assert numpy.allclose(model.scores(features)[1], model.bias)  # an empty text scores its bias


def test_joined_model_scores_both_side_by_side(tmp_path):
    rng = numpy.random.default_rng(1)
    one = LinearModel(rng.normal(size=(BUCKETS, 2)).astype(numpy.float32), numpy.zeros(2), "ab")
    two = LinearModel(rng.normal(size=(BUCKETS, 1)).astype(numpy.float32), numpy.ones(1), "c")
    features = Featuriser().batch(TEXTS)
    both = LinearModel.joined([one, two])
    assert both.labels == ("a", "b", "c")
    assert numpy.allclose(both.scores(features), numpy.hstack([one.scores(features), two.scores(features)]))
    one.save(tmp_path / "one.npz")
    assert numpy.allclose(LinearModel.load(tmp_path / "one.npz").scores(features), one.scores(features))


def test_a_theme_scores_its_best_in_the_story_or_any_clause():
    model = LinearModel.load(DEFAULT_MODEL / "linear" / "themes.npz")
    text = "The staff were lovely but the car park was full"
    units = [[(0, 21), (22, len(text))]]
    clause_rows: list = []
    best = linear_theme_scores(model, Featuriser(), [text], units, clause_rows)
    story = model.scores(Featuriser().batch([text]))
    assert clause_rows[0].shape == (2, len(THEMES))
    assert numpy.allclose(best[0], numpy.maximum(story[0], clause_rows[0].max(axis=0)))


def test_sentiment_stacker_gives_probabilities():
    model = LinearModel.load(DEFAULT_MODEL / "linear" / "sentiment.npz")
    assert model.labels == SENTIMENTS
    cats = [{"positive": 0.8, "mixed": 0.1, "negative": 0.1}, {"positive": 0.1, "mixed": 0.1, "negative": 0.8}]
    inputs = sentiment_features(model, Featuriser(), ["Lovely kind nurses", "Rude and awful"], cats)
    stacker = {"coef": numpy.eye(3, inputs.shape[1]).tolist(), "intercept": [0.0, 0.0, 0.0]}
    probs = stack_sentiment(stacker, inputs)
    assert numpy.allclose(probs.sum(axis=1), 1.0)
    assert numpy.allclose(numpy.exp(log_softmax(numpy.zeros((1, 3)))), 1 / 3)


@pytest.mark.parametrize("text,theme", [
    ("The staff were lovely.", "staff_attitude"),
    ("Waited four hours to be seen.", "access_waiting"),
    ("Nowhere to park and the parking charges are a rip off.", "travel_parking"),
    ("The discharge was chaotic and my referral was lost.", "coordination"),
])
def test_combined_model_tags_plain_texts(analyser, text, theme):
    [result] = analyser.analyse_many([text], ["en"])
    tag = {t.code: t for t in result.themes}[theme]
    assert 0.5 <= tag.confidence <= 1.0 and tag.evidence
