"""Finding a story for its author (by account or private link) and drawing its page."""
from __future__ import annotations

from flask import abort, render_template, url_for
from flask_login import current_user

from ..extensions import db
from ..forms.common import ActionForm
from ..forms.responses import ConfirmChangeForm, ReplyForm
from ..models import Response, Story, StoryAction, StoryStatus
from ..services.lifecycle import Actor, allowed
from ..services.responses import can_confirm
from ..services.stories import can_view, find_story_by_token, is_author


def story_for_token(token: str) -> Story:
    """The story a private link opens, or 404."""
    story = find_story_by_token(token) if len(token) < 200 else None
    if story is None:
        abort(404)
    return story


def own_story(story_id: int) -> Story:
    """The signed-in author's story; 404 for a story they cannot see, 403 for one they see but did not write."""
    story = db.get_or_404(Story, story_id)
    if not is_author(story, current_user):
        abort(404 if not can_view(story, current_user) else 403)
    return story


def story_url(story: Story, token: str | None) -> str:
    """The author's way back to their story: the private link, or the story's page."""
    return url_for("stories.follow", token=token) if token else url_for("stories.detail", story_id=story.id)


def confirm_url(story: Story, token: str | None, response: Response) -> str:
    if token:
        return url_for("stories.confirm_change_by_link", token=token, response_id=response.id)
    return url_for("stories.confirm_change", story_id=story.id, response_id=response.id)


def render_story(story: Story, token: str | None, status: int = 200, reply_form: ReplyForm | None = None,
                 confirm_form: tuple[int, ConfirmChangeForm] | None = None):
    """The story page; its author also gets the reply form and a question for each change to confirm."""
    authored = is_author(story, current_user, token)
    conversation_open = authored and story.status is StoryStatus.PUBLISHED
    confirm_forms = {}
    if conversation_open:
        for response in story.responses:
            if can_confirm(response):
                form = ConfirmChangeForm(prefix=f"confirm-{response.id}", formdata=None)
                if response.confirmation:
                    form.outcome.data = response.confirmation.outcome.value
                    form.comment.data = response.confirmation.comment
                confirm_forms[response.id] = form
        if confirm_form:
            confirm_forms[confirm_form[0]] = confirm_form[1]
    return render_template(
        "stories/detail.html", story=story, token=token, authored=authored,
        can_edit=authored and allowed(story, StoryAction.EDIT, Actor.AUTHOR),
        can_withdraw=authored and allowed(story, StoryAction.WITHDRAW, Actor.AUTHOR),
        action_form=ActionForm(), confirm_forms=confirm_forms,
        confirm_url=lambda response: confirm_url(story, token, response),
        reply_form=(reply_form or ReplyForm(formdata=None)) if conversation_open else None,
        reply_url=(url_for("stories.reply_by_link", token=token) if token
                   else url_for("stories.reply", story_id=story.id)),
        report_links=story.status is StoryStatus.PUBLISHED,
    ), status
