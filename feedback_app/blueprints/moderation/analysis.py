"""Acting on the analysis: remove personal details, escalate a safeguarding concern, correct the themes."""
from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from ...authz import signed_in_user
from ...extensions import db
from ...forms.common import ActionForm
from ...forms.moderation import EscalateForm, RedactForm, ThemesForm
from ...models import Story
from ...services import ServiceError
from ...services.moderation import (
    escalate_story,
    redact_all_details,
    redact_detail,
    set_story_themes,
)
from ...services.notifications import deliver_if_inline
from .blueprint import bp
from .review import render_review


def _back(story: Story):
    return redirect(url_for("moderation.review", story_id=story.id))


@bp.post("/stories/<int:story_id>/redact")
def redact(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = RedactForm()
    if not form.validate_on_submit():
        flash(_("That suggestion could not be applied. Please look again."), "error")
        return _back(story)
    try:
        redact_detail(story, signed_in_user(), form.field.data, form.start.data, form.end.data,
                      form.text.data, form.type.data)
    except ServiceError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("The detail is removed, and the edit is in the story's history."), "success")
    return _back(story)


@bp.post("/stories/<int:story_id>/redact-all")
def redact_all(story_id: int):
    story = db.get_or_404(Story, story_id)
    if ActionForm().validate_on_submit():
        try:
            removed = redact_all_details(story, signed_in_user())
        except ServiceError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(ngettext("%(num)d personal detail removed.", "%(num)d personal details removed.", removed),
                  "success")
    return _back(story)


@bp.post("/stories/<int:story_id>/escalate")
def escalate(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = EscalateForm(prefix="escalate")
    if not form.validate_on_submit():
        return render_review(story, escalate_form=form, status=400)
    try:
        escalate_story(story, signed_in_user(), form.note.data.strip())
    except ServiceError as error:
        flash(str(error), "error")
        return _back(story)
    db.session.commit()
    deliver_if_inline()
    flash(_("The escalation is recorded in the story's history."), "success")
    return _back(story)


@bp.post("/stories/<int:story_id>/themes")
def themes(story_id: int):
    story = db.get_or_404(Story, story_id)
    form = ThemesForm(prefix="themes")
    if not form.validate_on_submit():
        return render_review(story, themes_form=form, status=400)
    try:
        changed = set_story_themes(story, signed_in_user(), form.chosen())
    except ServiceError as error:
        flash(str(error), "error")
        return _back(story)
    db.session.commit()
    flash(_("The themes are saved.") if changed else _("Nothing was changed."), "success" if changed else "info")
    return _back(story)
