from feedback_app.nlp.train import train
from tests.nlp.test_data import PHASE1_HEADER, V6_HEADER


def _tiny_data(folder):
    rows = [f'{i},"{text} {i}",{s},{p},{d},{m}\n' for i, (text, s, p, d, m) in enumerate([
        ("No parking at all", 5, 1, 0, 0), ("Lovely kind nurses", 1, 0, 0, 1),
        ("Discharge was chaotic", 4, 0, 1, 0), ("Friendly staff", 2, 0, 0, 1)] * 10)]
    (folder / "nhs_v6_train.csv").write_text(V6_HEADER + "".join(rows), encoding="utf-8")
    (folder / "nhs_phase1_train.csv").write_text(PHASE1_HEADER + "x,Staff,s,Kind nurses,3\n", encoding="utf-8")


def test_training_is_reproducible(tmp_path):
    _tiny_data(tmp_path)
    first = train(tmp_path, tmp_path / "a", epochs=2, log=lambda _: None)
    second = train(tmp_path, tmp_path / "b", epochs=2, log=lambda _: None)
    assert (first / "themes" / "model").read_bytes() == (second / "themes" / "model").read_bytes()
    assert (first / "decisions.json").read_text() == (second / "decisions.json").read_text()


def test_training_reproduces_the_linear_models_and_the_sentiment_stacker(tmp_path):
    import json

    import numpy

    _tiny_data(tmp_path)
    first = train(tmp_path, tmp_path / "a", epochs=1, log=lambda _: None)
    second = train(tmp_path, tmp_path / "b", epochs=1, log=lambda _: None)
    for name in ("themes.npz", "sentiment.npz"):
        with numpy.load(first / "linear" / name) as a, numpy.load(second / "linear" / name) as b:
            assert all(numpy.array_equal(a[key], b[key]) for key in a.files)
    decisions = json.loads((first / "decisions.json").read_text())
    assert set(decisions["sentiment"]) == {"features", "coef", "intercept"}
    assert {"threshold", "cue_weight", "oof_f1"} <= set(decisions["staff_attitude"])
