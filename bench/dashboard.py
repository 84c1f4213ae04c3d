"""Time the funder dashboard at 100,000 and 1,000,000 stories, on SQLite and on PostgreSQL.

    .venv/bin/python bench/dashboard.py --sizes 100000,1000000 --backends sqlite,postgresql \
        --requests 40 --workdir /tmp/storyloop-bench --keep

For each backend and size it builds a database (a SQLite file in --workdir, or a PostgreSQL database
storyloop_bench_<n> on --pg-server) with the app's own commands: `flask db upgrade`, `flask demo seed --stories N`,
then a benchmark step that gives the bulk stories themes, a sentiment and a criticality (bulk-seeded stories have
none, since NLP is not run in bulk; see --no-enrich) and `flask rollups rebuild`. With --keep a database already
built by an earlier run is reused, and PostgreSQL databases are left in place at the end.

It then times, in this process, with a logged-in test client (TESTING config, rate limit off), --requests
requests of each page, interleaved over every page of every database (so that load from elsewhere falls on
small and large databases alike), after a warm-up
(a page past --page-budget seconds in all stops at --min-requests samples; the table's n says how many):
the trivial page (/health), a template-rendered page (the login form, anonymous), the dashboard unfiltered (as
an admin, who sees everything), the dashboard filtered (one organisation, the last six months, one kind of
service and one theme), and a funder's unfiltered dashboard (remit: that organisation's region). Each dashboard
is timed warmed (the first view after a story in view of all three was published or withdrawn, committed as the
app commits it, once the app's warmer has rendered the dashboards in use again; the commit and the warmer are
timed too), cold (the same, before the warmer has run: a view that races it, or of a dashboard nobody viewed
lately), expired (every kept part dropped: a restart with a cache per process, or a query not asked for in a
day) and kept (the next view).

Aims (issue 5): the dashboard at 1,000,000 stories within 1.5x of the dashboard at 100,000, and under 5x the
trivial page. --profile prints, for each dashboard page, its slowest SQL statements and the plan of the slowest.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, event, text  # noqa: E402

from feedback_app import create_app  # noqa: E402
from figures import load, p95  # noqa: E402  (bench/ is the script's folder, first on sys.path)
from feedback_app.blueprints.dashboard_warm import warmer_of  # noqa: E402
from feedback_app.extensions import cache, db  # noqa: E402

PASSWORD = "bench-password-123"
ADMIN_EMAIL, FUNDER_EMAIL = "bench-admin@example.org", "bench-funder@example.org"
FILTER_THEME = "access_waiting"
THEMES = ("staff_attitude", "staff_capacity", "communication", "access_waiting", "care_treatment", "coordination",
          "environment", "travel_parking", "dignity_safety", "family_carers", "organisation")
TRIVIAL, TEMPLATE = "trivial (/health)", "login page"
UNFILTERED, FILTERED, FUNDER = "dashboard unfiltered", "dashboard filtered", "dashboard funder"
# Each dashboard is timed four times in a round: warmed and cold (the first view after a real change of the
# figures in view: a story of the busiest organisation published or withdrawn, committed as the app commits it,
# so the rollups, the versions and whatever the change makes stale move as they would; warmed once the app's
# warmer has rendered the dashboards in use again, cold with the warmer held back until the view is done),
# expired (every kept part dropped first: the first view after a restart, or after the cache's timeout when
# nothing changed) and kept (the next view of the same figures, as a person sees it again).
WARMED, COLD, EXPIRED, KEPT = " warmed", " cold", " expired", " kept"
VARIANTS = (WARMED, COLD, EXPIRED, KEPT)
AFTER_CHANGE = (WARMED, COLD)
DASHBOARDS = tuple(page + variant for page in (UNFILTERED, FILTERED, FUNDER) for variant in VARIANTS)
ORDER = (TRIVIAL, TEMPLATE, *DASHBOARDS)  # of the results table
PUBLISH = "publish/withdraw (commit)"
WARMING = "warmer after a commit"  # in the background: every dashboard in use rendered again (here three)
CHANGE_TITLE = "Bench: the story published and withdrawn before each cold view"
GROWTH_AIM, TRIVIAL_AIM = 1.5, 5.0


def flask_bin() -> str:
    return str(Path(sys.executable).with_name("flask"))


def pg_admin_url(server: str) -> str:
    return f"{server}/postgres"


def database_url(backend: str, size: int, workdir: Path, server: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{workdir / f'bench_{size}.sqlite'}"
    return f"{server}/storyloop_bench_{size}"


def sqlalchemy_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url


def marker(backend: str, size: int, workdir: Path) -> Path:
    """Written once a database is completely built, so --keep never reuses a half-seeded one."""
    return workdir / f"bench_{backend}_{size}.built"


def say(message: str) -> None:
    print(message, flush=True)


def run_flask(url: str, *args: str) -> float:
    """Run a flask command on ``url``; returns its wall time in seconds."""
    env = {**os.environ, "DATABASE_URL": url, "STORYLOOP_ENV": "development"}
    started = time.perf_counter()
    result = subprocess.run([flask_bin(), "--app", "feedback_app", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"flask {' '.join(args)} failed ({result.returncode})")
    last = [line for line in result.stdout.splitlines() if line.strip()][-1:] or [""]
    say(f"    flask {' '.join(args):<34} {seconds:8.1f} s   {last[0][:90]}")
    return seconds


# --- building -------------------------------------------------------------------------------------------------


def drop_database(backend: str, size: int, workdir: Path, server: str) -> None:
    marker(backend, size, workdir).unlink(missing_ok=True)
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            (workdir / f"bench_{size}.sqlite{suffix}").unlink(missing_ok=True)
        return
    engine = create_engine(sqlalchemy_url(pg_admin_url(server)), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "storyloop_bench_{size}" WITH (FORCE)'))
    engine.dispose()


def create_database(backend: str, size: int, workdir: Path, server: str) -> None:
    drop_database(backend, size, workdir, server)
    if backend == "postgresql":
        engine = create_engine(sqlalchemy_url(pg_admin_url(server)), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "storyloop_bench_{size}"'))
        engine.dispose()


def enrich(url: str) -> None:
    """Give every bulk story 1-3 themes, a sentiment and a criticality, all derived from its rating and id.

    Plain SQL on both backends. Theme i goes to a story when (31*id + 17*i) mod 11 < 1 + id mod 3: as i runs over
    the 11 themes that residue takes every value once, so a story gets exactly 1 + id mod 3 themes.
    """
    engine = create_engine(sqlalchemy_url(url))
    themes = " UNION ALL ".join(f"SELECT {i} AS n, '{code}' AS code" for i, code in enumerate(THEMES))
    sentiment = ("CASE WHEN s.rating_overall >= 4 THEN 'positive' WHEN s.rating_overall = 3 THEN 'mixed' "
                 "ELSE 'negative' END")
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(text(
            "UPDATE stories SET sentiment = CASE WHEN rating_overall >= 4 THEN 'positive' "
            "WHEN rating_overall = 3 THEN 'mixed' ELSE 'negative' END, "
            "criticality = CASE rating_overall WHEN 1 THEN 4 + id % 2 WHEN 2 THEN 3 WHEN 3 THEN 2 "
            "WHEN 4 THEN 1 ELSE 0 END WHERE status = 'published'"))
        connection.execute(text(
            f"INSERT INTO story_themes (story_id, code, sentiment, sentiment_score, confidence, source, created_at) "
            f"SELECT s.id, t.code, {sentiment}, NULL, 0.9, 'nlp', "
            f"s.published_at FROM stories s CROSS JOIN ({themes}) t "
            f"WHERE s.status = 'published' AND (31 * s.id + 17 * t.n) % 11 < 1 + s.id % 3 "
            f"AND NOT EXISTS (SELECT 1 FROM story_themes x WHERE x.story_id = s.id)"))
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE stories"))
            connection.execute(text("VACUUM ANALYZE story_themes"))
    engine.dispose()
    say(f"    {'enrich: themes, sentiment, criticality (SQL)':<40} {time.perf_counter() - started:8.1f} s")


def analyze(url: str) -> None:
    """PostgreSQL: statistics as autovacuum would leave them, so the plans are the steady state's."""
    engine = create_engine(sqlalchemy_url(url))
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    engine.dispose()


def build(backend: str, size: int, args: argparse.Namespace) -> dict[str, float]:
    url = database_url(backend, size, args.workdir, args.pg_server)
    if args.keep and marker(backend, size, args.workdir).exists():
        say(f"  reusing {url} (built earlier; --keep)")
        return {}
    say(f"  building {url}")
    create_database(backend, size, args.workdir, args.pg_server)
    times = {"upgrade": run_flask(url, "db", "upgrade"),
             "seed": run_flask(url, "demo", "seed", "--stories", str(size))}
    if args.enrich:
        started = time.perf_counter()
        enrich(url)
        times["rebuild"] = run_flask(url, "rollups", "rebuild")
        times["enrich"] = time.perf_counter() - started
    analyze(url)
    marker(backend, size, args.workdir).write_text(f"{time.strftime('%F %T')} enrich={args.enrich}\n")
    return times


# --- measuring ------------------------------------------------------------------------------------------------


@dataclass
class Result:
    backend: str
    size: int
    page: str
    url: str
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return p95(self.samples)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def prepare_accounts_and_filters(app) -> dict[str, object]:  # noqa: ANN001 - a Flask app
    """An admin and a funder (remit: a region), and the filter values: the busiest organisation and its main kind."""
    from feedback_app.models import FunderRemit, Organisation, Role, Service, StoryRollup, User
    from feedback_app.services.accounts import hash_password

    with app.app_context():
        busiest = db.session.execute(text(
            "SELECT o.id, o.region, s.kind, SUM(r.stories) AS n FROM story_rollups r "
            "JOIN rollup_pathway_services p ON p.pathway_id = r.pathway_id "
            "JOIN services s ON s.id = p.service_id JOIN organisations o ON o.id = s.organisation_id "
            "WHERE r.theme = '*' GROUP BY o.id, o.region, s.kind ORDER BY n DESC, o.id LIMIT 1")).one()
        organisation = db.session.get(Organisation, busiest.id)
        for email, role in ((ADMIN_EMAIL, Role.ADMIN), (FUNDER_EMAIL, Role.FUNDER)):
            user = db.session.scalar(db.select(User).where(User.email == email))
            if user is None:
                user = User(email=email, password_hash=hash_password(PASSWORD), display_name=role.value.title(),
                            role=role)
                db.session.add(user)
                db.session.flush()
            if role is Role.FUNDER and not db.session.scalar(
                    db.select(FunderRemit).where(FunderRemit.user_id == user.id)):
                region = organisation.region
                db.session.add(FunderRemit(user_id=user.id, region=region,
                                           organisation_id=None if region else organisation.id))
        db.session.commit()
        counts = {
            "stories": db.session.scalar(text("SELECT count(*) FROM stories")),
            "story_themes": db.session.scalar(text("SELECT count(*) FROM story_themes")),
            "story_rollups": db.session.scalar(db.select(db.func.count()).select_from(StoryRollup)),
            "story_rollups theme='*'": db.session.scalar(
                db.select(db.func.count()).select_from(StoryRollup).where(StoryRollup.theme == "*")),
            "services": db.session.scalar(db.select(db.func.count()).select_from(Service)),
            "organisations": db.session.scalar(db.select(db.func.count()).select_from(Organisation)),
        }
        kind = busiest.kind.value if hasattr(busiest.kind, "value") else busiest.kind
        return {"organisation": organisation.id, "organisation_name": organisation.name, "kind": kind,
                "region": organisation.region, "counts": counts, "change_story": change_story(organisation.id, kind)}


def change_story(organisation_id: int, kind: str) -> int:
    """A story of the busiest organisation's main kind of service, with the filtered view's theme: in view of every
    dashboard measured, so publishing or withdrawing it changes the figures of all three. Made once per database
    (withdrawn until the bench publishes it); it is not critical, as most stories are not."""
    from feedback_app.models import (
        AuthorRole,
        FftAnswer,
        Sentiment,
        Service,
        Story,
        StoryStatus,
        StoryTheme,
        story_services,
    )
    from feedback_app.models.base import utcnow

    found = db.session.scalar(db.select(Story.id).where(Story.title == CHANGE_TITLE))
    if found:
        return found
    service = db.session.scalars(db.select(Service).where(Service.organisation_id == organisation_id,
                                                          Service.kind == kind).order_by(Service.id)).first()
    now = utcnow()
    story = Story(title=CHANGE_TITLE, body="Waited two hours; the staff were kind.", experienced_on=now.date(),
                  author_role=AuthorRole.PATIENT, pseudonym="Bench", language="en", contact_language="en",
                  status=StoryStatus.WITHDRAWN, rating_overall=2, fft_answer=FftAnswer.POOR,
                  sentiment=Sentiment.NEGATIVE, criticality=2, submitted_at=now, published_at=now)
    db.session.add(story)
    db.session.flush()
    db.session.execute(story_services.insert(), [{"story_id": story.id, "service_id": service.id, "position": 0}])
    db.session.add(StoryTheme(story_id=story.id, code=FILTER_THEME, sentiment=Sentiment.NEGATIVE))
    db.session.commit()
    return story.id


def flip(app, story_id: int) -> float:  # noqa: ANN001 - a Flask app
    """Publish the change story (now) or withdraw it; returns the commit's time in ms (the rollup refresh and
    version stamps it runs, what a publication adds to the request that makes it)."""
    from feedback_app.models import Story, StoryStatus
    from feedback_app.models.base import utcnow

    with app.app_context():
        story = db.session.get(Story, story_id)
        if story.status is StoryStatus.PUBLISHED:
            story.status = StoryStatus.WITHDRAWN
        else:
            story.status, story.published_at = StoryStatus.PUBLISHED, utcnow()
        started = time.perf_counter()
        db.session.commit()
        return (time.perf_counter() - started) * 1000


def login(client, email: str) -> None:  # noqa: ANN001 - a FlaskClient
    response = client.post("/account/login", data={"email": email, "password": PASSWORD})
    if response.status_code != 302:
        raise SystemExit(f"could not sign in as {email}: HTTP {response.status_code}")


@contextmanager
def statements(engine) -> Iterator[list[tuple[float, str, object]]]:  # noqa: ANN001 - an Engine
    """Every SQL statement run inside the block, with its time in ms."""
    seen: list[tuple[float, str, object]] = []

    def before(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        conn.info["bench_started"] = time.perf_counter()

    def after(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        seen.append(((time.perf_counter() - conn.info.pop("bench_started")) * 1000, statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)


def profile(app, client, page: str, url: str) -> None:  # noqa: ANN001
    """One extra request of ``url``: its SQL statements by time, and the plan of the slowest."""
    with app.app_context():
        engine = db.engine
    with statements(engine) as seen:
        started = time.perf_counter()
        client.get(url)
        total = (time.perf_counter() - started) * 1000
    sql_ms = sum(ms for ms, _, _ in seen)
    say(f"    profile {page}: {total:.1f} ms, {len(seen)} statements, {sql_ms:.1f} ms in SQL")
    for ms, statement, _ in sorted(seen, key=lambda s: -s[0])[:4]:
        say(f"      {ms:8.1f} ms  {' '.join(statement.split())[:240]}")
    if not seen:
        return
    ms, statement, parameters = max(seen, key=lambda s: s[0])
    explain = "EXPLAIN ANALYZE " if engine.dialect.name == "postgresql" else "EXPLAIN QUERY PLAN "
    with engine.connect() as connection:
        plan = connection.exec_driver_sql(explain + statement, parameters).all()
    say("      plan of the slowest:")
    for row in plan:
        say("        " + " | ".join(str(v) for v in row))


@dataclass
class Target:
    """One built database, opened in this process, with its signed-in clients and its pages."""

    backend: str
    size: int
    app: object
    info: dict[str, object]
    pages: list[tuple[str, object, str]]
    results: dict[str, Result]


def open_target(backend: str, size: int, args: argparse.Namespace) -> Target:
    url = sqlalchemy_url(database_url(backend, size, args.workdir, args.pg_server))
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_ENABLED": False,
                      "MAIL_BACKEND": "memory", "MAIL_DELIVER_INLINE": False, "DASHBOARD_WARM_VIEWS": 100})
    info = prepare_accounts_and_filters(app)
    this_month = date.today().replace(day=1)
    filtered = (f"/dashboard/?organisation={info['organisation']}&since={add_months(this_month, -5):%Y-%m}"
                f"&until={this_month:%Y-%m}&kind={info['kind']}" + (f"&theme={FILTER_THEME}" if args.enrich else ""))
    info["filtered_url"] = filtered
    anonymous, admin, funder = app.test_client(), app.test_client(), app.test_client()
    login(admin, ADMIN_EMAIL)
    login(funder, FUNDER_EMAIL)
    dashboards = ((UNFILTERED, admin, "/dashboard/"), (FILTERED, admin, filtered), (FUNDER, funder, "/dashboard/"))
    # Views after a change first, while everything else is kept (see measure); then each expired view with its
    # kept one.
    pages = [(TRIVIAL, anonymous, "/health"), (TEMPLATE, anonymous, "/account/login")] + [
        (page + variant, client, path) for variant in AFTER_CHANGE for page, client, path in dashboards] + [
        (page + variant, client, path) for page, client, path in dashboards for variant in (EXPIRED, KEPT)]
    for page, client, path in pages:
        for _ in range(args.warmup):
            if timed_get(page, client, path) > 2000:
                break  # a slow page: one warm-up fills the caches as well as three
    results = {page: Result(backend, size, page, path) for page, _, path in sorted(pages, key=lambda p: ORDER.index(p[0]))}
    results[PUBLISH] = Result(backend, size, PUBLISH, "")
    results[WARMING] = Result(backend, size, WARMING, "")
    return Target(backend, size, app, info, pages, results)


def measure(targets: list[Target], args: argparse.Namespace) -> None:
    """Round-robin over every database and page, so load from elsewhere (and any drift of this process over
    the run) falls on small and large databases alike."""
    for _ in range(args.requests):
        for target in targets:
            warmer = warmer_of(target.app)
            # An expired view drops every kept part, of every dashboard: view each once (not timed) so that a
            # view after a change finds the rest of the cache as it is between two changes.
            for page, client, path in target.pages:
                if page.endswith(KEPT):
                    client.get(path)
            warmer.drain()
            for page, client, path in target.pages:
                done = target.results[page].samples
                if len(done) >= args.min_requests and sum(done) >= args.page_budget * 1000:
                    continue  # this page has had its time: fewer samples, noted in the table's n column
                if page.endswith(COLD):
                    with warmer.held():  # the warmer gets the change only once the view is done
                        target.results[PUBLISH].samples.append(flip(target.app, target.info["change_story"]))
                        done.append(timed_get(page, client, path))
                    warmer.drain()  # not timed: it warms the other dashboards, which the next views find kept
                    continue
                if page.endswith(WARMED):
                    target.results[PUBLISH].samples.append(flip(target.app, target.info["change_story"]))
                    started = time.perf_counter()
                    warmer.drain()
                    target.results[WARMING].samples.append((time.perf_counter() - started) * 1000)
                elif page.endswith(EXPIRED):
                    with target.app.app_context():
                        cache.clear()
                done.append(timed_get(page, client, path))


def timed_get(page: str, client, path: str) -> float:  # noqa: ANN001 - a FlaskClient
    """One request's time in ms (a page that does not answer 200 stops the run)."""
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{page} {path}: HTTP {response.status_code}")
    return elapsed


def close_target(target: Target, args: argparse.Namespace) -> None:
    say(f"\n== {target.backend}, {target.size:,} stories")
    info = target.info
    say(f"  filtered: {info['filtered_url']}  ({info['organisation_name']})")
    say("  rows: " + ", ".join(f"{k} {v:,}" for k, v in info["counts"].items()))
    if args.profile:
        for page, client, path in target.pages:
            if page in DASHBOARDS:
                profile(target.app, client, page, path)
    with target.app.app_context():
        db.engine.dispose()


# --- reporting ------------------------------------------------------------------------------------------------


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_table(results: list[Result]) -> None:
    trivial = {(r.backend, r.size): r.median for r in results if r.page == TRIVIAL}
    template = {(r.backend, r.size): r.median for r in results if r.page == TEMPLATE}
    say(f"\n{'backend':<11} {'stories':>9}  {'page':<26} {'median ms':>9} {'p95 ms':>8} {'x /health':>9} "
        f"{'x login':>8}  {'<5x /health':>11} {'<5x login':>9} {'n':>3}")
    for r in results:
        ratio = r.median / trivial[(r.backend, r.size)]
        ratio_login = r.median / template[(r.backend, r.size)]
        aims = [("yes" if x < TRIVIAL_AIM else "NO") if r.page in DASHBOARDS else "" for x in (ratio, ratio_login)]
        say(f"{r.backend:<11} {r.size:>9,}  {r.page:<26} {r.median:>9.1f} {r.p95:>8.1f} {ratio:>9.1f} "
            f"{ratio_login:>8.1f}  {aims[0]:>11} {aims[1]:>9} {len(r.samples):>3}")


def print_summary(results: list[Result]) -> None:
    """The aim against both trivial pages, cold and kept: /health (no template, no session) and the login form
    (the app's simplest template-rendered page)."""
    found = {(r.backend, r.size, r.page): r.median for r in results}
    say(f"\nSummary: dashboard median / trivial median (aim: under {TRIVIAL_AIM:g}x), as 'x /health | x login'.\n"
        "warmed = the first view after a change of the figures in view (a publication), once the warmer has run;\n"
        "cold = the same before it has; expired = every kept part dropped (a restart, or a query new to the cache);\n"
        "kept = any later view of the same figures.")
    say(f"{'backend':<11} {'stories':>9} {'view':<5} " + " ".join(f"{page:>22}" for page in (UNFILTERED, FILTERED, FUNDER)))
    met = {(variant, name): [0, 0] for variant in VARIANTS for name in ("/health", "login")}
    for backend, size in dict.fromkeys((r.backend, r.size) for r in results):
        health, login_page = found[(backend, size, TRIVIAL)], found[(backend, size, TEMPLATE)]
        for variant in VARIANTS:
            cells = []
            for page in (UNFILTERED, FILTERED, FUNDER):
                median = found[(backend, size, page + variant)]
                for name, base in (("/health", health), ("login", login_page)):
                    met[(variant, name)][0] += median / base < TRIVIAL_AIM
                    met[(variant, name)][1] += 1
                cells.append(f"{median / health:6.1f} | {median / login_page:5.1f}")
            say(f"{backend:<11} {size:>9,} {variant.strip():<5} " + " ".join(f"{cell:>22}" for cell in cells))
    for (variant, name), (yes, total) in met.items():
        say(f"  {variant.strip():<4} under {TRIVIAL_AIM:g}x {name:<8} {yes}/{total} dashboards")


def print_growth(results: list[Result], sizes: list[int]) -> None:
    if len(sizes) < 2:
        return
    small, large = min(sizes), max(sizes)
    medians = {(r.backend, r.size, r.page): r for r in results}
    say(f"\nGrowth, median({large:,}) / median({small:,}); aim for the dashboard: within {GROWTH_AIM}x")
    for backend in dict.fromkeys(r.backend for r in results):
        for page in (TRIVIAL, TEMPLATE, *DASHBOARDS):
            a, b = medians.get((backend, small, page)), medians.get((backend, large, page))
            if a and b:
                growth = b.median / a.median
                aim = ("met" if growth <= GROWTH_AIM else "NOT met") if page in DASHBOARDS else ""
                say(f"  {backend:<11} {page:<26} {a.median:8.1f} -> {b.median:8.1f} ms  {growth:5.2f}x  {aim}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--page-budget", type=float, default=120,
                        help="seconds a page may take in all; past it, a page stops at --min-requests samples")
    parser.add_argument("--min-requests", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/storyloop-bench"))
    parser.add_argument("--pg-server", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", action="store_true", help="reuse databases built earlier; keep PostgreSQL ones")
    parser.add_argument("--no-enrich", dest="enrich", action="store_false",
                        help="leave bulk stories without themes; the filter is then organisation + months + kind")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--profile", action="store_true", help="slowest SQL of each dashboard page, with its plan")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    backends = args.backends.split(",")
    args.workdir.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "feedback_app", "templates"], cwd=ROOT,
                           capture_output=True, text=True).stdout.count("\n")
    say(f"{time.strftime('%F %T')}  load {load()}  cores {os.cpu_count()}  code {commit.stdout.strip()[:60]}"
        f"{f' (+{dirty} uncommitted files)' if dirty else ''}")
    say("filtered = one organisation + the last 6 months + its main kind of service"
        + (f" + theme {FILTER_THEME} (themes added by this script's enrich step)" if args.enrich else
           " (no theme: bulk stories carry none)"))

    targets: list[Target] = []
    try:
        for size in sizes:
            for backend in backends:
                say(f"\n== {backend}, {size:,} stories  (load {load()})")
                build(backend, size, args)
                if not args.build_only:
                    targets.append(open_target(backend, size, args))
        if targets:
            say(f"\nmeasuring {args.requests} rounds over {len(targets)} databases x 5 pages; load {load()}")
            started = time.perf_counter()
            measure(targets, args)
            say(f"measured in {time.perf_counter() - started:.0f} s; load {load()}; peak RSS {peak_rss_mib():.0f} MiB")
            for target in targets:
                close_target(target, args)
    finally:
        if not args.keep:
            for size in sizes:
                if "postgresql" in backends:
                    drop_database("postgresql", size, args.workdir, args.pg_server)
    results = [result for target in targets for result in target.results.values()]
    if results:
        print_table(results)
        print_growth(results, sizes)
        print_summary(results)
        say(f"\npeak RSS of this process {peak_rss_mib():.0f} MiB; load at the end {load()}; {time.strftime('%F %T')}")


if __name__ == "__main__":
    main()
