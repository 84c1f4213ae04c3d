"""Who belongs to which organisation, and what a member may see and do there."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from ..extensions import db
from ..models import Membership, MembershipRole, Organisation, Service, User
from .browse import organisation_and_descendant_ids

# What each organisation role may do; an organisation admin may do everything.
CAN_RESPOND = frozenset({MembershipRole.RESPONDER, MembershipRole.ADMIN})
CAN_READ = frozenset(MembershipRole)
CAN_MANAGE = frozenset({MembershipRole.ADMIN})


def memberships_of(user: User) -> list[Membership]:
    """The user's memberships, oldest first."""
    return list(db.session.scalars(
        select(Membership).where(Membership.user_id == user.id).order_by(Membership.id)
    ))


def membership_role(user: User | None, organisation: Organisation) -> MembershipRole | None:
    """The user's role in this organisation, inherited from a parent organisation if they belong there."""
    if user is None or not user.is_authenticated:
        return None
    roles = {m.organisation_id: m.role for m in memberships_of(user)}
    organisation_id: int | None = organisation.id
    while organisation_id is not None:
        if organisation_id in roles:
            return roles[organisation_id]
        organisation_id = db.session.scalar(select(Organisation.parent_id).where(Organisation.id == organisation_id))
    return None


def is_member(user: User | None, organisation: Organisation, allowed: Iterable[MembershipRole] = CAN_READ) -> bool:
    """Whether the user belongs to the organisation (or a parent of it) in one of the ``allowed`` roles."""
    return membership_role(user, organisation) in set(allowed)


def visible_service_ids(organisation: Organisation) -> list[int]:
    """The services of an organisation and of every organisation below it."""
    return list(db.session.scalars(
        select(Service.id).where(Service.organisation_id.in_(organisation_and_descendant_ids(organisation.id)))
    ))
