"""Alerts: who wants to hear about which stories, at once or as a daily digest."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .analysis import Sentiment
from .base import TimestampMixin, enum_column


class Frequency(enum.Enum):
    IMMEDIATE = "immediate"
    DAILY = "daily"


class Subscription(TimestampMixin, db.Model):
    """A standing request for e-mail. Every criterion left empty matches everything."""

    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    # A storyteller following their own story: told of responses to it, nothing else.
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    theme: Mapped[str | None] = mapped_column(String(32))
    sentiment: Mapped[Sentiment | None] = mapped_column(enum_column(Sentiment))
    min_criticality: Mapped[int | None] = mapped_column(SmallInteger)
    frequency: Mapped[Frequency] = mapped_column(enum_column(Frequency), default=Frequency.IMMEDIATE)
    language: Mapped[str] = mapped_column(String(2), default="en")
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    last_digest_at: Mapped[datetime | None] = mapped_column(DateTime)

    def __repr__(self) -> str:
        return f"<Subscription {self.id} {self.frequency.value} active={self.active}>"
