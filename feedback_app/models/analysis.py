"""What the language analysis found in a story: its themes, each with a sentiment and a source."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import enum_column, utcnow

if TYPE_CHECKING:
    from .stories import Story


class Sentiment(enum.Enum):
    POSITIVE = "positive"
    MIXED = "mixed"
    NEGATIVE = "negative"


class ThemeSource(enum.Enum):
    """Who put a theme on a story; a person's correction is never overwritten by a re-analysis."""

    NLP = "nlp"
    MODERATOR = "moderator"
    AUTHOR = "author"
    STAFF = "staff"


class AnalysisStatus(enum.Enum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class StoryTheme(db.Model):
    __tablename__ = "story_themes"
    __table_args__ = (UniqueConstraint("story_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32), index=True)
    sentiment: Mapped[Sentiment] = mapped_column(enum_column(Sentiment))
    sentiment_score: Mapped[float | None] = mapped_column(Float)
    confidence: Mapped[float | None] = mapped_column(Float)
    source: Mapped[ThemeSource] = mapped_column(enum_column(ThemeSource), default=ThemeSource.NLP)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    story: Mapped[Story] = relationship(back_populates="themes")

    def __repr__(self) -> str:
        return f"<StoryTheme story={self.story_id} {self.code} {self.sentiment.value} ({self.source.value})>"
