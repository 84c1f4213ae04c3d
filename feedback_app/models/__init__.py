"""All models, importable from one place (Alembic and the services import them from here)."""
from .analysis import AnalysisStatus, Sentiment, StoryTheme, ThemeSource
from .directory import Organisation, Service, ServiceKind
from .events import StoryAction, StoryEvent
from .invitations import Invitation
from .outbox import OutboxMessage
from .progress import Progress, StoryProgress
from .reports import Report, ReportStatus
from .responses import ChangeConfirmation, ChangeOutcome, ChangeStatus, Response, ResponseKind, ResponseStatus
from .rollups import (
    ALL_THEMES,
    FunderRemit,
    MonthVersion,
    OrganisationVersion,
    PathwayMonthVersion,
    RollupPathway,
    RollupState,
    StoryRollup,
    rollup_pathway_services,
)
from .stories import AuthorRole, FftAnswer, Story, StoryStatus, story_services
from .subscriptions import Frequency, Subscription
from .users import Membership, MembershipRole, Role, User

__all__ = [
    "ALL_THEMES", "FunderRemit", "MonthVersion", "OrganisationVersion", "PathwayMonthVersion", "RollupPathway", "RollupState", "StoryRollup", "rollup_pathway_services",
    "ChangeConfirmation", "ChangeOutcome", "ChangeStatus", "Frequency", "Invitation", "Progress", "Report",
    "ReportStatus", "Response", "ResponseKind", "ResponseStatus", "StoryProgress", "Subscription",
    "AnalysisStatus", "Sentiment", "StoryTheme", "ThemeSource",
    "AuthorRole", "FftAnswer", "Membership", "MembershipRole", "Organisation", "OutboxMessage", "Role",
    "Service", "ServiceKind", "Story", "StoryAction", "StoryEvent", "StoryStatus", "User", "story_services",
]
