"""The story writer: every kind of service has its sentences, the tone follows the rating, the seed fixes it."""
from __future__ import annotations

import random
from datetime import date

import pytest

from feedback_app.demo.phrasebook import PHRASEBOOKS, THEMES_BY_KIND
from feedback_app.demo.writer import ServiceRef, write_story
from feedback_app.models import AuthorRole, ServiceKind

SERVICES = {kind: ServiceRef(i, f"Demo {kind.value}", kind, "Leeds", "GB") for i, kind in enumerate(ServiceKind)}


@pytest.mark.parametrize("language", PHRASEBOOKS)
def test_every_theme_of_every_kind_has_praise_and_criticism(language):
    book = PHRASEBOOKS[language]
    for kind, themes in THEMES_BY_KIND.items():
        assert book.frames.OPENERS[kind]["self"] and book.frames.OPENERS[kind]["carer"]
        for theme in themes:
            for polarity in ("pos", "neg"):
                assert book.sentences(theme, polarity, kind, by_user=False), (kind, theme, polarity)
                if theme != "family_carers":
                    assert book.sentences(theme, polarity, kind, by_user=True), (kind, theme, polarity)


@pytest.mark.parametrize("language", PHRASEBOOKS)
@pytest.mark.parametrize("kind", ServiceKind)
def test_the_tone_follows_the_rating(language, kind):
    rng = random.Random(7)
    for role in AuthorRole:
        happy = write_story(rng, language, [SERVICES[kind]], 5, role, date(2025, 3, 1))
        unhappy = write_story(rng, language, [SERVICES[kind]], 1, role, date(2025, 3, 1))
        assert set(happy.themes.values()) == {"positive"}
        tones = list(unhappy.themes.values())
        assert tones.count("negative") > tones.count("positive")  # one kind word among the complaints, at most
        assert SERVICES[kind].name in happy.body
        assert "2025" in happy.body and "{" not in happy.body + unhappy.body


def test_relatives_never_speak_of_their_own_pain():
    rng = random.Random(3)
    for _ in range(200):
        story = write_story(rng, "en", [SERVICES[ServiceKind.HOSPITAL]], 1, AuthorRole.CARER, date(2025, 3, 1))
        assert "My pain" not in story.body and "my diet" not in story.body


def test_the_same_seed_writes_the_same_story():
    def written(seed: int) -> str:
        return write_story(random.Random(seed), "de", [SERVICES[ServiceKind.CARE_HOME]], 3, AuthorRole.CARER,
                           date(2025, 3, 1)).body

    assert written(11) == written(11)
    assert written(11) != written(12)
