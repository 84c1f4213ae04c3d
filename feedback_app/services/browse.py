"""Reading published stories: filters, listings and rating summaries."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from flask import current_app
from sqlalchemy import CTE, Select, exists, func, select

from ..extensions import db
from ..models import (
    Organisation,
    Sentiment,
    Service,
    ServiceKind,
    Story,
    StoryStatus,
    StoryTheme,
    story_services,
)


@dataclass
class StoryFilters:
    """What a visitor narrowed /stories down to. Every field is optional."""

    organisation_id: int | None = None
    service_id: int | None = None
    kind: ServiceKind | None = None
    min_rating: int | None = None
    max_rating: int | None = None
    since: date | None = None
    until: date | None = None
    language: str | None = None
    theme: str | None = None
    sentiment: Sentiment | None = None  # of the theme when one is chosen, else of the whole story

    def active(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, "")}


def subtree_of(roots: Select) -> CTE:
    """A recursive query of the organisations selected by `roots` (a select of ids) and all below them."""
    tree = roots.cte("subtree", recursive=True)
    return tree.union(select(Organisation.id).join(tree, Organisation.parent_id == tree.c.id))


def organisation_and_descendant_ids(organisation_id: int) -> list[int]:
    """The organisation and every organisation below it in the hierarchy, in one statement."""
    tree = subtree_of(select(Organisation.id).where(Organisation.id == organisation_id))
    return list(db.session.scalars(select(tree.c.id)))


def about_services(query: Select, organisation_id: int | None = None, kind: ServiceKind | None = None,
                   service_id: int | None = None) -> Select:
    """Narrow a query of stories to those naming a service of the organisation (or below it), kind or id."""
    named = select(story_services.c.story_id).where(story_services.c.story_id == Story.id)
    if service_id:
        query = query.where(exists(named.where(story_services.c.service_id == service_id)))
    if organisation_id or kind:
        matching = select(Service.id)
        if organisation_id:
            matching = matching.where(Service.organisation_id.in_(organisation_and_descendant_ids(organisation_id)))
        if kind:
            matching = matching.where(Service.kind == kind)
        query = query.where(exists(named.where(story_services.c.service_id.in_(matching))))
    return query


def published_stories(filters: StoryFilters | None = None) -> Select:
    """Published stories, newest first, narrowed by ``filters``."""
    filters = filters or StoryFilters()
    query = about_services(select(Story).where(Story.status == StoryStatus.PUBLISHED),
                           filters.organisation_id, filters.kind, filters.service_id)
    if filters.min_rating:
        query = query.where(Story.rating_overall >= filters.min_rating)
    if filters.max_rating:
        query = query.where(Story.rating_overall <= filters.max_rating)
    if filters.since:
        query = query.where(Story.experienced_on >= filters.since)
    if filters.until:
        query = query.where(Story.experienced_on <= filters.until)
    if filters.language:
        query = query.where(Story.language == filters.language)
    if filters.theme:
        tagged = select(StoryTheme.id).where(StoryTheme.story_id == Story.id, StoryTheme.code == filters.theme)
        if filters.sentiment:
            tagged = tagged.where(StoryTheme.sentiment == filters.sentiment)
        query = query.where(exists(tagged))
    elif filters.sentiment:
        query = query.where(Story.sentiment == filters.sentiment)
    return query.order_by(Story.published_at.desc(), Story.id.desc())


def count_published() -> int:
    """How many stories are public."""
    return db.session.scalar(select(func.count()).select_from(Story).where(Story.status == StoryStatus.PUBLISHED))


@dataclass
class RatingSummary:
    count: int
    average: float | None  # None while there are too few ratings to show an average fairly

    @property
    def shown(self) -> bool:
        return self.average is not None


def rating_summary(service_ids: list[int]) -> RatingSummary:
    """Number of published stories about these services and their average rating (hidden below the minimum)."""
    if not service_ids:
        return RatingSummary(0, None)
    about = select(story_services.c.story_id).where(story_services.c.service_id.in_(service_ids))
    count, average = db.session.execute(
        select(func.count(Story.id), func.avg(Story.rating_overall))
        .where(Story.status == StoryStatus.PUBLISHED, Story.id.in_(about))
    ).one()
    if count < current_app.config["MIN_RATINGS_FOR_AVERAGE"]:
        return RatingSummary(count, None)
    return RatingSummary(count, round(float(average), 1))


def search_services(text: str | None = None, kind: ServiceKind | None = None, limit: int = 50) -> list[Service]:
    """Services whose name, town, postcode or organisation matches ``text``, optionally of one kind."""
    query = select(Service).join(Service.organisation)
    if text and text.strip():
        for word in text.split()[:5]:
            pattern = f"%{word.lower()}%"
            query = query.where(
                func.lower(Service.name).like(pattern)
                | func.lower(Service.town).like(pattern)
                | func.lower(Service.postcode).like(pattern)
                | func.lower(Organisation.name).like(pattern)
            )
    if kind:
        query = query.where(Service.kind == kind)
    return list(db.session.scalars(query.order_by(Service.name).limit(limit)))
