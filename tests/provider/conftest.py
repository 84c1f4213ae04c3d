"""Fixtures for the provider area: organisations in a hierarchy, their services, and stories about them."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from feedback_app.extensions import db
from feedback_app.models import Organisation, Progress, Story, StoryProgress
from tests.conftest import app_context


@pytest.fixture
def set_progress(app: Flask) -> Callable[[Story, Organisation, Progress], None]:
    """Give a story a progress row with one organisation."""
    def set_(story: Story, organisation: Organisation, stage: Progress) -> None:
        with app_context(app):
            row = db.session.get(StoryProgress, (story.id, organisation.id))
            if row is None:
                db.session.add(StoryProgress(story_id=story.id, organisation_id=organisation.id, progress=stage))
            else:
                row.progress = stage
            db.session.commit()

    return set_
