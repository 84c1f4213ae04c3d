"""`flask demo seed --stories N`: many published stories at once, by Core bulk insert, for benchmarks."""
from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select, text

from ..extensions import db
from ..models import (
    Role,
    ServiceKind,
    Story,
    StoryAction,
    StoryEvent,
    StoryStatus,
    User,
    story_services,
)
from ..models.base import utcnow
from .directory import ensure_directory
from .sampling import (
    ServiceDeck,
    draw_author_role,
    draw_language,
    service_refs,
    story_fields,
)
from .timeline import MONTHS_KEPT, experience_month, later, submission_time
from .writer import ServiceRef, write_story

CHUNK_SIZE = 5000
# Busy services draw far more stories than quiet ones; hospitals and GP practices most of all.
_KIND_TRAFFIC = {ServiceKind.HOSPITAL: 2.5, ServiceKind.GP_PRACTICE: 2.0, ServiceKind.AMBULANCE: 1.2}


@dataclass(frozen=True)
class _Profile:
    """How a service fares: its usual quality and whether it is getting better or worse over the three years."""

    quality: float
    trend: float

    def rating(self, rng: random.Random, months_back: int) -> int:
        """An overall rating: happy (4–5) or unhappy (1–3), more often happy where quality is high or rising."""
        recency = 1 - 2 * months_back / (MONTHS_KEPT - 1)  # -1 three years ago ... +1 this month
        happy = 1 / (1 + math.exp(-(1.1 + self.quality + self.trend * recency)))
        if rng.random() < happy:
            return rng.choices((5, 4), (0.65, 0.35))[0]
        return rng.choices((1, 2, 3), (0.45, 0.30, 0.25))[0]


def add_bulk_stories(count: int, seed: int, chunk_size: int = CHUNK_SIZE,
                     progress: Callable[[int], None] | None = None) -> int:
    """Insert ``count`` published stories with their services and events, one transaction per chunk."""
    existing = db.session.scalar(select(func.count()).select_from(Story))
    # Mixing in how many stories exist makes a second run add new stories rather than the same ones again.
    rng = random.Random(f"{seed}-{existing}")
    services = service_refs(ensure_directory(rng))
    db.session.commit()
    deck = ServiceDeck(services, {s.id: rng.lognormvariate(0, 0.8) * _KIND_TRAFFIC.get(s.kind, 1.0)
                                  for s in services}, pathway_share=0.12)
    profiles = {s.id: _Profile(rng.gauss(0, 0.7), rng.gauss(0, 0.6)) for s in services}
    moderator_id = db.session.scalar(select(User.id).where(User.role == Role.MODERATOR).order_by(User.id).limit(1))
    now = utcnow()

    added = 0
    while added < count:
        size = min(chunk_size, count - added)
        _insert_chunk([_write(rng, deck, profiles, now) for _ in range(size)], moderator_id)
        db.session.commit()
        added += size
        if progress:
            progress(size)
    return added


def _write(rng: random.Random, deck: ServiceDeck, profiles: dict[int, _Profile],
           now: datetime) -> tuple[dict, list[ServiceRef]]:
    pathway = deck.draw(rng)
    experienced_on = experience_month(rng, now.date())
    months_back = (now.year - experienced_on.year) * 12 + now.month - experienced_on.month
    rating = profiles[pathway[0].id].rating(rng, months_back)
    language = draw_language(rng, pathway[0].country, foreign_share=0.03)
    author_role = draw_author_role(rng)
    draft = write_story(rng, language, pathway, rating, author_role, experienced_on)
    submitted = submission_time(rng, experienced_on, latest=now - timedelta(hours=6))
    published = later(rng, submitted, now, 1, 72)
    row = story_fields(draft, rng, rating, author_role, language, experienced_on)
    row.update(status=StoryStatus.PUBLISHED, submitted_at=submitted, published_at=published,
               created_at=submitted, updated_at=published)
    return row, pathway


def _insert_chunk(stories: list[tuple[dict, list[ServiceRef]]], moderator_id: int | None) -> None:
    table = Story.__table__
    ids = _reserve_story_ids(len(stories))
    db.session.execute(insert(table), [{"id": story_id, **row} for story_id, (row, _) in zip(ids, stories, strict=True)])
    db.session.execute(insert(story_services), [
        {"story_id": story_id, "service_id": service.id, "position": position}
        for story_id, (_, pathway) in zip(ids, stories, strict=True) for position, service in enumerate(pathway)
    ])
    events = []
    for story_id, (row, _) in zip(ids, stories, strict=True):
        events.append(_event(story_id, None, StoryAction.SUBMIT, None, StoryStatus.PENDING, row["submitted_at"]))
        events.append(_event(story_id, moderator_id, StoryAction.PUBLISH, StoryStatus.PENDING,
                             StoryStatus.PUBLISHED, row["published_at"]))
    db.session.execute(insert(StoryEvent.__table__), events)


def _reserve_story_ids(count: int) -> list[int]:
    """Ids for ``count`` new stories, known before the insert so their services and events can refer to them.

    Cheaper than INSERT ... RETURNING in input order, which on PostgreSQL costs four times the plain insert.
    """
    if db.session.get_bind().dialect.name == "postgresql":
        return list(db.session.scalars(
            text("SELECT nextval(pg_get_serial_sequence('stories', 'id')) FROM generate_series(1, :count)"),
            {"count": count}))
    # SQLite: the write transaction began with BEGIN IMMEDIATE, so nobody else can take these ids meanwhile.
    highest = db.session.scalar(select(func.max(Story.id))) or 0
    return list(range(highest + 1, highest + 1 + count))


def _event(story_id: int, actor_id: int | None, action: StoryAction, from_status: StoryStatus | None,
           to_status: StoryStatus, at: datetime) -> dict:
    return {"story_id": story_id, "actor_id": actor_id, "action": action, "from_status": from_status,
            "to_status": to_status, "reason": None, "changes": None, "created_at": at}
