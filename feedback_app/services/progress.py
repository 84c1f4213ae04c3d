"""A story's progress with each organisation it is about. Progress only moves forward."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Organisation, Progress, Service, Story, StoryProgress, story_services
from ..models.base import utcnow
from .browse import organisation_and_descendant_ids


def organisations_of(story: Story) -> list[int]:
    """The organisations running the services a story is about, in pathway order."""
    rows = db.session.execute(
        select(Service.organisation_id).join(story_services, story_services.c.service_id == Service.id)
        .where(story_services.c.story_id == story.id).order_by(story_services.c.position)
    ).scalars()
    return list(dict.fromkeys(rows))


def open_progress(story: Story) -> list[StoryProgress]:
    """Create the unread rows when a story is published (once per organisation it names)."""
    existing = {row.organisation_id for row in story.progress_rows}
    for organisation_id in organisations_of(story):
        if organisation_id not in existing:
            story.progress_rows.append(StoryProgress(organisation_id=organisation_id, progress=Progress.UNREAD))
    db.session.flush()
    return story.progress_rows




def advance(row: StoryProgress, stage: Progress) -> bool:
    """Move to ``stage`` if that is further on; never back. Returns whether it moved."""
    if stage.rank <= row.progress.rank:
        return False
    now = utcnow()
    if row.read_at is None:
        row.read_at = now
    if stage.rank >= Progress.RESPONDED.rank and row.first_response_at is None:
        row.first_response_at = now
    row.progress = stage
    return True


def rows_in_scope(story: Story, organisation: Organisation) -> list[StoryProgress]:
    """The story's progress rows for this organisation and the organisations below it."""
    scope = set(organisation_and_descendant_ids(organisation.id))
    return [row for row in story.progress_rows if row.organisation_id in scope]


def mark_read(story: Story, organisation: Organisation) -> bool:
    """A member opened the story: unread becomes read (for their organisation and those below it)."""
    moved = [advance(row, Progress.READ) for row in rows_in_scope(story, organisation)]
    return any(moved)
