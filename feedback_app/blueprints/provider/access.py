"""Finding the organisation a provider page is about, for a member of it only."""
from __future__ import annotations

from collections.abc import Iterable

from flask import abort
from sqlalchemy import select

from ...authz import signed_in_user
from ...extensions import db
from ...models import MembershipRole, Organisation, Role
from ...services.membership import CAN_READ, membership_role


def organisation_for_member(slug: str, roles: Iterable[MembershipRole] = CAN_READ) -> Organisation:
    """The organisation, if the signed-in user belongs to it (or a parent). Others get 404, so nothing leaks."""
    organisation = db.session.scalar(select(Organisation).where(Organisation.slug == slug))
    user = signed_in_user()
    if organisation is None or user is None:
        abort(404)
    role = membership_role(user, organisation)
    if role is None and not user.has_role(Role.ADMIN):
        abort(404)
    if role is not None and role not in set(roles):
        abort(403)
    return organisation
