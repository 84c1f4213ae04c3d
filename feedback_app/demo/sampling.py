"""Who tells which story about which services: the choices the demo seed and the bulk seed share."""
from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ..models import AuthorRole, Service
from ..models import ServiceKind as K
from .places import TOWNS
from .writer import ServiceRef, StoryDraft, fft_for

# Care pathways a story may follow, in the order the person went through them.
PATHWAYS: tuple[tuple[K, ...], ...] = (
    (K.GP_PRACTICE, K.HOSPITAL, K.CARE_HOME),
    (K.URGENT_CARE_LINE, K.AMBULANCE, K.HOSPITAL),
    (K.AMBULANCE, K.HOSPITAL),
    (K.GP_PRACTICE, K.MENTAL_HEALTH),
    (K.HOSPITAL, K.CARE_HOME),
    (K.GP_PRACTICE, K.COUNSELLING),
)
AUTHOR_ROLES = (AuthorRole.PATIENT, AuthorRole.CARER, AuthorRole.STAFF, AuthorRole.OTHER)
AUTHOR_ROLE_WEIGHTS = (0.56, 0.30, 0.06, 0.08)
LANGUAGE_OF_COUNTRY = {"GB": "en", "DE": "de"}


def service_refs(services: Iterable[Service]) -> list[ServiceRef]:
    """Plain records of the services, for the writer and the bulk seeder."""
    return [ServiceRef(s.id, s.name, s.kind, s.town, s.country) for s in services]


class ServiceDeck:
    """Draws the services a story is about: one service, or now and then a care pathway in one town or country."""

    def __init__(self, services: list[ServiceRef], popularity: Mapping[int, float], pathway_share: float) -> None:
        self.services = services
        self.weights = [popularity[s.id] for s in services]
        self.pathway_share = pathway_share
        self.by_country_kind: dict[tuple[str, K], list[ServiceRef]] = {}
        for service in services:
            self.by_country_kind.setdefault((service.country, service.kind), []).append(service)

    def draw(self, rng: random.Random) -> list[ServiceRef]:
        """The services of one story, in the order the person used them."""
        first = rng.choices(self.services, self.weights)[0]
        if rng.random() < self.pathway_share:
            pathway = self._pathway_through(first, rng)
            if pathway:
                return pathway
        return [first]

    def _pathway_through(self, first: ServiceRef, rng: random.Random) -> list[ServiceRef] | None:
        pathways = [p for p in PATHWAYS if p[0] is first.kind]
        if not pathways:
            return None
        chosen = [first]
        for kind in rng.choice(pathways)[1:]:
            candidates = self.by_country_kind.get((first.country, kind), [])
            # A pathway stays local: a service in the same town, else in the same region, else no pathway at all
            # (nobody is driven by ambulance from Plymouth to a ward in Leeds).
            nearby = ([s for s in candidates if s.town == first.town]
                      or [s for s in candidates if TOWNS[s.town].region == TOWNS[first.town].region])
            if not nearby:
                return None
            chosen.append(rng.choice(nearby))
        return chosen


def draw_author_role(rng: random.Random) -> AuthorRole:
    """Who tells the story: mostly patients, then carers and relatives."""
    return rng.choices(AUTHOR_ROLES, AUTHOR_ROLE_WEIGHTS)[0]


def draw_language(rng: random.Random, country: str, foreign_share: float = 0.0) -> str:
    """The language people write in about a service in ``country`` (a few write in the other one)."""
    language = LANGUAGE_OF_COUNTRY[country]
    if rng.random() < foreign_share:
        return "en" if language == "de" else "de"
    return language


def story_fields(draft: StoryDraft, rng: random.Random, rating: int, author_role: AuthorRole, language: str,
                 experienced_on: date) -> dict[str, Any]:
    """The columns of a Story that its author fills in, from a written draft."""
    return {
        "title": draft.title, "body": draft.body, "what_was_good": draft.what_was_good,
        "what_could_be_improved": draft.what_could_be_improved, "how_it_felt": draft.how_it_felt,
        "experienced_on": experienced_on, "author_role": author_role, "pseudonym": draft.pseudonym,
        "language": language, "rating_overall": rating, "fft_answer": fft_for(rating, rng),
    }
