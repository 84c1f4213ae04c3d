"""The learned safeguarding classifier beside the rules: what it adds, what it leaves alone, how it is made."""
import math
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

from feedback_app.nlp.safeguarding import find_flags, rule_flags
from feedback_app.nlp.linear import LinearModel
from feedback_app.nlp.safeguarding_model import (
    BUCKETS,
    DECISIONS_FILE,
    DETECTOR,
    GATE,
    KINDS,
    WEIGHTS_FILE,
    WINDOW,
    SafeguardingModel,
    _bigram_parts,
    text_buckets,
    word_buckets,
)

ROOT = Path(__file__).resolve().parents[2]


# Worded unlike any rule (each is checked to pass the rules by), so only the model can find them.
@pytest.mark.parametrize("lang,text", [
    ("en", "Since the move to the new flat my brother has been saying he can't see the point in carrying on "
           "and has given away his things."),
    ("en", "The night carer makes my mother sit in the dark and tells her nobody loves her any more."),
    ("en", "My nephew said the youth worker sends him messages late at night asking him to keep their chats secret."),
    ("en", "Mum's carer has been using her debit card for shopping and won't give back the receipts."),
    ("de", "Mein Sohn sagt seit Wochen, dass er nicht mehr aufstehen will und es keinen Sinn hat, er hat sich "
           "schon verabschiedet."),
    ("de", "Die Nachtschicht lässt meine Oma stundenlang nass liegen, ihre Haut ist schon ganz wund."),
    ("de", "Der Betreuer hat meinem Bruder die Bankkarte weggenommen und hebt jeden Monat Geld ab."),
    ("de", "Mein Vater bekommt abends eine Spritze, damit er nicht mehr aufsteht, obwohl er das nicht möchte."),
])
def test_model_flags_disclosures_the_rules_miss(lang, text):
    assert rule_flags(text) == []
    assert find_flags(text, lang) != []


@pytest.mark.parametrize("lang,text", [
    ("en", "I was forced to wait four hours and the door was locked."),
    ("en", "The physio pushed me to walk further, which helped."),
    ("en", "The receptionist was rude and dismissive on the phone."),
    # Not here: "Mum's dementia care at the home is excellent, they know her by name." It is flagged since the
    # complaints' budget is used in full (thresholds en 0.265 -> -0.47; the exploitation detector gives it -0.39
    # for "the home", "her", "by name"): a false alarm the budget allows, counted in the figures test_rules checks.
    ("en", "I felt like I was banging my head against a brick wall with the complaints team."),
    ("en", "Tied up in red tape for months trying to get a wheelchair assessment."),
    ("de", "Die Wartezeit in der Notaufnahme war viel zu lang, aber die Pflege war freundlich."),
    ("de", "Die Dame an der Anmeldung war sehr kurz angebunden."),
    ("de", "Der Sanitäter hat meinen Arm festgehalten, damit der Zugang sitzt."),
])
def test_hard_negatives_are_not_flagged(lang, text):
    assert find_flags(text, lang) == []


def test_model_span_is_the_disclosing_sentence():
    text = ("The parking was expensive and the café shut early. The night carer makes my mother sit in the dark "
            "and tells her nobody loves her any more. The garden is nice though.")
    flags = find_flags(text, "en")
    assert [text[f.start:f.end] for f in flags] == \
        ["The night carer makes my mother sit in the dark and tells her nobody loves her any more."]


def test_long_story_is_scored_by_runs_of_sentences():
    ordinary = ("The parking was expensive. The café shut early. The nurses were kind. The discharge letter came "
                "late. The physio visited twice. The food was cold. The ward was noisy at night. ")
    disclosure = "The night carer makes my mother sit in the dark and tells her nobody loves her any more."
    text = ordinary + disclosure + " " + ordinary
    assert [text[f.start:f.end] for f in find_flags(text, "en")] == [disclosure]
    assert find_flags(ordinary * 3, "en") == []


def test_long_text_pays_a_penalty_for_its_many_runs():
    model = SafeguardingModel()
    story = " ".join(f"Sentence number {n} says the ward was busy." for n in range(8))
    best, runs = model.best_run(story)
    assert runs == 7
    assert model.decision(story) == pytest.approx(max(best, model.detected(story))
                                                  - model.length_penalty * math.log(runs))
    assert model.length_penalty > 0  # chosen out of fold by training: the shipped model uses one
    short = "The ward was busy. The nurses were kind."
    assert model.decision(short) == max(model.best_run(short)[0], model.detected(short))


# Caught by a kind's own detector where the single "any" detector stays below the threshold (and no rule fires).
@pytest.mark.parametrize("lang,text", [
    ("en", "I keep thinking how easy it would be to step off the platform. The waiting list is six weeks."),
    ("de", "Ich habe schon geschaut, wie viele Schlaftabletten nötig wären."),
])
def test_kind_detectors_find_what_the_any_detector_misses(lang, text):
    model = SafeguardingModel()
    assert rule_flags(text) == []
    assert model.best_run(text)[0] < model.thresholds[lang] <= model.detected(text)
    assert [f.kind for f in find_flags(text, lang)] == ["self_harm"]


def test_kind_detectors_cut_sentences_where_the_any_detector_does():
    # Their runs of sentences must be the same runs, or a long story would be judged on two different cuts.
    model = SafeguardingModel()
    for text in ("One. Two! Three?\nFour", "...Dr. Patel said so!! Then\n\nnothing?", "", "no end at all",
                 "Er sagt: Ich kann nicht mehr. Wirklich nicht...\nBitte helft."):
        ends = [(_bigram_parts(word_buckets(words[0])[0])[1], _bigram_parts(word_buckets(words[-1])[0])[0])
                for words in model._sentence_words(text)]
        assert ends == [(first, last) for _, _, first, last in model._sentence_sums(text)]


def test_kind_detectors_score_a_long_story_as_its_runs_of_two_sentences_scored_apart():
    # The long-story path sums each sentence once and adds the runs from the parts: it must give the margin
    # of scoring every run of WINDOW sentences on its own, bigram across their boundary included.
    model = SafeguardingModel()
    for text in ("Lovely nurses. He said he wants to go to sleep and not wake up. The food was cold!",
                 "Mama ist seit Wochen so still. Sie gibt ihre Sachen weg.\nSie sagt, es lohnt sich nicht mehr."
                 " Der Pflegedienst kommt zu spät.",
                 "A. B. C. D. E. F."):
        sentences = model._sentence_words(text)
        assert len(sentences) > WINDOW
        runs = [[word for sentence in sentences[i:i + WINDOW] for word in sentence]
                for i in range(len(sentences) - WINDOW + 1)]
        apart = max(float(model._margins(text_buckets(words), model._detectors).max()) for words in runs)
        assert model.detected(text) == pytest.approx(apart, abs=1e-12)


def test_kind_detectors_are_read_only_near_the_threshold():
    # "any" gives every text -5; the self-harm detector gives the word "xyzzy" a high margin.
    weights = numpy.zeros((BUCKETS, 1 + 2 * len(KINDS)), dtype=numpy.float32)
    detector = 1 + len(KINDS) + KINDS.index("self_harm")
    weights[list(word_buckets("xyzzy")[1]), detector] = 50.0
    bias = numpy.full(weights.shape[1], -10.0)
    bias[0] = -5.0
    linear = LinearModel(weights, bias, ("any", *KINDS, *(DETECTOR + kind for kind in KINDS)))
    far = SafeguardingModel.from_parts(linear, {"en": -5.0 + GATE + 0.5})
    near = SafeguardingModel.from_parts(linear, {"en": -5.0 + GATE - 0.5})
    assert far.flags("xyzzy", "en") == []  # "any" is more than GATE below: the detectors are not read
    assert [f.kind for f in near.flags("xyzzy", "en")] != []
    assert near.flags("plain words", "en") == []


def test_training_chooses_the_length_penalty_that_recovers_recall():
    # Out of fold, long ordinary stories score high by chance (their best of many runs), which forces a high
    # threshold; a penalty on the log of their runs lets the threshold fall to where short disclosures pass.
    pytest.importorskip("sklearn")
    from feedback_app.nlp.safeguarding_train import MAX_NEAR_MISSES, Case, Scored, choose_length_penalty

    cases, oof = [], []
    for n in range(20):
        cases += [Case("en", f"short disclosure {n}", ("abuse",), "w"), Case("en", f"short ordinary {n}", (), "w"),
                  Case("en", f"long disclosure {n}", ("abuse",), "w"), Case("en", f"long ordinary {n}", (), "w")]
        oof += [Scored(1.0 + n / 100, 1, "abuse"), Scored(-1.0, 1, "abuse"),
                Scored(3.0 + n / 100, 20, "abuse"), Scored(1.5 + n / 100, 20, "abuse")]
    penalty, thresholds = choose_length_penalty(cases, oof, [False] * len(cases), log=lambda line: None)
    assert penalty > 0
    flagged = [o.margin(penalty) >= thresholds["en"] for o in oof]
    assert all(f for k, f in zip(cases, flagged, strict=True) if k.kinds)  # every disclosure, short or long
    assert sum(f for k, f in zip(cases, flagged, strict=True) if not k.kinds) <= MAX_NEAR_MISSES * 40
    unpenalised = choose_length_penalty(cases, [Scored(o.best, 1, o.kind) for o in oof], [False] * len(cases),
                                        log=lambda line: None)
    assert unpenalised[0] == 0.0  # with no long texts there is nothing to pay for


def test_training_takes_the_lightest_length_penalty_within_noise_of_the_best():
    pytest.importorskip("sklearn")
    from feedback_app.nlp.safeguarding_train import PENALTY_TOLERANCE, least_within_noise

    results = {0.5: (1.70, {"en": 1.5}), 1.0: (1.755, {"en": 1.2}), 1.5: (1.76, {"en": 0.9})}
    assert least_within_noise(results) == (1.0, {"en": 1.2})  # 1.755 is within noise of 1.76
    results[1.5] = (1.755 + 2 * PENALTY_TOLERANCE, {"en": 0.9})
    assert least_within_noise(results) == (1.5, {"en": 0.9})  # a real lead wins


def test_rule_flags_keep_their_exact_spans():
    text = "Mum was left lying in her own urine and a carer hit her."
    assert [(f.kind, text[f.start:f.end]) for f in find_flags(text, "en")][:2] == \
        [("neglect", "left lying in her own urine"), ("abuse", "hit her")]


def test_training_is_deterministic(tmp_path):
    pytest.importorskip("sklearn")
    from feedback_app.nlp.safeguarding_train import Case, train

    texts = [("en", "he hit her again and she is scared", ["violence"]), ("en", "the food was cold", []),
             ("en", "she wants to end it all", ["self_harm"]), ("en", "lovely staff, thank you", []),
             ("de", "er hat sie geschlagen", ["violence"]), ("de", "das Essen war kalt", []),
             ("de", "sie will nicht mehr leben", ["self_harm"]), ("de", "sehr nettes Personal", [])]
    cases = [Case(lang, text, tuple(kinds), group) for group in ("a", "b") for lang, text, kinds in texts]
    for run in ("one", "two"):
        train(tmp_path / run, cases, log=lambda line: None)
    for name in (WEIGHTS_FILE, DECISIONS_FILE):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    model = SafeguardingModel(tmp_path / "one")
    assert model.margin("he hit her again") > model.margin("the food was cold")


def test_model_loads_and_scores_without_scikit_learn():
    code = ("import sys; sys.modules['sklearn'] = sys.modules['scipy'] = None\n"
            "from feedback_app.nlp.safeguarding_model import SafeguardingModel\n"
            "print(len(SafeguardingModel().flags('She told me she wants to end it all tonight.', 'en')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_a_model_flag_where_the_rules_read_only_a_benign_reading_is_dropped(monkeypatch):
    from feedback_app.nlp import safeguarding
    from feedback_app.nlp.results import SafeguardingFlag

    class WholeText:  # a model that flags every text, as restraint
        def flags(self, text, lang):
            return [SafeguardingFlag("restraint", 0, len(text))]

    monkeypatch.setattr(safeguarding, "get_model", lambda: WholeText())
    assert find_flags("Der Sanitäter hat meinen Arm festgehalten, damit der Zugang sitzt.", "de") == []
    assert find_flags("She says she never thought about hurting herself.", "en") == []
    assert {f.kind for f in find_flags("The carer hit her. She never thought about hurting herself.", "en")} == \
        {"abuse", "restraint"}  # a rule fires in the flagged passage: the model's flag stays
    assert [f.kind for f in find_flags("Die Nachtschicht lässt sie stundenlang sitzen.", "de")] == ["restraint"]
