"""SQLite tuned for several gunicorn workers writing at once.

WAL lets readers and one writer work side by side; the busy timeout makes a second writer wait instead
of failing; and a write transaction starts with BEGIN IMMEDIATE, so it takes the write lock before it
reads anything. A deferred transaction that reads and then writes can hit a stale snapshot, which
SQLite reports as "database is locked" at once, whatever the timeout.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from flask import current_app, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_read_only: ContextVar[bool | None] = ContextVar("sqlite_read_only", default=None)


@contextmanager
def read_only_transactions() -> Iterator[None]:
    """Let transactions begun inside this block start deferred (they only read)."""
    token = _read_only.set(True)
    try:
        yield
    finally:
        _read_only.reset(token)


def writes_on_get(view):  # noqa: ANN001, ANN201 - a view function
    """Mark a GET view that writes (opening a story marks it read), so its transaction takes the write lock."""
    view.writes_on_get = True
    return view


def _wants_write_lock() -> bool:
    explicit = _read_only.get()
    if explicit is not None:
        return not explicit
    if has_request_context():
        if request.method not in SAFE_METHODS:
            return True
        view = current_app.view_functions.get(request.endpoint or "")
        return bool(getattr(view, "writes_on_get", False))  # functools.wraps carries the mark outwards
    return True  # commands and background jobs: assume they write


def configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """Install WAL, the busy timeout and BEGIN IMMEDIATE for write transactions on a SQLite engine."""
    if engine.dialect.name != "sqlite":
        return
    # SQLAlchemy writes no table hints for SQLite; this engine writes them as given, so that a query can say
    # `.with_hint(Story, "INDEXED BY ...", "sqlite")` where the planner would pick the wrong index.
    base = engine.dialect.statement_compiler
    engine.dialect.statement_compiler = type("HintingSQLiteCompiler", (base,), {
        "get_from_hint_text": lambda self, table, text: text})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001 - DB-API objects
        # Take transaction control away from pysqlite so that our BEGIN is the one that runs.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _wants_write_lock() else "BEGIN")
