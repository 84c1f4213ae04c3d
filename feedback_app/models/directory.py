"""The directory: provider organisations and the services they run."""
from __future__ import annotations

import enum

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .base import TimestampMixin, enum_column


class ServiceKind(enum.Enum):
    HOSPITAL = "hospital"
    GP_PRACTICE = "gp_practice"
    AMBULANCE = "ambulance"
    URGENT_CARE_LINE = "urgent_care_line"
    MENTAL_HEALTH = "mental_health"
    CARE_HOME = "care_home"
    YOUTH_CENTRE = "youth_centre"
    COUNSELLING = "counselling"
    DISABILITY_SUPPORT = "disability_support"
    WELFARE_ADVICE = "welfare_advice"


class Organisation(TimestampMixin, db.Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(200), unique=True, index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2: GB, DE
    region: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Organisation | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Organisation]] = relationship(back_populates="parent")
    services: Mapped[list[Service]] = relationship(back_populates="organisation", order_by="Service.name")

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.slug}>"


class Service(TimestampMixin, db.Model):
    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True, index=True)
    kind: Mapped[ServiceKind] = mapped_column(enum_column(ServiceKind), index=True)
    street: Mapped[str | None] = mapped_column(String(200))
    town: Mapped[str] = mapped_column(String(100), index=True)
    postcode: Mapped[str | None] = mapped_column(String(12))
    country: Mapped[str] = mapped_column(String(2))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    organisation: Mapped[Organisation] = relationship(back_populates="services")

    def __repr__(self) -> str:
        return f"<Service {self.id} {self.slug}>"
