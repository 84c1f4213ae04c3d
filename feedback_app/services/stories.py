"""Telling a story: submit, edit, withdraw, publish, reject, and who may see it."""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import insert, select

from ..extensions import db
from ..i18n import in_language
from ..models import (
    Role,
    Service,
    Story,
    StoryAction,
    StoryStatus,
    User,
    story_services,
)
from ..models.base import utcnow
from . import ServiceError, alerts
from .analysis import ANALYSED_FIELDS, analyse_story
from .lifecycle import Actor, apply_transition
from .notifications import queue_email
from .progress import open_progress

# What an author writes and a moderator may edit. Everything else about a story is set by the rules.
EDITABLE_FIELDS = (
    "title", "body", "what_was_good", "what_could_be_improved", "how_it_felt",
    "experienced_on", "author_role", "pseudonym", "rating_overall", "fft_answer",
)


@dataclass
class Submission:
    """A new story: the fields of EDITABLE_FIELDS plus the services it is about."""

    fields: Mapping[str, Any]
    service_ids: Sequence[int]
    language: str
    author: User | None = None
    contact_email: str | None = None


def hash_token(token: str) -> str:
    """Private-link tokens are stored hashed, like passwords, so a database leak reveals no working link."""
    return hashlib.sha256(token.encode()).hexdigest()


def _link_signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="storyloop.private-link")


def private_link_token(story: Story) -> str:
    """A private-link token for a later e-mail, since the first token is stored only as a hash.

    It is signed with the app's secret and bound to the story's current key, so a database leak alone
    opens nothing, and replacing the key (a new first token) closes every link at once.
    """
    return _link_signer().dumps([story.id, story.access_token_hash[:16]])


def author_link(story: Story) -> str:
    """Where the author follows their story: its page for an account, else a private link."""
    if story.author_id is None and story.access_token_hash:
        return url_for("stories.follow", token=private_link_token(story), _external=True)
    return url_for("stories.detail", story_id=story.id, _external=True)


def find_story_by_token(token: str) -> Story | None:
    """The story a private link opens, if the token is valid (the first token, or one minted later)."""
    story = db.session.scalar(select(Story).where(Story.access_token_hash == hash_token(token)))
    if story is not None:
        return story
    try:
        story_id, key = _link_signer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    story = db.session.get(Story, story_id) if isinstance(story_id, int) else None
    if story is None or not story.access_token_hash or not isinstance(key, str):
        return None
    return story if secrets.compare_digest(story.access_token_hash[:16], key) else None


def submit_story(submission: Submission) -> tuple[Story, str | None]:
    """Store a new pending story; returns it and, for a story without an account, its private-link token."""
    services = _load_services(submission.service_ids)
    story = Story(
        **{name: submission.fields[name] for name in EDITABLE_FIELDS},
        language=submission.language,
        contact_language=submission.language,
        author=submission.author,
        contact_email=None if submission.author else (submission.contact_email or None),
        submitted_at=utcnow(),
    )
    token = None
    if submission.author is None:
        token = secrets.token_urlsafe(32)
        story.access_token_hash = hash_token(token)
    db.session.add(story)
    apply_transition(story, StoryAction.SUBMIT, Actor.AUTHOR, submission.author)
    db.session.flush()
    db.session.execute(
        insert(story_services),
        [{"story_id": story.id, "service_id": service.id, "position": i} for i, service in enumerate(services)],
    )
    db.session.expire(story, ["services"])
    analyse_story(story)
    db.session.flush()
    if token and story.contact_email:
        _email_private_link(story, token)
    alerts.subscribe_author_to_story(story)
    return story, token


def edit_story(story: Story, changes: Mapping[str, Any], actor: Actor, user: User | None,
               reason: str | None = None) -> bool:
    """Apply changed fields, keeping before and after in the trail. Moderators must give a reason."""
    if actor is Actor.MODERATOR and not (reason and reason.strip()):
        raise ServiceError(_("Please say why you are editing this story."))
    diff = {}
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} is not an editable story field")
        before = getattr(story, name)
        if before != value:
            diff[name] = {"before": _jsonable(before), "after": _jsonable(value)}
    if not diff:
        return False
    apply_transition(story, StoryAction.EDIT, actor, user, reason=reason, changes=diff)
    for name, value in changes.items():
        setattr(story, name, value)
    if set(diff) & set(ANALYSED_FIELDS):
        analyse_story(story)  # offsets of personal details moved, and themes may have changed
    db.session.flush()
    return True


def withdraw_story(story: Story, actor: Actor, user: User | None, reason: str | None = None) -> None:
    """Take a story down at its author's wish (or a moderator's); it stays in the trail, not in public."""
    apply_transition(story, StoryAction.WITHDRAW, actor, user, reason=reason)
    db.session.flush()


def publish_story(story: Story, moderator: User) -> None:
    """Make a pending story public and tell its author."""
    apply_transition(story, StoryAction.PUBLISH, Actor.MODERATOR, moderator)
    story.published_at = utcnow()
    db.session.flush()
    open_progress(story)
    with in_language(author_language(story)):
        _email_author(story, _("Your story has been published"), _(
            "Thank you for your story \"%(title)s\". A moderator has read it and it is now published:\n\n%(link)s",
            title=story.title, link=author_link(story),
        ))
    alerts.story_published(story)


def reject_story(story: Story, moderator: User, reason: str) -> None:
    """Refuse a pending story with a reason, and tell its author why."""
    if not reason.strip():
        raise ServiceError(_("Please give the reason the author will read."))
    apply_transition(story, StoryAction.REJECT, Actor.MODERATOR, moderator, reason=reason)
    db.session.flush()
    with in_language(author_language(story)):
        _email_author(story, _("About your story"), _(
            "Thank you for your story \"%(title)s\". We are sorry, but we cannot publish it.\n\n"
            "The moderator's reason:\n%(reason)s",
            title=story.title, reason=reason,
        ))


def can_view(story: Story, user: User | None, token: str | None = None) -> bool:
    """Published stories are public; others only for their author (account or private link) and moderators."""
    if story.status is StoryStatus.PUBLISHED:
        return True
    if token and is_author(story, None, token):
        return True
    if user is None or not user.is_authenticated:
        return False
    return story.author_id == user.id or user.has_role(Role.MODERATOR)


def is_author(story: Story, user: User | None, token: str | None = None) -> bool:
    """Whether this person wrote the story (by account, or by holding its private link)."""
    if token and story.access_token_hash:
        found = find_story_by_token(token)
        return found is not None and found.id == story.id
    return bool(user and user.is_authenticated and story.author_id == user.id)


def _load_services(service_ids: Sequence[int]) -> list[Service]:
    ordered_ids = list(dict.fromkeys(service_ids))
    if not ordered_ids:
        raise ServiceError(_("Please choose at least one service."))
    found = {s.id: s for s in db.session.scalars(select(Service).where(Service.id.in_(ordered_ids)))}
    if len(found) != len(ordered_ids):
        raise ServiceError(_("One of the chosen services no longer exists. Please choose again."))
    return [found[i] for i in ordered_ids]


def author_address(story: Story) -> str | None:
    """The author's e-mail address (account or the one they gave), if any."""
    return story.author.email if story.author else story.contact_email


def author_language(story: Story) -> str:
    """Write to authors in the language they used the site in, not the (detected) language of their story."""
    return (story.author.locale if story.author and story.author.locale else None) or story.contact_language


def _email_author(story: Story, subject: str, body: str) -> None:
    address = author_address(story)
    if address:
        queue_email(address, subject, body)


def _email_private_link(story: Story, token: str) -> None:
    with in_language(story.contact_language):
        queue_email(story.contact_email, _("Your story on Storyloop"), _(
            "Thank you for telling your story \"%(title)s\".\n\n"
            "A moderator will read it before it is published. With this private link you can follow it, "
            "change it while it waits, or withdraw it:\n\n%(link)s\n\n"
            "Keep this link to yourself: anyone who has it can change your story.",
            title=story.title, link=url_for("stories.follow", token=token, _external=True),
        ))


def _jsonable(value: Any) -> Any:
    if hasattr(value, "value"):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
