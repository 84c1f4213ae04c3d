"""Several gunicorn workers writing to one SQLite file at once: every story is stored, none is 'locked'."""
from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from feedback_app import create_app
from feedback_app.extensions import db
from feedback_app.models import Organisation, Service, ServiceKind
from tests.conftest import config_for_tests, reset_schema, story_form

WORKERS, CLIENTS, STORIES_PER_CLIENT = 4, 8, 15


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Path:
    path = tmp_path / "concurrent.sqlite"
    app = create_app(config_for_tests(f"sqlite:///{path}"))
    reset_schema(app)
    with app.app_context():
        organisation = Organisation(name="Trust", slug="trust", country="GB")
        db.session.add(Service(organisation=organisation, name="Ward 1", slug="ward-1", kind=ServiceKind.HOSPITAL,
                               town="Leeds", country="GB"))
        db.session.commit()
        db.engine.dispose()
    return path


@pytest.fixture
def gunicorn(sqlite_file: Path):
    port = free_port()
    env = {**os.environ, "STORYLOOP_ENV": "testing", "DATABASE_URL": f"sqlite:///{sqlite_file}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--preload",
         "feedback_app:create_app()"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # generous: a loaded machine starts four workers slowly
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/health", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"gunicorn did not start: {process.communicate()[0]}")
    yield base
    process.terminate()
    output = process.communicate(timeout=30)[0]
    assert "database is locked" not in output, output


def test_concurrent_writers_all_succeed(gunicorn: str, sqlite_file: Path):
    opener = urllib.request.build_opener(NoRedirect)

    def tell(client: int) -> list[int]:
        codes = []
        for n in range(STORIES_PER_CLIENT):
            body = urllib.parse.urlencode(story_form([1], title=f"Story {client}-{n}"), doseq=True).encode()
            try:
                codes.append(opener.open(f"{gunicorn}/share/story", data=body, timeout=60).status)
            except urllib.error.HTTPError as error:
                codes.append(error.code)
        return codes

    with ThreadPoolExecutor(CLIENTS) as pool:
        codes = [code for result in pool.map(tell, range(CLIENTS)) for code in result]

    assert codes == [302] * (CLIENTS * STORIES_PER_CLIENT)
    with sqlite3.connect(sqlite_file) as connection:
        stored = connection.execute("SELECT count(*) FROM stories").fetchone()[0]
        events = connection.execute("SELECT count(*) FROM story_events").fetchone()[0]
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert stored == events == CLIENTS * STORIES_PER_CLIENT
    assert mode == "wal"
