"""What an organisation's page says about how it listens: computed from the stories and responses themselves."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from statistics import median

from sqlalchemy import func, select

from ..extensions import db
from ..models import (
    ChangeConfirmation,
    ChangeOutcome,
    ChangeStatus,
    Organisation,
    Response,
    ResponseKind,
    ResponseStatus,
    Story,
    StoryProgress,
    StoryStatus,
)
from .browse import organisation_and_descendant_ids


@dataclass(frozen=True)
class ListeningStats:
    stories: int
    responded: int
    median_first_response: timedelta | None
    changes_planned: int
    changes_made: int
    changes_confirmed: int
    changes_disputed: int

    @property
    def response_rate(self) -> float | None:
        return self.responded / self.stories if self.stories else None


def listening_stats(organisation: Organisation) -> ListeningStats:
    """Response rate, median time to a first response, and changes planned, made, confirmed and disputed."""
    scope = organisation_and_descendant_ids(organisation.id)
    # A story about two services of one organisation counts once: the earliest answer is its first response.
    rows = db.session.execute(
        select(Story.published_at, func.min(StoryProgress.first_response_at))
        .join(StoryProgress, StoryProgress.story_id == Story.id)
        .where(StoryProgress.organisation_id.in_(scope), Story.status == StoryStatus.PUBLISHED)
        .group_by(Story.id, Story.published_at)
    ).all()
    waits = [first - published for published, first in rows if first is not None and published is not None]
    published_changes = (
        select(Response.change_status, func.count(Response.id))
        .where(Response.organisation_id.in_(scope), Response.kind == ResponseKind.RESPONSE,
               Response.status == ResponseStatus.PUBLISHED)
        .group_by(Response.change_status)
    )
    changes = dict(db.session.execute(published_changes).all())
    outcomes = dict(db.session.execute(
        select(ChangeConfirmation.outcome, func.count(ChangeConfirmation.id))
        .join(Response, Response.id == ChangeConfirmation.response_id)
        .where(Response.organisation_id.in_(scope), Response.status == ResponseStatus.PUBLISHED)
        .group_by(ChangeConfirmation.outcome)
    ).all())
    return ListeningStats(
        stories=len(rows),
        responded=len(waits),
        median_first_response=median(waits) if waits else None,
        changes_planned=changes.get(ChangeStatus.PLANNED, 0),
        changes_made=changes.get(ChangeStatus.MADE, 0),
        changes_confirmed=outcomes.get(ChangeOutcome.CONFIRMED, 0),
        changes_disputed=outcomes.get(ChangeOutcome.DISPUTED, 0),
    )
