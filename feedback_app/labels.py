"""What people read for each stored value: translatable labels of the enums."""
from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

from .models import (
    AuthorRole,
    ChangeStatus,
    FftAnswer,
    MembershipRole,
    Progress,
    ReportStatus,
    ResponseStatus,
    Role,
    Sentiment,
    ServiceKind,
    StoryAction,
    StoryStatus,
)

LABELS: dict[enum.Enum, object] = {
    StoryStatus.PENDING: _l("Waiting for a moderator"),
    StoryStatus.PUBLISHED: _l("Published"),
    StoryStatus.REJECTED: _l("Not published"),
    StoryStatus.WITHDRAWN: _l("Withdrawn"),
    StoryAction.SUBMIT: _l("Submitted"),
    StoryAction.EDIT: _l("Edited"),
    StoryAction.PUBLISH: _l("Published"),
    StoryAction.REJECT: _l("Rejected"),
    StoryAction.WITHDRAW: _l("Withdrawn"),
    StoryAction.ESCALATE: _l("Safeguarding concern escalated"),
    StoryAction.RETHEME: _l("Themes corrected"),
    StoryAction.RESPOND: _l("Response sent"),
    StoryAction.REPLY: _l("Reply sent"),
    StoryAction.PUBLISH_RESPONSE: _l("Response published"),
    StoryAction.REJECT_RESPONSE: _l("Response rejected"),
    StoryAction.WITHDRAW_RESPONSE: _l("Response withdrawn"),
    StoryAction.CONFIRM_CHANGE: _l("Change confirmed by the storyteller"),
    StoryAction.DISPUTE_CHANGE: _l("Change disputed by the storyteller"),
    StoryAction.REPORT: _l("Reported"),
    StoryAction.UPHOLD_REPORT: _l("Report upheld"),
    StoryAction.DISMISS_REPORT: _l("Report dismissed"),
    Progress.UNREAD: _l("Unread"),
    Progress.READ: _l("Read"),
    Progress.RESPONDED: _l("Responded"),
    Progress.CHANGE_PLANNED: _l("Change planned"),
    Progress.CHANGE_MADE: _l("Change made"),
    Progress.CHANGE_CONFIRMED: _l("Change confirmed"),
    ChangeStatus.NONE: _l("No change"),
    ChangeStatus.PLANNED: _l("Change planned"),
    ChangeStatus.MADE: _l("Change made"),
    ResponseStatus.PENDING: _l("Waiting for a moderator"),
    ResponseStatus.PUBLISHED: _l("Published"),
    ResponseStatus.REJECTED: _l("Not published"),
    ResponseStatus.WITHDRAWN: _l("Withdrawn"),
    ReportStatus.OPEN: _l("Open"),
    ReportStatus.UPHELD: _l("Upheld"),
    ReportStatus.DISMISSED: _l("Dismissed"),
    Sentiment.POSITIVE: _l("positive"),
    Sentiment.MIXED: _l("mixed"),
    Sentiment.NEGATIVE: _l("negative"),
    AuthorRole.PATIENT: _l("Patient or service user"),
    AuthorRole.CARER: _l("Carer or relative"),
    AuthorRole.STAFF: _l("Member of staff"),
    AuthorRole.OTHER: _l("Other"),
    FftAnswer.VERY_GOOD: _l("Very good"),
    FftAnswer.GOOD: _l("Good"),
    FftAnswer.NEITHER: _l("Neither good nor poor"),
    FftAnswer.POOR: _l("Poor"),
    FftAnswer.VERY_POOR: _l("Very poor"),
    FftAnswer.DONT_KNOW: _l("Don't know"),
    ServiceKind.HOSPITAL: _l("Hospital"),
    ServiceKind.GP_PRACTICE: _l("GP practice"),
    ServiceKind.AMBULANCE: _l("Ambulance service"),
    ServiceKind.URGENT_CARE_LINE: _l("111 and urgent care line"),
    ServiceKind.MENTAL_HEALTH: _l("Mental health service"),
    ServiceKind.CARE_HOME: _l("Care home"),
    ServiceKind.YOUTH_CENTRE: _l("Youth centre"),
    ServiceKind.COUNSELLING: _l("Counselling"),
    ServiceKind.DISABILITY_SUPPORT: _l("Disability support"),
    ServiceKind.WELFARE_ADVICE: _l("Welfare advice"),
    Role.STORYTELLER: _l("Storyteller"),
    Role.MODERATOR: _l("Moderator"),
    Role.FUNDER: _l("Funder"),
    Role.ADMIN: _l("Administrator"),
    MembershipRole.ADMIN: _l("Organisation admin"),
    MembershipRole.RESPONDER: _l("Responder"),
    MembershipRole.READER: _l("Reader"),
}

# The names of TAXONOMY.md's theme codes, as people read them.
THEME_LABELS: dict[str, object] = {
    "staff_attitude": _l("Staff attitude and kindness"),
    "staff_capacity": _l("Staffing and responsiveness"),
    "communication": _l("Communication and involvement"),
    "access_waiting": _l("Access and waiting"),
    "care_treatment": _l("Care and treatment"),
    "coordination": _l("Coordination and continuity"),
    "environment": _l("Environment and facilities"),
    "travel_parking": _l("Travel, transport and location"),
    "dignity_safety": _l("Dignity, rights and safety"),
    "family_carers": _l("Family and carers"),
    "organisation": _l("Organisation and resources"),
}

PII_LABELS: dict[str, object] = {
    "PERSON": _l("Name"),
    "PHONE": _l("Phone number"),
    "EMAIL": _l("E-mail address"),
    "ADDRESS": _l("Address"),
    "POSTCODE": _l("Postcode"),
    "DATE_OF_BIRTH": _l("Date of birth"),
    "ID_NUMBER": _l("ID or case number"),
}

SAFEGUARDING_LABELS: dict[str, object] = {
    "self_harm": _l("Self-harm or suicide"),
    "abuse": _l("Abuse"),
    "neglect": _l("Neglect"),
    "violence": _l("Violence"),
    "sexual": _l("Sexual harm"),
    "restraint": _l("Restraint"),
    "exploitation": _l("Exploitation"),
}


FIELD_LABELS: dict[str, object] = {
    "title": _l("Title"),
    "body": _l("What happened"),
    "what_was_good": _l("What was good"),
    "what_could_be_improved": _l("What could be improved"),
    "how_it_felt": _l("How it felt"),
    "experienced_on": _l("When it happened"),
    "author_role": _l("Who told it"),
    "pseudonym": _l("Pseudonym"),
    "rating_overall": _l("Overall rating"),
    "fft_answer": _l("Overall experience"),
    "themes": _l("Themes"),
}

# The stored values of edited fields, as the trail keeps them, back to what people read.
_VALUE_ENUMS = {"author_role": AuthorRole, "fft_answer": FftAnswer}


def pii_label(kind: str) -> str:
    """The translated name of a kind of personal detail."""
    return str(PII_LABELS.get(kind, kind))


def safeguarding_label(kind: str) -> str:
    """The translated name of a kind of safeguarding concern."""
    return str(SAFEGUARDING_LABELS.get(kind, kind))


def field_name(name: str) -> str:
    """The translated name of a story field."""
    return str(FIELD_LABELS.get(name, name))


def change_value(name: str, value: object) -> str:
    """A value from an edit's before/after, in words (enum labels, theme names, months)."""
    if value is None or value == "":
        return "–"
    if name in _VALUE_ENUMS:
        try:
            return label(_VALUE_ENUMS[name](value))
        except ValueError:
            return str(value)
    if name == "themes" and isinstance(value, dict):
        return ", ".join(f"{theme_label(code)}: {label(Sentiment(feeling))}" for code, feeling in value.items()) or "–"
    if name == "experienced_on" and isinstance(value, str):
        return value[:7]
    return str(value)


def theme_label(code: str) -> str:
    """The translated name of a theme code."""
    return str(THEME_LABELS.get(code, code))


def label(value: enum.Enum | None) -> str:
    """The translated label of an enum value ('' for None)."""
    if value is None:
        return ""
    return str(LABELS.get(value, value.value))


def choices(enum_class: type[enum.Enum]) -> list[tuple[str, object]]:
    """(value, lazy label) pairs for a WTForms select or radio field."""
    return [(member.value, LABELS[member]) for member in enum_class]
