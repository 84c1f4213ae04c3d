"""The queue of stories waiting for a moderator, oldest first."""
from __future__ import annotations

from flask import current_app, render_template, request
from sqlalchemy import select

from ...extensions import db
from ...labels import choices
from ...models import (
    Organisation,
    ServiceKind,
    Story,
    StoryStatus,
)
from ...services.browse import about_services
from ..args import int_arg, kind_arg
from .blueprint import bp


@bp.get("/")
def queue():
    query = select(Story).where(Story.status == StoryStatus.PENDING)
    language = request.args.get("language", "")
    if language in current_app.config["LANGUAGES"]:
        query = query.where(Story.language == language)
    if request.args.get("safeguarding"):
        query = query.where(Story.has_safeguarding_flags.is_(True))
    min_criticality = int_arg("min_criticality", 0, 5)
    if min_criticality:
        query = query.where(Story.criticality >= min_criticality)
    query = about_services(query, int_arg("organisation"), kind_arg())
    page = db.paginate(query.order_by(Story.submitted_at, Story.id), page=int_arg("page", 1) or 1,
                       per_page=current_app.config["STORIES_PER_PAGE"], error_out=False)
    organisations = db.session.scalars(select(Organisation).order_by(Organisation.name)).all()
    return render_template("moderation/queue.html", page=page, kinds=choices(ServiceKind),
                           organisations=organisations, args=request.args)
