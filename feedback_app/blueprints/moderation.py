"""Moderation: the queue of pending stories, and reading, editing, publishing or rejecting one."""
from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import exists, select

from ..authz import moderator_required, signed_in_user
from ..extensions import db
from ..forms.common import ActionForm, ReasonForm
from ..forms.stories import ModeratorEditForm
from ..labels import choices
from ..models import Organisation, Service, ServiceKind, Story, StoryAction, StoryStatus, story_services
from ..services import ServiceError
from ..services.browse import organisation_and_descendant_ids
from ..services.lifecycle import Actor, allowed
from ..services.notifications import deliver_if_inline
from ..services.stories import edit_story, publish_story, reject_story, withdraw_story
from .args import int_arg, kind_arg

bp = Blueprint("moderation", __name__)


@bp.before_request
@moderator_required
def _only_moderators() -> None:
    """Every view here is for moderators (and admins) only."""


@bp.get("/")
def queue():
    query = select(Story).where(Story.status == StoryStatus.PENDING)
    language = request.args.get("language", "")
    if language in current_app.config["LANGUAGES"]:
        query = query.where(Story.language == language)
    kind, organisation_id = kind_arg(), int_arg("organisation")
    if kind or organisation_id:
        matching = select(Service.id)
        if kind:
            matching = matching.where(Service.kind == kind)
        if organisation_id:
            matching = matching.where(Service.organisation_id.in_(organisation_and_descendant_ids(organisation_id)))
        query = query.where(exists(
            select(story_services.c.story_id).where(
                story_services.c.story_id == Story.id, story_services.c.service_id.in_(matching))
        ))
    page = db.paginate(query.order_by(Story.submitted_at, Story.id), page=int_arg("page", 1) or 1,
                       per_page=current_app.config["STORIES_PER_PAGE"], error_out=False)
    organisations = db.session.scalars(select(Organisation).order_by(Organisation.name)).all()
    return render_template("moderation/queue.html", page=page, kinds=choices(ServiceKind),
                           organisations=organisations, args=request.args)


@bp.route("/stories/<int:story_id>", methods=["GET", "POST"])
def review(story_id: int):
    story = db.get_or_404(Story, story_id)
    edit_form = ModeratorEditForm(prefix="edit")
    if request.method == "GET":
        edit_form.fill_from(story)
    elif edit_form.validate_on_submit():
        if not allowed(story, StoryAction.EDIT, Actor.MODERATOR):
            flash(_("This story can no longer be edited."), "warning")
        elif edit_story(story, edit_form.story_fields(), Actor.MODERATOR, signed_in_user(),
                        reason=edit_form.reason.data.strip()):
            db.session.commit()
            flash(_("Your edit is saved, with its reason, in the story's history."), "success")
        else:
            flash(_("Nothing was changed."), "info")
        return redirect(url_for("moderation.review", story_id=story.id))
    return _render_review(story, edit_form=edit_form, status=400 if request.method == "POST" else 200)


@bp.post("/stories/<int:story_id>/publish")
def publish(story_id: int):
    story = db.get_or_404(Story, story_id)
    if ActionForm().validate_on_submit():
        try:
            publish_story(story, signed_in_user())
        except ServiceError as error:
            flash(str(error), "error")
            return redirect(url_for("moderation.review", story_id=story.id))
        db.session.commit()
        deliver_if_inline()
        flash(_("The story is published."), "success")
    return redirect(url_for("moderation.queue"))


@bp.post("/stories/<int:story_id>/reject")
def reject(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = ReasonForm(prefix="reject")
    if not form.validate_on_submit():
        return _render_review(story, reject_form=form, status=400)
    try:
        reject_story(story, signed_in_user(), form.reason.data.strip())
    except ServiceError as error:
        flash(str(error), "error")
        return redirect(url_for("moderation.review", story_id=story.id))
    db.session.commit()
    deliver_if_inline()
    flash(_("The story is rejected and its author has been told why."), "success")
    return redirect(url_for("moderation.queue"))


@bp.post("/stories/<int:story_id>/withdraw")
def take_down(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = ReasonForm(prefix="withdraw")
    if not form.validate_on_submit():
        return _render_review(story, withdraw_form=form, status=400)
    try:
        withdraw_story(story, Actor.MODERATOR, signed_in_user(), reason=form.reason.data.strip())
    except ServiceError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("The story is withdrawn from public view."), "success")
    return redirect(url_for("moderation.review", story_id=story.id))


def _render_review(story: Story, status: int = 200, **forms):
    forms.setdefault("edit_form", _filled_edit_form(story))
    forms.setdefault("reject_form", ReasonForm(prefix="reject", formdata=None))
    forms.setdefault("withdraw_form", ReasonForm(prefix="withdraw", formdata=None))
    return render_template(
        "moderation/review.html", story=story, action_form=ActionForm(),
        can_publish=allowed(story, StoryAction.PUBLISH, Actor.MODERATOR),
        can_reject=allowed(story, StoryAction.REJECT, Actor.MODERATOR),
        can_edit=allowed(story, StoryAction.EDIT, Actor.MODERATOR),
        can_withdraw=allowed(story, StoryAction.WITHDRAW, Actor.MODERATOR),
        **forms,
    ), status


def _filled_edit_form(story: Story) -> ModeratorEditForm:
    form = ModeratorEditForm(prefix="edit", formdata=None)
    form.fill_from(story)
    return form
