"""The story writer: composes a story's text from the phrasebooks so that it agrees with its rating."""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from ..models import AuthorRole, FftAnswer, ServiceKind
from .phrasebook import PHRASEBOOKS, Phrasebook, themes_for

# How many praised and criticised themes a story of each overall rating mentions: (praise, criticism) options.
_THEME_MIX: dict[int, tuple[tuple[int, int], ...]] = {
    5: ((2, 0), (3, 0), (2, 0)),
    4: ((2, 0), (2, 1), (3, 1)),
    3: ((1, 1), (2, 1), (1, 2)),
    2: ((1, 2), (0, 2), (0, 3)),
    1: ((0, 2), (0, 3), (1, 3)),
}
_FFT_BY_RATING = {5: FftAnswer.VERY_GOOD, 4: FftAnswer.GOOD, 3: FftAnswer.NEITHER, 2: FftAnswer.POOR,
                  1: FftAnswer.VERY_POOR}


class ServiceRef(NamedTuple):
    """What the writer needs to know about a service (a plain tuple, so the bulk seeder needs no ORM objects)."""

    id: int
    name: str
    kind: ServiceKind
    town: str
    country: str


@dataclass
class StoryDraft:
    """A written story, ready to become a Story row; ``themes`` records what it praises and criticises."""

    title: str
    body: str
    what_was_good: str | None
    what_could_be_improved: str | None
    how_it_felt: str | None
    pseudonym: str
    themes: dict[str, str] = field(default_factory=dict)


def fft_for(rating: int, rng: random.Random) -> FftAnswer:
    """The Friends-and-Family answer of someone who gave this overall rating (now and then one step apart)."""
    if rating == 4 and rng.random() < 0.1:
        return FftAnswer.VERY_GOOD
    if rating == 3 and rng.random() < 0.1:
        return FftAnswer.DONT_KNOW
    return _FFT_BY_RATING[rating]


def write_story(rng: random.Random, language: str, services: Sequence[ServiceRef], rating: int,
                author_role: AuthorRole, experienced_on: date) -> StoryDraft:
    """Compose a story about ``services`` (a care pathway, in order) whose tone matches ``rating``."""
    book = PHRASEBOOKS[language]
    praise_count, criticism_count = rng.choice(_THEME_MIX[rating])
    by_user = author_role in (AuthorRole.PATIENT, AuthorRole.STAFF)
    praised = themes_for(services[0].kind, rng, praise_count, by_user=by_user)
    criticised = themes_for(services[-1].kind, rng, criticism_count, exclude=set(praised), by_user=by_user)
    # The rating sets the tone of the ending: one kind word in a one-star story does not make it "mixed".
    sentiment = "negative" if rating <= 2 else ("positive" if not criticised else "mixed")

    story = _Composer(book, rng, services, by_user)
    intro = story.introduction(author_role, experienced_on)
    account = [story.theme_sentence(theme, "pos") for theme in praised]
    if praised and criticised:
        account.append(rng.choice(book.frames.TRANSITIONS))
    account += [story.theme_sentence(theme, "neg") for theme in criticised]
    if rng.random() < 0.7:
        account.append(rng.choice(book.frames.CLOSINGS[sentiment]))

    return StoryDraft(
        title=story.title(praised, criticised, rating),
        body=" ".join(intro) + "\n\n" + " ".join(account),
        what_was_good=story.what_was_good(praised) if rng.random() < 0.85 else None,
        what_could_be_improved=story.what_could_be_improved(criticised) if rng.random() < 0.85 else None,
        how_it_felt=rng.choice(book.frames.FEELINGS[sentiment]) if rng.random() < 0.75 else None,
        pseudonym=rng.choice(book.frames.PSEUDONYMS[author_role.value]).format(town=services[0].town),
        themes={**{theme: "positive" for theme in praised}, **{theme: "negative" for theme in criticised}},
    )


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


class _Composer:
    """The sentences of one story; remembers what it has said so that no sentence appears twice."""

    def __init__(self, book: Phrasebook, rng: random.Random, services: Sequence[ServiceRef], by_user: bool) -> None:
        self.book, self.rng, self.services, self.by_user = book, rng, services, by_user
        self.used: set[str] = set()

    def introduction(self, author_role: AuthorRole, experienced_on: date) -> list[str]:
        frames, first = self.book.frames, self.services[0]
        teller = "self" if self.by_user else "carer"
        relative = self.rng.choice(frames.ACQUAINTANCES if author_role is AuthorRole.OTHER else frames.RELATIVES)
        opener = self.rng.choice(frames.OPENERS[first.kind][teller]).format(
            service=first.name, relative=relative,
            month=self.book.month_phrase(experienced_on.month, experienced_on.year))
        sentences = [frames.STAFF_PREFIX] if author_role is AuthorRole.STAFF else []
        sentences.append(_capitalised(opener))
        if len(self.services) > 1:
            sentences.append(frames.PATHWAY.format(services=frames.PATHWAY_JOIN.join(s.name for s in self.services)))
        return sentences

    def theme_sentence(self, theme: str, polarity: str) -> str:
        """A sentence on ``theme`` about a service of the pathway where that theme applies."""
        fitting = [(service, options) for service in self.services
                   if (options := self.book.sentences(theme, polarity, service.kind, self.by_user))]
        service, options = self.rng.choice(fitting)
        fresh = [option for option in options if option not in self.used] or options
        template = self.rng.choice(fresh)
        self.used.add(template)
        staff, at_place = self.book.frames.KIND_WORDS[service.kind]
        return _capitalised(template.format(staff=staff, at_place=at_place))

    def title(self, praised: list[str], criticised: list[str], rating: int) -> str:
        themes = self.book.themes
        good = self.rng.choice(themes[praised[0]]["title_pos"]) if praised else None
        bad = self.rng.choice(themes[criticised[0]]["title_neg"]) if criticised else None
        if good and bad and rating == 3:
            return self.book.frames.MIXED_TITLE.format(good=good, bad=_lowered(bad, self.book))
        return (good if rating >= 4 or not bad else bad) or ""

    def what_was_good(self, praised: list[str]) -> str | None:
        frames = self.book.frames
        if not praised:
            return self.rng.choice(frames.NOTHING_GOOD) if self.rng.random() < 0.5 else None
        options = [s for s in self.book.sentences(praised[0], "pos", self.services[0].kind, self.by_user)
                   if s not in self.used]
        if not options:
            return None
        staff, at_place = frames.KIND_WORDS[self.services[0].kind]
        return _capitalised(self.rng.choice(options).format(staff=staff, at_place=at_place))

    def what_could_be_improved(self, criticised: list[str]) -> str | None:
        if not criticised:
            return self.rng.choice(self.book.frames.NOTHING_TO_IMPROVE) if self.rng.random() < 0.5 else None
        return " ".join(self.rng.choice(self.book.themes[theme]["improve"]) for theme in criticised[:2])


def _lowered(title: str, book: Phrasebook) -> str:
    # English titles continue a sentence in lower case ("..., but hours of waiting"), except for "I";
    # German ones keep their capitals, since nouns are capitalised.
    if book.frames.LOWER_SECOND_TITLE and not title.startswith("I "):
        return title[:1].lower() + title[1:]
    return title
