"""Fixtures for the demo-data tests: a database seeded once per module, on every backend the suite runs on.

Seeding takes a few seconds, and most tests only read what it made, so they share one seeded database
(``database_url`` from tests/conftest.py: a migrated SQLite file, and PostgreSQL when TEST_DATABASE_URL is set).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from click.testing import Result
from flask import Flask

from feedback_app import create_app
from feedback_app.extensions import db
from tests.conftest import config_for_tests, empty_tables

DEMO_PASSWORD = "a-demo-password-for-tests"


@pytest.fixture(scope="module")
def fresh_app(database_url: str) -> Iterator[Flask]:
    """An app on an empty database, emptied again when the module is done."""
    app = create_app(config_for_tests(database_url))
    empty_tables(app)
    yield app
    empty_tables(app)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="module")
def run_demo(fresh_app: Flask) -> Callable[..., Result]:
    """Invoke ``flask demo <args>`` on the module's app."""
    def run(*args: str) -> Result:
        result = fresh_app.test_cli_runner().invoke(args=["demo", *args])
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return run


@pytest.fixture(scope="module")
def seeded(fresh_app: Flask, run_demo: Callable[..., Result]) -> Result:
    """The result of ``flask demo seed --password DEMO_PASSWORD`` on the empty database."""
    return run_demo("seed", "--password", DEMO_PASSWORD)


@pytest.fixture
def seeded_ctx(fresh_app: Flask, seeded: Result) -> Iterator[None]:
    """An app context on the seeded database."""
    with fresh_app.app_context():
        yield
        db.session.rollback()
