"""Provider staff: the inbox, answering stories, and managing the organisation's team."""
from .blueprint import bp

__all__ = ["bp"]
