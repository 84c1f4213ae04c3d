"""The stories behind the dashboard's figures, and the escalation list: the only dashboard reads of stories.

Both are paged or limited, and narrowed by the same remit and filters as the rollups, on the month a story
was published (the month the rollups count it in).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Integer, Select, and_, exists, func, literal, select, text
from sqlalchemy.orm import lazyload, load_only

from ..extensions import db
from ..models import (
    ChangeConfirmation,
    ChangeOutcome,
    ChangeStatus,
    Response,
    ResponseKind,
    ResponseStatus,
    Sentiment,
    Story,
    StoryProgress,
    StoryStatus,
    StoryTheme,
    story_services,
)
from ..models.base import utcnow
from .dashboard import DashboardFilters, add_months, services_in_view
from .remits import Scope

CHANGES = ("planned", "made", "confirmed")


@dataclass
class FigureFilters:
    """What a figure adds to the dashboard's filters: the bar, cell or row a person followed."""

    month: date | None = None  # first day of one month of the range
    sentiment: Sentiment | None = None  # of the chosen theme when there is one, else of the whole story
    criticality: int | None = None
    critical: bool | None = None  # criticality 4 or 5
    responded: bool | None = None
    change: str | None = None  # one of CHANGES

    def active(self) -> dict[str, object]:
        return {name: value for name, value in vars(self).items() if value is not None}


def _start(month: date) -> datetime:
    return datetime.combine(month, time.min)


def _answered():
    return exists(select(StoryProgress.story_id).where(
        StoryProgress.story_id == Story.id, StoryProgress.first_response_at.is_not(None)))


def _in_view(scope: Scope, filters: DashboardFilters) -> Select:
    about = select(story_services.c.story_id).where(
        story_services.c.story_id == Story.id, story_services.c.service_id.in_(services_in_view(scope, filters)))
    query = select(Story).where(Story.status == StoryStatus.PUBLISHED, exists(about))
    if filters.language:
        query = query.where(Story.language == filters.language)
    return query


def _change(kind: str):
    published = select(Response.id).where(
        Response.story_id == Story.id, Response.kind == ResponseKind.RESPONSE,
        Response.status == ResponseStatus.PUBLISHED)
    if kind == "confirmed":
        return exists(published.join(ChangeConfirmation, ChangeConfirmation.response_id == Response.id)
                      .where(ChangeConfirmation.outcome == ChangeOutcome.CONFIRMED))
    status = ChangeStatus.PLANNED if kind == "planned" else ChangeStatus.MADE
    return exists(published.where(Response.change_status == status))


def stories_behind(scope: Scope, filters: DashboardFilters, figure: FigureFilters | None = None) -> Select:
    """Published stories behind a figure, newest first."""
    figure = figure or FigureFilters()
    first, last = (figure.month, figure.month) if figure.month else (filters.since, filters.until)
    query = _in_view(scope, filters).where(Story.published_at >= _start(first),
                                           Story.published_at < _start(add_months(last, 1)))
    if filters.theme:
        tagged = select(StoryTheme.id).where(StoryTheme.story_id == Story.id, StoryTheme.code == filters.theme)
        if figure.sentiment:
            tagged = tagged.where(StoryTheme.sentiment == figure.sentiment)
        query = query.where(exists(tagged))
    elif figure.sentiment:
        query = query.where(Story.sentiment == figure.sentiment)
    if figure.criticality is not None:
        query = query.where(Story.criticality == figure.criticality)
    if figure.critical:
        query = query.where(Story.criticality >= 4)
    if figure.responded is not None:
        query = query.where(_answered() if figure.responded else ~_answered())
    if figure.change in CHANGES:
        query = query.where(_change(figure.change))
    return query.order_by(Story.published_at.desc(), Story.id.desc())


def count_stories(query: Select) -> Select:
    """How many rows ``query`` gives."""
    return select(func.count()).select_from(query.order_by(None).subquery())


def escalations(scope: Scope, filters: DashboardFilters, days: int, now: datetime | None = None) -> Select:
    """Critical stories (4 or more) published over ``days`` days ago that no organisation has answered, oldest first.

    The dimension filters apply, the range of months does not: a story waits however long ago it was told.
    """
    cutoff = (now or utcnow()) - timedelta(days=days)
    return _critical_unanswered(scope, filters).where(Story.published_at <= cutoff).order_by(
        Story.published_at, Story.id)


def next_to_wait(scope: Scope, filters: DashboardFilters, days: int, now: datetime) -> datetime | None:
    """When the next critical story in view that nobody has answered will have waited ``days`` days (None when
    there is none): until then, only a change to a story can add one to the escalation list."""
    first = db.session.scalar(
        _critical_unanswered(scope, filters).where(Story.published_at > now - timedelta(days=days))
        .with_only_columns(Story.published_at).order_by(Story.published_at).limit(1)
        .with_hint(Story, "INDEXED BY ix_stories_critical_published", "sqlite"))
    return None if first is None else first + timedelta(days=days)


def _critical_unanswered(scope: Scope, filters: DashboardFilters) -> Select:
    # The two conditions of ix_stories_critical_published written as literals, so a planner can tell that the
    # partial index holds every match (SQLite cannot from bound parameters).
    critical = and_(Story.status == literal(StoryStatus.PUBLISHED, Story.status.type, literal_execute=True),
                    Story.criticality >= literal(4, Integer, literal_execute=True))
    query = _in_view(scope, filters).where(critical, ~_answered())
    if filters.theme:
        query = query.where(exists(select(StoryTheme.id).where(
            StoryTheme.story_id == Story.id, StoryTheme.code == filters.theme)))
    return query


def waiting_critical(scope: Scope, filters: DashboardFilters, days: int, limit: int | None = None,
                     now: datetime | None = None) -> list[Story]:
    """Run ``escalations``. Walk the critical stories oldest first (the partial index) instead of sorting them all.

    With scope and theme filters the planner under-counts the matches and collects every story of the chosen
    services before sorting (about 1 s at a million stories); the ordered walk over the partial index
    ix_stories_critical_published stops after ``limit`` matches, whatever the size of the table. Only the ids
    are found that way: the stories and what they load come after, planned as usual.
    """
    query = escalations(scope, filters, days, now).with_only_columns(Story.id)
    if limit is not None:
        query = query.limit(limit)
    # SQLite, without statistics, prefers the index of every published story by date (it has two columns to
    # match) and walks five times as many rows: 7 ms instead of 50-150 at a million stories.
    query = query.with_hint(Story, "INDEXED BY ix_stories_critical_published", "sqlite")
    postgres = db.session.get_bind().dialect.name == "postgresql"
    if postgres:
        # Nor in parallel: starting the workers costs more (20 ms on two busy cores) than a walk that stops
        # after ``limit`` matches.
        db.session.execute(text("SET LOCAL enable_sort = off"))
        db.session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    try:
        ids = list(db.session.scalars(query))
    finally:
        if postgres:
            db.session.execute(text("SET LOCAL enable_sort = on"))
            db.session.execute(text("SET LOCAL max_parallel_workers_per_gather TO DEFAULT"))
    # What the list shows (title, dates, criticality, services); the rest loads if something asks for it.
    shown = select(Story).where(Story.id.in_(ids)).options(
        load_only(Story.id, Story.title, Story.published_at, Story.criticality), lazyload(Story.themes))
    found = {story.id: story for story in db.session.scalars(shown)}
    return [found[story_id] for story_id in ids]
