"""One story as its provider sees it: opening it marks it read; a responder answers it in public."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...authz import signed_in_user
from ...extensions import db
from ...forms.responses import ResponseForm
from ...models import Organisation, ResponseStatus, Story, StoryProgress, StoryStatus
from ...services import ServiceError
from ...services.membership import CAN_RESPOND, is_member, visible_service_ids
from ...services.notifications import deliver_if_inline
from ...services.progress import mark_read, open_progress, rows_in_scope
from ...services.responses import post_response
from ...sqlite import writes_on_get
from .access import organisation_for_member
from .blueprint import bp


@bp.route("/<org_slug>/stories/<int:story_id>", methods=["GET", "POST"])
@writes_on_get
def story(org_slug: str, story_id: int):
    organisation = organisation_for_member(org_slug)
    story = db.get_or_404(Story, story_id)
    if story.status is not StoryStatus.PUBLISHED or not set(visible_service_ids(organisation)) & {
            service.id for service in story.services}:
        abort(404)  # not a story about this organisation's services
    rows = rows_in_scope(story, organisation) or _open_rows(story, organisation)
    user = signed_in_user()
    can_respond = is_member(user, organisation, CAN_RESPOND)
    form = ResponseForm()
    if request.method == "GET":
        form.signed_name.data = user.display_name
        if mark_read(story, organisation):
            db.session.commit()
    elif not can_respond:
        abort(403)
    elif form.validate_on_submit():
        try:
            response = post_response(
                story, organisation, user, form.body.data.strip(), form.signed_name.data.strip(),
                form.job_title.data.strip(), form.change, form.change_description.data, form.change_due.data,
            )
        except ServiceError as error:
            form.body.errors.append(str(error))
        else:
            db.session.commit()
            deliver_if_inline()
            if response.status is ResponseStatus.PUBLISHED:
                flash(_("Your response is published under the story."), "success")
            else:
                flash(_("Thank you. A moderator will check your response before it is published."), "info")
            return redirect(url_for("provider.story", org_slug=organisation.slug, story_id=story.id))
    return render_template(
        "provider/story.html", organisation=organisation, story=story, rows=rows, form=form,
        can_respond=can_respond, own_responses=[r for r in story.responses if r.organisation_id == organisation.id],
    ), 400 if form.errors else 200


def _open_rows(story: Story, organisation: Organisation) -> list[StoryProgress]:
    """Stories imported in bulk (or published before progress existed) get their rows when first opened."""
    open_progress(story)
    db.session.commit()
    return rows_in_scope(story, organisation)
