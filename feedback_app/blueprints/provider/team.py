"""An organisation's team: /provider/<org_slug>/team, invitations, roles and removals (its admins only)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ...authz import signed_in_user
from ...extensions import db
from ...forms.common import ActionForm
from ...forms.provider import ROLE_HINTS, InviteForm, RoleForm
from ...models import Invitation, Membership, MembershipRole, Organisation
from ...models.base import utcnow
from ...services import ServiceError
from ...services.invitations import (
    change_member_role,
    invitation_days,
    invite_staff,
    pending_invitations,
    remove_member,
    revoke_invitation,
    team_members,
)
from ...services.membership import CAN_MANAGE
from ...services.notifications import deliver_if_inline
from .access import organisation_for_member
from .blueprint import bp


def managed_organisation(org_slug: str) -> Organisation:
    """The organisation of the URL, if the signed-in person manages its team: 404 for outsiders, 403 for staff."""
    return organisation_for_member(org_slug, CAN_MANAGE)


@bp.get("/<org_slug>/team")
def team(org_slug: str):
    return _render_team(managed_organisation(org_slug))


@bp.post("/<org_slug>/team/invitations")
def invite(org_slug: str):
    organisation = managed_organisation(org_slug)
    form = InviteForm()
    if form.validate_on_submit():
        try:
            invitation, _token = invite_staff(organisation, form.email.data, form.chosen_role(), signed_in_user())
        except ServiceError as error:
            form.email.errors.append(str(error))
        else:
            db.session.commit()
            deliver_if_inline()
            flash(_("An invitation is on its way to %(email)s.", email=invitation.email), "success")
            return redirect(url_for("provider.team", org_slug=organisation.slug))
    return _render_team(organisation, invite_form=form), 400


@bp.post("/<org_slug>/team/members/<int:membership_id>/role")
def change_role(org_slug: str, membership_id: int):
    organisation = managed_organisation(org_slug)
    membership = _member_or_404(organisation, membership_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            change_member_role(membership, form.chosen_role())
        except ServiceError as error:
            form.role.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("%(name)s's role is changed.", name=membership.user.display_name), "success")
            return redirect(url_for("provider.team", org_slug=organisation.slug))
    db.session.rollback()
    return _render_team(organisation, role_forms={membership.id: form}), 400


@bp.post("/<org_slug>/team/members/<int:membership_id>/remove")
def remove(org_slug: str, membership_id: int):
    organisation = managed_organisation(org_slug)
    membership = _member_or_404(organisation, membership_id)
    if ActionForm().validate_on_submit():
        name = membership.user.display_name
        try:
            remove_member(membership)
        except ServiceError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("%(name)s is no longer on the team.", name=name), "success")
    return redirect(url_for("provider.team", org_slug=organisation.slug))


@bp.post("/<org_slug>/team/invitations/<int:invitation_id>/revoke")
def revoke(org_slug: str, invitation_id: int):
    organisation = managed_organisation(org_slug)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.organisation_id != organisation.id:
        abort(404)
    if ActionForm().validate_on_submit():
        try:
            revoke_invitation(invitation)
        except ServiceError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("The invitation to %(email)s is withdrawn.", email=invitation.email), "success")
    return redirect(url_for("provider.team", org_slug=organisation.slug))


def _member_or_404(organisation: Organisation, membership_id: int) -> Membership:
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.organisation_id != organisation.id:
        abort(404)
    return membership


def _render_team(organisation: Organisation, invite_form: InviteForm | None = None,
                 role_forms: dict[int, RoleForm] | None = None) -> str:
    members = team_members(organisation)
    role_forms = role_forms or {}
    forms = {m.id: role_forms.get(m.id) or RoleForm(formdata=None, role=m.role.value) for m in members}
    return render_template(
        "provider/team.html", organisation=organisation, members=members, role_forms=forms,
        invitations=pending_invitations(organisation), invite_form=invite_form or InviteForm(formdata=None, role=MembershipRole.RESPONDER.value),
        action_form=ActionForm(), role_hints=ROLE_HINTS, days=invitation_days(), now=utcnow(),
        me=signed_in_user(),
    )
