"""Alerts: subscribing to stories by e-mail (/alerts), and one-click unsubscribe (/unsubscribe/<token>)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..authz import is_staff_or_funder, signed_in_user, staff_or_funder_required
from ..extensions import csrf, db
from ..forms.alerts import AlertForm
from ..forms.common import ActionForm
from ..i18n import current_language
from ..models import Frequency, Organisation, Service, Subscription
from ..services.alerts import describe_alert
from ..services.subscriptions import (
    create_subscription,
    delete_subscription,
    find_subscription_by_token,
    set_subscription_active,
    user_subscriptions,
)

bp = Blueprint("alerts", __name__)


@bp.app_context_processor
def _alerts_link() -> dict:
    # base.html shows the Alerts link only to the people who may use it.
    return {"may_use_alerts": is_staff_or_funder}


@bp.get("/alerts")
@staff_or_funder_required
def index():
    subscriptions = user_subscriptions(signed_in_user())
    return render_template("alerts/index.html", subscriptions=subscriptions, describe=describe_alert,
                           action_form=ActionForm())


@bp.route("/alerts/new", methods=["GET", "POST"])
@staff_or_funder_required
def new():
    form = AlertForm()
    form.fill_choices(
        db.session.scalars(select(Organisation).order_by(Organisation.name)).all(),
        db.session.scalars(select(Service).options(joinedload(Service.organisation)).order_by(Service.name)).all(),
    )
    if form.validate_on_submit():
        user = signed_in_user()
        create_subscription(user, form.criteria(), Frequency(form.frequency.data),
                            language=user.locale or current_language())
        db.session.commit()
        flash(_("Your alert is set up. The e-mails go to %(email)s.", email=user.email), "success")
        return redirect(url_for("alerts.index"))
    return render_template("alerts/new.html", form=form), 400 if request.method == "POST" else 200


@bp.post("/alerts/<int:subscription_id>/pause")
@staff_or_funder_required
def pause(subscription_id: int):
    return _set_active(subscription_id, False, _("The alert is paused."))


@bp.post("/alerts/<int:subscription_id>/resume")
@staff_or_funder_required
def resume(subscription_id: int):
    return _set_active(subscription_id, True, _("The alert is on again."))


@bp.post("/alerts/<int:subscription_id>/delete")
@staff_or_funder_required
def delete(subscription_id: int):
    subscription = _own_alert(subscription_id)
    if ActionForm().validate_on_submit():
        delete_subscription(subscription)
        db.session.commit()
        flash(_("The alert is deleted."), "success")
    return redirect(url_for("alerts.index"))


@bp.get("/unsubscribe/<token>")
def unsubscribe(token: str):
    # Never unsubscribe on GET: mail scanners open every link in a message.
    subscription = find_subscription_by_token(token)
    if subscription is None:
        return render_template("alerts/bad_link.html"), 404
    return render_template("alerts/unsubscribe.html", subscription=subscription, token=token,
                           description=describe_alert(subscription))


@bp.post("/unsubscribe/<token>")
@csrf.exempt  # RFC 8058: mail clients POST here with no page and no CSRF token; the signed token is the proof
def unsubscribe_confirm(token: str):
    subscription = find_subscription_by_token(token)
    if subscription is None:
        return render_template("alerts/bad_link.html"), 404
    set_subscription_active(subscription, False)
    db.session.commit()
    return render_template("alerts/unsubscribed.html", subscription=subscription)


def _own_alert(subscription_id: int) -> Subscription:
    subscription = db.get_or_404(Subscription, subscription_id)
    user = signed_in_user()
    if subscription.user_id != user.id or subscription.story_id is not None:
        abort(404)  # someone else's alert does not exist for this person
    return subscription


def _set_active(subscription_id: int, active: bool, message: str):  # noqa: ANN202 - a response
    subscription = _own_alert(subscription_id)
    if ActionForm().validate_on_submit():
        set_subscription_active(subscription, active)
        db.session.commit()
        flash(message, "success")
    return redirect(url_for("alerts.index"))
