"""Shared fixtures: an app on SQLite (and on PostgreSQL when TEST_DATABASE_URL is set), clients and factories.

Every test that uses ``app`` runs once per database backend. The schema is built once per backend by the
migrations themselves (``flask db upgrade``), and every table is emptied after each test.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from flask import Flask, current_app, has_app_context
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import delete, text

from feedback_app import create_app
from feedback_app.extensions import db
from feedback_app.models import (
    AuthorRole,
    FftAnswer,
    Membership,
    MembershipRole,
    Organisation,
    Role,
    Service,
    ServiceKind,
    Story,
    StoryAction,
    StoryEvent,
    StoryStatus,
    User,
    story_services,
)
from feedback_app.models.base import utcnow
from feedback_app.services.accounts import hash_password
from feedback_app.services.notifications import sent_messages

PASSWORD = "correct horse battery staple"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``postgresql_only`` are left out on SQLite instead of being skipped there: a skip would
    read like a failure hidden, and SQLite has nothing for them to test (it runs one writer at a time)."""
    sqlite_only = [item for item in items if item.get_closest_marker("postgresql_only")
                   and getattr(item, "callspec", None) and item.callspec.params.get("database_url") == "sqlite"]
    if sqlite_only:
        config.hook.pytest_deselected(items=sqlite_only)
        items[:] = [item for item in items if item not in sqlite_only]


def config_for_tests(database_url: str, **overrides: object) -> dict[str, object]:
    """Settings for an app under test on ``database_url``."""
    return {"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, **overrides}


def reset_schema(app: Flask) -> None:
    """Drop whatever a previous run left, then build the schema from the migrations."""
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()


def empty_tables(app: Flask) -> None:
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(delete(table))


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "postgresql":
        url = os.environ["TEST_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'storyloop.sqlite'}"
    app = create_app(config_for_tests(url))
    reset_schema(app)
    with app.app_context():
        db.engine.dispose()
    return url


@pytest.fixture
def app_settings() -> dict[str, object]:
    """Settings the app under test gets beyond config_for_tests: a module overrides this to turn a feature on."""
    return {}


@pytest.fixture
def app(database_url: str, app_settings: dict[str, object]) -> Iterator[Flask]:
    app = create_app(config_for_tests(database_url, **app_settings))
    sent_messages.clear()
    yield app
    empty_tables(app)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    """A request context, for calling services directly (they build links with url_for).

    A POST, as in the views that call services: on SQLite its transactions take the write lock up front.
    """
    with app.test_request_context(method="POST"):
        yield


_sequence = itertools.count(1)


@contextmanager
def app_context(app: Flask) -> Iterator[None]:
    """The current app context if there is one (so factories share the test's session), else a new one."""
    if has_app_context() and current_app._get_current_object() is app:
        yield
    else:
        with app.app_context():
            yield


@pytest.fixture
def make_user(app: Flask) -> Callable[..., User]:
    def make(role: Role = Role.STORYTELLER, email: str | None = None, password: str = PASSWORD,
             organisation: Organisation | None = None,
             membership_role: MembershipRole = MembershipRole.RESPONDER) -> User:
        with app_context(app):
            user = User(email=email or f"user{next(_sequence)}@example.org", password_hash=hash_password(password),
                        display_name=f"{role.value.title()} {next(_sequence)}", role=role)
            db.session.add(user)
            if organisation is not None:
                db.session.add(Membership(user=user, organisation_id=organisation.id, role=membership_role))
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return make


@pytest.fixture
def make_organisation(app: Flask) -> Callable[..., Organisation]:
    def make(name: str | None = None, parent: Organisation | None = None, region: str | None = None) -> Organisation:
        n = next(_sequence)
        with app_context(app):
            organisation = Organisation(name=name or f"Provider {n}", slug=f"provider-{n}", country="GB",
                                        parent_id=parent.id if parent else None, region=region)
            db.session.add(organisation)
            db.session.commit()
            db.session.refresh(organisation)
            db.session.expunge(organisation)
            return organisation

    return make


@pytest.fixture
def make_service(app: Flask) -> Callable[..., Service]:
    def make(name: str | None = None, kind: ServiceKind = ServiceKind.HOSPITAL, town: str = "Leeds",
             organisation: Organisation | None = None, country: str = "GB") -> Service:
        n = next(_sequence)
        with app_context(app):
            if organisation is None:
                organisation = Organisation(name=f"Trust {n}", slug=f"trust-{n}", country=country)
                db.session.add(organisation)
                db.session.flush()
            service = Service(name=name or f"Ward {n}", slug=f"service-{n}", kind=kind, town=town,
                              organisation_id=organisation.id, country=country, postcode="LS1 3EX")
            db.session.add(service)
            db.session.commit()
            db.session.refresh(service)
            db.session.expunge(service)
            return service

    return make


def story_form(service_ids: list[int], **overrides: object) -> dict[str, object]:
    """A complete, valid /share/story form."""
    today = date.today()
    data: dict[str, object] = {
        "services": service_ids,
        "title": "Kind nurses, long wait",
        "body": "The nurses on the ward were kind, but we waited six hours to be seen.",
        "what_was_good": "The nurses.",
        "what_could_be_improved": "The waiting time.",
        "how_it_felt": "Tired but cared for.",
        "rating_overall": "3",
        "fft_answer": "good",
        "experienced_month": str(today.month),
        "experienced_year": str(today.year),
        "author_role": "patient",
        "pseudonym": "Sam from Leeds",
        "agree": "y",
    }
    data.update(overrides)
    return data


def story_fields(**overrides: object) -> dict[str, object]:
    """Valid story fields, as services.stories.submit_story takes them."""
    fields: dict[str, object] = {
        "title": "Kind nurses, long wait", "body": "The nurses were kind, but we waited six hours to be seen.",
        "what_was_good": None, "what_could_be_improved": None, "how_it_felt": None,
        "experienced_on": date.today().replace(day=1), "author_role": AuthorRole.PATIENT,
        "pseudonym": "Anon", "rating_overall": 3, "fft_answer": FftAnswer.GOOD,
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def make_story(app: Flask, make_service: Callable[..., Service]) -> Callable[..., Story]:
    def make(status: StoryStatus = StoryStatus.PUBLISHED, services: list[Service] | None = None,
             author: User | None = None, rating: int = 4, title: str | None = None, language: str = "en",
             experienced_on: date | None = None, contact_email: str | None = None) -> Story:
        services = services or [make_service()]
        with app_context(app):
            now = utcnow()
            story = Story(
                title=title or f"Story {next(_sequence)}", body="The staff were friendly and the ward was clean.",
                experienced_on=experienced_on or date.today().replace(day=1), author_role=AuthorRole.PATIENT,
                pseudonym="Alex", language=language, contact_language=language, status=status, rating_overall=rating,
                fft_answer=FftAnswer.GOOD, author_id=author.id if author else None, contact_email=contact_email,
                submitted_at=now, published_at=now if status is StoryStatus.PUBLISHED else None,
            )
            db.session.add(story)
            db.session.flush()
            db.session.execute(story_services.insert(), [
                {"story_id": story.id, "service_id": s.id, "position": i} for i, s in enumerate(services)
            ])
            db.session.add(StoryEvent(story_id=story.id, action=StoryAction.SUBMIT, to_status=StoryStatus.PENDING))
            db.session.commit()
            db.session.refresh(story)
            story.services  # load them before the story leaves its session  # noqa: B018
            db.session.expunge(story)
            return story

    return make


def login(client: FlaskClient, user: User, password: str = PASSWORD) -> None:
    response = client.post("/account/login", data={"email": user.email, "password": password})
    assert response.status_code == 302, "login failed"
