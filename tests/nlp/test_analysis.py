import dataclasses
import json
import re
from pathlib import Path

import pytest

from feedback_app.nlp import THEMES, SafeguardingFlag, SentenceSentiment, Sentiment, analyse, analyse_many
from feedback_app.nlp.alternation import EachGroup
from feedback_app.nlp.criticality import rate
from feedback_app.nlp.themes import find_cues


def test_theme_sentiment_follows_its_own_clause_in_english():
    result = analyse("The staff were lovely but the wait was awful.")
    themes = {t.code: t for t in result.themes}
    assert themes["staff_attitude"].sentiment.label == "positive"
    assert themes["access_waiting"].sentiment.label == "negative"


def test_english_cues_leave_out_words_that_mostly_name_other_themes():
    # "ambulance" and "crew" fill patient-transport comments about the staff: as travel cues they were
    # right under a fifth of the time, so they no longer tag travel_parking or count as its evidence.
    found = find_cues("The ambulance crew were lovely.", "en")
    assert "travel_parking" not in found and "staff_attitude" in found
    assert "travel_parking" in find_cues("The car park was full and the taxi was late.", "en")


def _cue_texts(found):
    return {code: [(s.start, s.end) for s in spans] for code, spans in found.items()}


def test_english_cue_of_two_themes_counts_for_both():
    # "questionnaire" is an organisation cue and a communication one (question\w*): each theme's list
    # is matched as if alone, so the word no longer goes to the first theme only.
    found = _cue_texts(find_cues("The questionnaire was pointless.", "en"))
    assert found["communication"] == found["organisation"] == [(4, 17)]


def test_english_cue_inside_another_themes_longer_cue_counts_for_both():
    # "communication" (communication) begins "communication between" (coordination); "treatment"
    # (care_treatment) begins "treatment plan" (coordination).
    text = "There was no communication between the ward and the GP, and no treatment plan."
    found = _cue_texts(find_cues(text, "en"))
    assert found["communication"] == [(13, 26)]
    assert found["care_treatment"] == [(63, 72)]
    assert found["coordination"] == [(13, 34), (63, 77)]


@pytest.mark.parametrize("text", [
    "ab abc b bc c abcd", "b abc", "abc abc bc", "a b c", "cb ab bc abcd c", "abcd abc b",
])
def test_each_group_matches_as_its_own_pass(text):
    # Same word in two groups, a group's cue at and inside another's longer cue, and a group's own
    # matches never overlapping: what one finditer per group finds, in any order of groups.
    for groups in ({"x": "a b|ab", "y": "ab|b c|bc|b", "z": "abc|c|ab"},
                   {"z": "abc|c|ab", "y": "ab|b c|bc|b", "x": "a b|ab"}):
        alone = {(name, m.start(), m.end()) for name, pattern in groups.items()
                 for m in re.finditer(rf"\b(?=\w)(?:{pattern})\b", text)}
        assert set(EachGroup(groups, r"\b").matches(text)) == alone


def test_theme_sentiment_follows_its_own_clause_in_german():
    result = analyse("Die Schwestern waren sehr freundlich, aber die Wartezeit war eine Zumutung.")
    themes = {t.code: t for t in result.themes}
    assert result.language == "de"
    assert themes["staff_attitude"].sentiment.label == "positive"
    assert themes["access_waiting"].sentiment.label == "negative"
    assert result.sentiment.label == "mixed"


@pytest.mark.parametrize("text,label", [
    ("The nurses were kind and caring, thank you so much.", "positive"),
    ("Rude staff, waited five hours and nobody told us anything.", "negative"),
    ("Das Personal war sehr freundlich und kompetent.", "positive"),
    ("Die Wartezeit war viel zu lang und der Arzt unfreundlich.", "negative"),
])
def test_story_sentiment(text, label):
    assert analyse(text).sentiment.label == label


def test_offsets_index_the_text_exactly():
    text = "  Dr Patel was great!\n\nBut parking at the hospital costs a fortune; I waited 3 hours. "
    result = analyse(text)
    for sentence in result.sentences:
        assert text[sentence.start:sentence.end].strip() == text[sentence.start:sentence.end]
    for tag in result.themes:
        assert tag.code in THEMES and 0.0 <= tag.confidence <= 1.0 and tag.evidence
        assert all(0 <= s.start < s.end <= len(text) for s in tag.evidence)
    assert [text[p.start:p.end] for p in result.pii] == ["Patel"]
    assert -1.0 <= result.sentiment.score <= 1.0


def test_to_dict_has_the_tag_command_shape():
    data = analyse("Nurse Jackie was kind but the food was cold.").to_dict()
    assert set(data) == {"language", "sentiment", "themes", "criticality", "pii", "safeguarding"}
    assert set(data["sentiment"]) == {"label", "score"}
    assert all(set(t) == {"code", "confidence", "sentiment"} for t in data["themes"])
    assert data["pii"] == [{"type": "PERSON", "start": 6, "end": 12}]
    json.dumps(data)


def test_results_are_frozen():
    result = analyse("Fine.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.criticality = 3  # type: ignore[misc]


def test_analyse_many_keeps_order_and_honours_given_languages():
    texts = ["Sehr gut", "Very good", "", "Die Pflege war gut"]
    results = analyse_many(texts, ["de", None, None, "en"])
    assert [r.language for r in results] == ["de", "en", "en", "en"]
    assert results[2].themes == () and results[2].sentiment.label == "mixed"
    assert analyse_many([]) == []


def test_an_english_analysis_does_not_depend_on_its_batch():
    # A story re-tagged alone (`flask nlp retag`) must get the very score it got in the upload's batch; the
    # stacker's whole-batch matrix product differed in the last bits for about one text in seven.
    path = Path(__file__).resolve().parents[2] / "corpus" / "stories" / "en" / "writer_a.jsonl"
    stories = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:120]]
    together = analyse_many(stories, batch_size=64)
    assert [analyse(text, "en") for text in stories] == together


@pytest.mark.parametrize("text,expected", [
    ("Everything was perfect, thank you.", 0),
    ("My husband was hit by a carer.", 5),
    ("Mein Vater wurde nachts fixiert.", 5),
    ("The misdiagnosis nearly killed my mother and the complaint was ignored. Awful care.", 4),
])
def test_criticality(text, expected):
    assert analyse(text).criticality == expected


def test_criticality_rises_with_criticism():
    def clause(label, score):
        return SentenceSentiment(0, 1, Sentiment(label, score))

    text = "some story"
    praise = rate(Sentiment("positive", 0.9), [clause("positive", 0.9)], [], text)
    aside = rate(Sentiment("positive", 0.5), [clause("positive", 0.9), clause("negative", -0.6)], [], text)
    mixed = rate(Sentiment("mixed", 0.0), [clause("positive", 0.9), clause("negative", -0.6)], [], text)
    harsh = rate(Sentiment("negative", -0.9), [clause("negative", -0.9), clause("negative", -0.8)], [], text)
    harm = rate(Sentiment("negative", -0.9), [clause("negative", -0.9)], [], "he nearly died")
    flagged = rate(Sentiment("positive", 0.9), [], [SafeguardingFlag("abuse", 0, 3)], text)
    assert praise == 0 < aside <= mixed < harsh < harm < flagged == 5


def test_redacted_text_replaces_each_detail():
    result = analyse("Call Mrs Hughes on 07700 900123.")
    assert result.redacted_text == "Call Mrs [PERSON] on [PHONE]."
