"""`flask demo seed` without --stories: the whole demo, once, on an empty database."""
from __future__ import annotations

import random

from sqlalchemy import func, select

from ..extensions import db
from ..models import User
from .accounts import DemoCast, create_demo_accounts
from .directory import ensure_directory
from .stories import DEMO_STORY_COUNT, seed_demo_stories

DEFAULT_SEED = 20240601


def database_has_users() -> bool:
    """Whether anyone has an account yet; the demo never touches a database that is in use."""
    return bool(db.session.scalar(select(func.count()).select_from(User)))


def seed_demo(password: str, seed: int = DEFAULT_SEED, story_count: int = DEMO_STORY_COUNT) -> DemoCast | None:
    """Create the directory, the demo accounts and the demo stories, and commit; None if there are users already."""
    if database_has_users():
        return None
    rng = random.Random(seed)
    services = ensure_directory(rng)
    cast = create_demo_accounts(password)
    seed_demo_stories(rng, services, cast, story_count)
    db.session.commit()
    return cast
