"""Training the English theme and sentiment classifiers from the shared NHS files (reproducible)."""
from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, minibatch

from . import architecture
from .confidence import CONFIDENCE
from .data import Example, fold_of, load_examples, load_stories
from .ensemble import (
    CUE_WEIGHTS,
    LINEAR_FILE,
    SENTIMENT_FEATURES,
    clause_units,
    linear_theme_scores,
    sentiment_features,
    theme_score,
)
from .linear import BUCKETS, Featuriser, LinearModel, sparse_rows
from .reproducible import one_blas_thread
from .scoring import score_texts
from .story_themes import STORY_DIR
from .taxonomy import SENTIMENTS, THEMES
from .themes import find_cues

SEED = 13
FOLDS = 4
LEARN_RATE = 0.005
# Regularisation of the linear models (inverse strength), chosen on out-of-fold macro-F1 / accuracy.
THEME_C = 16.0
SENTIMENT_C = 4.0
# Weight of a v6 row (the only file with "mixed") when the sentiment stacker is fitted.
V6_WEIGHT = 3.0
# Weight of one of the project's written stories (`data.load_stories`) against one NHS comment in the sentiment
# models: six hundred stories against some twelve thousand comments. On the English story set en_stories 3 read
# better than 1 (story sentiment 0.741 against 0.714); the comments' val split gave 0.865 against 0.871.
STORY_WEIGHT = 3
CUE_TOLERANCE = 0.005
DEFAULT_OUTPUT = Path(__file__).parent / "models" / "en"
DECISIONS_FILE = "decisions.json"


def build_pipeline() -> Language:
    """A blank English pipeline (tokenizer only) with a multi-label theme classifier and a 3-class sentiment classifier."""
    nlp = spacy.blank("en")
    for name, factory, exclusive, ngrams, length in (
        ("themes", "textcat_multilabel", False, 2, 2**16),
        ("sentiment", "textcat", True, 2, 2**15),
    ):
        model = {"@architectures": architecture.ARCHITECTURE, "exclusive_classes": exclusive,
                 "ngram_size": ngrams, "length": length}
        pipe = nlp.add_pipe(factory, name=name, config={"model": model})
        for label in THEMES if name == "themes" else SENTIMENTS:
            pipe.add_label(label)
    return nlp


def weight(ex: Example) -> float:
    """How much one example counts in training (a written story: STORY_WEIGHT comments)."""
    return STORY_WEIGHT if ex.source == "story" else 1.0


def _sample_weight(examples: list[Example]) -> numpy.ndarray | None:
    """Each example's `weight` for scikit-learn, or None when all are 1 (the comments alone train as before)."""
    weights = numpy.array([weight(ex) for ex in examples])
    return weights if (weights != 1.0).any() else None


def _repeated(egs: list[tuple[Example, SpacyExample]]) -> list[SpacyExample]:
    """spaCy's examples, each as many times as its weight (spaCy's update takes no weights)."""
    return [eg for ex, eg in egs for _ in range(int(weight(ex)))]


def _theme_examples(nlp: Language, examples: list[Example]) -> list[SpacyExample]:
    # Phase-1 rows name only a main topic (themes None); tried as masked positives, they lowered dev macro-F1.
    return _repeated([(ex, SpacyExample.from_dict(nlp.make_doc(ex.text),
                                                  {"cats": {code: float(code in ex.themes) for code in THEMES}}))
                      for ex in examples if ex.themes is not None])


def _sentiment_examples(nlp: Language, examples: list[Example]) -> list[SpacyExample]:
    return _repeated([(ex, SpacyExample.from_dict(nlp.make_doc(ex.text),
                                                  {"cats": {s: float(s == ex.sentiment) for s in SENTIMENTS}}))
                      for ex in examples if ex.sentiment])


def _dealt_in(order: list[SpacyExample], extra: list[SpacyExample], rng: random.Random) -> list[SpacyExample]:
    """`order` as it is, with `extra` shuffled into it at places drawn from `rng`."""
    if not extra:
        return order
    places = set(rng.sample(range(len(order) + len(extra)), len(extra)))
    dealt, kept = iter(rng.sample(extra, len(extra))), iter(order)
    return [next(dealt) if i in places else next(kept) for i in range(len(order) + len(extra))]


def tune_decisions(probs: list[dict[str, float]], linear: numpy.ndarray,
                   examples: list[Example]) -> dict[str, dict[str, float]]:
    """Per theme, the weight of a cue match and the threshold on the combined score that maximise F1, and (under
    CONFIDENCE) the calibration of the tags' confidence.

    The combined score (`ensemble.theme_score`) adds the spaCy classifier's log-odds, the linear
    model's margin and the cue weight; both choices are made on out-of-fold predictions (never
    the validation split).
    """
    cues = [find_cues(ex.text, "en") for ex in examples]
    decisions: dict[str, dict[str, float]] = {}
    # Out of fold, at each theme's chosen weight and threshold: the margin, whether a cue matched, the gold.
    margins = numpy.zeros((len(examples), len(THEMES)))
    cued = numpy.zeros((len(examples), len(THEMES)), dtype=bool)
    golds = numpy.zeros((len(examples), len(THEMES)), dtype=bool)
    for j, code in enumerate(THEMES):
        gold = numpy.array([code in (ex.themes or ()) for ex in examples])
        p = numpy.array([row[code] for row in probs])
        has_cue = numpy.array([code in c for c in cues])
        best = choose_cue_weight(lambda weight: theme_score(p, linear[:, j], has_cue, weight), gold)
        decisions[code] = {"threshold": best[1], "cue_weight": best[2], "oof_f1": round(best[0], 3)}
        margins[:, j], cued[:, j], golds[:, j] = theme_score(p, linear[:, j], has_cue, best[2]) - best[1], has_cue, gold
    decisions[CONFIDENCE] = calibrate_confidence(margins, cued, golds, [decisions[code]["cue_weight"] for code in THEMES])
    return decisions


def best_threshold(scores: numpy.ndarray, gold: numpy.ndarray, lowest: float = 0.6) -> tuple[float, float]:
    """The F1 and the threshold on `scores` that maximise F1 against `gold`, among the scores' quantiles from
    `lowest` (most comments have few themes: below 0.6 a threshold would tag four texts in ten)."""
    best = (-1.0, 0.0)
    for threshold in numpy.unique(numpy.round(numpy.quantile(scores, numpy.linspace(lowest, 0.998, 120)), 3)):
        hits = scores >= threshold
        tp = int((hits & gold).sum())
        f1 = 2 * tp / (2 * tp + int((hits != gold).sum())) if tp else 0.0
        if f1 > best[0]:
            best = (f1, float(threshold))
    return best


def choose_cue_weight(scores_at: Callable[[float], numpy.ndarray], gold: numpy.ndarray,
                      lowest: float = 0.6) -> tuple[float, float, float]:
    """(F1, threshold, cue weight) of one theme: `scores_at(weight)` gives its scores at each of CUE_WEIGHTS."""
    by_weight = {weight: best_threshold(scores_at(weight), gold, lowest) for weight in CUE_WEIGHTS}
    # Within CUE_TOLERANCE of the best F1 the largest cue weight wins: a cue is readable evidence,
    # and it keeps short texts ("Lovely staff") tagged where the classifiers hesitate.
    top = max(f1 for f1, _ in by_weight.values())
    weight = max(w for w, (f1, _) in by_weight.items() if f1 >= top - CUE_TOLERANCE)
    return by_weight[weight][0], by_weight[weight][1], weight


def calibrate_confidence(margins: numpy.ndarray, cued: numpy.ndarray, gold: numpy.ndarray,
                         cue_weights: list[float]) -> dict[str, float | dict[str, float]]:
    """A tag's confidence as how often such tags are right, out of fold: a logistic regression, over the tags of
    every theme together, on the classifiers' margin (the margin less the cue's weight), whether a cue matched and
    the theme (some themes' tags are right far more often than others').
    The logistic of the bare margin said 0.93 on average for tags right 0.71 of the time on the val split; a cue's
    weight (up to 50) makes the bare margin a poor measure of how sure a tag is."""
    from sklearn.linear_model import LogisticRegression

    tagged = margins >= 0
    classifiers = margins - numpy.asarray(cue_weights) * cued
    themes = numpy.broadcast_to(numpy.arange(len(THEMES)), margins.shape)[tagged]
    inputs = numpy.column_stack([classifiers[tagged], cued[tagged], numpy.eye(len(THEMES))[themes]])
    fit = LogisticRegression(C=1.0, max_iter=1000).fit(inputs, gold[tagged])  # C 1: a rare theme's offset stays near the others'
    slope, cue, *offsets = fit.coef_[0]
    return {"slope": round(float(slope), 4), "cue": round(float(cue), 4), "intercept": round(float(fit.intercept_[0]), 4),
            "themes": {code: round(float(offset), 4) for code, offset in zip(THEMES, offsets, strict=True)}}


def fit_linear_themes(features: Featuriser, examples: list[Example]) -> LinearModel:
    """One-vs-rest logistic regressions (class-balanced) over hashed n-grams, on the fully labelled (v6) rows."""
    from sklearn.linear_model import LogisticRegression

    labelled = [ex for ex in examples if ex.themes is not None]
    matrix = sparse_rows(features.batch([ex.text for ex in labelled]))
    sample_weight = _sample_weight(labelled)
    weights = numpy.zeros((BUCKETS, len(THEMES)), dtype=numpy.float32)
    bias = numpy.zeros(len(THEMES), dtype=numpy.float32)
    for j, code in enumerate(THEMES):
        gold = numpy.array([code in (ex.themes or ()) for ex in labelled])
        if gold.all() or not gold.any():
            bias[j] = 5.0 if gold.all() else -5.0
            continue
        model = LogisticRegression(C=THEME_C, class_weight="balanced", solver="liblinear", max_iter=2000,
                                   random_state=SEED).fit(matrix, gold, sample_weight=sample_weight)
        weights[:, j] = model.coef_[0]
        bias[j] = model.intercept_[0]
    return LinearModel(weights, bias, THEMES)


def fit_linear_sentiment(features: Featuriser, examples: list[Example]) -> LinearModel:
    """A multinomial logistic regression over hashed n-grams on every sentiment-labelled row of both files."""
    from sklearn.linear_model import LogisticRegression

    rows = [ex for ex in examples if ex.sentiment]
    matrix = sparse_rows(features.batch([ex.text for ex in rows]))
    gold = numpy.array([SENTIMENTS.index(ex.sentiment or "") for ex in rows])
    weights = numpy.zeros((BUCKETS, len(SENTIMENTS)), dtype=numpy.float32)
    bias = numpy.zeros(len(SENTIMENTS), dtype=numpy.float32)
    present = sorted(set(gold.tolist()))
    if len(present) < 2:
        bias[present] = 5.0
        return LinearModel(weights, bias, SENTIMENTS)
    model = LogisticRegression(C=SENTIMENT_C, max_iter=3000).fit(matrix, gold, sample_weight=_sample_weight(rows))
    coef = model.coef_ if len(present) > 2 else numpy.vstack([-model.coef_[0] / 2, model.coef_[0] / 2])
    intercept = model.intercept_ if len(present) > 2 else numpy.array([-model.intercept_[0] / 2,
                                                                       model.intercept_[0] / 2])
    for row, label in enumerate(present):
        weights[:, label] = coef[row]
        bias[label] = intercept[row]
    for label in set(range(len(SENTIMENTS))) - set(present):
        bias[label] = -10.0
    return LinearModel(weights, bias, SENTIMENTS)


def tune_sentiment(features: numpy.ndarray, examples: list[Example]) -> dict[str, list]:
    """A small multinomial stacker over the out-of-fold sentiment features (v6 rows weigh more: they carry "mixed";
    written stories by their `weight`)."""
    from sklearn.linear_model import LogisticRegression

    gold = numpy.array([SENTIMENTS.index(ex.sentiment or "") for ex in examples])
    weights = numpy.array([V6_WEIGHT if ex.source == "v6" else weight(ex) for ex in examples])
    present = sorted(set(gold.tolist()))
    coef = numpy.zeros((len(SENTIMENTS), features.shape[1]))
    intercept = numpy.full(len(SENTIMENTS), -10.0)
    if len(present) >= 2:
        model = LogisticRegression(C=1.0, max_iter=3000).fit(features, gold, sample_weight=weights)
        if len(present) > 2:
            coef, intercept = model.coef_, model.intercept_
        else:
            for row, label in enumerate(present):
                sign = 1.0 if row else -1.0
                coef[label] = sign * model.coef_[0] / 2
                intercept[label] = sign * model.intercept_[0] / 2
    return {"features": list(SENTIMENT_FEATURES), "coef": numpy.round(coef, 6).tolist(),
            "intercept": numpy.round(intercept, 6).tolist()}


def fit(examples: list[Example], epochs: int, log: Callable[[str], None]) -> Language:
    """A pipeline trained on `examples` from a fixed seed."""
    fix_random_seed(SEED)
    # The comments' order comes from one generator, as before there were stories; the written stories are dealt
    # into the sentiment examples from a generator of their own. So adding stories, which teach sentiment only,
    # leaves the theme classifier (and its tuned decisions) as the comments alone train it.
    rng, story_rng = random.Random(SEED), random.Random(SEED + 1)
    nlp = build_pipeline()
    theme_egs = _theme_examples(nlp, examples)
    sent_egs = _sentiment_examples(nlp, [ex for ex in examples if ex.source != "story"])
    story_egs = _sentiment_examples(nlp, [ex for ex in examples if ex.source == "story"])
    optimizer = nlp.initialize()
    # The sparse linear models are undertrained at spaCy's default rate (dev F1 still rising after 16 epochs).
    optimizer.learn_rate = LEARN_RATE
    log(f"training on {len(theme_egs)} theme and {len(sent_egs) + len(story_egs)} sentiment examples")
    for epoch in range(epochs):
        losses: dict[str, float] = {}
        for name, egs in (("themes", theme_egs), ("sentiment", sent_egs)):
            rng.shuffle(egs)
            if name == "sentiment":
                egs = _dealt_in(egs, story_egs, story_rng)
            with nlp.select_pipes(enable=[name]):
                for batch in minibatch(egs, size=32):
                    nlp.update(batch, sgd=optimizer, drop=0.0, losses=losses)
        log(f"  epoch {epoch + 1}/{epochs}: " + ", ".join(f"{k} loss {v:.2f}" for k, v in losses.items()))
    return nlp


def train(data_dir: Path | None = None, output: Path = DEFAULT_OUTPUT, epochs: int = 8,
          log: Callable[[str], None] = print, stories: Path | None = None) -> Path:
    """Train on everything but the validation split, and, given a folder of the project's written stories
    (`stories`, e.g. `data.STORIES_FOLDER`), on their sentiment, and save the pipelines, linear models and
    decisions; then, from the stories' themes, the story reading beside them (`story_themes_train`).

    Every combining choice (theme thresholds and cue weights, the sentiment stacker) comes from
    out-of-fold predictions (FOLDS folds) over the same data: several thousand labelled texts
    instead of a few hundred in a dev split, so rare themes get stable ones.
    """
    with one_blas_thread():
        return _train(data_dir, output, epochs, log, stories)


def _train(data_dir: Path | None, output: Path, epochs: int, log: Callable[[str], None],
           stories: Path | None) -> Path:
    # The stories teach the sentiment models only. Their themes too (weight 1 or 3) raised the themes of stories
    # (macro-F1 0.58 -> 0.71) but cost the comments 0.025 of it (0.661 -> 0.634-0.636 on the val split), most in
    # family, organisation and dignity, which the stories' writers tagged more freely than the NHS coders.
    examples = load_examples(data_dir, "train") + load_examples(data_dir, "dev") \
        + ([replace(ex, themes=None) for ex in load_stories(stories)] if stories else [])
    labelled = [i for i, ex in enumerate(examples) if ex.themes is not None]
    rated = [i for i, ex in enumerate(examples) if ex.sentiment]
    features = Featuriser()
    cats: dict[int, dict[str, float]] = {}
    linear_themes = numpy.zeros((len(examples), len(THEMES)), dtype=numpy.float32)
    sent_features = numpy.zeros((len(examples), len(SENTIMENT_FEATURES)))
    for k in range(FOLDS):
        log(f"fold {k + 1}/{FOLDS}")
        train_part = [ex for ex in examples if fold_of(ex.text, FOLDS) != k]
        model = fit(train_part, epochs, log)
        themes_model = fit_linear_themes(features, train_part)
        sentiment_model = fit_linear_sentiment(features, train_part)
        held = [i for i, ex in enumerate(examples) if fold_of(ex.text, FOLDS) == k]
        texts = [examples[i].text for i in held]
        # Scored as the analyser scores them (story or clause maximum), so the decisions fit their use.
        scored = score_texts(model, texts)
        units = [clause_units(sc.sents) for sc in scored]
        linear_themes[held] = linear_theme_scores(themes_model, features, texts, units)
        sent_features[held] = sentiment_features(sentiment_model, features, texts, [sc.cats for sc in scored])
        for i, sc in zip(held, scored, strict=True):
            cats[i] = sc.cats
    decisions: dict[str, object] = dict(tune_decisions([cats[i] for i in labelled], linear_themes[labelled],
                                                       [examples[i] for i in labelled]))
    decisions["sentiment"] = tune_sentiment(sent_features[rated], [examples[i] for i in rated])
    log("theme out-of-fold F1: " + ", ".join(f"{c} {decisions[c]['oof_f1']}" for c in THEMES))  # type: ignore[index]
    log("final model")
    nlp = fit(examples, epochs, log)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    linear_dir = output / LINEAR_FILE
    linear_dir.mkdir(exist_ok=True)
    fit_linear_themes(features, examples).save(linear_dir / "themes.npz")
    fit_linear_sentiment(features, examples).save(linear_dir / "sentiment.npz")
    (output / DECISIONS_FILE).write_text(json.dumps(decisions, indent=1, sort_keys=True) + "\n")
    # A story reading fits the comment model it was trained beside only: an old one goes.
    shutil.rmtree(output / STORY_DIR, ignore_errors=True)
    if stories:
        from .story_themes_train import train as train_story_themes  # it loads the analyser, which imports this

        train_story_themes(output, stories, data_dir, log)
    log(f"saved to {output}")
    return output
