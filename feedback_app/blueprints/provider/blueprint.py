"""The provider area: an organisation's inbox, its stories and responses, and its team."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("provider", __name__)


@bp.before_request
@login_required
def _signed_in_only() -> None:
    """Every provider page needs a signed-in member; each view checks the membership itself."""
