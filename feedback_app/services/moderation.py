"""What moderators do with the analysis: remove personal details, escalate safeguarding, correct themes."""
from __future__ import annotations

from collections.abc import Mapping

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from ..extensions import db
from ..i18n import in_language
from ..models import Sentiment, Story, StoryAction, StoryTheme, ThemeSource, User
from ..models.base import utcnow
from ..nlp import THEMES
from . import ServiceError
from .analysis import ANALYSED_FIELDS, sync_themes
from .lifecycle import Actor, apply_transition
from .notifications import queue_email
from .stories import edit_story

# What replaces a removed detail, in the story's language.
PLACEHOLDERS = {
    "en": {"PERSON": "[name removed]", "PHONE": "[phone number removed]", "EMAIL": "[e-mail removed]",
           "ADDRESS": "[address removed]", "POSTCODE": "[postcode removed]",
           "DATE_OF_BIRTH": "[date of birth removed]", "ID_NUMBER": "[number removed]"},
    "de": {"PERSON": "[Name entfernt]", "PHONE": "[Telefonnummer entfernt]", "EMAIL": "[E-Mail entfernt]",
           "ADDRESS": "[Adresse entfernt]", "POSTCODE": "[Postleitzahl entfernt]",
           "DATE_OF_BIRTH": "[Geburtsdatum entfernt]", "ID_NUMBER": "[Nummer entfernt]"},
}


def placeholder(detail_type: str, language: str) -> str:
    """The text that stands where a personal detail was removed."""
    table = PLACEHOLDERS.get(language, PLACEHOLDERS["en"])
    return table.get(detail_type, "[…]")


def redact_detail(story: Story, moderator: User, field: str, start: int, end: int, expected: str,
                  detail_type: str) -> None:
    """Replace one personal detail with a placeholder, as a moderator edit with its reason in the trail."""
    if field not in ANALYSED_FIELDS:
        raise ServiceError(_("That part of the story cannot be changed."))
    text = getattr(story, field) or ""
    if not (0 <= start < end <= len(text)) or text[start:end] != expected:
        raise ServiceError(_("The story has changed since this was suggested. Please look again."))
    redacted = text[:start] + placeholder(detail_type, story.language) + text[end:]
    edit_story(story, {field: redacted}, Actor.MODERATOR, moderator,
               reason=_("Removed a personal detail (%(type)s)", type=detail_type))


def redact_all_details(story: Story, moderator: User) -> int:
    """Remove every personal detail the analysis suggested, as one edit; returns how many were removed."""
    details = (story.findings or {}).get("pii", [])
    changes: dict[str, str] = {}
    # From the end of each field backwards, so earlier offsets stay valid while we replace.
    for detail in sorted(details, key=lambda d: (d["field"], -d["start"])):
        text = changes.get(detail["field"], getattr(story, detail["field"]) or "")
        if text[detail["start"]:detail["end"]] == detail["text"]:
            replacement = placeholder(detail["type"], story.language)
            changes[detail["field"]] = text[:detail["start"]] + replacement + text[detail["end"]:]
    if changes:
        edit_story(story, changes, Actor.MODERATOR, moderator,
                   reason=ngettext("Removed %(num)d personal detail", "Removed %(num)d personal details",
                                   len(details)))
    return len(details) if changes else 0


def escalate_story(story: Story, moderator: User, note: str) -> None:
    """Record that a safeguarding concern was passed on, and alert the safeguarding lead if one is set."""
    if not note.strip():
        raise ServiceError(_("Please say what you did or to whom you passed it on."))
    apply_transition(story, StoryAction.ESCALATE, Actor.MODERATOR, moderator, reason=note)
    story.escalated_at = utcnow()
    lead = current_app.config.get("SAFEGUARDING_EMAIL")
    if lead:
        # The alert carries a link, not the story: the text stays behind the moderators' sign-in.
        with in_language(current_app.config["BABEL_DEFAULT_LOCALE"]):
            queue_email(lead, _("Safeguarding concern escalated (story %(id)d)", id=story.id), _(
                "A moderator escalated a safeguarding concern.\n\nTheir note:\n%(note)s\n\nRead the story:\n%(link)s",
                note=note, link=url_for("moderation.review", story_id=story.id, _external=True),
            ))
    db.session.flush()


def set_story_themes(story: Story, moderator: User, chosen: Mapping[str, Sentiment]) -> bool:
    """A moderator's correction of the themes; unchanged NLP tags keep their source, the rest become 'moderator'."""
    unknown = set(chosen) - set(THEMES)
    if unknown:
        raise ServiceError(_("Unknown theme: %(codes)s", codes=", ".join(sorted(unknown))))
    current = {theme.code: theme for theme in story.themes}
    before = {code: theme.sentiment.value for code, theme in current.items()}
    after = {code: sentiment.value for code, sentiment in chosen.items()}
    if before == after:
        return False
    apply_transition(story, StoryAction.RETHEME, Actor.MODERATOR, moderator,
                     changes={"themes": {"before": before, "after": after}})
    sync_themes(story, [
        current[code] if code in current and current[code].sentiment is sentiment
        else StoryTheme(code=code, sentiment=sentiment, source=ThemeSource.MODERATOR)
        for code, sentiment in chosen.items()
    ])
    story.themes_reviewed = True
    db.session.flush()
    return True
