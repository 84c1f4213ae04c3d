"""The shipped English analysis beside the issue's baselines, on the same validation split, in one run.

    .venv/bin/python bench/nlp_baselines.py

Fits TF-IDF baselines on the train and dev splits of the shared files (what `flask nlp train` learns from) and
scores them and the shipped analyser on the val split: theme macro-F1 over the eleven themes (v6 rows) with a
TF-IDF + linear SVM per theme, and story sentiment accuracy per file with TF-IDF + logistic regression, on word
n-grams as the issue states them and on word and character n-grams, the strongest n-gram baseline we found.
Prints each figure, the shipped analyser's beside it and their ratio, and the mixed class's recall, the class
that sets the ceiling on v6 (its "3" on a five-point scale also holds neutral and off-topic answers).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feedback_app.nlp import analyse_many  # noqa: E402
from feedback_app.nlp.data import Example, load_examples  # noqa: E402
from feedback_app.nlp.taxonomy import THEMES  # noqa: E402

V6_WEIGHT = 3.0  # as train.V6_WEIGHT: the v6 rows are the only ones that carry "mixed"


def vectoriser(chars: bool):
    """TF-IDF over word uni- and bigrams, with character 2-5-grams as well when `chars`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    if not chars:
        return words
    return FeatureUnion([("words", words),
                         ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True))])


def macro_f1(predicted: numpy.ndarray, gold: numpy.ndarray) -> float:
    """Mean F1 over the themes with support (columns)."""
    scores = []
    for j in range(gold.shape[1]):
        if not gold[:, j].any():
            continue
        tp = int((predicted[:, j] & gold[:, j]).sum())
        wrong = int((predicted[:, j] != gold[:, j]).sum())
        scores.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(numpy.mean(scores))


def theme_baseline(train: list[Example], val: list[Example], chars: bool) -> numpy.ndarray:
    """TF-IDF + class-balanced linear SVM, one per theme, fitted on the fully labelled rows."""
    from sklearn.svm import LinearSVC

    rows = [ex for ex in train if ex.themes is not None]
    vec = vectoriser(chars)
    x = vec.fit_transform([ex.text for ex in rows])
    xv = vec.transform([ex.text for ex in val])
    out = numpy.zeros((len(val), len(THEMES)), dtype=bool)
    for j, code in enumerate(THEMES):
        gold = numpy.array([code in (ex.themes or ()) for ex in rows])
        out[:, j] = LinearSVC(C=0.5, class_weight="balanced").fit(x, gold).predict(xv)
    return out


def sentiment_baseline(train: list[Example], val: list[Example], chars: bool) -> list[str]:
    """TF-IDF + multinomial logistic regression on every rated row, v6 rows weighted as in training."""
    from sklearn.linear_model import LogisticRegression

    rows = [ex for ex in train if ex.sentiment]
    vec = vectoriser(chars)
    x = vec.fit_transform([ex.text for ex in rows])
    weight = numpy.array([V6_WEIGHT if ex.source == "v6" else 1.0 for ex in rows])
    model = LogisticRegression(C=1.0, max_iter=3000).fit(x, [ex.sentiment for ex in rows], sample_weight=weight)
    return list(model.predict(vec.transform([ex.text for ex in val])))


def accuracy(predicted: list[str], val: list[Example], source: str | None) -> tuple[float, int]:
    """Accuracy on the rated rows of one file (or both), and how many rows."""
    pairs = [(p, ex.sentiment) for p, ex in zip(predicted, val, strict=True)
             if ex.sentiment and (source is None or ex.source == source)]
    return sum(p == g for p, g in pairs) / len(pairs), len(pairs)


def mixed_recall(predicted: list[str], val: list[Example]) -> str:
    pairs = [p for p, ex in zip(predicted, val, strict=True) if ex.sentiment == "mixed"]
    return f"{sum(p == 'mixed' for p in pairs)}/{len(pairs)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the shared files")
    args = parser.parse_args()
    train = load_examples(args.data_dir, "train") + load_examples(args.data_dir, "dev")
    val = load_examples(args.data_dir, "val")
    analyses = analyse_many([ex.text for ex in val], ["en"] * len(val))
    themed = [k for k, ex in enumerate(val) if ex.themes is not None]
    gold = numpy.array([[code in (val[k].themes or ()) for code in THEMES] for k in themed])
    shipped_themes = numpy.array([[code in {t.code for t in analyses[k].themes} for code in THEMES] for k in themed])
    shipped_sentiment = [a.sentiment.label for a in analyses]
    shipped_f1 = macro_f1(shipped_themes, gold)
    print(f"val split: {len(val)} texts, {len(themed)} with the eleven themes (v6)\n")
    print(f"{'theme macro-F1 (v6)':44s} {'baseline':>8s} {'shipped':>8s} {'ratio':>6s}")
    for name, chars in (("TF-IDF words + linear SVM", False), ("TF-IDF words and characters + linear SVM", True)):
        f1 = macro_f1(theme_baseline(train, [val[k] for k in themed], chars), gold)
        print(f"{name:44s} {f1:8.3f} {shipped_f1:8.3f} {shipped_f1 / f1:6.2f}")
    print(f"\n{'sentiment accuracy':44s} {'file':>6s} {'rows':>5s} {'baseline':>8s} {'shipped':>8s} {'ratio':>6s}"
          f" {'mixed found (baseline / shipped)':>34s}")
    for name, chars in (("TF-IDF words + logistic regression", False),
                        ("TF-IDF words and characters + logistic regr.", True)):
        predicted = sentiment_baseline(train, val, chars)
        for source in ("v6", "phase1", None):
            base, rows = accuracy(predicted, val, source)
            ours, _ = accuracy(shipped_sentiment, val, source)
            mixed = f"{mixed_recall(predicted, val)} / {mixed_recall(shipped_sentiment, val)}" if source == "v6" else ""
            print(f"{name:44s} {source or 'both':>6s} {rows:5d} {base:8.3f} {ours:8.3f} {ours / base:6.2f} {mixed:>34s}")


if __name__ == "__main__":
    main()
