"""What people read for each stored value: translatable labels of the enums."""
from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

from .models import AuthorRole, FftAnswer, MembershipRole, Role, ServiceKind, StoryAction, StoryStatus

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


def label(value: enum.Enum | None) -> str:
    """The translated label of an enum value ('' for None)."""
    if value is None:
        return ""
    return str(LABELS.get(value, value.value))


def choices(enum_class: type[enum.Enum]) -> list[tuple[str, object]]:
    """(value, lazy label) pairs for a WTForms select or radio field."""
    return [(member.value, LABELS[member]) for member in enum_class]
