"""Reports of a problem with a published story, response or reply, for moderators to decide."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import TimestampMixin, enum_column

if TYPE_CHECKING:
    from .responses import Response
    from .stories import Story


class ReportStatus(enum.Enum):
    OPEN = "open"
    UPHELD = "upheld"  # the moderator agreed and took the content down
    DISMISSED = "dismissed"


class Report(TimestampMixin, db.Model):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))  # None: the story
    reason: Mapped[str] = mapped_column(Text)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reporter_email: Mapped[str | None] = mapped_column(String(254))
    status: Mapped[ReportStatus] = mapped_column(enum_column(ReportStatus), default=ReportStatus.OPEN, index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    story: Mapped[Story] = relationship()
    response: Mapped[Response | None] = relationship()

    def __repr__(self) -> str:
        return f"<Report {self.id} story={self.story_id} {self.status.value}>"
