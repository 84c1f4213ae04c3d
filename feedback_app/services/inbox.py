"""The provider inbox: the published stories about an organisation's services, and how far it has come with each."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, exists, select

from ..extensions import db
from ..models import (
    Membership,
    Organisation,
    Progress,
    Sentiment,
    Service,
    Story,
    StoryProgress,
    User,
    story_services,
)
from .browse import StoryFilters, organisation_and_descendant_ids, published_stories


@dataclass
class InboxFilters:
    """What a member narrowed the inbox down to. Every field is optional."""

    service_id: int | None = None
    theme: str | None = None
    sentiment: Sentiment | None = None  # of the theme when one is chosen, else of the whole story
    min_criticality: int | None = None
    progress: Progress | None = None
    since: date | None = None  # first day of the earliest published month
    until: date | None = None  # first day of the latest published month

    def active(self) -> dict[str, object]:
        """The filters that are set, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


@dataclass
class InboxRow:
    """One story in the inbox, with how far the organisation has come with it."""

    story: Story
    progress: Progress


def member_organisations(user: User) -> list[Organisation]:
    """The organisations the user belongs to directly, by name."""
    return list(db.session.scalars(
        select(Organisation).join(Membership, Membership.organisation_id == Organisation.id)
        .where(Membership.user_id == user.id).order_by(Organisation.name)
    ))


def inbox_services(organisation: Organisation) -> list[Service]:
    """The services an inbox covers: the organisation's own and those of every organisation below it."""
    return list(db.session.scalars(
        select(Service).where(Service.organisation_id.in_(organisation_and_descendant_ids(organisation.id)))
        .order_by(Service.name, Service.id)
    ))


def inbox_stories(organisation: Organisation, filters: InboxFilters | None = None) -> Select:
    """Published stories about the organisation's (and its children's) services, newest first, filtered."""
    filters = filters or InboxFilters()
    org_ids = organisation_and_descendant_ids(organisation.id)
    # The story names one of these organisations' services (a correlated EXISTS, reused by the filters below).
    named = (
        select(Service.organisation_id)
        .join(story_services, story_services.c.service_id == Service.id)
        .where(story_services.c.story_id == Story.id, Service.organisation_id.in_(org_ids))
    )
    # The public listing already filters by service, theme and feeling, and orders newest first.
    query = published_stories(StoryFilters(
        service_id=filters.service_id, theme=filters.theme, sentiment=filters.sentiment,
    )).where(exists(named))
    if filters.min_criticality is not None:
        query = query.where(Story.criticality >= filters.min_criticality)
    if filters.progress is not None:
        query = query.where(_at_progress(named, filters.progress))
    if filters.since:
        query = query.where(Story.published_at >= _month_start(filters.since))
    if filters.until:
        query = query.where(Story.published_at < _month_start(filters.until, 1))
    return query


def inbox_rows(organisation: Organisation, stories: list[Story]) -> list[InboxRow]:
    """The stories of one inbox page with their progress.

    A story may name services of several organisations under this one (a care pathway); the row shows the
    one that has come least far. A story without a progress row counts as unread.
    """
    org_ids = set(organisation_and_descendant_ids(organisation.id))
    story_ids = [story.id for story in stories]
    progress = {
        (row.story_id, row.organisation_id): row.progress
        for row in db.session.scalars(select(StoryProgress).where(
            StoryProgress.story_id.in_(story_ids), StoryProgress.organisation_id.in_(org_ids)))
    } if story_ids else {}
    rows = []
    for story in stories:
        stages = [progress.get((story.id, s.organisation_id), Progress.UNREAD)
                  for s in story.services if s.organisation_id in org_ids]
        rows.append(InboxRow(story=story, progress=min(stages, key=lambda stage: stage.rank)))
    return rows


def _at_progress(named: Select, stage: Progress) -> ColumnElement[bool]:
    """Some organisation of the inbox named by the story is at ``stage`` (no row at all counts as unread)."""
    # Two levels down: correlate explicitly, or SQLAlchemy would add a second, unrelated ``stories`` to FROM.
    row = select(StoryProgress.story_id).where(
        StoryProgress.story_id == Story.id, StoryProgress.organisation_id == Service.organisation_id,
    ).correlate(Story, Service)
    if stage is Progress.UNREAD:
        return exists(named.where(~exists(row.where(StoryProgress.progress != Progress.UNREAD))))
    return exists(named.where(exists(row.where(StoryProgress.progress == stage))))


def _month_start(first: date, months_later: int = 0) -> datetime:
    index = first.year * 12 + first.month - 1 + months_later
    return datetime(index // 12, index % 12 + 1, 1)
