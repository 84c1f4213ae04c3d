"""Reporting a problem with published content, and the moderator's decision on it."""
from __future__ import annotations

from flask_babel import gettext as _

from ..extensions import db
from ..models import Report, ReportStatus, Response, ResponseStatus, Story, StoryAction, StoryEvent, StoryStatus, User
from ..models.base import utcnow
from . import ServiceError
from .lifecycle import Actor
from .responses import By, withdraw_response
from .stories import withdraw_story


def _trail(story: Story, action: StoryAction, user: User | None, reason: str | None,
           response: Response | None) -> None:
    db.session.add(StoryEvent(story=story, actor_id=user.id if user else None, action=action, reason=reason,
                              response_id=response.id if response else None,
                              from_status=story.status, to_status=story.status))


def report_content(story: Story, reason: str, reporter: User | None = None, response: Response | None = None,
                   reporter_email: str | None = None) -> Report:
    """Anyone reports a published story, response or reply; it goes to the moderators' queue."""
    if not reason.strip():
        raise ServiceError(_("Please say what the problem is."))
    published = response.status is ResponseStatus.PUBLISHED if response else story.status is StoryStatus.PUBLISHED
    if not published or (response is not None and response.story_id != story.id):
        raise ServiceError(_("Only published stories and responses can be reported."))
    report = Report(story=story, response=response, reason=reason.strip(),
                    reporter_id=reporter.id if reporter else None, reporter_email=reporter_email or None)
    db.session.add(report)
    _trail(story, StoryAction.REPORT, reporter, reason.strip(), response)
    db.session.flush()
    return report


def decide_report(report: Report, moderator: User, uphold: bool, reason: str) -> None:
    """Uphold (take the content down) or dismiss a report; the decision and its reason go into the trail."""
    if report.status is not ReportStatus.OPEN:
        raise ServiceError(_("This report has already been decided."))
    if not reason.strip():
        raise ServiceError(_("Please give the reason for your decision."))
    if uphold:
        if report.response is not None:
            if report.response.status is ResponseStatus.PUBLISHED:
                withdraw_response(report.response, By.MODERATOR, moderator, reason=reason)
        elif report.story.status is StoryStatus.PUBLISHED:
            withdraw_story(report.story, Actor.MODERATOR, moderator, reason=reason)
    report.status = ReportStatus.UPHELD if uphold else ReportStatus.DISMISSED
    report.decided_by_id, report.decision_reason, report.decided_at = moderator.id, reason.strip(), utcnow()
    action = StoryAction.UPHOLD_REPORT if uphold else StoryAction.DISMISS_REPORT
    _trail(report.story, action, moderator, reason.strip(), report.response)
    db.session.flush()
