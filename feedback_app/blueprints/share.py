"""Telling a story: find the services, then write."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..authz import signed_in_user
from ..extensions import db
from ..forms.stories import StoryForm
from ..i18n import current_language
from ..labels import choices
from ..models import Service, ServiceKind
from ..services import ServiceError
from ..services.browse import search_services
from ..services.notifications import deliver_if_inline
from ..services.stories import Submission, submit_story
from .args import kind_arg, text_arg, whole_number

bp = Blueprint("share", __name__)


def _chosen_service_ids() -> list[int]:
    raw = request.form.getlist("services") if request.method == "POST" else request.args.getlist("service")
    return [number for number in map(whole_number, raw) if number is not None][:10]


def _services_by_id(ids: list[int]) -> list[Service]:
    if not ids:
        return []
    found = {s.id: s for s in db.session.scalars(select(Service).where(Service.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


@bp.get("/")
def choose_services():
    text, kind = text_arg(), kind_arg()
    chosen = _services_by_id(_chosen_service_ids())
    results = search_services(text, kind) if (text or kind) else []
    return render_template(
        "share/choose.html", q=text, kind=kind.value if kind else "", kinds=choices(ServiceKind),
        results=[s for s in results if s not in chosen], chosen=chosen,
    )


@bp.route("/story", methods=["GET", "POST"])
def tell():
    chosen = _services_by_id(_chosen_service_ids())
    if not chosen:
        flash(_("Please choose at least one service first."), "warning")
        return redirect(url_for("share.choose_services"))
    form = StoryForm()
    form.services.choices = [(s.id, f"{s.name}, {s.town}") for s in chosen]
    if request.method == "GET":
        form.services.data = [s.id for s in chosen]
    if current_user.is_authenticated:
        del form.contact_email
    if form.validate_on_submit():
        submission = Submission(
            fields=form.story_fields(),
            service_ids=form.services.data,
            language=current_language(),
            author=signed_in_user(),
            contact_email=form.contact_email.data if "contact_email" in form else None,
        )
        try:
            story, token = submit_story(submission)
        except ServiceError as error:
            form.services.errors.append(str(error))
        else:
            db.session.commit()
            deliver_if_inline()
            flash(_("Thank you. Your story is waiting for a moderator, who will read it soon."), "success")
            if token:
                return redirect(url_for("stories.follow", token=token, new=1))
            return redirect(url_for("stories.detail", story_id=story.id))
    status = 400 if request.method == "POST" else 200
    return render_template("share/story.html", form=form, chosen=chosen), status
