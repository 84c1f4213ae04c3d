"""Browser tests: Storyloop served for real on a free port, driven by Debian's Chromium through Playwright.

The app runs with CSRF protection on, on its own SQLite file built by the migrations, with a small directory
(an English organisation in Leeds, a German one in Köln), a moderator, a storyteller, and a responder on the staff
of each organisation. E-mail goes to the "memory" backend at once, so a test reads what a storyteller was sent
from ``feedback_app.services.notifications.sent_messages`` (the server runs in this process). These tests never use
the ``app``/``client`` fixtures of ``tests/conftest.py``: those run once per database backend, a browser journey
runs once.

Every test gets a fresh browser context (its own cookies) through ``open_page``; every page it opens is watched,
and a test fails if a page broke the Content-Security-Policy, opened a dialog or threw a script error.

Without a browser the tests are skipped, unless ``STORYLOOP_REQUIRE_BROWSER=1`` (CI), where they fail.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask
from flask_babel import force_locale
from flask_babel import gettext as babel_gettext
from flask_migrate import upgrade
from werkzeug.serving import make_server

from config import PROJECT_ROOT
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
    StoryStatus,
    story_services,
)
from feedback_app.models.base import utcnow
from feedback_app.services.accounts import register_user
from feedback_app.services.progress import open_progress
from feedback_app.services.stories import hash_token

from .steps import (
    KOELN_RESPONDER_EMAIL,
    LONG_LINK,
    LONG_WORD_TOKEN,
    MODERATOR_EMAIL,
    PASSWORD,
    PROVIDER_STORY_TITLE,
    RESPONDER_EMAIL,
    SEEDED_TITLE,
    STORYTELLER_EMAIL,
)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
TIMEOUT_MS = 10_000

# (organisation, country, [(service, kind, town, postcode)])
DIRECTORY = [
    ("Leeds Teaching Hospitals", "GB", [
        ("Ward 14 (Elderly care)", ServiceKind.HOSPITAL, "Leeds", "LS9 7TF"),
        ("Beeston Hill Surgery", ServiceKind.GP_PRACTICE, "Leeds", "LS11 8AA"),
    ]),
    ("Caritasverband Köln", "DE", [
        ("Jugendzentrum Ehrenfeld", ServiceKind.YOUTH_CENTRE, "Köln", "50823"),
        ("Schuldnerberatung Nippes", ServiceKind.WELFARE_ADVICE, "Köln", "50733"),
    ]),
]


# --- the server ------------------------------------------------------------------------------------------------

@dataclass
class LiveServer:
    url: str
    app: Flask
    services: dict[str, int] = field(default_factory=dict)  # the seeded services' ids by name
    story_id: int = 0  # the seeded published story (SEEDED_TITLE)
    organisations: dict[str, str] = field(default_factory=dict)  # the seeded organisations' slugs by name
    provider_story_id: int = 0  # a published story in the Leeds inbox (PROVIDER_STORY_TITLE)

    def catalogue(self, message: str, locale: str = "de") -> str:
        """``message`` as the running app renders it in ``locale`` (the msgid itself where untranslated)."""
        with self.app.test_request_context(), force_locale(locale):
            return babel_gettext(message)


@dataclass
class Seeded:
    services: dict[str, int]
    organisations: dict[str, str]
    story_id: int
    provider_story_id: int


def seed(app: Flask) -> Seeded:
    """Build the schema from the migrations, then the directory, three stories and the accounts."""
    with app.app_context():
        upgrade()
        ids: dict[str, int] = {}
        organisations: dict[str, Organisation] = {}
        for n, (name, country, services) in enumerate(DIRECTORY):
            organisation = Organisation(name=name, slug=f"e2e-org-{n}", country=country)
            db.session.add(organisation)
            db.session.flush()
            organisations[name] = organisation
            for m, (service_name, kind, town, postcode) in enumerate(services):
                service = Service(name=service_name, slug=f"e2e-service-{n}-{m}", kind=kind, town=town,
                                  postcode=postcode, country=country, organisation_id=organisation.id)
                db.session.add(service)
                db.session.flush()
                ids[service_name] = service.id
        story_id = seed_story(
            ids["Beeston Hill Surgery"], SEEDED_TITLE,
            "The receptionist found me an appointment the same week and the doctor explained my options calmly. "
            "I left knowing what to do next.",
            what_could_be_improved="The phone line is busy first thing in the morning.")
        # Pending, so only its private link shows it: a long unbroken link, as people paste them.
        seed_story(ids["Ward 14 (Elderly care)"], "The discharge leaflet", f"The nurse gave me the leaflet {LONG_LINK} "
                   "and it answered most of my questions.", status=StoryStatus.PENDING, token=LONG_WORD_TOKEN)
        # Published as a moderator would: with its progress opened, so it is in the Leeds inbox.
        provider_story_id = seed_story(
            ids["Ward 14 (Elderly care)"], PROVIDER_STORY_TITLE,
            "My father waited on the ward for two days for his discharge letter, and nobody could tell us why.")
        open_progress(db.session.get(Story, provider_story_id))
        register_user(MODERATOR_EMAIL, PASSWORD, "Morgan Moderator", role=Role.MODERATOR, locale="en")
        register_user(STORYTELLER_EMAIL, PASSWORD, "Sam Storyteller", locale="en")
        for email, display_name, organisation in [
            (RESPONDER_EMAIL, "Rita Responder", organisations["Leeds Teaching Hospitals"]),
            (KOELN_RESPONDER_EMAIL, "Karl Köhler", organisations["Caritasverband Köln"]),
        ]:
            user = register_user(email, PASSWORD, display_name, locale="en")
            db.session.add(Membership(user=user, organisation=organisation, role=MembershipRole.RESPONDER))
        db.session.commit()
        slugs = {name: organisation.slug for name, organisation in organisations.items()}
        db.engine.dispose()
        return Seeded(services=ids, organisations=slugs, story_id=story_id, provider_story_id=provider_story_id)


def seed_story(service_id: int, title: str, body: str, status: StoryStatus = StoryStatus.PUBLISHED,
               token: str | None = None, **fields: object) -> int:
    """A story put straight into the database (journeys tell theirs through the pages). Its id."""
    now = utcnow()
    story = Story(
        title=title, body=body, language="en", status=status, rating_overall=5, fft_answer=FftAnswer.VERY_GOOD,
        experienced_on=date.today().replace(day=1), author_role=AuthorRole.PATIENT, pseudonym="Priya",
        submitted_at=now, published_at=now if status is StoryStatus.PUBLISHED else None,
        access_token_hash=hash_token(token) if token else None, **fields,
    )
    db.session.add(story)
    db.session.flush()
    db.session.execute(story_services.insert(), [{"story_id": story.id, "service_id": service_id, "position": 0}])
    return story.id


def compile_catalogues(target: Path) -> Path:
    """Compile the project's .po catalogues into ``target``, so the browser sees today's translations even
    where `make translations` has not run (the .mo files are build output, not in git)."""
    source = PROJECT_ROOT / "feedback_app" / "translations"
    for po_path in source.glob("*/LC_MESSAGES/*.po"):
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("rb") as po, mo_path.open("wb") as mo:
            write_mo(mo, read_po(po))
    return target


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("e2e")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/e2e.sqlite",
                      "WTF_CSRF_ENABLED": True, "MAIL_BACKEND": "memory", "MAIL_DELIVER_INLINE": True,
                      "BABEL_TRANSLATION_DIRECTORIES": str(compile_catalogues(tmp / "translations"))})
    seeded = seed(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=app, services=seeded.services,
                         story_id=seeded.story_id, organisations=seeded.organisations,
                         provider_story_id=seeded.provider_story_id)
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()
        with app.app_context():
            db.engine.dispose()


# --- the browser -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    required = os.environ.get("STORYLOOP_REQUIRE_BROWSER") == "1"
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

    def unavailable(reason: str) -> None:
        if required:
            pytest.fail(f"STORYLOOP_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)

    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    if not os.access(executable, os.X_OK):
        unavailable(f"no Chromium at {executable} (apt-get install chromium, or set CHROMIUM_PATH)")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except PlaywrightError as error:
        playwright.stop()
        unavailable(f"Chromium at {executable} would not start: {error}")
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


@dataclass
class Watch:
    """What the pages of one context said that a test must not ignore."""

    csp: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:  # noqa: ANN001 - a playwright Page
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

        def dialog(d) -> None:  # noqa: ANN001
            self.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        page.on("dialog", dialog)

    def _console(self, message) -> None:  # noqa: ANN001
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp.append(message.text)
        elif message.type == "error" and not message.text.startswith("Failed to load resource"):
            # A refused form comes back as 400 on purpose; Chromium logs that status, which is not a script error.
            self.errors.append(message.text)

    def problems(self) -> list[str]:
        return ([f"CSP violation: {m}" for m in self.csp] + [f"dialog opened: {m}" for m in self.dialogs]
                + [f"script error: {m}" for m in self.errors])


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def open_page(browser, live_server: LiveServer, watch: Watch) -> Iterator[Callable[..., object]]:
    """``open_page(**context_options)``: a page in a fresh browser context (own cookies) on the live server."""
    contexts = []

    def open_(**options: object):
        options.setdefault("locale", "en-GB")
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        watch.attach(page)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not watch.problems(), "\n".join(watch.problems())


@pytest.fixture
def page(open_page):
    return open_page()
