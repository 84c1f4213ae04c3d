"""What people do on Storyloop's pages, as steps the browser journeys share, and the data the server is seeded with."""
from __future__ import annotations

import itertools
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# The seeded accounts, and stories put straight into the database (see conftest.seed).
PASSWORD = "a long e2e password"
MODERATOR_EMAIL = "moderator@e2e.example.org"
STORYTELLER_EMAIL = "storyteller@e2e.example.org"
RESPONDER_EMAIL = "responder@e2e.example.org"  # a responder of Leeds Teaching Hospitals
KOELN_RESPONDER_EMAIL = "responder-koeln@e2e.example.org"  # a responder of Caritasverband Köln
SEEDED_TITLE = "Clear advice about my benefits appeal"
PROVIDER_STORY_TITLE = "Two days waiting for a discharge letter"  # published, in the Leeds inbox
LONG_LINK = ("https://www.leedsth.nhs.uk/patientsvisitors/dischargechecklist?ward=14&leaflet=ElderlyCareDischarge"
             "ChecklistOctober2025.pdf")
LONG_WORD_TOKEN = "e2e-private-link-of-the-long-link-story"

SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/e2e-shots"))

_sequence = itertools.count(1)


@dataclass
class StoryInput:
    """What a storyteller types into the story form (English labels; German ones through ``fill_story``'s ``t``)."""

    title: str
    body: str = "The nurses on the ward were kind and explained everything, but we waited six hours to be seen."
    what_was_good: str = "The nurses listened."
    rating: str = "4"
    fft: str = "Good"
    month: str = ""
    year: str = ""
    who: str = "Carer or relative"
    pseudonym: str = "Sam from Leeds"
    email: str | None = "sam@example.org"  # None for a signed-in storyteller: the form asks no address then

    def __post_init__(self) -> None:
        today = date.today()
        self.month = self.month or str(today.month)
        self.year = self.year or str(today.year)


def unique(title: str) -> str:
    """``title`` made unique, so each journey finds its own story among the others'."""
    return f"{title} #{next(_sequence)}"


def screenshot(page, name: str, full_page: bool = True) -> None:  # noqa: ANN001
    """Save what the page looks like, for a person to look at (E2E_SCREENSHOTS, default /tmp/e2e-shots)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def choose_service(page, search: str, service: str, continue_label: str = "Continue with the chosen services",
                   search_label: str = "Search") -> None:  # noqa: ANN001
    """On /share/: search the directory, tick ``service``, continue to the story form."""
    page.goto("/share/")
    page.locator("#q").fill(search)
    page.get_by_role("button", name=search_label, exact=True).click()
    page.get_by_role("checkbox", name=re.compile(re.escape(service))).check()
    page.get_by_role("button", name=continue_label).click()
    page.wait_for_url(re.compile(r"/share/story"))


def english(message: str) -> str:
    return message


def fill_story(page, story: StoryInput, t: Callable[[str], str] = english) -> None:  # noqa: ANN001
    """Fill the story form by its labels, as a person would; ``t`` gives a label in the page's language."""
    page.get_by_label(t("Give your story a title")).fill(story.title)
    page.get_by_label(t("What happened?")).fill(story.body)
    page.get_by_label(t("What was good? (optional)")).fill(story.what_was_good)
    page.get_by_role("group", name=t("Overall, how would you rate it, from 1 (very bad) to 5 (very good)?")
                     ).get_by_label(story.rating, exact=True).check()
    page.get_by_role("group", name=t("Overall, how was your experience of our service?")).get_by_label(
        t(story.fft), exact=True).check()
    page.get_by_label(t("Month"), exact=True).select_option(story.month)
    page.get_by_label(t("Year"), exact=True).select_option(story.year)
    page.get_by_role("group", name=t("Who are you?")).get_by_label(t(story.who), exact=True).check()
    page.get_by_label(t("Your pseudonym")).fill(story.pseudonym)
    if story.email is not None:
        page.get_by_label(t("Your e-mail address (optional)")).fill(story.email)
    page.get_by_label(t(AGREE)).check()


AGREE = ("I understand that a moderator reads my story before it is published, and may remove details that "
         "could identify anyone.")


def sign_in(page, email: str = MODERATOR_EMAIL, password: str = PASSWORD) -> None:  # noqa: ANN001
    page.goto("/account/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/account/login" not in url)


def publish(page, title: str) -> int:  # noqa: ANN001
    """As a signed-in moderator: open the queue, open the story called ``title``, publish it. Its id."""
    page.goto("/moderation/")
    page.get_by_role("link", name=title, exact=True).click()
    page.wait_for_url(re.compile(r"/moderation/stories/\d+$"))
    story_id = int(page.url.rsplit("/", 1)[1])
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_url(re.compile(r"/moderation/$"))
    return story_id


def focused(page, selector: str) -> bool:  # noqa: ANN001
    return page.evaluate("s => document.activeElement !== null && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 80) -> None:  # noqa: ANN001
    """Press Tab until the element matching ``selector`` has the focus; fail if it is never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    where = page.evaluate("() => document.activeElement && document.activeElement.outerHTML.slice(0, 120)")
    raise AssertionError(f"{selector} was not reached with {limit} presses of Tab (focus is on {where})")


def page_width(page) -> int:  # noqa: ANN001
    """How wide the page is laid out: more than the screen means sideways scrolling. On an emulated phone the
    layout viewport (innerWidth) grows with content that does not fit, so both widths count."""
    return page.evaluate("() => Math.max(document.scrollingElement.scrollWidth, window.innerWidth)")


def email_to(address: str, subject: str, timeout: float = 5.0):  # noqa: ANN201 - an EmailMessage
    """The last e-mail the live server sent to ``address`` with ``subject`` (the "memory" backend, this process).

    Inline delivery runs before the page that caused it is answered, so it is normally there already; the short
    wait covers a page that has not finished loading when the test asks.
    """
    from feedback_app.services.notifications import sent_messages

    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in sent_messages if m["To"] == address and m["Subject"] == subject]
        if found:
            return found[-1]
        if time.monotonic() > deadline:
            sent = [(m["To"], m["Subject"]) for m in sent_messages]
            raise AssertionError(f"no e-mail to {address} about {subject!r}; sent: {sent}")
        time.sleep(0.05)


def link_in(message, path: str) -> str:  # noqa: ANN001 - an EmailMessage
    """The one link in ``message``'s text whose path starts with ``path`` (e.g. "/follow/")."""
    links = re.findall(rf"https?://[^\s/]+{re.escape(path)}\S*", message.get_content())
    assert len(links) == 1, f"expected one {path} link in the e-mail, found {links}:\n{message.get_content()}"
    return links[0]
