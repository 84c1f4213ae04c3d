"""Stories: what a person tells about one or more services, with their ratings."""
from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .analysis import AnalysisStatus, Sentiment
from .base import TimestampMixin, enum_column, utcnow

if TYPE_CHECKING:
    from .analysis import StoryTheme
    from .directory import Service
    from .events import StoryEvent
    from .progress import StoryProgress
    from .responses import Response
    from .users import User


class StoryStatus(enum.Enum):
    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class AuthorRole(enum.Enum):
    PATIENT = "patient"
    CARER = "carer"
    STAFF = "staff"
    OTHER = "other"


class FftAnswer(enum.Enum):
    """The NHS Friends and Family Test answer scale."""

    VERY_GOOD = "very_good"
    GOOD = "good"
    NEITHER = "neither"
    POOR = "poor"
    VERY_POOR = "very_poor"
    DONT_KNOW = "dont_know"


# A story may name several services along a care pathway; position keeps the order the author gave.
story_services = Table(
    "story_services",
    db.metadata,
    Column("story_id", ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("services.id"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_story_services_service_id", "service_id"),
)


class Story(TimestampMixin, db.Model):
    __tablename__ = "stories"
    __table_args__ = (
        Index("ix_stories_status_published_at", "status", "published_at"),
        Index("ix_stories_status_submitted_at", "status", "submitted_at"),
        # The dashboards' escalation list walks the critical published stories oldest first.
        Index("ix_stories_critical_published", "published_at", "id",
              postgresql_where=text("status = 'published' AND criticality >= 4"),
              sqlite_where=text("status = 'published' AND criticality >= 4")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    body: Mapped[str] = mapped_column(Text)
    what_was_good: Mapped[str | None] = mapped_column(Text)
    what_could_be_improved: Mapped[str | None] = mapped_column(Text)
    how_it_felt: Mapped[str | None] = mapped_column(Text)
    experienced_on: Mapped[date] = mapped_column(Date)  # first day of the month the author gave
    author_role: Mapped[AuthorRole] = mapped_column(enum_column(AuthorRole))
    pseudonym: Mapped[str] = mapped_column(String(60))
    language: Mapped[str] = mapped_column(String(2), default="en")  # of the text, as the analysis found it
    contact_language: Mapped[str] = mapped_column(String(2), default="en", server_default="en")  # of the site
    status: Mapped[StoryStatus] = mapped_column(enum_column(StoryStatus), default=StoryStatus.PENDING, index=True)
    rating_overall: Mapped[int] = mapped_column(SmallInteger)
    fft_answer: Mapped[FftAnswer] = mapped_column(enum_column(FftAnswer))

    # What the language analysis found (see services/analysis.py); themes live in story_themes.
    # active_history: a change loads the old value first, so the rollups can tell what the story was (for the
    # month it counted in, and whether it was on an escalation list) even when it was not loaded before.
    criticality: Mapped[int | None] = mapped_column(SmallInteger, active_history=True)
    sentiment: Mapped[Sentiment | None] = mapped_column(enum_column(Sentiment))
    sentiment_score: Mapped[float | None] = mapped_column(Float)
    analysis_status: Mapped[AnalysisStatus] = mapped_column(
        enum_column(AnalysisStatus), default=AnalysisStatus.PENDING, server_default="pending", index=True
    )
    analysed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # {"pii": [...], "safeguarding": [...]}: spans per field, for moderators only, never shown in public.
    findings: Mapped[dict | None] = mapped_column(JSON)
    has_safeguarding_flags: Mapped[bool] = mapped_column(default=False, server_default=false(), index=True)
    # True once a moderator has set the themes by hand: a re-analysis then leaves them alone.
    themes_reviewed: Mapped[bool] = mapped_column(default=False, server_default=false())
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime)

    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # Without an account: where to send the private link, and the hash of that link's token.
    contact_email: Mapped[str | None] = mapped_column(String(254))
    access_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)

    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, active_history=True)  # see criticality

    author: Mapped[User | None] = relationship()
    services: Mapped[list[Service]] = relationship(
        secondary=story_services, order_by=story_services.c.position, lazy="selectin"
    )
    themes: Mapped[list[StoryTheme]] = relationship(
        back_populates="story", cascade="all, delete-orphan", order_by="StoryTheme.code", lazy="selectin"
    )
    responses: Mapped[list[Response]] = relationship(
        back_populates="story", order_by="Response.submitted_at", cascade="all, delete-orphan"
    )
    progress_rows: Mapped[list[StoryProgress]] = relationship(back_populates="story", cascade="all, delete-orphan")
    events: Mapped[list[StoryEvent]] = relationship(
        back_populates="story", order_by="StoryEvent.id", cascade="all, delete-orphan"
    )

    @property
    def is_public(self) -> bool:
        return self.status is StoryStatus.PUBLISHED

    def __repr__(self) -> str:
        return f"<Story {self.id} {self.status.value}>"
