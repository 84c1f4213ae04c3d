"""The demo stories: about 300, in both languages and every state, each with its full trail of events."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert

from ..extensions import db
from ..models import (
    AuthorRole,
    Service,
    Story,
    StoryAction,
    StoryStatus,
    User,
    story_services,
)
from ..models.base import utcnow
from ..services.lifecycle import Actor, apply_transition
from ..services.stories import hash_token
from .accounts import STAFF_ORGANISATION, DemoCast
from .moderation_phrases import (
    AUTHOR_WITHDRAW_REASONS,
    EDITS,
    MODERATOR_WITHDRAW_REASONS,
    REJECT_REASONS,
)
from .sampling import (
    ServiceDeck,
    draw_author_role,
    draw_language,
    service_refs,
    story_fields,
)
from .timeline import experience_month, later, submission_time
from .writer import ServiceRef, write_story

DEMO_STORY_COUNT = 300
# Care Opinion and the FFT both lean positive, with a second hump of very unhappy stories.
RATING_WEIGHTS = {5: 0.38, 4: 0.22, 3: 0.12, 2: 0.11, 1: 0.17}
STATUS_SHARES = {StoryStatus.PENDING: 0.10, StoryStatus.REJECTED: 0.07, StoryStatus.WITHDRAWN: 0.06}
EDIT_SHARE = 0.12
# What storyteller@example.org has told, so that "my stories" shows every state.
STORYTELLER_STATUSES = (StoryStatus.PUBLISHED, StoryStatus.PENDING, StoryStatus.REJECTED, StoryStatus.WITHDRAWN,
                        StoryStatus.PUBLISHED, StoryStatus.PUBLISHED, StoryStatus.PENDING, StoryStatus.PUBLISHED)


@dataclass
class _Plan:
    services: list[ServiceRef]
    language: str
    status: StoryStatus
    author: User | None = None


def seed_demo_stories(rng: random.Random, services: list[Service], cast: DemoCast,
                      count: int = DEMO_STORY_COUNT, now: datetime | None = None) -> int:
    """Tell ``count`` stories through the lifecycle rules, with historic timestamps; returns how many."""
    now = now or utcnow()
    plans = _plan_stories(rng, services, cast, count)
    rows = []
    for plan in plans:
        story = _tell(rng, plan, cast.moderator, now)
        rows.append((story, plan.services))
    db.session.flush()
    db.session.execute(insert(story_services), [
        {"story_id": story.id, "service_id": service.id, "position": position}
        for story, pathway in rows for position, service in enumerate(pathway)
    ])
    return len(rows)


def _plan_stories(rng: random.Random, services: list[Service], cast: DemoCast, count: int) -> list[_Plan]:
    staff_services = {s.id for s in services if s.organisation.name == STAFF_ORGANISATION}
    # The staff account's hospital gets more stories, so its provider view has something to answer.
    deck = ServiceDeck(service_refs(services), {s.id: 3.0 if s.id in staff_services else 1.0 for s in services},
                       pathway_share=0.2)
    statuses = [status for status, share in STATUS_SHARES.items() for _ in range(round(count * share))]
    statuses += [StoryStatus.PUBLISHED] * (count - len(statuses))
    rng.shuffle(statuses)
    plans = []
    for status in statuses:
        pathway = deck.draw(rng)
        plans.append(_Plan(pathway, draw_language(rng, pathway[0].country), status))

    for wanted in STORYTELLER_STATUSES:
        plan = next(p for p in plans if p.author is None and p.language == "en" and p.status is wanted)
        plan.author = cast.storyteller
    for plan in plans:
        if plan.author is None and rng.random() < 0.12:
            plan.author = rng.choice(cast.storytellers_by_language[plan.language])
    return plans


def _tell(rng: random.Random, plan: _Plan, moderator: User, now: datetime) -> Story:
    today = now.date()
    rating = rng.choices(list(RATING_WEIGHTS), list(RATING_WEIGHTS.values()))[0]
    author_role = draw_author_role(rng) if plan.author is None else rng.choice((AuthorRole.PATIENT, AuthorRole.CARER))
    if plan.status is StoryStatus.PENDING:  # the queue holds what came in over the last fortnight
        experienced_on = experience_month(rng, today, 0, 2)
        submitted = max(datetime.combine(experienced_on, datetime.min.time()),
                        now - timedelta(hours=rng.uniform(1, 14 * 24)))
    else:
        experienced_on = experience_month(rng, today, 1)
        submitted = submission_time(rng, experienced_on, latest=now - timedelta(days=10))
    draft = write_story(rng, plan.language, plan.services, rating, author_role, experienced_on)

    story = Story(**story_fields(draft, rng, rating, author_role, plan.language, experienced_on),
                  author=plan.author, submitted_at=submitted, created_at=submitted)
    if plan.author is None and rng.random() < 0.5:
        story.contact_email = f"{rng.choice(('sam', 'alex', 'kim', 'jo', 'chris', 'eli'))}.{rng.randrange(1000)}" \
                              "@example.net"
        story.access_token_hash = hash_token(f"demo-{rng.getrandbits(128):032x}")
    db.session.add(story)
    trail = _Trail(story, submitted)
    trail.record(StoryAction.SUBMIT, Actor.AUTHOR, plan.author)
    _moderate(rng, plan, story, trail, moderator, now)
    story.updated_at = trail.last
    return story


def _moderate(rng: random.Random, plan: _Plan, story: Story, trail: _Trail, moderator: User, now: datetime) -> None:
    language = plan.language
    if plan.status is StoryStatus.PENDING:
        return
    if plan.status is StoryStatus.WITHDRAWN and rng.random() < 0.5:  # taken back before anyone moderated it
        trail.at(later(rng, trail.last, now, 1, 48)).record(
            StoryAction.WITHDRAW, Actor.AUTHOR, plan.author, rng.choice(AUTHOR_WITHDRAW_REASONS[language]))
        return
    decided = later(rng, trail.last, now, 2, 96)
    if rng.random() < EDIT_SHARE:
        # Angry titles and named staff come with unhappy stories; anyone may leave a phone number.
        field, before, reason = rng.choice(EDITS[language] if story.rating_overall <= 2 else EDITS[language][:1])
        after = getattr(story, field)
        trail.at(later(rng, trail.last, decided, 0.5, 24)).record(
            StoryAction.EDIT, Actor.MODERATOR, moderator, reason,
            {field: {"before": before.format(text=after), "after": after}})
    trail.at(decided)
    if plan.status is StoryStatus.REJECTED:
        trail.record(StoryAction.REJECT, Actor.MODERATOR, moderator, rng.choice(REJECT_REASONS[language]))
        return
    trail.record(StoryAction.PUBLISH, Actor.MODERATOR, moderator)
    story.published_at = decided
    if plan.status is StoryStatus.WITHDRAWN:
        by_author = rng.random() < 0.6
        reason = rng.choice((AUTHOR_WITHDRAW_REASONS if by_author else MODERATOR_WITHDRAW_REASONS)[language])
        trail.at(later(rng, decided, now, 24, 24 * 60)).record(
            StoryAction.WITHDRAW, Actor.AUTHOR if by_author else Actor.MODERATOR,
            plan.author if by_author else moderator, reason)


class _Trail:
    """Applies transitions through the lifecycle table and dates each event when it happened, not today."""

    def __init__(self, story: Story, start: datetime) -> None:
        self.story, self.last = story, start

    def at(self, moment: datetime) -> _Trail:
        self.last = moment
        return self

    def record(self, action: StoryAction, actor: Actor, user: User | None, reason: str | None = None,
               changes: dict | None = None) -> None:
        event = apply_transition(self.story, action, actor, user, reason=reason, changes=changes)
        event.created_at = self.last
