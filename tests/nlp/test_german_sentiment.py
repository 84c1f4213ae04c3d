"""The trained German story sentiment: shipped in the package, used by the analyser, reproducible."""
from __future__ import annotations

from importlib.util import find_spec

import pytest

from feedback_app.nlp.german_sentiment import (
    LINEAR_FILE,
    MODEL_DIR,
    STACKER_FILE,
    GermanSentiment,
    rules_settle,
    spelt,
)
from feedback_app.nlp.sentiment import combine, german_clauses


def test_model_ships_in_the_package_and_is_small():
    for name in (LINEAR_FILE, STACKER_FILE):
        path = MODEL_DIR / name
        assert path.is_file()
        assert path.stat().st_size < 400_000


def test_analyser_loads_the_german_model_once(analyser):
    assert isinstance(analyser.german_sentiment, GermanSentiment)


def test_umlauts_are_spelt_out():
    assert spelt("Ärzte übermüdet, Straße") == "Aerzte uebermuedet, Strasse"


@pytest.mark.parametrize(("text", "label"), [
    # Illness, fear and waiting on the way, praise of the service in the end: the rules read "mixed".
    ("Ich hatte furchtbare Angst und große Schmerzen, als ich in die Klinik kam. Man hat sich rührend um mich "
     "gekümmert, und heute bin ich wieder gesund. Danke an alle auf Station 3.", "positive"),
    # A polite complaint with few lexicon words.
    ("Sehr geehrte Damen und Herren, seit fünf Wochen warte ich auf den Bescheid über die Pflegestufe meiner "
     "Mutter. Auf meine drei Anrufe hat sich bis heute niemand zurückgemeldet.", "negative"),
    ("Das Essen war gut und die Schwestern freundlich, aber die Ärzte hatten nie Zeit für ein Gespräch.", "mixed"),
    ("Super Team, jederzeit wieder!", "positive"),
    ("Nie wieder diese Praxis.", "negative"),
])
def test_german_story_sentiment(analyser, text, label):
    result = analyser.analyse(text, "de")
    assert result.sentiment.label == label
    assert -1.0 <= result.sentiment.score <= 1.0


def test_empty_german_text_stays_mixed(analyser):
    assert analyser.analyse("", "de").sentiment.label == "mixed"


SHORT_WITH_CUE = "Das war nicht gut."  # the rules' label stands: they read the negation
MODELLED = ("Früher war die Praxis toll. Heute ist sie nie erreichbar, und auf Rückrufe wartet man tagelang. "
            "Die Ärztin selbst ist aber freundlich.")


def _rules_settle(text):
    clauses = german_clauses(text).clauses
    return rules_settle(clauses, combine(clauses))


def test_short_text_keeps_the_rules_label_and_a_story_goes_to_the_model():
    assert _rules_settle(SHORT_WITH_CUE)
    assert not _rules_settle(MODELLED)


def test_german_sentiment_does_not_depend_on_the_batch(analyser):
    german = [SHORT_WITH_CUE, MODELLED, "", "Super Team, jederzeit wieder!",
              "Ich hatte furchtbare Angst vor der OP. Die Pflege war liebevoll und die Ärzte nahmen sich Zeit.",
              "Das Essen war gut und die Schwestern freundlich, aber die Ärzte hatten nie Zeit für ein Gespräch. "
              "Beim nächsten Mal gehe ich woanders hin."]
    alone = [analyser.analyse(text, "de").sentiment for text in german]
    # An English comment among them, as in a real upload: the German ones are still scored together.
    together = analyser.analyse_many([*german, "The wait was awful."], [*["de"] * len(german), "en"])
    assert [result.sentiment for result in together[:len(german)]] == alone


@pytest.mark.skipif(find_spec("sklearn") is None, reason="training needs scikit-learn")
def test_training_is_reproducible(tmp_path):
    from feedback_app.nlp import german_sentiment_train as trainer

    stories = [s for s in trainer.load_stories(trainer.TRAINING_SETS[:3])]
    assert "holdout4" not in {part for s in stories for part in s.group.split("/")}
    first, second = trainer.fit_model(stories), trainer.fit_model(stories)
    first[0].save(tmp_path / "a.npz")
    second[0].save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert first[1] == second[1]


def test_training_never_reads_holdout4():
    from feedback_app.nlp import german_sentiment_train as trainer

    assert not any("holdout4" in path.parts for path in trainer.training_files())


@pytest.mark.skipif(find_spec("sklearn") is None, reason="training needs scikit-learn")
def test_a_settings_grid_scores_each_setting_as_it_would_alone():
    # The grid fits each file's linear model once per linear setting and shares it between stacker settings;
    # a setting must score exactly as when it is cross-validated on its own.
    from feedback_app.nlp import german_sentiment_train as trainer

    stories = trainer.load_stories(trainer.TRAINING_SETS[:3])
    settings = [(4.0, 0.3, True), (4.0, 3.0, True)]
    together = trainer.cross_validate(stories, settings, log=lambda line: None)
    for setting in settings:
        alone = trainer.cross_validate(stories, [setting], log=lambda line: None)
        assert together[setting] == alone[setting]
