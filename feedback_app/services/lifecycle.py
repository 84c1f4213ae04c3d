"""The story lifecycle: one table of allowed transitions, and the one function that applies them."""
from __future__ import annotations

import enum
from typing import Any

from flask_babel import gettext as _

from ..extensions import db
from ..labels import label
from ..models import Story, StoryAction, StoryEvent, StoryStatus, User
from . import TransitionNotAllowed


class Actor(enum.Enum):
    """In what capacity someone acts on a story."""

    AUTHOR = "author"
    MODERATOR = "moderator"


S, A = StoryStatus, StoryAction

# (state, action, who) -> next state. Anything not listed is refused. A new story has no state yet.
TRANSITIONS: dict[tuple[StoryStatus | None, StoryAction, Actor], StoryStatus] = {
    (None, A.SUBMIT, Actor.AUTHOR): S.PENDING,
    (S.PENDING, A.EDIT, Actor.AUTHOR): S.PENDING,
    (S.PENDING, A.EDIT, Actor.MODERATOR): S.PENDING,
    (S.PENDING, A.WITHDRAW, Actor.AUTHOR): S.WITHDRAWN,
    (S.PENDING, A.PUBLISH, Actor.MODERATOR): S.PUBLISHED,
    (S.PENDING, A.REJECT, Actor.MODERATOR): S.REJECTED,
    (S.PUBLISHED, A.EDIT, Actor.MODERATOR): S.PUBLISHED,
    (S.PUBLISHED, A.WITHDRAW, Actor.AUTHOR): S.WITHDRAWN,
    (S.PUBLISHED, A.WITHDRAW, Actor.MODERATOR): S.WITHDRAWN,
    (S.PENDING, A.RETHEME, Actor.MODERATOR): S.PENDING,
    (S.PUBLISHED, A.RETHEME, Actor.MODERATOR): S.PUBLISHED,
    # A disclosure of harm must reach the safeguarding lead whatever became of the story itself.
    **{(state, A.ESCALATE, Actor.MODERATOR): state for state in S},
}


def allowed(story: Story, action: StoryAction, actor: Actor) -> bool:
    """Whether ``actor`` may take ``action`` on the story as it stands."""
    return (story.status, action, actor) in TRANSITIONS


def apply_transition(
    story: Story,
    action: StoryAction,
    actor: Actor,
    user: User | None,
    reason: str | None = None,
    changes: dict[str, Any] | None = None,
) -> StoryEvent:
    """Move the story along the table and record the event; raises TransitionNotAllowed otherwise."""
    try:
        target = TRANSITIONS[(story.status, action, actor)]
    except KeyError:
        raise TransitionNotAllowed(
            _("This story can no longer be changed in that way (it is %(status)s).",
              status=label(story.status))
        ) from None
    event = StoryEvent(
        story=story,
        actor_id=user.id if user else None,
        action=action,
        from_status=story.status,
        to_status=target,
        reason=reason,
        changes=changes,
    )
    story.status = target
    db.session.add(event)
    return event
