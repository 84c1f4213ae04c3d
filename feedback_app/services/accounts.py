"""Accounts: registration, passwords (argon2id) and signing in."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from ..extensions import db
from ..models import Role, User
from ..models.base import utcnow
from . import ServiceError


def password_hasher() -> PasswordHasher:
    """The argon2id hasher with this app's cost parameters."""
    config = current_app.config
    return PasswordHasher(
        time_cost=config["PASSWORD_HASH_TIME_COST"],
        memory_cost=config["PASSWORD_HASH_MEMORY_KIB"],
        parallelism=config["PASSWORD_HASH_PARALLELISM"],
    )


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return password_hasher().hash(password)


def normalise_email(email: str) -> str:
    """E-mail addresses compare case-insensitively and without surrounding space."""
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    """The user with this address, if any."""
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def register_user(email: str, password: str, display_name: str, role: Role = Role.STORYTELLER,
                  locale: str | None = None) -> User:
    """Create an account; refuses an address that is already registered."""
    if find_user_by_email(email) is not None:
        raise ServiceError(_("An account with this e-mail address already exists."))
    user = User(
        email=normalise_email(email),
        password_hash=hash_password(password),
        display_name=display_name.strip(),
        role=role,
        locale=locale,
    )
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user whose password matches, or None. Upgrades the hash when the cost parameters changed."""
    user = find_user_by_email(email)
    hasher = password_hasher()
    if user is None:
        # Spend the same time as a real check, so response times do not reveal which addresses exist.
        hasher.hash(password)
        return None
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if not user.active:
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    user.last_login_at = utcnow()
    return user
