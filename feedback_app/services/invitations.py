"""An organisation's team: inviting staff by e-mail, accepting, changing roles, removing members."""
from __future__ import annotations

import secrets
from contextlib import nullcontext
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import select, update

from ..extensions import db
from ..i18n import in_language
from ..labels import label
from ..models import Invitation, Membership, MembershipRole, Organisation, Role, User
from ..models.base import utcnow
from . import ServiceError
from .accounts import find_user_by_email, normalise_email
from .membership import CAN_MANAGE, is_member
from .notifications import queue_email
from .stories import hash_token

DEFAULT_INVITATION_DAYS = 7
TOKEN_BYTES = 32
# Longer than any token we hand out: a longer one is refused before it costs a hash and a query.
MAX_TOKEN_LENGTH = 100


def can_manage_team(user: User | None, organisation: Organisation) -> bool:
    """Organisation admins (here or above) and platform admins manage the team."""
    if user is None or not user.is_authenticated:
        return False
    return user.role is Role.ADMIN or is_member(user, organisation, CAN_MANAGE)


def invitation_days() -> int:
    """How long an invitation link stays valid, from INVITATION_DAYS."""
    return int(current_app.config.get("INVITATION_DAYS", DEFAULT_INVITATION_DAYS))


def team_members(organisation: Organisation) -> list[Membership]:
    """The organisation's own members (not those of its parent), by name."""
    return list(db.session.scalars(
        select(Membership).join(Membership.user).where(Membership.organisation_id == organisation.id)
        .order_by(User.display_name, Membership.id)
    ))


def pending_invitations(organisation: Organisation) -> list[Invitation]:
    """Invitations neither accepted nor revoked, newest first (expired ones included, so they can be re-sent)."""
    return list(db.session.scalars(
        select(Invitation).where(
            Invitation.organisation_id == organisation.id,
            Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None),
        ).order_by(Invitation.created_at.desc(), Invitation.id.desc())
    ))


def invite_staff(organisation: Organisation, email: str, role: MembershipRole, invited_by: User) -> tuple[Invitation, str]:
    """Invite an address to the team and queue the e-mail; returns the invitation and its one-time token.

    An earlier pending invitation to the same address is revoked, so only the newest link works.
    """
    address = normalise_email(email)
    existing_user = find_user_by_email(address)
    if existing_user is not None and _membership(existing_user, organisation) is not None:
        raise ServiceError(_("%(email)s is already a member of this organisation.", email=address))
    now = utcnow()
    db.session.execute(
        update(Invitation).where(
            Invitation.organisation_id == organisation.id, Invitation.email == address,
            Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None),
        ).values(revoked_at=now)
    )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    invitation = Invitation(
        organisation_id=organisation.id, email=address, role=role, token_hash=hash_token(token),
        invited_by_id=invited_by.id, expires_at=now + timedelta(days=invitation_days()),
    )
    db.session.add(invitation)
    db.session.flush()
    # Someone with an account reads it in their own language; a newcomer in the inviting admin's.
    language = existing_user.locale if existing_user is not None else None
    with in_language(language) if language else nullcontext():
        queue_email(address, _("You are invited to join %(organisation)s on Storyloop", organisation=organisation.name), _(
            "%(inviter)s invites you to join %(organisation)s on Storyloop as %(role)s, to read and answer "
            "the stories people tell about its services.\n\n"
            "To accept, open this link (it works once and expires in %(days)d days):\n\n%(link)s\n\n"
            "If you did not expect this invitation, you can ignore this e-mail.",
            inviter=invited_by.display_name, organisation=organisation.name, role=label(role),
            days=invitation_days(), link=url_for("invitations.show", token=token, _external=True),
        ))
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    """The invitation a link's token opens, whatever its state; None for an unknown or malformed token."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return db.session.scalar(select(Invitation).where(Invitation.token_hash == hash_token(token)))


def invitation_problem(invitation: Invitation) -> str | None:
    """Why this invitation can no longer be used, or None while it is valid."""
    if invitation.accepted_at is not None:
        return _("This invitation has already been used. Each invitation link works only once.")
    if invitation.revoked_at is not None:
        return _("This invitation has been withdrawn. Please ask the organisation's admin for a new one.")
    if invitation.expires_at <= utcnow():
        return _("This invitation has expired. Please ask the organisation's admin for a new one.")
    return None


def accept_invitation(invitation: Invitation, user: User) -> Membership:
    """Join the organisation in the invited role (or take that role if already a member); the link is then spent."""
    problem = invitation_problem(invitation)
    if problem:
        raise ServiceError(problem)
    # Claim the invitation with a conditional update, so two simultaneous uses cannot both succeed.
    claimed = db.session.execute(
        update(Invitation).where(
            Invitation.id == invitation.id, Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None),
        ).values(accepted_at=utcnow(), accepted_by_id=user.id)
    ).rowcount
    if claimed != 1:
        raise ServiceError(_("This invitation has already been used. Each invitation link works only once."))
    db.session.refresh(invitation)
    organisation = db.session.get(Organisation, invitation.organisation_id)
    membership = _membership(user, organisation)
    if membership is None:
        membership = Membership(user_id=user.id, organisation_id=organisation.id, role=invitation.role)
        db.session.add(membership)
    elif membership.role is not invitation.role:
        _keep_an_admin(membership, invitation.role)
        membership.role = invitation.role
    db.session.flush()
    return membership


def revoke_invitation(invitation: Invitation) -> None:
    """Withdraw a pending invitation: its link stops working."""
    if invitation.accepted_at is not None:
        raise ServiceError(_("This invitation has already been accepted."))
    if invitation.revoked_at is None:
        invitation.revoked_at = utcnow()
    db.session.flush()


def change_member_role(membership: Membership, role: MembershipRole) -> None:
    """Give a member another role; the organisation's last admin stays an admin."""
    if membership.role is role:
        return
    _keep_an_admin(membership, role)
    membership.role = role
    db.session.flush()


def remove_member(membership: Membership) -> None:
    """Take someone off the team; the organisation's last admin cannot be removed."""
    _keep_an_admin(membership, None)
    db.session.delete(membership)
    db.session.flush()


def _membership(user: User, organisation: Organisation) -> Membership | None:
    return db.session.scalar(select(Membership).where(
        Membership.user_id == user.id, Membership.organisation_id == organisation.id
    ))


def _keep_an_admin(membership: Membership, new_role: MembershipRole | None) -> None:
    """Refuse a change that would leave the organisation without an admin of its own."""
    if membership.role is not MembershipRole.ADMIN or new_role is MembershipRole.ADMIN:
        return
    # Lock the admin rows, so two admins demoting each other at once cannot both succeed (PostgreSQL);
    # SQLite already serialises writers with BEGIN IMMEDIATE.
    admins = db.session.scalars(
        select(Membership.id).where(
            Membership.organisation_id == membership.organisation_id, Membership.role == MembershipRole.ADMIN,
        ).with_for_update()
    ).all()
    if len(admins) <= 1:
        raise ServiceError(_("An organisation needs at least one admin. Make someone else an admin first."))
