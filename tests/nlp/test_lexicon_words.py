"""The sentiment lexicon reads the words of ASCII and non-ASCII text alike (its ASCII pattern is a fast path)."""
from __future__ import annotations

import re

import pytest

from feedback_app.nlp.sentiment import _lower_words, lexicon_counts

UNICODE_WORD = re.compile(r"\w+")
TEXTS = [
    "Staff weren't helpful", "Nurse_1 was kind 24/7, ward 3B", "The café staff were rude", "İstanbul-born GP",
    "Ärztin sehr freundlich, Wartezeit schrecklich", "KELVIN \u212a sign", "", "  ...  ", "don't DON'T won't",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_are_those_of_the_unicode_pattern(text: str) -> None:
    assert _lower_words(text) == UNICODE_WORD.findall(text.lower().replace("n't", " not"))


@pytest.mark.parametrize(("text", "lang", "counts"), [
    ("Staff weren't helpful", "en", (0, 1)),  # "n't" negates: praise flipped to a complaint
    ("The café staff were rude and unhelpful", "en", (0, 2)),  # a non-ASCII word does not hide the others
    ("Great nurses, awful food", "en", (1, 1)),
    ("Das Personal war nicht freundlich", "de", (0, 1)),
    ("Ärztin sehr freundlich, Wartezeit schrecklich", "de", (1, 1)),
    # Words of stories more than of survey comments, rare in the training data.
    ("The ward was filthy and the toilets smelly", "en", (0, 2)),
    ("A nurse shouted at him and I was fobbed off", "en", (0, 2)),
    ("The room was spotless and the staff gentle and thoughtful", "en", (3, 0)),
    ("The cleaner was not calming", "en", (0, 0)),  # a job and a word that only looks like praise
])
def test_lexicon_counts_read_praise_and_complaints(text: str, lang: str, counts: tuple[int, int]) -> None:
    assert lexicon_counts(text, lang) == counts


NEGATION_EDGES = [
    "not good", "not not good", "never rude", "no", "good not", "not a very good", "not a very nice good",
    "nothing was bad and nothing was good", "without help, cannot fault them", "dont like, didnt care",
    "hardly helpful hardly rude never never", "wasnt", "Staff weren't helpful; can't fault them",
    "not good good good good", "good not bad not rude not", "no no no kind", "n't",
]


def _example_texts() -> list[str]:
    from feedback_app.nlp.data import default_data_dir, load_examples

    return [e.text for e in load_examples()][:3000] if (default_data_dir() / "nhs_v6_train.csv").exists() else []


def test_english_counts_read_negation_as_the_word_by_word_reading() -> None:
    """The English fast path (polar words and negators only) counts what reading every word in order does."""
    from feedback_app.nlp.sentiment import _counts_in_order, _english_counts

    texts = NEGATION_EDGES + TEXTS + _example_texts()
    for text in texts:
        words = _lower_words(text)
        assert _english_counts(words) == _counts_in_order(words, "en"), text
    assert lexicon_counts("not a very good", "en") == (0, 1)  # the third word after a negator flips
    assert lexicon_counts("not a very nice good", "en") == (1, 1)  # the fourth does not


CLAUSE_EDGES = [
    "Not. Good", "not; good", "Lovely staff but not helpful", "never - rude, but kind", "It wasn't good but can't fault",
    "don't.Good!won't", "ΟΔΟΣ.Β but fine; not ΑΣ. good", "İstanbul trip but not İZMİR; great", "no\nbad\n\nkind",
    "...not good... but nice!!", "Rude; nothing.  Kind however not", "", "  ", "good", "  Not good.  ",
]


def test_story_and_clause_counts_are_those_of_the_story_and_each_clause() -> None:
    """Counting a story's lexicon cues from its clauses' words gives what counting the story and each clause does."""
    from feedback_app.nlp.ensemble import clause_units
    from feedback_app.nlp.sentiment import split_units, story_and_clause_counts

    across = 0
    for text in CLAUSE_EDGES + TEXTS + _example_texts():
        spans = clause_units(split_units(text))
        story, clauses = story_and_clause_counts(text, spans)
        assert story == lexicon_counts(text, "en"), text
        assert clauses == [lexicon_counts(text[a:b], "en") for a, b in spans], text
        across += story != tuple(map(sum, zip((0, 0), *clauses)))
    assert across >= 2  # "Not. Good", "not; good": a negation reaches into the next clause in the story only


@pytest.mark.parametrize(("text", "feeling"), [
    ("The toilets were grubby and smelled of urine.", "negative"),
    ("The room was spotless.", "positive"),
])
def test_a_theme_told_in_story_words_carries_their_feeling(text: str, feeling: str) -> None:
    from feedback_app.nlp import analyse

    themes = {tag.code: tag.sentiment.label for tag in analyse(text, "en").themes}
    assert themes.get("environment") == feeling
