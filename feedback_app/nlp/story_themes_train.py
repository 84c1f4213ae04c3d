"""Training the story reading of the themes (`story_themes`) beside a trained comment model (reproducible)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy

from .data import Example, fold_of, load_examples, read_stories
from .evaluate import score_themes
from .linear import BUCKETS, Featuriser, LinearModel, sparse_rows
from .reproducible import one_blas_thread
from .sentiment import split_sentences
from .story_themes import MIN_SENTENCES, MIN_WORDS, STORY_LABEL, StoryThemes
from .taxonomy import THEMES

SEED = 13
FOLDS = 5
# Chosen by leaving one written story file out (writers A and B) and on tests/nlp/data/en_stories:
# regularisation of the story model's themes and of its `story` output, the weight of its theme margins
# beside the comment model's, and the `story` margin a text needs to be read as a story.
THEME_C = 4.0
GATE_C = 1.0
WEIGHT = 2.0
GATE = 0.5


def is_long(text: str) -> bool:
    """At least MIN_SENTENCES sentences and MIN_WORDS words: the texts the story reading may take."""
    return len(split_sentences(text)) >= MIN_SENTENCES and len(Featuriser.words(text)) >= MIN_WORDS


def _logistic(matrix, gold: numpy.ndarray, c: float) -> tuple[numpy.ndarray, float]:  # type: ignore[no-untyped-def]
    """Weights and bias of a class-balanced logistic regression (a constant where `gold` is)."""
    from sklearn.linear_model import LogisticRegression

    if gold.all() or not gold.any():
        return numpy.zeros(BUCKETS, dtype=numpy.float32), 5.0 if gold.all() else -5.0
    model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000,
                               random_state=SEED).fit(matrix, gold)
    return model.coef_[0], float(model.intercept_[0])


def _theme_weights(features: Featuriser, texts: list[str], gold: numpy.ndarray) -> tuple[numpy.ndarray,
                                                                                         numpy.ndarray]:
    matrix = sparse_rows(features.batch(texts))
    fitted = [_logistic(matrix, gold[:, j], THEME_C) for j in range(len(THEMES))]
    return numpy.stack([w for w, _ in fitted], axis=1), numpy.array([b for _, b in fitted])


def _best_threshold(scores: numpy.ndarray, gold: numpy.ndarray) -> float:
    """The threshold on `scores` that maximises F1 (above every score when no threshold finds a gold one)."""
    best = (0.0, float(scores.max()) + 1.0 if len(scores) else 0.0)
    for threshold in numpy.unique(numpy.round(scores, 2)):
        hits = scores >= threshold
        tp = int((hits & gold).sum())
        f1 = 2 * tp / (2 * tp + int((hits != gold).sum())) if tp else 0.0
        if f1 > best[0]:
            best = (f1, float(threshold))
    return best[1]


def fit(stories: list[Example], comment_margins: numpy.ndarray, comments: list[str]) -> StoryThemes:
    """The story reading from the written `stories` (with the comment model's margins of them) and the long NHS
    `comments` its `story` output learns to tell apart from them.

    Each theme's threshold is chosen on the long stories' out-of-fold margins (FOLDS folds), the comment model's
    margin plus WEIGHT times the story model's, so that it fits texts the story model has not seen.
    """
    features = Featuriser()
    texts = [ex.text for ex in stories]
    gold = numpy.array([[code in (ex.themes or ()) for code in THEMES] for ex in stories])
    folds = numpy.array([fold_of(text, FOLDS) for text in texts])
    held_out = numpy.zeros(gold.shape)
    for k in range(FOLDS):
        inside, outside = numpy.flatnonzero(folds != k), numpy.flatnonzero(folds == k)
        if len(outside) and len(inside):
            weights, bias = _theme_weights(features, [texts[i] for i in inside], gold[inside])
            held_out[outside] = numpy.asarray(sparse_rows(features.batch([texts[i] for i in outside])) @ weights) + bias
    long = numpy.array([is_long(text) for text in texts], dtype=bool)
    combined = comment_margins + WEIGHT * held_out
    thresholds = numpy.array([_best_threshold(combined[long, j], gold[long, j]) for j in range(len(THEMES))])
    weights, bias = _theme_weights(features, texts, gold)
    long_stories = [text for text, keep in zip(texts, long, strict=True) if keep]
    story_weights, story_bias = _logistic(sparse_rows(features.batch(long_stories + comments)),
                                          numpy.arange(len(long_stories) + len(comments)) < len(long_stories), GATE_C)
    model = LinearModel(numpy.column_stack([weights, story_weights]), numpy.append(bias, story_bias),
                        [*THEMES, STORY_LABEL])
    return StoryThemes(model, WEIGHT, thresholds.astype(numpy.float32), GATE)


def long_comments(data_dir: Path | None) -> list[str]:
    """The long NHS comments outside the validation split (both files)."""
    return [ex.text for ex in load_examples(data_dir, "train") + load_examples(data_dir, "dev") if is_long(ex.text)]


def _reading_margins(reading: StoryThemes, texts: list[str], margins: numpy.ndarray) -> tuple[numpy.ndarray,
                                                                                            numpy.ndarray]:
    """`StoryThemes.margins` of texts."""
    return reading.margins(reading.scorer(Featuriser()), [Featuriser.words(text) for text in texts], margins)


def _read_with(reading: StoryThemes | None, margins: numpy.ndarray, texts: list[str]) -> list[set[str]]:
    """Each text's themes: the comment margins, or the story reading's for the long texts it takes."""
    out = margins.copy()
    long = [k for k, text in enumerate(texts) if len(split_sentences(text)) >= MIN_SENTENCES]
    if reading is not None and long:
        out[long] = _reading_margins(reading, [texts[k] for k in long], margins[long])[0]
    return [{code for code, m in zip(THEMES, row, strict=True) if m >= 0} for row in out.tolist()]


def cross_validate(files: dict[str, list[Example]], margins: dict[str, numpy.ndarray], comments: list[str],
                   log: Callable[[str], None]) -> dict[str, dict[str, float]]:
    """Theme macro-F1 of each written story file, comment model alone and with a story reading trained on the
    other files: {file: {"comments": ..., "stories": ..., "taken": share of the file read as stories}}."""
    out = {}
    for name, held in files.items():
        others = [ex for other, exs in files.items() if other != name for ex in exs]
        other_margins = numpy.vstack([margins[other] for other in files if other != name])
        reading = fit(others, other_margins, comments)
        texts = [ex.text for ex in held]
        gold = [set(ex.themes or ()) for ex in held]
        long = [k for k, text in enumerate(texts) if len(split_sentences(text)) >= MIN_SENTENCES]
        taken = _reading_margins(reading, [texts[k] for k in long], margins[name][long])[1]
        out[name] = {"comments": score_themes(gold, _read_with(None, margins[name], texts))[1],
                     "stories": score_themes(gold, _read_with(reading, margins[name], texts))[1],
                     "taken": float(taken.sum()) / len(texts)}
        log(f"{name}: theme macro-F1 {out[name]['comments']:.3f} -> {out[name]['stories']:.3f} "
            f"({out[name]['taken']:.0%} read as stories)")
    return out


def train(model_dir: Path, stories: Path, data_dir: Path | None, log: Callable[[str], None] = print,
          validate: bool = False) -> StoryThemes | None:
    """Train the story reading beside the comment model saved in `model_dir` and save it there (`--cross-validate`:
    first each story file scored by a reading trained on the others); None when there is nothing to learn from."""
    from .pipeline import Analyser

    files = read_stories(stories)
    comments = long_comments(data_dir)
    if not any(is_long(ex.text) for exs in files.values() for ex in exs) or not comments:
        log("story themes: no long stories or comments to learn from")
        return None
    analyser = Analyser(model_dir)
    margins = {name: analyser.comment_theme_margins([ex.text for ex in exs]) for name, exs in files.items()}
    with one_blas_thread():
        if validate and len(files) > 1:
            cross_validate(files, margins, comments, log)
        reading = fit([ex for exs in files.values() for ex in exs], numpy.vstack(list(margins.values())), comments)
    reading.save(model_dir)
    log(f"story themes: {sum(map(len, files.values()))} stories, {len(comments)} long comments; saved")
    return reading
