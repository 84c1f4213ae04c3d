"""Provider staff: the inbox, answering stories, and managing the organisation's team."""
from . import inbox, story, team  # noqa: F401 - each module registers its views on bp
from .blueprint import bp

__all__ = ["bp"]
