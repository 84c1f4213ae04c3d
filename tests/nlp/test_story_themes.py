"""The story reading of the themes: long stories read with the story model, comments exactly as before."""
import numpy

from feedback_app.nlp.data import Example
from feedback_app.nlp.linear import Featuriser
from feedback_app.nlp.story_themes import MIN_WORDS, StoryThemes
from feedback_app.nlp.story_themes_train import fit
from feedback_app.nlp.taxonomy import THEMES

STORY = ("My husband had been waiting four months for his hip operation when the hospital rang to cancel it, two "
         "days before. I called to ask for a new date and the receptionist was short with me and said she could not "
         "help. I asked to speak to someone else and she put the phone down. We still have no date and he can barely "
         "walk to the end of the road.")
SHORT = ["The staff were lovely but the wait was awful.", "Lovely staff", "No parking at all.",
         "Waited three hours. Nobody told us why. The nurse was kind though.",
         "Discharge was chaotic and my dad was sent home without his tablets."]


def _comment_model_alone(analyser, texts):
    """The analyses as the analyser gave them before it had a story reading."""
    reading, analyser.story_themes = analyser.story_themes, None
    try:
        return analyser.analyse_many(texts, ["en"] * len(texts))
    finally:
        analyser.story_themes = reading


def test_a_long_story_of_a_rude_receptionist_and_a_cancelled_operation_gets_both_themes(analyser):
    themes = {tag.code for tag in analyser.analyse(STORY, "en").themes}
    assert {"staff_attitude", "access_waiting"} <= themes
    assert "environment" not in themes  # nothing in it is about the building
    # The comment model alone missed the receptionist.
    assert "staff_attitude" not in {tag.code for tag in _comment_model_alone(analyser, [STORY])[0].themes}


def test_short_comments_are_analysed_exactly_as_before(analyser):
    assert analyser.analyse_many(SHORT, ["en"] * len(SHORT)) == _comment_model_alone(analyser, SHORT)


def test_a_text_of_three_short_sentences_keeps_its_comment_margins(analyser):
    reading = analyser.story_themes
    text = "Rude. Slow. Awful staff."
    assert len(Featuriser.words(text)) < MIN_WORDS
    comment = numpy.arange(len(THEMES), dtype=numpy.float32)[None, :]
    margins, taken = reading.margins(analyser.story_scorer, [Featuriser.words(text)], comment)
    assert not taken.any() and numpy.array_equal(margins, comment)


def _story(i, theme):
    words = {"staff_attitude": "The nurse was rude and shouted at my mother on the ward",
             "travel_parking": "The car park was full and the bus from the village never came"}[theme]
    return Example(f"{words} on day {i}. " * 4 + "We went home in the evening after the visit.",
                   frozenset({theme}), None, "negative", "story")


def test_the_story_reading_trains_reproducibly_and_reads_back_as_saved(tmp_path):
    stories = [_story(i, theme) for i in range(12) for theme in ("staff_attitude", "travel_parking")]
    comments = [f"Good service on visit {i}. Staff were fine. Would recommend to friends and family, thank you all."
                * 3 for i in range(12)]
    margins = numpy.zeros((len(stories), len(THEMES)))
    first, second = fit(stories, margins, comments), fit(stories, margins, comments)
    first.save(tmp_path / "a")
    second.save(tmp_path / "b")
    for name in ("model.npz", "decisions.json"):
        assert (tmp_path / "a" / "story" / name).read_bytes() == (tmp_path / "b" / "story" / name).read_bytes()
    loaded = StoryThemes.load(tmp_path / "a")
    texts = [stories[0].text, stories[1].text]
    read, taken = loaded.margins(loaded.scorer(Featuriser()), [Featuriser.words(t) for t in texts],
                                 numpy.zeros((2, len(THEMES))))
    assert taken.all()  # a story, not an NHS comment
    # Each story gets its own theme and not the other's (themes no story has are never read).
    assert [{code for code, m in zip(THEMES, row, strict=True) if m >= 0} for row in read] == \
        [{"staff_attitude"}, {"travel_parking"}]
    assert StoryThemes.load(tmp_path / "missing") is None
