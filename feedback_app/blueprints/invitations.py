"""Accepting an invitation to an organisation's staff: /invitations/<token>."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..authz import signed_in_user
from ..extensions import db
from ..forms.common import ActionForm
from ..labels import label
from ..models import Organisation
from ..services import ServiceError
from ..services.invitations import accept_invitation, find_invitation, invitation_problem

bp = Blueprint("invitations", __name__)


@bp.get("/invitations/<token>")
def show(token: str):
    invitation = find_invitation(token)
    if invitation is None:
        return _refused(_("This invitation link is not valid. Please check that you copied the whole link "
                          "from the e-mail, or ask the organisation's admin for a new one."), 404)
    problem = invitation_problem(invitation)
    if problem:
        return _refused(problem, 410)
    return render_template("invitations/show.html", invitation=invitation, token=token,
                           organisation=db.session.get(Organisation, invitation.organisation_id),
                           role=label(invitation.role), form=ActionForm())


@bp.post("/invitations/<token>")
@login_required
def accept(token: str):
    invitation = find_invitation(token)
    if invitation is None:
        return show(token)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("invitations.show", token=token))
    try:
        accept_invitation(invitation, signed_in_user())
    except ServiceError as error:
        db.session.rollback()
        # A spent, withdrawn or expired link is gone (410); any other refusal is a conflict with the team.
        return _refused(str(error), 410 if invitation_problem(invitation) else 409)
    db.session.commit()
    organisation = db.session.get(Organisation, invitation.organisation_id)
    flash(_("Welcome to the team of %(organisation)s.", organisation=organisation.name), "success")
    return redirect(url_for("provider.inbox", org_slug=organisation.slug))


def _refused(message: str, status: int):  # noqa: ANN202 - a Flask response
    return render_template("invitations/refused.html", message=message), status
