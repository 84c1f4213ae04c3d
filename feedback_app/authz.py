"""Who may do what: named decorators for the views.

Anonymous HTML requests are sent to the login page; anonymous JSON requests get 401.
A signed-in person without the right gets 403.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user

from .extensions import login_manager
from .models import Role

View = TypeVar("View", bound=Callable[..., Any])


def role_required(*roles: Role) -> Callable[[View], View]:
    """Allow only signed-in users with one of ``roles`` (admins always pass)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


moderator_required = role_required(Role.MODERATOR)
admin_required = role_required(Role.ADMIN)


def signed_in_user():
    """The signed-in User object (not the proxy), or None for a visitor."""
    return current_user._get_current_object() if current_user.is_authenticated else None


def is_staff_or_funder(user: Any) -> bool:
    """Provider staff (a member of any organisation), funders and admins: the people who use alerts."""
    return bool(user.is_authenticated and (user.has_role(Role.FUNDER) or user.memberships))


def staff_or_funder_required(view: View) -> View:
    """Allow only provider staff, funders and admins (storytellers follow their own stories by e-mail)."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not is_staff_or_funder(current_user):
            abort(403)
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]
