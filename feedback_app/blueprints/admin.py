"""The admin area: which organisations and regions each funder oversees."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from ..authz import admin_required
from ..extensions import db
from ..forms.common import ActionForm
from ..forms.dashboard import RemitForm
from ..models import FunderRemit, Organisation, Role, User
from ..services import ServiceError
from ..services.remits import add_remit, funders, known_regions, remits_of, remove_remit

bp = Blueprint("admin", __name__)


@bp.before_request
@admin_required
def _only_admins() -> None:
    """Administrators only."""


def _remit_form(user_id: int) -> RemitForm:
    # One form per funder on the page: the prefix keeps their fields' ids apart.
    form = RemitForm(prefix=f"funder{user_id}")
    form.fill_choices(list(db.session.scalars(select(Organisation).order_by(Organisation.name))), known_regions())
    return form


def _page(form: RemitForm | None = None, failed_for: int | None = None, status: int = 200):
    people = funders()
    organisations = {o.id: o for o in db.session.scalars(select(Organisation))}
    return render_template("admin/funders.html", funders=people, remits={u.id: remits_of(u) for u in people},
                           organisations=organisations, form_for=lambda user_id: (
                               form if form is not None and failed_for == user_id else _remit_form(user_id)),
                           failed_for=failed_for, action=ActionForm()), status


@bp.get("/funders")
def funders_list():
    return _page()


@bp.post("/funders/<int:user_id>/remits")
def add(user_id: int):
    user = db.get_or_404(User, user_id)
    if user.role is not Role.FUNDER:
        abort(404)
    form = _remit_form(user.id)
    if not form.validate_on_submit():
        return _page(form, user.id, 400)
    organisation = db.session.get(Organisation, form.organisation.data) if form.organisation.data else None
    try:
        add_remit(user, organisation=organisation, region=form.region.data or None)
    except ServiceError as error:
        form.organisation.errors.append(str(error))
        return _page(form, user.id, 400)
    db.session.commit()
    flash(_("The remit of %(name)s is updated.", name=user.display_name), "success")
    return redirect(url_for("admin.funders_list", _anchor=f"funder-{user.id}"))


@bp.post("/remits/<int:remit_id>/delete")
def remove(remit_id: int):
    remit = db.get_or_404(FunderRemit, remit_id)
    if ActionForm().validate_on_submit():
        remove_remit(remit)
        db.session.commit()
        flash(_("Taken out of the remit."), "success")
    return redirect(url_for("admin.funders_list"))
