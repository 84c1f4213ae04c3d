"""Fixtures for the NLP tests: the shared analyser, the hand-written data sets and a CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def analyser():
    from feedback_app.nlp import get_analyser

    return get_analyser()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture()
def runner():
    from feedback_app import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return app.test_cli_runner()


def found_pii(text: str) -> list[tuple[str, str]]:
    """The personal details found in `text`, as (type, text) in reading order."""
    from feedback_app.nlp.pii import find_pii

    return [(p.type, p.text) for p in find_pii(text)]
