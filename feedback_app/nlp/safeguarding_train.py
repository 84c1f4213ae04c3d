"""Training the safeguarding classifier (`flask nlp train-safeguarding`); needs scikit-learn.

Data: the written corpora (corpus/safeguarding/*.jsonl, one writer per file), the hand-written sets
under tests/nlp/data (never independent/sealed*), and the NHS comments as light English negatives
(those the rules flag are dropped: about 1% of them are real disclosures).
Thresholds are chosen out of fold, grouped by writer, so they are scored on a writer the model has
not seen, and on rules OR model, as the flags are given.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy

from .data import load_examples
from .linear import LinearModel
from .rule_eval import load_jsonl
from .safeguarding import rule_flags
from .safeguarding_model import (
    BUCKETS,
    DECISIONS_FILE,
    DETECTOR,
    GATE,
    KINDS,
    MODEL_DIR,
    WEIGHTS_FILE,
    SafeguardingModel,
    bigram_bucket,
    word_buckets,
    words_of,
)
from .sentiment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = ROOT / "corpus" / "safeguarding"
# Ordinary complaints as people post them (no disclosures, no near-misses written to fool a detector).
COMPLAINTS_DIR = ROOT / "corpus" / "ordinary"
COMPLAINTS = "complaints:"
# The sets the rules were tuned on; usable for training, but their rule recall is in-sample.
RULE_SETS = ("", "holdout", "holdout2", "independent/dev")
C = 8.0
NHS_WEIGHT, ORDINARY_WEIGHT = 0.1, 3.0
# The issue allows 10% false alarms on ordinary complaints. The writers' ordinary texts are mostly near-misses
# written to fool a detector (idioms, lawful restraint explained, falls handled well): they may cost more. The NHS
# comments should stay near 3%.
MAX_FALSE_ALARMS, MAX_NEAR_MISSES, MAX_NHS = 0.10, 0.15, 0.03
# Candidate penalties on the log of a long text's number of sentence runs (`SafeguardingModel.decision`).
LENGTH_PENALTIES = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5)
# Balanced recall (summed over both languages) that counts as a tie: about the standard error of the
# out-of-fold recall of ~2,000 disclosures per language.
PENALTY_TOLERANCE = 0.01
# The length penalty `train` uses, fixed rather than chosen: the choice among LENGTH_PENALTIES moves within noise
# from one corpus to the next (1.25, 1.0, 0.75), and the lighter ones cost complaints and long stories on the
# independent sets (corpus/held-out/README.md). None chooses it again out of fold.
LENGTH_PENALTY: float | None = 1.25


@dataclass(frozen=True)
class Case:
    """One training text: language, text, gold kinds, its group (writer or set) and its weight."""

    lang: str
    text: str
    kinds: tuple[str, ...]
    group: str
    weight: float = 1.0


def load_cases(corpus_dir: Path = CORPUS_DIR, rules_data: Path = ROOT / "tests" / "nlp" / "data",
               nhs_dir: Path | None = None, nhs: bool = True,
               complaints_dir: Path = COMPLAINTS_DIR) -> list[Case]:
    """Every training case: corpora by writer file, ordinary complaints, the rule-tuned sets, and NHS negatives."""
    cases = []
    for prefix, folder in (("", corpus_dir), (COMPLAINTS, complaints_dir)):
        for path in sorted(folder.glob("*.jsonl")) if folder.exists() else []:
            cases += [Case(r["lang"], r["text"], tuple(r["kinds"]), prefix + path.stem,
                           1.0 if r["kinds"] else ORDINARY_WEIGHT) for r in load_jsonl(path)]
    for name in RULE_SETS:
        path = rules_data / name / "safeguarding.jsonl"
        if path.exists():
            cases += [Case(r["lang"], r["text"], tuple(r["kinds"]), "rules:" + (name or "main"),
                           1.0 if r["kinds"] else ORDINARY_WEIGHT)
                      for r in load_jsonl(path)]
    if nhs:
        seen: set[str] = set()
        for ex in load_examples(nhs_dir):
            if ex.text not in seen and not rule_flags(ex.text):
                seen.add(ex.text)
                cases.append(Case("en", ex.text, (), "nhs", NHS_WEIGHT))
    return cases


def matrix(texts: list[str]):  # type: ignore[no-untyped-def]
    """CSR matrix of bucket counts scaled by 1/sqrt(features), as `SafeguardingModel` scores a text."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        entries = [word_buckets(w) for w in words_of(text)]
        buckets = [b for _, bs in entries for b in bs]
        buckets += [bigram_bucket(a[0], b[0]) for a, b in zip(entries, entries[1:], strict=False)]
        if not buckets:
            continue
        rows += [i] * len(buckets)
        cols += buckets
        vals += [1.0 / len(buckets) ** 0.5] * len(buckets)
    out = csr_matrix((numpy.asarray(vals, dtype=numpy.float64), (rows, cols)), shape=(len(texts), BUCKETS))
    out.sum_duplicates()
    return out


def _sentences(cases: list[Case]) -> list[Case]:
    """The sentences of ordinary corpus texts as extra negatives: context such as "the food was awful"
    appears around disclosures too, and must not count for them."""
    out = []
    for case in cases:
        spans = split_sentences(case.text)
        if not case.kinds and case.group != "nhs" and len(spans) > 1:
            out += [Case(case.lang, case.text[a:b], (), case.group, case.weight) for a, b in spans]
    return out


def _logistic(x, y: numpy.ndarray, weight: numpy.ndarray, c: float) -> tuple[numpy.ndarray, float]:  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    if y.all() or not y.any():  # a kind missing from a small corpus: a constant answer
        return numpy.zeros(x.shape[1]), 10.0 if y.all() else -10.0
    model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=0)
    model.fit(x, y, sample_weight=weight)
    return model.coef_[0], float(model.intercept_[0])


def fit(cases: list[Case], c: float = C) -> LinearModel:
    """The "any disclosure" model (texts plus ordinary sentences); fitted on disclosures only, one model per
    kind (one-vs-rest) to name the kind; and one detector per kind, its disclosures against ordinary texts."""
    cases = cases + _sentences(cases)
    x = matrix([case.text for case in cases])
    weight = numpy.asarray([case.weight for case in cases])
    disclosure = numpy.asarray([bool(case.kinds) for case in cases])
    of_kind = {kind: numpy.asarray([kind in case.kinds for case in cases]) for kind in KINDS}

    def among(rows: numpy.ndarray, kind: str) -> tuple[numpy.ndarray, float]:
        """The kind against the rest of the chosen rows."""
        return _logistic(x[rows], of_kind[kind][rows], weight[rows], c)

    columns, biases = zip(_logistic(x, disclosure, weight, c),
                          *(among(disclosure, kind) for kind in KINDS),
                          *(among(of_kind[kind] | ~disclosure, kind) for kind in KINDS), strict=True)
    return LinearModel(numpy.stack(columns, axis=1).astype(numpy.float32), numpy.asarray(biases),
                       ("any", *KINDS, *(DETECTOR + kind for kind in KINDS)))


def folds(cases: list[Case]) -> list[str]:
    """The fold of each case: its writer (or rule set); NHS comments spread over the folds by text hash."""
    names = sorted({case.group for case in cases if case.group != "nhs"})
    return [case.group if case.group != "nhs"
            else names[int(hashlib.md5(case.text.encode()).hexdigest()[:8], 16) % len(names)] for case in cases]


@dataclass(frozen=True)
class Scored:
    """A case scored by a model fitted without its fold: best run margin of "any", number of runs, strongest
    kind, and the kind detectors' best run margin."""

    best: float
    runs: int
    kind: str
    detected: float = -math.inf

    def margin(self, length_penalty: float) -> float:
        """The decision margin under a length penalty with the detectors always read."""
        return max(self.best, self.detected) - self._penalty(length_penalty)

    def gated(self, length_penalty: float, threshold: float) -> float:
        """The decision margin as `SafeguardingModel.decision` computes it against `threshold`."""
        penalty = self._penalty(length_penalty)
        return self.margin(length_penalty) if self.best - penalty >= threshold - GATE else self.best - penalty

    def _penalty(self, length_penalty: float) -> float:
        return length_penalty * math.log(self.runs) if self.runs > 1 else 0.0


def out_of_fold(cases: list[Case], c: float = C, log: Callable[[str], None] = print) -> list[Scored]:
    """Each case scored by a model fitted without its fold (its writer)."""
    fold_of = folds(cases)
    out: list[Scored] = [Scored(0.0, 1, "")] * len(cases)
    for name in sorted(set(fold_of)):
        log(f"  fold {name}")
        model = SafeguardingModel.from_parts(fit([k for k, f in zip(cases, fold_of, strict=True) if f != name], c), {})
        for i in (i for i, f in enumerate(fold_of) if f == name):
            out[i] = Scored(*model.best_run(cases[i].text), model.kind(cases[i].text), model.detected(cases[i].text))
    return out


def rates(cases: list[Case], flagged: list[bool], chosen: Callable[[Case], bool]) -> tuple[float, float, int, int]:
    """(recall, false alarms, disclosures, ordinary texts) of `flagged` over the chosen cases."""
    pos = [f for k, f in zip(cases, flagged, strict=True) if chosen(k) and k.kinds]
    neg = [f for k, f in zip(cases, flagged, strict=True) if chosen(k) and not k.kinds]
    return sum(pos) / max(len(pos), 1), sum(neg) / max(len(neg), 1), len(pos), len(neg)


def _honest(cases: list[Case], lang: str) -> Callable[[Case], bool]:
    """The cases a language's decisions are scored on: the writers' corpora, whose rule flags are out of
    sample (the rule-tuned sets only when there are no corpora)."""
    honest = any(k.lang == lang and not k.group.startswith(("rules:", "nhs", COMPLAINTS)) for k in cases)

    def chosen(k: Case) -> bool:
        return (k.lang == lang and k.group != "nhs" and not k.group.startswith(COMPLAINTS)
                and (not honest or not k.group.startswith("rules:")))
    return chosen


def _budgets(cases: list[Case], lang: str) -> list[tuple[Callable[[Case], bool], float]]:
    """Which cases' false alarms are capped for a language, and at what. Ordinary complaints are held to
    MAX_FALSE_ALARMS itself: the issue allows that many and asks for recall ("a missed disclosure is worse
    than a false alarm"). Held one standard error below it (0.083 on 300 complaints), the thresholds gave up
    recall: out of fold en 0.958 -> 0.937, de 0.937 -> 0.922 with the rules of that time; with today's, the
    length penalty chosen moves (1.25 -> 1.5) and out of fold barely differs (en 0.959 / 0.955, de 0.944 /
    0.945), but the unseen writers lose it (writer 12 en 0.907 -> 0.870, de 0.921 -> 0.902; writer 14 en 0.943
    -> 0.930) while unseen complaints stay under the cap either way (independent/ordinary en 0.08 / 0.07, de
    0.027 / 0.03)."""
    def complaint(k: Case) -> bool:
        return k.lang == lang and k.group.startswith(COMPLAINTS)

    budgets = [(complaint, MAX_FALSE_ALARMS)]
    if lang == "en":
        budgets.append((lambda k: k.group == "nhs", MAX_NHS))
    return budgets


def choose_threshold(cases: list[Case], scores: list[float], fired: list[bool], lang: str) -> float:
    """The lowest margin at which rules OR model keep out-of-fold false alarms within MAX_FALSE_ALARMS on
    ordinary complaints, MAX_NEAR_MISSES on the writers' ordinary texts and MAX_NHS on
    the NHS comments: the most recall the false-alarm budgets allow."""
    chosen = _honest(cases, lang)
    budgets = [(chosen, MAX_NEAR_MISSES), *_budgets(cases, lang)]
    best = max(scores) + 1.0
    for threshold in sorted({round(s, 3) for k, s in zip(cases, scores, strict=True) if chosen(k)}, reverse=True):
        flagged = [s >= threshold or r for s, r in zip(scores, fired, strict=True)]
        if any(rates(cases, flagged, among)[1] > cap for among, cap in budgets):
            break
        best = threshold
    return best


def choose_length_penalty(cases: list[Case], oof: list[Scored], fired: list[bool],
                          log: Callable[[str], None] = print,
                          penalties: tuple[float, ...] = LENGTH_PENALTIES) -> tuple[float, dict[str, float]]:
    """The length penalty, with its thresholds, that gives the most recall within the false-alarm budget,
    recall taken as the mean over short texts (one run) and long ones, so that neither is given up for
    the other: short texts are nine in ten of the corpus, but many real stories are long."""
    long = {id(k) for k, o in zip(cases, oof, strict=True) if o.runs > 1}

    def balanced(penalty: float) -> tuple[float, dict[str, float]]:
        scores = [o.margin(penalty) for o in oof]
        thresholds, total = {}, 0.0
        for lang in sorted({k.lang for k in cases}):
            thresholds[lang] = threshold = choose_threshold(cases, scores, fired, lang)
            flagged = [s >= threshold or r for s, r in zip(scores, fired, strict=True)]
            chosen = _honest(cases, lang)
            short_recall = rates(cases, flagged, lambda k, chosen=chosen: chosen(k) and id(k) not in long)[0]
            long_recall = rates(cases, flagged, lambda k, chosen=chosen: chosen(k) and id(k) in long)[0]
            total += (short_recall + long_recall) / 2
        log(f"  length penalty {penalty}: thresholds {thresholds}, balanced recall {total:.3f} (summed over languages)")
        return total, thresholds

    return least_within_noise({p: balanced(p) for p in penalties})


def least_within_noise(results: dict[float, tuple[float, dict[str, float]]]) -> tuple[float, dict[str, float]]:
    """The smallest penalty, with its thresholds, whose balanced recall is within PENALTY_TOLERANCE of the
    best: a missed disclosure in a long story is the worse error, so ties go to the lighter penalty."""
    best = max(total for total, _ in results.values())
    penalty = min(p for p, (total, _) in results.items() if total >= best - PENALTY_TOLERANCE)
    return penalty, results[penalty][1]


def save(model: LinearModel, decisions: dict[str, object], output: Path) -> None:
    """The weights (as `LinearModel.load` reads them) and the decisions with their cross-validated figures."""
    output.mkdir(parents=True, exist_ok=True)
    model.save(output / WEIGHTS_FILE)
    (output / DECISIONS_FILE).write_text(json.dumps(decisions, indent=1, sort_keys=True) + "\n")


def train(output: Path = MODEL_DIR, cases: list[Case] | None = None, c: float = C,
          log: Callable[[str], None] = print) -> dict[str, object]:
    """Cross-validate by writer, choose thresholds per language, fit on everything and save."""
    cases = load_cases() if cases is None else cases
    log(f"{len(cases)} cases: " + ", ".join(f"{g} {sum(1 for k in cases if k.group == g)}"
                                           for g in sorted({k.group for k in cases})))
    oof = out_of_fold(cases, c, log)
    rules = [{f.kind for f in rule_flags(k.text)} for k in cases]
    fired = [bool(r) for r in rules]
    penalties = LENGTH_PENALTIES if LENGTH_PENALTY is None else (LENGTH_PENALTY,)
    penalty, thresholds = choose_length_penalty(cases, oof, fired, log, penalties)
    report = {}
    for lang in sorted({k.lang for k in cases}):
        model = [o.gated(penalty, thresholds[lang]) >= thresholds[lang] for o in oof]
        both = [m or r for m, r in zip(model, fired, strict=True)]
        recall, alarms, _, _ = rates(cases, both, _honest(cases, lang))
        log(f"{lang} all writers: recall {recall:.3f}, false_alarms {alarms:.3f}")
        kinds = [bool(set(k.kinds) & (r | ({o.kind} if m else set())))
                 for k, o, m, r in zip(cases, oof, model, rules, strict=True)]
        for group in sorted({k.group for k in cases if k.lang == lang}):
            def chosen(k: Case, group: str = group, lang: str = lang) -> bool:
                return k.lang == lang and k.group == group

            recall, alarms, npos, nneg = rates(cases, both, chosen)
            report[f"{lang} {group}"] = {
                "recall": round(recall, 3), "false_alarms": round(alarms, 4),
                "rules_recall": round(rates(cases, fired, chosen)[0], 3),
                "rules_false_alarms": round(rates(cases, fired, chosen)[1], 4),
                "kind_recall": round(rates(cases, kinds, chosen)[0], 3), "disclosures": npos, "ordinary": nneg}
            log(f"{lang} {group}: " + ", ".join(f"{k} {v}" for k, v in report[f"{lang} {group}"].items()))
    log(f"thresholds: {thresholds}, length penalty: {penalty}")
    save(fit(cases, c), {"thresholds": thresholds, "length_penalty": penalty, "cross_validation": report}, output)
    return report
