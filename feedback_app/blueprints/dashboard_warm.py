"""Dashboards rendered again when their figures change, not when they are next viewed.

The first view of a dashboard after a publication in view renders the figures the publication moved: at a
million stories, 13-22 times the time of a trivial page, against 3-5 times for a kept view. So the dashboards
people viewed lately are remembered (which person, language and query), and after each commit that moves the
figures, one thread per process renders those whose kept parts went stale, so that the next view finds them
kept. A view that comes before the thread is done renders what it needs itself, as it always did: nothing is
ever shown stale, it is only ready sooner.
"""
from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter

from flask import Flask, current_app, request
from flask_login import login_user
from sqlalchemy import select

from ..extensions import cache, db
from ..i18n import current_language, in_language
from ..models import Role, User
from ..services.rollups import figures_changed
from ..sqlite import read_only_transactions

log = logging.getLogger(__name__)

VIEWS_KEY = "dashboard-views-in-use"
# A view seen again is noted at most this often (seconds): noting it reads and writes the list of views.
NOTE_AGAIN_AFTER = 60


@dataclass(frozen=True)
class Rendered:
    """A part of a dashboard as rendered, and for how many seconds it stays true under its key."""

    html: str
    seconds: int


# The kept parts of a dashboard, as dashboard.dashboard_parts gives them: (cache key, render) pairs.
PartsOf = Callable[[User], list[tuple[str, Callable[[], Rendered]]]]


def render_and_keep(key: str, render: Callable[[], Rendered]) -> str:
    """Render a part and keep it under ``key`` for as long as it stays true."""
    rendered = render()
    cache.set(key, rendered.html, timeout=rendered.seconds)
    return rendered.html


@dataclass(frozen=True)
class ViewInUse:
    """A dashboard someone viewed: whose, in which language, at which path and query (the parts' keys)."""

    user_id: int
    language: str
    full_path: str
    url_root: str


def remember_view(user: User) -> None:
    """Note that ``user`` viewed this request's dashboard, so that it is rendered again when its figures change
    (a view already noted in the last minute is left as it is)."""
    limit, window = current_app.config["DASHBOARD_WARM_VIEWS"], current_app.config["DASHBOARD_WARM_SECONDS"]
    if not limit:
        return
    view, now = ViewInUse(user.id, current_language(), request.full_path, request.url_root), time.time()
    # A mark per view, kept for a minute, says whether it was noted lately: a small key, where reading the
    # list of views on every request cost 0.2 ms at 100 of them.
    if not cache.add(f"dashboard-view-noted:{view}", True, timeout=NOTE_AGAIN_AFTER):
        return
    views = cache.get(VIEWS_KEY) or {}
    views[view] = now
    # The latest ``limit`` views of the last ``window`` seconds. Two processes noting a view at once may lose
    # one of the two notes: that view is then rendered by its next request, as without warming.
    recent = sorted(((v, seen) for v, seen in views.items() if seen > now - window), key=itemgetter(1))
    cache.set(VIEWS_KEY, dict(recent[-limit:]), timeout=window)


def views_in_use() -> list[ViewInUse]:
    """The dashboards noted, the latest first."""
    views = cache.get(VIEWS_KEY) or {}
    return sorted(views, key=views.get, reverse=True)


def warm_views(app: Flask, parts_of: PartsOf, warmed: dict[ViewInUse, list[str]]) -> int:
    """Render and keep every stale part of the dashboards in use; returns how many parts were rendered.

    ``warmed`` maps each view to the keys this warmer kept for it last time: superseded ones are dropped, so
    that warming keeps at most one version of a dashboard nobody has viewed since.
    """
    rendered = 0
    with app.app_context(), read_only_transactions():  # on SQLite, no write lock: readers never wait
        views = views_in_use()
        for gone in warmed.keys() - set(views):  # out of use: its last parts expire on their own
            del warmed[gone]
        if not views:
            return 0
        users = {user.id: user for user in db.session.scalars(
            select(User).where(User.id.in_({view.user_id for view in views})))}
        for view in views:
            user = users.get(view.user_id)
            if user is None or not user.is_active or not user.has_role(Role.FUNDER):
                continue  # the view itself would refuse them
            with app.test_request_context(view.full_path, base_url=view.url_root), in_language(view.language):
                login_user(user)  # in this made-up request only: templates read current_user
                keys = []
                for key, render in parts_of(user):
                    keys.append(key)
                    if not cache.has(key):
                        render_and_keep(key, render)
                        rendered += 1
            cache.delete_many(*(key for key in warmed.get(view, ()) if key not in keys))
            warmed[view] = keys
    return rendered


class DashboardWarmer:
    """One thread per process that warms the dashboards in use after each change of the figures.

    Changes that come while it works are taken together: the next pass renders the latest figures once.
    """

    def __init__(self, app: Flask, parts_of: PartsOf) -> None:
        self.app, self.parts_of = app, parts_of
        self._changes: queue.Queue[None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._held, self._deferred = 0, False
        self._warmed: dict[ViewInUse, list[str]] = {}
        self.rendered = 0  # parts rendered since the start, for benchmarks and tests

    def changed(self, _sender: Flask | None = None, **_extra: object) -> None:
        """The figures changed: warm the dashboards in use (once the block of ``held`` ends, if inside one)."""
        with self._lock:
            if self._held:
                self._deferred = True
                return
            if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
                # Started here rather than with the app: a forking server would leave it in the parent.
                self._thread = threading.Thread(target=self._work, name="dashboard-warmer", daemon=True)
                self._pid = os.getpid()
                self._thread.start()
        self._changes.put(None)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Changes inside the block are warmed once, when it ends: for bulk jobs, and to time a cold view."""
        with self._lock:
            self._held += 1
        try:
            yield
        finally:
            with self._lock:
                self._held -= 1
                release = not self._held and self._deferred
                self._deferred = self._deferred and not release
            if release:
                self.changed()

    def drain(self) -> None:
        """Wait until every change announced so far has been warmed."""
        self._changes.join()

    def _work(self) -> None:
        while True:
            self._changes.get()
            taken = 1
            while True:  # the changes announced meanwhile: this pass reads their figures too
                try:
                    self._changes.get_nowait()
                    taken += 1
                except queue.Empty:
                    break
            try:
                self.rendered += warm_views(self.app, self.parts_of, self._warmed)
            except Exception as error:  # noqa: BLE001 - a failed warm costs the next view its render, no more
                log.warning("warming dashboards failed: %s", type(error).__name__)
            finally:
                for _ in range(taken):
                    self._changes.task_done()


def warm_on_change(app: Flask, parts_of: PartsOf) -> None:
    """Warm ``app``'s dashboards in use whenever its figures change (unless DASHBOARD_WARM_VIEWS is 0)."""
    if not app.config["DASHBOARD_WARM_VIEWS"]:
        return
    warmer = app.extensions["dashboard_warmer"] = DashboardWarmer(app, parts_of)
    figures_changed.connect(warmer.changed, sender=app)


def warmer_of(app: Flask) -> DashboardWarmer | None:
    return app.extensions.get("dashboard_warmer")
