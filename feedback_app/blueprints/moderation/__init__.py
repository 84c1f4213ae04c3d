"""Moderation: the queue, reviewing a story, and acting on what the analysis found."""
from . import analysis, conversation, queue, review  # noqa: F401 - each module registers its views on bp
from .blueprint import bp

__all__ = ["bp"]
