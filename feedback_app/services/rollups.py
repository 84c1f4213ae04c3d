"""Keeping the dashboard rollups equal to the stories they sum.

Whenever a session commits a change that touches a published story (the story itself, its themes, its
responses, its progress or a confirmation), the rollup rows of the (service, month) buckets that story counts
in are recomputed from the stories of those buckets: a few dozen rows, never the whole table. `rebuild_rollups`
recomputes everything (after a bulk import, or to check).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from flask import Flask
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import and_, delete, event, func, insert, inspect, or_, select, tuple_, update

from ..extensions import db
from ..models import (
    ALL_THEMES,
    ChangeConfirmation,
    ChangeOutcome,
    ChangeStatus,
    FftAnswer,
    Response,
    ResponseKind,
    ResponseStatus,
    RollupState,
    Sentiment,
    Story,
    StoryProgress,
    StoryRollup,
    StoryStatus,
    StoryTheme,
    story_services,
)
from ..models.rollups import RESPONSE_DAY_BUCKETS

CHUNK = 2_000
POSITIVE_FFT = {FftAnswer.VERY_GOOD, FftAnswer.GOOD}
Key = tuple[int, date, str, str]  # service, month, language, theme


@dataclass
class StoryFacts:
    """What one published story adds to the rollups."""

    story_id: int
    month: date
    language: str
    rating: int
    fft: FftAnswer
    sentiment: Sentiment | None
    criticality: int | None
    service_ids: list[int] = field(default_factory=list)
    themes: list[tuple[str, Sentiment]] = field(default_factory=list)
    first_response_at: datetime | None = None
    published_at: datetime | None = None
    changes: set[ChangeStatus] = field(default_factory=set)
    confirmed: bool = False


def month_of(moment: datetime | date) -> date:
    return date(moment.year, moment.month, 1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _load_facts(story_filter) -> Iterator[StoryFacts]:  # noqa: ANN001 - a SQL condition
    """Facts of the published stories matching ``story_filter``, loaded a chunk at a time."""
    ids = list(db.session.scalars(
        select(Story.id).where(Story.status == StoryStatus.PUBLISHED, story_filter).order_by(Story.id)
    ))
    for first in range(0, len(ids), CHUNK):
        yield from _facts_for(ids[first:first + CHUNK])


def _facts_for(ids: list[int]) -> Iterator[StoryFacts]:
    facts: dict[int, StoryFacts] = {}
    for row in db.session.execute(
        select(Story.id, Story.published_at, Story.language, Story.rating_overall, Story.fft_answer,
               Story.sentiment, Story.criticality).where(Story.id.in_(ids))
    ):
        facts[row.id] = StoryFacts(row.id, month_of(row.published_at), row.language, row.rating_overall,
                                   row.fft_answer, row.sentiment, row.criticality, published_at=row.published_at)
    for story_id, service_id in db.session.execute(
        select(story_services.c.story_id, story_services.c.service_id).where(story_services.c.story_id.in_(ids))
    ):
        facts[story_id].service_ids.append(service_id)
    for story_id, code, sentiment in db.session.execute(
        select(StoryTheme.story_id, StoryTheme.code, StoryTheme.sentiment).where(StoryTheme.story_id.in_(ids))
    ):
        facts[story_id].themes.append((code, sentiment))
    for story_id, first in db.session.execute(
        select(StoryProgress.story_id, func.min(StoryProgress.first_response_at))
        .where(StoryProgress.story_id.in_(ids)).group_by(StoryProgress.story_id)
    ):
        facts[story_id].first_response_at = first
    published = and_(Response.story_id.in_(ids), Response.status == ResponseStatus.PUBLISHED,
                     Response.kind == ResponseKind.RESPONSE)
    for story_id, change in db.session.execute(
        select(Response.story_id, Response.change_status).where(published).distinct()
    ):
        facts[story_id].changes.add(change)
    for (story_id,) in db.session.execute(
        select(Response.story_id).join(ChangeConfirmation, ChangeConfirmation.response_id == Response.id)
        .where(published, ChangeConfirmation.outcome == ChangeOutcome.CONFIRMED).distinct()
    ):
        facts[story_id].confirmed = True
    yield from facts.values()


def _response_bucket(days: float) -> str:
    for bound in RESPONSE_DAY_BUCKETS:
        if days < bound:
            return f"response_days_{bound}"
    return "response_days_more"


def _add(sums: dict[str, int], facts: StoryFacts, theme_sentiment: Sentiment | None) -> None:
    sums["stories"] += 1
    sums["rating_sum"] += facts.rating
    sums["rating_sq_sum"] += facts.rating * facts.rating
    if facts.fft is not FftAnswer.DONT_KNOW:
        sums["fft_answered"] += 1
        sums["fft_positive"] += facts.fft in POSITIVE_FFT
    if facts.sentiment is not None:
        sums[f"sentiment_{facts.sentiment.value}"] += 1
    if theme_sentiment is not None:
        sums[f"theme_{theme_sentiment.value}"] += 1
    if facts.criticality is not None:
        sums[f"criticality_{facts.criticality}"] += 1
        sums["critical"] += facts.criticality >= 4
    if facts.first_response_at is not None and facts.published_at is not None:
        sums["responded"] += 1
        days = (facts.first_response_at - facts.published_at).total_seconds() / 86_400
        sums[_response_bucket(days)] += 1
    sums["changes_planned"] += ChangeStatus.PLANNED in facts.changes
    sums["changes_made"] += ChangeStatus.MADE in facts.changes
    sums["changes_confirmed"] += facts.confirmed


def aggregate(all_facts: Iterable[StoryFacts], only: set[tuple[int, date]] | None = None
              ) -> dict[Key, dict[str, int]]:
    """Sum stories into rollup rows; ``only`` limits it to some (service, month) buckets."""
    rows: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for facts in all_facts:
        for service_id in set(facts.service_ids):
            if only is not None and (service_id, facts.month) not in only:
                continue
            _add(rows[(service_id, facts.month, facts.language, ALL_THEMES)], facts, None)
            for code, sentiment in facts.themes:
                _add(rows[(service_id, facts.month, facts.language, code)], facts, sentiment)
    return rows


def _insert(rows: dict[Key, dict[str, int]]) -> None:
    values = [{"service_id": s, "month": m, "language": lang, "theme": t, **sums}
              for (s, m, lang, t), sums in rows.items()]
    for first in range(0, len(values), CHUNK):
        db.session.execute(insert(StoryRollup), values[first:first + CHUNK])


def buckets_of(story_ids: Iterable[int]) -> set[tuple[int, date]]:
    """The (service, month) buckets these stories count in, or did when they were public."""
    ids = list(set(story_ids))
    if not ids:
        return set()
    rows = db.session.execute(
        select(story_services.c.service_id, Story.published_at)
        .join(Story, Story.id == story_services.c.story_id)
        .where(Story.id.in_(ids), Story.published_at.is_not(None))
    )
    return {(service_id, month_of(published_at)) for service_id, published_at in rows}


def bump_version() -> None:
    """Tell cached dashboards that the figures changed (rollups, or what a funder may see)."""
    moved = db.session.execute(update(RollupState).where(RollupState.id == 1)
                               .values(version=RollupState.version + 1)).rowcount
    if not moved:
        db.session.execute(insert(RollupState).values(id=1, version=1))


def current_version() -> int:
    """The figures' version (0 before anything was ever summed)."""
    return db.session.scalar(select(RollupState.version).where(RollupState.id == 1)) or 0


def refresh_buckets(buckets: set[tuple[int, date]]) -> None:
    """Recompute the rollup rows of these (service, month) buckets from their stories."""
    if not buckets:
        return
    bump_version()
    db.session.execute(delete(StoryRollup).where(
        tuple_(StoryRollup.service_id, StoryRollup.month).in_(list(buckets))
    ))
    in_buckets = or_(*[
        and_(Story.published_at >= month, Story.published_at < next_month(month),
             Story.id.in_(select(story_services.c.story_id).where(story_services.c.service_id.in_(services))))
        for month, services in _services_by_month(buckets).items()
    ])
    _insert(aggregate(_load_facts(in_buckets), only=buckets))


def _services_by_month(buckets: set[tuple[int, date]]) -> dict[date, list[int]]:
    grouped: dict[date, list[int]] = defaultdict(list)
    for service_id, month in buckets:
        grouped[month].append(service_id)
    return grouped


def refresh_rollups_for(story_ids: Iterable[int]) -> None:
    """Recompute the buckets these stories count in (after they were published, answered, withdrawn...)."""
    refresh_buckets(buckets_of(story_ids))


def rebuild_rollups() -> int:
    """Recompute every rollup row from the stories; returns how many rows there are."""
    db.session.execute(delete(StoryRollup))
    bump_version()
    rows = aggregate(_load_facts(Story.published_at.is_not(None)))
    _insert(rows)
    return len(rows)


# --- keeping them current: collect touched stories at each flush, refresh their buckets before commit ---

_TOUCHED = "rollup_story_ids"
_TOUCHED_RESPONSES = "rollup_response_ids"
_LEFT_BUCKETS = "rollup_left_buckets"


def _collect(session, _flush_context) -> None:  # noqa: ANN001 - SQLAlchemy event arguments
    stories, responses = session.info.setdefault(_TOUCHED, set()), session.info.setdefault(_TOUCHED_RESPONSES, set())
    left = session.info.setdefault(_LEFT_BUCKETS, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Story):
            stories.add(obj.id)
            # A story moved to another month still counts in the old one until that bucket is recomputed.
            for old in inspect(obj).attrs.published_at.history.deleted or ():
                if old is not None:
                    left.add((obj.id, month_of(old)))
        elif isinstance(obj, StoryTheme | Response | StoryProgress):
            stories.add(obj.story_id)
        elif isinstance(obj, ChangeConfirmation):
            responses.add(obj.response_id)


def _refresh_before_commit(session) -> None:  # noqa: ANN001
    session.flush()
    stories = session.info.pop(_TOUCHED, set())
    responses = session.info.pop(_TOUCHED_RESPONSES, set())
    left = session.info.pop(_LEFT_BUCKETS, set())
    if responses:
        stories |= set(session.scalars(select(Response.story_id).where(Response.id.in_(responses))))
    stories.discard(None)
    if not stories:
        return
    buckets = buckets_of(stories)
    for story_id, month in left:
        services = session.scalars(select(story_services.c.service_id).where(story_services.c.story_id == story_id))
        buckets |= {(service_id, month) for service_id in services}
    refresh_buckets(buckets)


def _forget(session) -> None:  # noqa: ANN001
    for key in (_TOUCHED, _TOUCHED_RESPONSES, _LEFT_BUCKETS):
        session.info.pop(key, None)


def init_app(app: Flask) -> None:
    """Keep rollups current for every session of the app (registered once per process)."""
    if not event.contains(FlaskSession, "after_flush", _collect):
        event.listen(FlaskSession, "after_flush", _collect)
        event.listen(FlaskSession, "before_commit", _refresh_before_commit)
        event.listen(FlaskSession, "after_rollback", _forget)
