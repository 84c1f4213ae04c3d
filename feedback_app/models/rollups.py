"""Rollups: published stories summed by pathway, month, language and theme, so dashboards never scan stories.

A pathway is the set of services a story names (most name one). Each story counts once in the row with theme
"*" (all stories) and once in the row of each theme it carries, in the month it was published, under its
pathway. Every measure is a plain sum, so a figure over any services (one service, an organisation, a remit) is
a SUM over the rows of the pathways that name at least one of them: a story naming two services of one
organisation counts once for the organisation, and once for each service when services are compared.
Kept current by services/rollups.py; `flask rollups rebuild` recomputes them all.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db

ALL_THEMES = "*"
# Days to a first response, as bucket upper bounds; the last bucket is open. A median is read off these.
RESPONSE_DAY_BUCKETS = (1, 2, 4, 7, 14, 30)


class RollupPathway(db.Model):
    """A set of services that published stories name together; rows are made as stories need them."""

    __tablename__ = "rollup_pathways"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_key: Mapped[str] = mapped_column(Text, unique=True)  # the services' ids, ascending: "3,17"

    def __repr__(self) -> str:
        return f"<RollupPathway {self.id} services={self.service_key}>"


rollup_pathway_services = Table(
    "rollup_pathway_services",
    db.metadata,
    Column("pathway_id", ForeignKey("rollup_pathways.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_rollup_pathway_services_service_id", "service_id", "pathway_id"),
)


class StoryRollup(db.Model):
    __tablename__ = "story_rollups"
    # The key leads with theme and month, so the rows of one theme (or "*") in a range of months are one
    # stretch of the key, as every dashboard figure reads them; a refresh finds its buckets by the index.
    # On SQLite the rows are stored in key order (no rowid): read in place, not looked up one by one.
    # One month of every theme (what a publication makes the dashboard read again) is a stretch of
    # ix_story_rollups_month_theme; PostgreSQL would otherwise scan the table for it (10 ms at a million stories).
    __table_args__ = (Index("ix_story_rollups_pathway_month", "pathway_id", "month"),
                      Index("ix_story_rollups_month_theme", "month", "theme"), {"sqlite_with_rowid": False})

    theme: Mapped[str] = mapped_column(String(32), primary_key=True)  # a theme code, or "*" for every story
    month: Mapped[date] = mapped_column(Date, primary_key=True)  # first day of the month published
    pathway_id: Mapped[int] = mapped_column(ForeignKey("rollup_pathways.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(2), primary_key=True)

    stories: Mapped[int] = mapped_column(Integer, default=0)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    rating_sq_sum: Mapped[int] = mapped_column(Integer, default=0)  # for confidence intervals of the mean
    fft_answered: Mapped[int] = mapped_column(Integer, default=0)  # every answer but "don't know"
    fft_positive: Mapped[int] = mapped_column(Integer, default=0)  # very good or good
    sentiment_positive: Mapped[int] = mapped_column(Integer, default=0)
    sentiment_mixed: Mapped[int] = mapped_column(Integer, default=0)
    sentiment_negative: Mapped[int] = mapped_column(Integer, default=0)
    # The theme's own sentiment in the stories that carry it (zero on "*" rows).
    theme_positive: Mapped[int] = mapped_column(Integer, default=0)
    theme_mixed: Mapped[int] = mapped_column(Integer, default=0)
    theme_negative: Mapped[int] = mapped_column(Integer, default=0)
    critical: Mapped[int] = mapped_column(Integer, default=0)  # criticality 4 or 5
    criticality_0: Mapped[int] = mapped_column(Integer, default=0)
    criticality_1: Mapped[int] = mapped_column(Integer, default=0)
    criticality_2: Mapped[int] = mapped_column(Integer, default=0)
    criticality_3: Mapped[int] = mapped_column(Integer, default=0)
    criticality_4: Mapped[int] = mapped_column(Integer, default=0)
    criticality_5: Mapped[int] = mapped_column(Integer, default=0)
    responded: Mapped[int] = mapped_column(Integer, default=0)
    response_days_1: Mapped[int] = mapped_column(Integer, default=0)  # first response within 1 day
    response_days_2: Mapped[int] = mapped_column(Integer, default=0)  # within 1-2 days
    response_days_4: Mapped[int] = mapped_column(Integer, default=0)
    response_days_7: Mapped[int] = mapped_column(Integer, default=0)
    response_days_14: Mapped[int] = mapped_column(Integer, default=0)
    response_days_30: Mapped[int] = mapped_column(Integer, default=0)
    response_days_more: Mapped[int] = mapped_column(Integer, default=0)
    changes_planned: Mapped[int] = mapped_column(Integer, default=0)  # stories with a change planned
    changes_made: Mapped[int] = mapped_column(Integer, default=0)
    changes_confirmed: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<StoryRollup pathway={self.pathway_id} {self.month} {self.language} {self.theme}>"


class FunderRemit(db.Model):
    """What a funder oversees: an organisation (with those below it) or a whole region."""

    __tablename__ = "funder_remits"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    region: Mapped[str | None] = mapped_column(String(100))

    def __repr__(self) -> str:
        return f"<FunderRemit user={self.user_id} org={self.organisation_id} region={self.region}>"


class RollupState(db.Model):
    """One row: a version that moves whenever any rollup or remit changes, so cached dashboards can tell.

    It is also the clock of OrganisationVersion: each change stamps the organisations it touched with the new
    value, so the largest stamp among a set of organisations moves whenever any of them changes.
    """

    __tablename__ = "rollup_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    # The last version that changed an escalation list (see OrganisationVersion.critical_version).
    critical_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The last version that changed every figure at once (a rebuild, or a service or organisation that moved):
    # sums kept pathway by pathway (see PathwayMonthVersion) from before it are read again whole.
    reset_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    def __repr__(self) -> str:
        return f"<RollupState version={self.version}>"


class OrganisationVersion(db.Model):
    """When an organisation's figures last changed, as a value of RollupState.version; a dashboard scoped to
    some organisations is kept until one of them moves."""

    __tablename__ = "rollup_organisation_versions"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    # Moves only when a story that is (or was) waiting on the escalation list changes: most publications and
    # answers leave the list as it was, so its kept rendering outlives theirs.
    critical_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    def __repr__(self) -> str:
        return f"<OrganisationVersion org={self.organisation_id} version={self.version}>"


class MonthVersion(db.Model):
    """When the figures of an organisation's month last changed, as a value of RollupState.version: sums over
    months are kept month by month, so a publication (which changes this month) leaves the other months' kept."""

    __tablename__ = "rollup_month_versions"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<MonthVersion org={self.organisation_id} {self.month} version={self.version}>"


class PathwayMonthVersion(db.Model):
    """When the rollups of a pathway's month last changed, as a value of RollupState.version. The month a
    publication lands in is kept pathway by pathway too, so the next view reads again only the pathways whose
    version moved (a few rows) instead of the whole month (thousands at a million stories)."""

    __tablename__ = "rollup_pathway_month_versions"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    pathway_id: Mapped[int] = mapped_column(ForeignKey("rollup_pathways.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<PathwayMonthVersion pathway={self.pathway_id} {self.month} version={self.version}>"
