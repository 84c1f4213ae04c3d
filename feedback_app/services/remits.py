"""What a funder oversees: the organisations and regions an admin assigned, and the services they cover."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache as cache_once

from flask_babel import gettext as _
from sqlalchemy import CTE, Row, Select, bindparam, or_, select

from ..extensions import db
from ..models import FunderRemit, Organisation, OrganisationVersion, Role, User
from . import ServiceError
from .browse import subtree_of
from .rollups import bump_version, current_versions


@dataclass(frozen=True)
class Scope:
    """The organisations someone may see on the dashboard; ``everything`` for admins."""

    everything: bool
    organisation_ids: frozenset[int] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.everything and not self.organisation_ids

    def covers(self, organisation_id: int) -> bool:
        return self.everything or organisation_id in self.organisation_ids


def remit_scope(user: User) -> Scope:
    """The scope of a funder's remit: assigned organisations and those below, and organisations in their regions.

    An organisation in a remit region brings the organisations below it too, as an assigned one does.
    """
    if user.role is Role.ADMIN:
        return Scope(everything=True)
    return Scope(everything=False, organisation_ids=frozenset(db.session.scalars(_remit_ids(), {"user_id": user.id})))


def remit_scope_and_versions(user: User) -> tuple[Scope, int, int]:
    """The scope, and the latest version and critical version stamped on any of its organisations (for an
    admin, who sees everything, the figures' own): one statement, as every view of the dashboard asks, kept
    ones too."""
    if user.role is Role.ADMIN:
        return Scope(everything=True), *current_versions()
    rows = db.session.execute(_remit_ids_and_versions(), {"user_id": user.id}).all()
    return (Scope(everything=False, organisation_ids=frozenset(row.id for row in rows)),
            max((row.version or 0 for row in rows), default=0),
            max((row.critical_version or 0 for row in rows), default=0))


# Both statements are built once per process, for any funder (their id is bound when run): building the
# recursive query took about as long as running it, on every view of the dashboard.
@cache_once
def _remit_ids() -> Select:
    return select(_remit_tree().c.id)


@cache_once
def _remit_ids_and_versions() -> Select:
    tree = _remit_tree()
    return (select(tree.c.id, OrganisationVersion.version, OrganisationVersion.critical_version)
            .outerjoin(OrganisationVersion, OrganisationVersion.organisation_id == tree.c.id))


def _remit_tree() -> CTE:
    """The assigned organisations and those of the remit regions, then everything below them, of the funder
    whose id is bound as ``user_id``."""
    mine = FunderRemit.user_id == bindparam("user_id")
    roots = select(Organisation.id).where(or_(
        Organisation.id.in_(select(FunderRemit.organisation_id).where(mine, FunderRemit.organisation_id.is_not(None))),
        Organisation.region.in_(select(FunderRemit.region).where(mine, FunderRemit.region.is_not(None)))))
    return subtree_of(roots)


def scope_organisations(scope: Scope) -> list[Row]:
    """The organisations in scope, by name, as rows of id, name and region (for the filters, their regions
    and the comparison's names): plain rows, not mapped objects, which took three times as long to load."""
    query = select(Organisation.id, Organisation.name, Organisation.region).order_by(Organisation.name)
    if not scope.everything:
        query = query.where(Organisation.id.in_(scope.organisation_ids))
    return list(db.session.execute(query))


def regions_of(organisations: list[Row]) -> list[str]:
    """The regions of these organisations (rows of scope_organisations): scope_regions without a statement."""
    return sorted({organisation.region for organisation in organisations if organisation.region})


def scope_regions(scope: Scope) -> list[str]:
    """The regions of the organisations in scope."""
    query = select(Organisation.region).where(Organisation.region.is_not(None)).distinct()
    if not scope.everything:
        query = query.where(Organisation.id.in_(scope.organisation_ids))
    return sorted(r for r in db.session.scalars(query) if r)


def funders() -> list[User]:
    """Every funder account, by name."""
    return list(db.session.scalars(select(User).where(User.role == Role.FUNDER).order_by(User.display_name)))


def remits_of(user: User) -> list[FunderRemit]:
    """A funder's remit entries."""
    return list(db.session.scalars(select(FunderRemit).where(FunderRemit.user_id == user.id)
                                   .order_by(FunderRemit.region, FunderRemit.organisation_id)))


def add_remit(user: User, organisation: Organisation | None = None, region: str | None = None) -> FunderRemit:
    """Give a funder an organisation or a region to oversee (exactly one of the two)."""
    if user.role is not Role.FUNDER:
        raise ServiceError(_("Only funders have a remit."))
    if (organisation is None) == (not region):
        raise ServiceError(_("Choose either an organisation or a region."))
    same = select(FunderRemit).where(FunderRemit.user_id == user.id)
    same = same.where(FunderRemit.organisation_id == organisation.id) if organisation else same.where(
        FunderRemit.region == region)
    existing = db.session.scalars(same).first()
    if existing:
        return existing
    remit = FunderRemit(user_id=user.id, organisation_id=organisation.id if organisation else None,
                        region=region if organisation is None else None)
    db.session.add(remit)
    db.session.flush()
    bump_version()  # cached dashboards of this funder now show more
    return remit


def remove_remit(remit: FunderRemit) -> None:
    """Take an organisation or region out of a funder's remit."""
    db.session.delete(remit)
    db.session.flush()
    bump_version()


def known_regions() -> list[str]:
    """Every region an organisation names, for the admin's choice."""
    return sorted(r for r in db.session.scalars(
        select(Organisation.region).where(Organisation.region.is_not(None)).distinct()) if r)
