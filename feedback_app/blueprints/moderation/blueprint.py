"""The moderation blueprint object; every view in this package is for moderators (and admins) only."""
from flask import Blueprint

from ...authz import moderator_required

bp = Blueprint("moderation", __name__)


@bp.before_request
@moderator_required
def _only_moderators() -> None:
    """Refuses everyone else before any view runs."""
