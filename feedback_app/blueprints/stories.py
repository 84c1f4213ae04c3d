"""Reading stories, and an author's own stories: /stories, /stories/<id>, /follow/<token>, /my-stories."""
from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ..authz import signed_in_user
from ..extensions import db
from ..forms.common import ActionForm
from ..forms.stories import EditStoryForm
from ..labels import THEME_LABELS, choices
from ..models import Organisation, Sentiment, ServiceKind, Story, StoryAction
from ..services import ServiceError
from ..services.browse import StoryFilters, published_stories
from ..services.lifecycle import Actor, allowed
from ..services.stories import (
    can_view,
    edit_story,
    withdraw_story,
)
from .args import int_arg, kind_arg, month_arg, sentiment_arg, theme_arg
from .story_access import own_story, render_story, story_for_token, story_url

bp = Blueprint("stories", __name__)


def filters_from_request() -> StoryFilters:
    language = request.args.get("language", "")
    return StoryFilters(
        organisation_id=int_arg("organisation"),
        service_id=int_arg("service"),
        kind=kind_arg(),
        min_rating=int_arg("min_rating", 1, 5),
        max_rating=int_arg("max_rating", 1, 5),
        since=month_arg("since"),
        until=month_arg("until"),
        language=language if language in current_app.config["LANGUAGES"] else None,
        theme=theme_arg(),
        sentiment=sentiment_arg(),
    )


@bp.get("/stories")
def index():
    filters = filters_from_request()
    page = db.paginate(
        published_stories(filters), page=int_arg("page", 1) or 1,
        per_page=current_app.config["STORIES_PER_PAGE"], error_out=False,
    )
    organisations = db.session.scalars(select(Organisation).order_by(Organisation.name)).all()
    return render_template(
        "stories/index.html", page=page, filters=filters, organisations=organisations,
        kinds=choices(ServiceKind), sentiments=choices(Sentiment), themes=THEME_LABELS, args=request.args,
    )


@bp.get("/stories/<int:story_id>")
def detail(story_id: int):
    story = db.get_or_404(Story, story_id)
    if not can_view(story, current_user):
        abort(404)  # a story that is not public does not exist for anyone else
    return render_story(story, token=None)


@bp.get("/follow/<token>")
def follow(token: str):
    story = story_for_token(token)
    if request.args.get("new"):
        flash(_("This is your private link. Bookmark it to follow your story, change it while it waits, "
                "or withdraw it. Keep it to yourself."), "info")
    return render_story(story, token=token)


@bp.get("/my-stories")
@login_required
def mine():
    stories = db.session.scalars(
        select(Story).where(Story.author_id == current_user.id).order_by(Story.submitted_at.desc())
    ).all()
    return render_template("stories/mine.html", stories=stories)


@bp.route("/stories/<int:story_id>/edit", methods=["GET", "POST"])
@login_required
def edit(story_id: int):
    return _edit(own_story(story_id), token=None)


@bp.route("/follow/<token>/edit", methods=["GET", "POST"])
def edit_by_link(token: str):
    return _edit(story_for_token(token), token=token)


@bp.post("/stories/<int:story_id>/withdraw")
@login_required
def withdraw(story_id: int):
    return _withdraw(own_story(story_id), token=None)


@bp.post("/follow/<token>/withdraw")
def withdraw_by_link(token: str):
    return _withdraw(story_for_token(token), token=token)


def _edit(story: Story, token: str | None):
    if not allowed(story, StoryAction.EDIT, Actor.AUTHOR):
        flash(_("Your story can only be changed while it waits for a moderator."), "warning")
        return redirect(story_url(story, token))
    form = EditStoryForm()
    if request.method == "GET":
        form.fill_from(story)
    if form.validate_on_submit():
        if edit_story(story, form.story_fields(), Actor.AUTHOR, signed_in_user()):
            db.session.commit()
            flash(_("Your changes are saved."), "success")
        return redirect(story_url(story, token))
    status = 400 if request.method == "POST" else 200
    return render_template("stories/edit.html", form=form, story=story, token=token), status


def _withdraw(story: Story, token: str | None):
    if ActionForm().validate_on_submit():
        try:
            withdraw_story(story, Actor.AUTHOR, signed_in_user())
        except ServiceError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("Your story has been withdrawn. Nobody else can see it now."), "success")
    return redirect(story_url(story, token))
