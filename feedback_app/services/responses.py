"""The public conversation under a story: provider responses, storyteller replies, and their moderation."""
from __future__ import annotations

import enum
from datetime import date

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from ..extensions import db
from ..models import (
    ChangeConfirmation,
    ChangeOutcome,
    ChangeStatus,
    Organisation,
    Progress,
    Response,
    ResponseKind,
    ResponseStatus,
    Story,
    StoryAction,
    StoryEvent,
    StoryProgress,
    StoryStatus,
    User,
)
from ..models.base import utcnow
from . import ServiceError, TransitionNotAllowed, alerts
from .membership import CAN_RESPOND, is_member
from .progress import advance, rows_in_scope


class ResponseAction(enum.Enum):
    SUBMIT = "submit"
    PUBLISH = "publish"
    REJECT = "reject"
    WITHDRAW = "withdraw"


class By(enum.Enum):
    AUTHOR = "author"
    MODERATOR = "moderator"
    RULES = "rules"  # a trusted responder's answer publishes itself


R, RA = ResponseStatus, ResponseAction

RESPONSE_TRANSITIONS: dict[tuple[ResponseStatus | None, ResponseAction, By], ResponseStatus] = {
    (None, RA.SUBMIT, By.AUTHOR): R.PENDING,
    (R.PENDING, RA.PUBLISH, By.MODERATOR): R.PUBLISHED,
    (R.PENDING, RA.PUBLISH, By.RULES): R.PUBLISHED,
    (R.PENDING, RA.REJECT, By.MODERATOR): R.REJECTED,
    (R.PENDING, RA.WITHDRAW, By.AUTHOR): R.WITHDRAWN,
    (R.PUBLISHED, RA.WITHDRAW, By.AUTHOR): R.WITHDRAWN,
    (R.PUBLISHED, RA.WITHDRAW, By.MODERATOR): R.WITHDRAWN,
}

# How each step of a response appears in its story's trail.
TRAIL_ACTIONS = {
    RA.PUBLISH: StoryAction.PUBLISH_RESPONSE,
    RA.REJECT: StoryAction.REJECT_RESPONSE,
    RA.WITHDRAW: StoryAction.WITHDRAW_RESPONSE,
}

CHANGE_PROGRESS = {
    ChangeStatus.NONE: Progress.RESPONDED,
    ChangeStatus.PLANNED: Progress.CHANGE_PLANNED,
    ChangeStatus.MADE: Progress.CHANGE_MADE,
}


def move_response(response: Response, action: ResponseAction, by: By, user: User | None,
                  reason: str | None = None) -> StoryEvent:
    """Apply one step of the response table and write it into the story's trail."""
    target = RESPONSE_TRANSITIONS.get((response.status, action, by))
    if target is None:
        raise TransitionNotAllowed(_("This response can no longer be changed in that way."))
    if action is RA.SUBMIT:
        trail_action = StoryAction.REPLY if response.kind is ResponseKind.REPLY else StoryAction.RESPOND
    else:
        trail_action = TRAIL_ACTIONS[action]
    response.status = target
    db.session.flush()  # the response needs its id before the trail can name it
    event = StoryEvent(story=response.story, actor_id=user.id if user else None, action=trail_action,
                       response_id=response.id, reason=reason,
                       from_status=response.story.status, to_status=response.story.status)
    db.session.add(event)
    if target is R.PUBLISHED:
        _on_published(response)
    db.session.flush()
    return event


def is_trusted(responder: User) -> bool:
    """A responder's first answers are moderated (as on Care Opinion); after enough are published, no longer."""
    published = db.session.scalar(
        select(func.count(Response.id)).where(Response.author_id == responder.id,
                                              Response.kind == ResponseKind.RESPONSE,
                                              Response.status == ResponseStatus.PUBLISHED)
    )
    return published >= current_app.config.get("RESPONSES_BEFORE_TRUSTED", 3)


def post_response(story: Story, organisation: Organisation, responder: User, body: str, signed_name: str,
                  job_title: str, change_status: ChangeStatus = ChangeStatus.NONE,
                  change_description: str | None = None, change_due: date | None = None) -> Response:
    """A provider's public answer. Trusted responders publish at once, except answers that claim a change."""
    if story.status is not StoryStatus.PUBLISHED:
        raise ServiceError(_("Only published stories can be answered."))
    if not is_member(responder, organisation, CAN_RESPOND):
        raise ServiceError(_("You cannot answer for this organisation."))
    _check_change(change_status, change_description, change_due)
    trusted = is_trusted(responder)
    response = Response(
        story=story, kind=ResponseKind.RESPONSE, organisation_id=organisation.id, author_id=responder.id,
        body=body, signed_name=signed_name, job_title=job_title, change_status=change_status,
        change_description=change_description if change_status is not ChangeStatus.NONE else None,
        change_due=change_due if change_status is ChangeStatus.PLANNED else None, status=None,
    )
    db.session.add(response)
    move_response(response, RA.SUBMIT, By.AUTHOR, responder)
    if trusted and not response.claims_change:
        move_response(response, RA.PUBLISH, By.RULES, None)
    return response


def post_reply(story: Story, body: str, author: User | None) -> Response:
    """The storyteller's reply under the conversation; moderated like a story."""
    if story.status is not StoryStatus.PUBLISHED:
        raise ServiceError(_("You can reply once your story is published."))
    reply = Response(story=story, kind=ResponseKind.REPLY, author_id=author.id if author else story.author_id,
                     body=body, signed_name=story.pseudonym, status=None)
    db.session.add(reply)
    move_response(reply, RA.SUBMIT, By.AUTHOR, author)
    return reply


def publish_response(response: Response, moderator: User) -> None:
    """A moderator lets a response or reply go public."""
    move_response(response, RA.PUBLISH, By.MODERATOR, moderator)


def reject_response(response: Response, moderator: User, reason: str) -> None:
    """A moderator refuses a response or reply, with the reason kept in the trail."""
    if not reason.strip():
        raise ServiceError(_("Please give a reason."))
    move_response(response, RA.REJECT, By.MODERATOR, moderator, reason=reason)


def withdraw_response(response: Response, by: By, user: User | None, reason: str | None = None) -> None:
    """Take a response down (its author, or a moderator upholding a report)."""
    move_response(response, RA.WITHDRAW, by, user, reason=reason)


def can_confirm(response: Response, today: date | None = None) -> bool:
    """Whether the storyteller can be asked about this change: it was made, or its planned date has come."""
    if response.status is not ResponseStatus.PUBLISHED or response.kind is not ResponseKind.RESPONSE:
        return False
    if response.change_status is ChangeStatus.MADE:
        return True
    today = today or date.today()
    return response.change_status is ChangeStatus.PLANNED and response.change_due is not None \
        and response.change_due <= today


def answer_change(response: Response, outcome: ChangeOutcome, comment: str | None, author: User | None) -> None:
    """The storyteller confirms or disputes a change; they may change their answer later."""
    if not can_confirm(response):
        raise ServiceError(_("This change cannot be confirmed yet."))
    if response.confirmation is None:
        response.confirmation = ChangeConfirmation(outcome=outcome, comment=comment)
    else:
        response.confirmation.outcome, response.confirmation.comment = outcome, comment
        response.confirmation.created_at = utcnow()
    action = StoryAction.CONFIRM_CHANGE if outcome is ChangeOutcome.CONFIRMED else StoryAction.DISPUTE_CHANGE
    story = response.story
    db.session.add(StoryEvent(story=story, actor_id=author.id if author else None, action=action,
                              response_id=response.id, reason=comment,
                              from_status=story.status, to_status=story.status))
    if outcome is ChangeOutcome.CONFIRMED:
        for row in _rows_in_scope(response):
            advance(row, Progress.CHANGE_CONFIRMED)
    db.session.flush()




def _check_change(status: ChangeStatus, description: str | None, due: date | None) -> None:
    if status is ChangeStatus.NONE:
        return
    if not (description and description.strip()):
        raise ServiceError(_("Please describe the change."))
    if status is ChangeStatus.PLANNED and due is None:
        raise ServiceError(_("Please say by when the change is planned."))


def _rows_in_scope(response: Response) -> list[StoryProgress]:
    """The story's progress rows for the responding organisation and the organisations below it."""
    if response.organisation is None:
        return []
    return rows_in_scope(response.story, response.organisation)


def _on_published(response: Response) -> None:
    response.published_at = utcnow()
    if response.kind is ResponseKind.RESPONSE:
        for row in _rows_in_scope(response):
            advance(row, CHANGE_PROGRESS[response.change_status])
    db.session.flush()
    alerts.response_published(response)
