"""Moderating the conversation: responses and replies waiting for a check, and reports of problems."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from ...authz import signed_in_user
from ...extensions import db
from ...forms.common import ActionForm, ReasonForm
from ...forms.responses import DecideReportForm
from ...models import Report, ReportStatus, Response, ResponseStatus
from ...services import ServiceError
from ...services.notifications import deliver_if_inline
from ...services.reports import decide_report
from ...services.responses import publish_response, reject_response
from ..args import int_arg
from .blueprint import bp


@bp.get("/responses")
def responses():
    page = db.paginate(
        select(Response).where(Response.status == ResponseStatus.PENDING).order_by(Response.submitted_at),
        page=int_arg("page", 1) or 1, per_page=current_app.config["STORIES_PER_PAGE"], error_out=False,
    )
    return render_template("moderation/responses.html", page=page, action_form=ActionForm(),
                           reject_form=ReasonForm(prefix="reject", formdata=None))


@bp.post("/responses/<int:response_id>/publish")
def publish_response_view(response_id: int):
    response = db.get_or_404(Response, response_id)
    if ActionForm().validate_on_submit():
        try:
            publish_response(response, signed_in_user())
        except ServiceError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            deliver_if_inline()
            flash(_("The response is published."), "success")
    return redirect(url_for("moderation.responses"))


@bp.post("/responses/<int:response_id>/reject")
def reject_response_view(response_id: int):
    response = db.get_or_404(Response, response_id)
    form = ReasonForm(prefix="reject")
    if not form.validate_on_submit():
        flash(_("Please give a reason."), "error")
        return redirect(url_for("moderation.responses"))
    try:
        reject_response(response, signed_in_user(), form.reason.data.strip())
    except ServiceError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("The response is rejected; the reason is in the story's history."), "success")
    return redirect(url_for("moderation.responses"))


@bp.get("/reports")
def reports():
    status = request.args.get("status", ReportStatus.OPEN.value)
    query = select(Report).order_by(Report.created_at)
    if status in {s.value for s in ReportStatus}:
        query = query.where(Report.status == ReportStatus(status))
    page = db.paginate(query, page=int_arg("page", 1) or 1, per_page=current_app.config["STORIES_PER_PAGE"],
                       error_out=False)
    return render_template("moderation/reports.html", page=page, status=status,
                           report_statuses={s.value: s for s in ReportStatus})


@bp.route("/reports/<int:report_id>", methods=["GET", "POST"])
def report(report_id: int):
    report = db.get_or_404(Report, report_id)
    form = DecideReportForm()
    if form.validate_on_submit():
        try:
            decide_report(report, signed_in_user(), form.decision.data == "uphold", form.reason.data)
        except ServiceError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("Your decision is recorded in the story's history."), "success")
            return redirect(url_for("moderation.reports"))
    return render_template("moderation/report.html", report=report, form=form), 400 if form.errors else 200
