"""Reviewing one story: reading, editing with a reason, publishing, rejecting or taking it down."""
from __future__ import annotations

from collections.abc import Callable

from flask import (
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from ...authz import signed_in_user
from ...extensions import db
from ...forms.common import ActionForm, ReasonForm
from ...forms.moderation import EscalateForm, RedactForm, ThemesForm
from ...forms.stories import ModeratorEditForm
from ...models import Story, StoryAction, User
from ...services import ServiceError
from ...services.lifecycle import Actor, allowed
from ...services.notifications import deliver_if_inline
from ...services.stories import edit_story, publish_story, reject_story, withdraw_story
from .blueprint import bp
from .highlight import highlighted_fields


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
    return render_review(story, edit_form=edit_form, status=400 if request.method == "POST" else 200)


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
    return _act_with_reason(story_id, "reject", reject_story,
                            _("The story is rejected and its author has been told why."), url_for("moderation.queue"))


@bp.post("/stories/<int:story_id>/withdraw")
def take_down(story_id: int):
    return _act_with_reason(
        story_id, "withdraw",
        lambda story, user, reason: withdraw_story(story, Actor.MODERATOR, user, reason=reason),
        _("The story is withdrawn from public view."), url_for("moderation.review", story_id=story_id),
    )


def _act_with_reason(story_id: int, prefix: str, act: Callable[[Story, User, str], None], done: str,
                     then: str):
    """A moderator's decision that needs a reason: a refused form comes back on the review page, filled in."""
    story = db.get_or_404(Story, story_id)
    form = ReasonForm(prefix=prefix)
    if not form.validate_on_submit():
        return render_review(story, status=400, **{f"{prefix}_form": form})
    try:
        act(story, signed_in_user(), form.reason.data.strip())
    except ServiceError as error:
        flash(str(error), "error")
        return redirect(url_for("moderation.review", story_id=story.id))
    db.session.commit()
    deliver_if_inline()
    flash(done, "success")
    return redirect(then)


def render_review(story: Story, status: int = 200, **forms):
    """The review page; a form passed in (refused, with its errors) replaces the blank one."""
    forms.setdefault("edit_form", _filled_edit_form(story))
    forms.setdefault("reject_form", ReasonForm(prefix="reject", formdata=None))
    forms.setdefault("withdraw_form", ReasonForm(prefix="withdraw", formdata=None))
    forms.setdefault("escalate_form", EscalateForm(prefix="escalate", formdata=None))
    if "themes_form" not in forms:
        forms["themes_form"] = ThemesForm(prefix="themes", formdata=None)
        forms["themes_form"].fill_from(story)
    return render_template(
        "moderation/review.html", story=story, action_form=ActionForm(), redact_form=RedactForm,
        highlighted=highlighted_fields(story),
        can_escalate=allowed(story, StoryAction.ESCALATE, Actor.MODERATOR),
        can_retheme=allowed(story, StoryAction.RETHEME, Actor.MODERATOR),
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
