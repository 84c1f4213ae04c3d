"""The storyteller's side of the conversation: replying, confirming a change, and anyone reporting a problem."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..authz import signed_in_user
from ..extensions import db
from ..forms.responses import ConfirmChangeForm, ReplyForm, ReportForm
from ..models import ChangeOutcome, Response, ResponseStatus, Story, StoryStatus
from ..services import ServiceError
from ..services.notifications import deliver_if_inline
from ..services.reports import report_content
from ..services.responses import answer_change, post_reply
from .args import int_arg
from .stories import bp
from .story_access import own_story, render_story, story_for_token, story_url


@bp.post("/stories/<int:story_id>/reply")
@login_required
def reply(story_id: int):
    return _reply(own_story(story_id), token=None)


@bp.post("/follow/<token>/reply")
def reply_by_link(token: str):
    return _reply(story_for_token(token), token=token)


@bp.post("/stories/<int:story_id>/responses/<int:response_id>/confirm")
@login_required
def confirm_change(story_id: int, response_id: int):
    return _confirm(own_story(story_id), response_id, token=None)


@bp.post("/follow/<token>/responses/<int:response_id>/confirm")
def confirm_change_by_link(token: str, response_id: int):
    return _confirm(story_for_token(token), response_id, token=token)


@bp.route("/stories/<int:story_id>/report", methods=["GET", "POST"])
def report(story_id: int):
    story = db.get_or_404(Story, story_id)
    if story.status is not StoryStatus.PUBLISHED:
        abort(404)
    response = _published_response(story, int_arg("response"))
    form = ReportForm()
    if form.validate_on_submit():
        try:
            report_content(story, form.reason.data, signed_in_user(), response, form.email.data)
        except ServiceError as error:
            form.reason.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Thank you. A moderator will look at your report."), "success")
            return redirect(url_for("stories.detail", story_id=story.id))
    return render_template("stories/report.html", story=story, response=response, form=form), \
        400 if form.errors else 200


def _published_response(story: Story, response_id: int | None) -> Response | None:
    if response_id is None:
        return None
    response = db.session.get(Response, response_id)
    if response is None or response.story_id != story.id or response.status is not ResponseStatus.PUBLISHED:
        abort(404)
    return response


def _reply(story: Story, token: str | None):
    form = ReplyForm()
    if not form.validate_on_submit():
        return render_story(story, token, status=400, reply_form=form)
    try:
        post_reply(story, form.body.data.strip(), signed_in_user())
    except ServiceError as error:
        flash(str(error), "error")
        return redirect(story_url(story, token))
    db.session.commit()
    deliver_if_inline()
    flash(_("Thank you. A moderator will read your reply before it is published."), "success")
    return redirect(story_url(story, token))


def _confirm(story: Story, response_id: int, token: str | None):
    response = db.session.get(Response, response_id)
    if response is None or response.story_id != story.id:
        abort(404)
    form = ConfirmChangeForm(prefix=f"confirm-{response.id}")
    if not form.validate_on_submit():
        return render_story(story, token, status=400, confirm_form=(response.id, form))
    try:
        answer_change(response, ChangeOutcome(form.outcome.data), (form.comment.data or "").strip() or None,
                      signed_in_user())
    except ServiceError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("Thank you. Your answer is shown with the change."), "success")
    return redirect(story_url(story, token) + f"#response-{response.id}")
