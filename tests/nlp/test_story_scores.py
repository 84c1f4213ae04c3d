"""Scoring labelled stories with a sentiment per theme, on a fixture whose figures were worked out by hand."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from feedback_app.nlp.results import Analysis, Sentiment, Span, ThemeTag
from feedback_app.nlp.rule_eval import compare_stories, report_lines, sentiment_misses

CASES = [
    {"text": "Lovely staff but a long wait.", "themes": ["staff_attitude", "access_waiting"], "sentiment": "mixed",
     "theme_sentiments": {"staff_attitude": "positive", "access_waiting": "negative"}},
    {"text": "The ward was filthy.", "themes": ["environment"], "sentiment": "negative",
     "theme_sentiments": {"environment": "negative"}},
    {"text": "The doctor explained it all.", "themes": ["communication"], "sentiment": "positive",
     "theme_sentiments": {"communication": "positive"}},
    {"text": "Funding cuts everywhere.", "themes": ["organisation"], "sentiment": "negative",
     "theme_sentiments": {"organisation": "negative"}},
]


def _tag(code: str, label: str, score: float, start: int = 0) -> ThemeTag:
    return ThemeTag(code, 0.9, Sentiment(label, score), (Span(start, start + 4),))


# What a pretend analysis says of each case: access_waiting missed, environment found where it is not (case 1)
# and with the wrong polarity (case 2, a flip), organisation one step off (case 4).
RESULTS = [
    Analysis("en", Sentiment("mixed", 0.1), themes=(_tag("staff_attitude", "positive", 0.8),
                                                    _tag("environment", "negative", -0.5))),
    Analysis("en", Sentiment("positive", 0.6), themes=(_tag("environment", "positive", 0.7, start=4),)),
    Analysis("en", Sentiment("positive", 0.5), themes=(_tag("communication", "positive", 0.6),)),
    Analysis("de", Sentiment("mixed", -0.2), themes=(_tag("organisation", "mixed", -0.2),)),
]


def test_figures_match_the_hand_count() -> None:
    scores = compare_stories(CASES, RESULTS, "en")
    # F1 per gold theme: staff_attitude 1, access_waiting 0 (missed), environment 2/3 (P 1/2, R 1),
    # communication 1, organisation 1 -> macro (1 + 0 + 2/3 + 1 + 1) / 5.
    assert scores["theme_macro_f1"] == pytest.approx(11 / 15)
    assert scores["sentiment_accuracy"] == 0.5  # cases 1 and 3 right
    assert scores["sentiment_confusion"] == {"positive": {"positive": 1, "mixed": 0, "negative": 0},
                                             "mixed": {"positive": 0, "mixed": 1, "negative": 0},
                                             "negative": {"positive": 1, "mixed": 1, "negative": 0}}
    # Scored over the 4 gold themes found (access_waiting is not, the extra environment of case 1 has no gold):
    # staff_attitude and communication right, environment and organisation wrong.
    assert scores["theme_sentiment_accuracy"] == 0.5
    assert (scores["theme_sentiment_found"], scores["theme_sentiment_gold"]) == (4, 5)
    assert scores["language_accuracy"] == 0.75
    assert scores["texts"] == 4


def test_stories_without_theme_sentiments_have_no_theme_sentiment_accuracy() -> None:
    bare = [{k: v for k, v in case.items() if k != "theme_sentiments"} for case in CASES]
    scores = compare_stories(bare, RESULTS, "en")
    assert scores["theme_sentiment_accuracy"] is None and scores["theme_sentiment_gold"] == 0


def test_a_set_labelled_with_sentiment_alone_reports_no_theme_figure(tmp_path: Path) -> None:
    # tests/nlp/data/independent/negation is such a set: story sentiment is all it measures.
    bare = [{"text": c["text"], "sentiment": c["sentiment"]} for c in CASES]
    (tmp_path / "en_stories.jsonl").write_text("".join(json.dumps(c) + "\n" for c in bare), encoding="utf-8")
    by_text = {c["text"]: r for c, r in zip(CASES, RESULTS, strict=True)}
    assert compare_stories(bare, RESULTS, "en")["theme_macro_f1"] is None
    lines = report_lines(tmp_path, lambda texts, langs: [by_text[t] for t in texts])
    assert lines[0] == "English stories (4): sentiment accuracy 0.500, language 0.750"


def test_misses_come_worst_first() -> None:
    misses = [(m["theme"], m["gold"], m["predicted"]) for m in sentiment_misses(CASES, RESULTS)]
    # Flips first, the one further from its gold pole (environment +0.7, story +0.6) leading; then one step off,
    # the story of case 4 (-0.2 from -1: 0.8) before its organisation tag (-0.2 from -1: 0.8, stable order).
    assert misses == [("environment", "negative", "positive"), (None, "negative", "positive"),
                      (None, "negative", "mixed"), ("organisation", "negative", "mixed")]
    assert sentiment_misses(CASES, RESULTS)[0]["excerpt"] == "The ward was filthy."


def test_report_finds_each_language_by_its_file_name(tmp_path: Path) -> None:
    (tmp_path / "en_stories.jsonl").write_text("".join(json.dumps(c) + "\n" for c in CASES), encoding="utf-8")
    by_text = {c["text"]: r for c, r in zip(CASES, RESULTS, strict=True)}

    def analyse_many(texts: list[str], langs: list[str | None]) -> list[Analysis]:
        assert langs == [None] * len(texts)  # the language is detected, and scored
        return [by_text[t] for t in texts]

    lines = report_lines(tmp_path, analyse_many, misses=2)
    assert lines[0] == ("English stories (4): theme macro-F1 0.733, sentiment accuracy 0.500, theme sentiment "
                        "accuracy 0.500 (over 4 of 5 gold themes, those found), language 0.750")
    assert lines[1:4] == ["  gold positive positive=1 mixed=0 negative=0", "  gold mixed    positive=0 mixed=1 negative=0",
                          "  gold negative positive=1 mixed=1 negative=0"]
    assert lines[4].startswith("English stories, the 2 worst")
    assert lines[5] == "  environment: gold negative, predicted positive (+0.70) | The ward was filthy."
    assert len(lines) == 7
    assert not any(line.startswith("German") for line in lines)  # no de_stories.jsonl here
