"""All models, importable from one place (Alembic and the services import them from here)."""
from .analysis import AnalysisStatus, Sentiment, StoryTheme, ThemeSource
from .directory import Organisation, Service, ServiceKind
from .events import StoryAction, StoryEvent
from .outbox import OutboxMessage
from .stories import AuthorRole, FftAnswer, Story, StoryStatus, story_services
from .users import Membership, MembershipRole, Role, User

__all__ = [
    "AnalysisStatus", "Sentiment", "StoryTheme", "ThemeSource",
    "AuthorRole", "FftAnswer", "Membership", "MembershipRole", "Organisation", "OutboxMessage", "Role",
    "Service", "ServiceKind", "Story", "StoryAction", "StoryEvent", "StoryStatus", "User", "story_services",
]
