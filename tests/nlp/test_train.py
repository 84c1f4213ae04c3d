import json

from feedback_app.nlp.data import load_examples, load_stories
from feedback_app.nlp.train import STORY_WEIGHT, train
from tests.nlp.test_data import PHASE1_HEADER, V6_HEADER

STORIES = [
    {"text": "My dad was admitted with a chest infection. The nurses on the ward were kind and kept us informed.",
     "themes": ["staff_attitude", "communication"], "sentiment": "positive",
     "theme_sentiments": {"staff_attitude": "positive", "communication": "positive"}},
    {"text": "We waited nine hours in A&E. Nobody told us why, and the toilets were filthy.",
     "themes": ["access_waiting", "communication", "environment"], "sentiment": "negative",
     "theme_sentiments": {"access_waiting": "negative", "communication": "negative", "environment": "negative"}},
]


def _tiny_data(folder, repeat=10):
    rows = [f'{i},"{text} {i}",{s},{p},{d},{m}\n' for i, (text, s, p, d, m) in enumerate([
        ("No parking at all", 5, 1, 0, 0), ("Lovely kind nurses", 1, 0, 0, 1),
        ("Discharge was chaotic", 4, 0, 1, 0), ("Friendly staff", 2, 0, 0, 1)] * repeat)]
    (folder / "nhs_v6_train.csv").write_text(V6_HEADER + "".join(rows), encoding="utf-8")
    (folder / "nhs_phase1_train.csv").write_text(PHASE1_HEADER + "x,Staff,s,Kind nurses,3\n", encoding="utf-8")


def _tiny_stories(folder):
    folder.mkdir()
    (folder / "writer.jsonl").write_text("".join(json.dumps(story) + "\n" for story in STORIES), encoding="utf-8")
    return folder


def _final_model(lines):
    """The log line that counts the final model's examples."""
    return lines[lines.index("final model") + 1]


def test_training_is_reproducible(tmp_path):
    _tiny_data(tmp_path)
    stories = _tiny_stories(tmp_path / "stories")
    first = train(tmp_path, tmp_path / "a", epochs=2, log=lambda _: None, stories=stories)
    second = train(tmp_path, tmp_path / "b", epochs=2, log=lambda _: None, stories=stories)
    assert (first / "themes" / "model").read_bytes() == (second / "themes" / "model").read_bytes()
    assert (first / "decisions.json").read_text() == (second / "decisions.json").read_text()


def test_training_reproduces_the_linear_models_and_the_sentiment_stacker(tmp_path):
    import json

    import numpy

    _tiny_data(tmp_path)
    stories = _tiny_stories(tmp_path / "stories")
    first = train(tmp_path, tmp_path / "a", epochs=1, log=lambda _: None, stories=stories)
    second = train(tmp_path, tmp_path / "b", epochs=1, log=lambda _: None, stories=stories)
    for name in ("themes.npz", "sentiment.npz"):
        with numpy.load(first / "linear" / name) as a, numpy.load(second / "linear" / name) as b:
            assert all(numpy.array_equal(a[key], b[key]) for key in a.files)
    decisions = json.loads((first / "decisions.json").read_text())
    assert set(decisions["sentiment"]) == {"features", "coef", "intercept"}
    assert {"threshold", "cue_weight", "oof_f1"} <= set(decisions["staff_attitude"])


def test_the_written_stories_teach_sentiment_and_weigh_as_several_comments(tmp_path):
    _tiny_data(tmp_path)
    stories = _tiny_stories(tmp_path / "stories")
    read = load_stories(stories)
    assert [(ex.text, ex.themes, ex.sentiment, ex.source) for ex in read] == [
        (s["text"], frozenset(s["themes"]), s["sentiment"], "story") for s in STORIES]
    lines: list[str] = []
    train(tmp_path, tmp_path / "model", epochs=1, log=lines.append, stories=stories)
    without: list[str] = []
    train(tmp_path, tmp_path / "bare", epochs=1, log=without.append, stories=tmp_path / "none")
    # The final model learns from the comments outside the val split, and its sentiment from each story
    # STORY_WEIGHT times (their themes are left out: see train.train).
    comments = load_examples(tmp_path, "train") + load_examples(tmp_path, "dev")
    themed, rated = sum(ex.themes is not None for ex in comments), sum(bool(ex.sentiment) for ex in comments)
    assert _final_model(without) == f"training on {themed} theme and {rated} sentiment examples"
    assert _final_model(lines) == f"training on {themed} theme and {rated + 2 * STORY_WEIGHT} sentiment examples"


def test_the_written_stories_leave_the_theme_classifier_as_the_comments_train_it(tmp_path):
    _tiny_data(tmp_path, repeat=40)  # more rows than one minibatch, so that their order matters
    stories = _tiny_stories(tmp_path / "stories")
    with_stories = train(tmp_path, tmp_path / "with", epochs=2, log=lambda _: None, stories=stories)
    without = train(tmp_path, tmp_path / "without", epochs=2, log=lambda _: None)
    # Stories teach sentiment only: the theme classifier and its tuned decisions must not move when they are added,
    # or a retraining for sentiment would reshuffle which themes a story gets.
    assert (with_stories / "themes" / "model").read_bytes() == (without / "themes" / "model").read_bytes()
    decisions = [json.loads((model / "decisions.json").read_text()) for model in (with_stories, without)]
    assert {code: d for code, d in decisions[0].items() if code != "sentiment"} \
        == {code: d for code, d in decisions[1].items() if code != "sentiment"}
    assert (with_stories / "sentiment" / "model").read_bytes() != (without / "sentiment" / "model").read_bytes()
    assert decisions[0]["sentiment"] != decisions[1]["sentiment"]


def _blas_threads_while(monkeypatch, module, name):
    """Record BLAS's thread count each time `module.name` (a model fit) is called."""
    from threadpoolctl import threadpool_info

    seen: list[int] = []
    fit = getattr(module, name)

    def recording(*args, **kwargs):
        seen.extend(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")
        return fit(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return seen


def test_training_fits_on_one_blas_thread_whatever_the_machine_allows(tmp_path, monkeypatch):
    # With several BLAS threads scikit-learn's sums come in another order and `flask nlp train` on a
    # many-core machine did not rebuild the committed linear models (biases off by up to 0.02).
    from threadpoolctl import threadpool_limits

    from feedback_app.nlp import german_sentiment_train as german
    from feedback_app.nlp import train as english

    _tiny_data(tmp_path)
    english_fits = _blas_threads_while(monkeypatch, english, "fit_linear_sentiment")
    german_fits = _blas_threads_while(monkeypatch, german, "fit_linear")
    monkeypatch.setattr(german, "training_files", lambda corpus=None: list(german.TRAINING_SETS[:2]))
    with threadpool_limits(limits=2, user_api="blas"):
        train(tmp_path, tmp_path / "en", epochs=1, log=lambda _: None)
        german.train(tmp_path / "de", log=lambda _: None)
    assert english_fits and set(english_fits) == {1}
    assert german_fits and set(german_fits) == {1}
