"""How far an organisation has come with a story: unread → read → responded → change planned → made → confirmed."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import enum_column, utcnow

if TYPE_CHECKING:
    from .directory import Organisation
    from .stories import Story


class Progress(enum.Enum):
    UNREAD = "unread"
    READ = "read"
    RESPONDED = "responded"
    CHANGE_PLANNED = "change_planned"
    CHANGE_MADE = "change_made"
    CHANGE_CONFIRMED = "change_confirmed"

    @property
    def rank(self) -> int:
        return list(Progress).index(self)


class StoryProgress(db.Model):
    """One row per story and organisation it is about; the inbox reads and filters these."""

    __tablename__ = "story_progress"
    __table_args__ = (Index("ix_story_progress_org_progress", "organisation_id", "progress"),)

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), primary_key=True)
    progress: Mapped[Progress] = mapped_column(enum_column(Progress), default=Progress.UNREAD)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    story: Mapped[Story] = relationship(back_populates="progress_rows")
    organisation: Mapped[Organisation] = relationship()

    def __repr__(self) -> str:
        return f"<StoryProgress story={self.story_id} org={self.organisation_id} {self.progress.value}>"
