"""The phrasebooks of both languages, and which themes and sentences fit which kind of service."""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from ..models import ServiceKind as K
from . import frames_de, frames_en, themes_de, themes_en

ALL_KINDS = frozenset(K)
# A sentence tagged with a group is only said about these kinds of service; "+self" (or "self" alone) marks a
# sentence only the person who used the service can say ("my pain"), never a relative telling their story.
KIND_GROUPS: dict[str, frozenset[K]] = {
    "clinical": frozenset({K.HOSPITAL, K.GP_PRACTICE, K.AMBULANCE, K.URGENT_CARE_LINE, K.MENTAL_HEALTH}),
    "ward": frozenset({K.HOSPITAL, K.CARE_HOME, K.MENTAL_HEALTH}),
    "visit": ALL_KINDS - {K.AMBULANCE, K.URGENT_CARE_LINE},
    "booked": frozenset({K.GP_PRACTICE, K.COUNSELLING, K.WELFARE_ADVICE, K.MENTAL_HEALTH, K.DISABILITY_SUPPORT}),
    "phone": frozenset({K.GP_PRACTICE, K.URGENT_CARE_LINE, K.WELFARE_ADVICE, K.COUNSELLING, K.MENTAL_HEALTH}),
    "ambulance": frozenset({K.AMBULANCE}),
    "support": frozenset({K.MENTAL_HEALTH, K.CARE_HOME, K.YOUTH_CENTRE, K.COUNSELLING, K.DISABILITY_SUPPORT,
                          K.WELFARE_ADVICE}),
}

_EVERYTHING = ("staff_attitude", "staff_capacity", "communication", "access_waiting", "care_treatment",
               "coordination", "environment", "travel_parking", "dignity_safety", "family_carers", "organisation")
# What people actually write about each kind of service (nobody reviews the parking of a phone line).
THEMES_BY_KIND: dict[K, tuple[str, ...]] = {
    K.HOSPITAL: _EVERYTHING,
    K.GP_PRACTICE: _EVERYTHING,
    K.AMBULANCE: ("staff_attitude", "communication", "access_waiting", "care_treatment", "coordination",
                  "dignity_safety", "family_carers"),
    K.URGENT_CARE_LINE: ("staff_attitude", "communication", "access_waiting", "care_treatment", "coordination",
                         "organisation"),
    K.MENTAL_HEALTH: _EVERYTHING,
    K.CARE_HOME: _EVERYTHING,
    K.YOUTH_CENTRE: ("staff_attitude", "staff_capacity", "communication", "access_waiting", "environment",
                     "travel_parking", "dignity_safety", "family_carers", "organisation"),
    K.COUNSELLING: ("staff_attitude", "communication", "access_waiting", "care_treatment", "coordination",
                    "environment", "dignity_safety", "organisation"),
    K.DISABILITY_SUPPORT: _EVERYTHING,
    K.WELFARE_ADVICE: ("staff_attitude", "staff_capacity", "communication", "access_waiting", "environment",
                       "travel_parking", "dignity_safety", "organisation"),
}


@dataclass(frozen=True)
class Phrasebook:
    """Everything the story writer says in one language."""

    language: str
    themes: dict[str, dict[str, list[Any]]]
    frames: ModuleType

    def sentences(self, theme: str, key: str, kind: K, by_user: bool = True) -> list[str]:
        """The entries of ``themes[theme][key]`` that fit ``kind`` and the teller (the user, or a relative)."""
        return _fitting(self.language, theme, key, kind, by_user)

    def month_phrase(self, month: int, year: int) -> str:
        """'in March 2025' / 'im März 2025'."""
        return self.frames.MONTH_PHRASE.format(month=self.frames.MONTHS[month - 1], year=year)


def _tagged(entry: str | tuple[str, str]) -> tuple[str, frozenset[K], bool]:
    if isinstance(entry, str):
        return entry, ALL_KINDS, False
    text, tag = entry
    group, _, teller = tag.partition("+")
    if group == "self":
        return text, ALL_KINDS, True
    return text, KIND_GROUPS[group], teller == "self"


PHRASEBOOKS = {"en": Phrasebook("en", themes_en.THEMES, frames_en), "de": Phrasebook("de", themes_de.THEMES, frames_de)}


@cache
def _fitting(language: str, theme: str, key: str, kind: K, by_user: bool) -> list[str]:
    # Cached: the bulk seeder asks the same question hundreds of thousands of times.
    return [text for text, kinds, self_only in map(_tagged, PHRASEBOOKS[language].themes[theme][key])
            if kind in kinds and (by_user or not self_only)]


def themes_for(kind: K, rng: random.Random, count: int, exclude: set[str] = frozenset(),
               by_user: bool = True) -> list[str]:
    """``count`` different themes that people write about for this kind of service."""
    # Only relatives write about how relatives were treated; a patient's "as a carer I..." would ring false.
    skip = set(exclude) | ({"family_carers"} if by_user else set())
    candidates = [theme for theme in THEMES_BY_KIND[kind] if theme not in skip]
    return rng.sample(candidates, min(count, len(candidates)))
