"""The trained German theme reading: what it adds to the cue rules, and its training."""
from importlib.util import find_spec

import pytest

from feedback_app.nlp import analyse_many
from feedback_app.nlp.taxonomy import THEMES
from feedback_app.nlp.themes import find_cues


def _themes(text):
    (analysis,) = analyse_many([text], ["de"])
    return {tag.code: tag for tag in analysis.themes}


def test_a_story_about_getting_through_is_tagged_waiting_without_a_waiting_word():
    text = ("Ich bin 81 und gehe seit über dreißig Jahren in diese Praxis. Seit vier Monaten versuche ich, dort "
            "jemanden zu erreichen. Mein Rezept liegt irgendwo herum. Früher war das anders.")
    assert "access_waiting" not in find_cues(text, "de")
    tag = _themes(text)["access_waiting"]
    # With no cue to show, the evidence is the clause that speaks of it.
    evidence = [text[s.start:s.end] for s in tag.evidence]
    assert evidence == ["Seit vier Monaten versuche ich, dort jemanden zu erreichen."]
    assert tag.sentiment.label == "negative"


def test_a_relative_named_in_passing_does_not_make_a_story_about_family():
    text = ("Ich bin mit meiner Tochter in die Kinderambulanz gegangen, weil sie hohes Fieber hatte. Die Ärztin hat "
            "sie gründlich untersucht und die richtige Diagnose gestellt. Nach zwei Tagen mit dem Antibiotikum ging es "
            "ihr besser.")
    assert "family_carers" in find_cues(text, "de")  # the cue rules alone tagged it
    assert set(_themes(text)) == {"care_treatment"}


def test_a_story_about_how_relatives_were_treated_keeps_family():
    text = ("Wir pflegen unseren Sohn seit Jahren zu Hause. Beim Hilfeplangespräch wurden wir als Eltern nicht einmal "
            "gefragt, was wir brauchen. Man hat über unsere Köpfe hinweg entschieden.")
    assert "family_carers" in _themes(text)


def test_a_short_answer_keeps_the_themes_its_cues_name():
    # One or two clauses: the cues read short answers better than a model trained on stories.
    for text, theme in (("Die Medikamente wurden ohne Rücksprache umgestellt.", "communication"),
                        ("Einen Therapieplatz bekommt man frühestens im Herbst.", "access_waiting")):
        assert theme in _themes(text)


def test_confidence_follows_the_evidence():
    # Five cues of one theme across a story against a single passing word of another.
    text = ("Auf der Station war es nachts so laut, dass ich kaum geschlafen habe. Das Zimmer war sauber, aber das "
            "Essen war meistens kalt. Die Pflegekräfte waren freundlich, hatten aber kaum Zeit.")
    themes = _themes(text)
    assert all(0.0 < tag.confidence < 1.0 for tag in themes.values())
    assert themes["environment"].confidence > themes["staff_attitude"].confidence


@pytest.mark.skipif(find_spec("sklearn") is None, reason="training needs scikit-learn")
def test_training_is_reproducible_and_the_analyser_reads_what_it_saved(tmp_path, monkeypatch):
    from feedback_app.nlp import german_sentiment_train, german_themes_train
    from feedback_app.nlp.german_themes import GermanThemes
    from feedback_app.nlp.linear import Featuriser

    files = [german_sentiment_train.TRAINING_SETS[3], german_sentiment_train.CORPUS / "writer_a.jsonl"]
    monkeypatch.setattr(german_themes_train, "training_files", lambda: files)
    german_themes_train.train(tmp_path / "a", log=lambda _: None)
    german_themes_train.train(tmp_path / "b", log=lambda _: None)
    for name in ("themes.npz", "themes.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    model = GermanThemes(Featuriser(), tmp_path / "a")
    text = ("Wir sind um acht in die Notaufnahme gekommen. Um eins saßen wir immer noch im Wartebereich. "
            "Niemand konnte sagen, wie lange es noch dauert.")
    (margins,) = model.margins([text], [find_cues(text, "de")])
    assert THEMES[int(margins.argmax())] == "access_waiting" and margins.max() >= 0


def test_training_never_reads_holdout4():
    from feedback_app.nlp import german_themes_train

    assert not any("holdout4" in path.parts for path in german_themes_train.training_files())
