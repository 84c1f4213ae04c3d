"""Providers answer stories in public; storytellers reply, and confirm or dispute the changes promised."""
from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import TimestampMixin, enum_column, utcnow

if TYPE_CHECKING:
    from .directory import Organisation
    from .stories import Story
    from .users import User


class ResponseKind(enum.Enum):
    RESPONSE = "response"  # from provider staff, on behalf of an organisation
    REPLY = "reply"  # from the storyteller


class ResponseStatus(enum.Enum):
    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class ChangeStatus(enum.Enum):
    NONE = "none"
    PLANNED = "planned"
    MADE = "made"


class Response(TimestampMixin, db.Model):
    """One message in the public conversation under a story."""

    __tablename__ = "responses"
    __table_args__ = (Index("ix_responses_story_status", "story_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    kind: Mapped[ResponseKind] = mapped_column(enum_column(ResponseKind))
    status: Mapped[ResponseStatus] = mapped_column(enum_column(ResponseStatus), default=ResponseStatus.PENDING)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    in_reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id"))
    body: Mapped[str] = mapped_column(Text)
    signed_name: Mapped[str] = mapped_column(String(80))  # a responder's name, or the storyteller's pseudonym
    job_title: Mapped[str | None] = mapped_column(String(120))
    change_status: Mapped[ChangeStatus] = mapped_column(enum_column(ChangeStatus), default=ChangeStatus.NONE)
    change_description: Mapped[str | None] = mapped_column(Text)
    change_due: Mapped[date | None] = mapped_column(Date)
    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    story: Mapped[Story] = relationship(back_populates="responses")
    organisation: Mapped[Organisation | None] = relationship()
    author: Mapped[User | None] = relationship()
    confirmation: Mapped[ChangeConfirmation | None] = relationship(back_populates="response", uselist=False)

    @property
    def claims_change(self) -> bool:
        return self.change_status is not ChangeStatus.NONE

    def __repr__(self) -> str:
        return f"<Response {self.id} story={self.story_id} {self.kind.value} {self.status.value}>"


class ChangeOutcome(enum.Enum):
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


class ChangeConfirmation(db.Model):
    """The storyteller's word on whether a change a provider claimed really happened."""

    __tablename__ = "change_confirmations"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), unique=True)
    outcome: Mapped[ChangeOutcome] = mapped_column(enum_column(ChangeOutcome))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    response: Mapped[Response] = relationship(back_populates="confirmation")

    def __repr__(self) -> str:
        return f"<ChangeConfirmation response={self.response_id} {self.outcome.value}>"
