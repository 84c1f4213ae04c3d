"""The audit trail: one row for every transition and edit of a story."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, DateTime, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import enum_column, utcnow
from .stories import StoryStatus

if TYPE_CHECKING:
    from .stories import Story
    from .users import User


class StoryAction(enum.Enum):
    SUBMIT = "submit"
    EDIT = "edit"
    PUBLISH = "publish"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    ESCALATE = "escalate"
    RETHEME = "retheme"
    # The conversation under a published story; these events name the response they concern.
    RESPOND = "respond"
    REPLY = "reply"
    PUBLISH_RESPONSE = "publish_response"
    REJECT_RESPONSE = "reject_response"
    WITHDRAW_RESPONSE = "withdraw_response"
    CONFIRM_CHANGE = "confirm_change"
    DISPUTE_CHANGE = "dispute_change"
    REPORT = "report"
    UPHOLD_REPORT = "uphold_report"
    DISMISS_REPORT = "dismiss_report"


class StoryEvent(db.Model):
    __tablename__ = "story_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="SET NULL"))
    action: Mapped[StoryAction] = mapped_column(enum_column(StoryAction))
    from_status: Mapped[StoryStatus | None] = mapped_column(enum_column(StoryStatus))
    to_status: Mapped[StoryStatus | None] = mapped_column(enum_column(StoryStatus))
    reason: Mapped[str | None] = mapped_column(Text)
    # For edits: {"field": {"before": ..., "after": ...}}
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    story: Mapped[Story] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<StoryEvent {self.id} story={self.story_id} {self.action.value}>"
