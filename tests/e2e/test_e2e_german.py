"""The same tell → publish → read journey in German, switched with the header's "Deutsch" button.

German texts are looked up in the catalogue the running app uses (``live_server.catalogue``, compiled from
``feedback_app/translations/de/LC_MESSAGES/messages.po`` when the server starts), so the tests follow the
translators' wording; they first check that every text they look for is translated, so English never passes for
German.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .steps import SEEDED_TITLE, StoryInput, choose_service, fill_story, publish, screenshot, sign_in, unique

pytestmark = pytest.mark.e2e


def switch_to_german(page) -> None:  # noqa: ANN001
    page.locator("header").get_by_role("button", name="Deutsch").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("header").get_by_role("button", name="Deutsch")).to_have_attribute("aria-current", "true")


# Texts this journey reads or acts on; "Month" and "Year" too, the form's labels come from the same catalogue.
LOOKED_FOR = ["Tell your story", "Read stories", "Skip to main content", "Search", "Continue with the chosen services",
              "Give your story a title", "What happened?", "Month", "Year", "Who are you?", "Carer or relative",
              "Send my story", "Waiting for a moderator", "Withdraw your story", "Stories", "Kind of service",
              "Youth centre", "Show stories", "Overall rating", "What was good", "Sign in"]


def test_the_german_catalogue_translates_what_the_journey_reads(live_server) -> None:
    untranslated = [message for message in LOOKED_FOR if live_server.catalogue(message) == message]
    assert untranslated == [], f"not translated in the German catalogue: {untranslated}"


def test_tell_publish_read_in_german(open_page, live_server) -> None:
    de = live_server.catalogue
    story = StoryInput(
        title=unique("Freundliche Betreuer im Jugendzentrum"),
        body="Die Betreuerinnen haben sich viel Zeit genommen und mir bei der Bewerbung geholfen.",
        what_was_good="Die offene Tür am Nachmittag.", pseudonym="Lena aus Ehrenfeld", email="lena@example.org",
    )

    # A storyteller arrives in English (Accept-Language en-GB) and switches to German on the front page.
    teller = open_page()
    teller.goto("/")
    expect(teller.locator("html")).to_have_attribute("lang", "en")
    switch_to_german(teller)
    expect(teller.get_by_role("link", name=de("Skip to main content"))).to_be_attached()
    expect(teller.locator("header nav")).to_contain_text(de("Tell your story"))
    expect(teller.locator("header nav")).to_contain_text(de("Read stories"))
    screenshot(teller, "de-1-front-page")

    # The choice is remembered on every page that follows.
    choose_service(teller, "Köln", "Jugendzentrum Ehrenfeld",
                         continue_label=de("Continue with the chosen services"), search_label=de("Search"))
    expect(teller.locator("html")).to_have_attribute("lang", "de")
    expect(teller.get_by_role("heading", level=1)).to_have_text("Ihre Geschichte erzählen")  # the msgstr today
    fill_story(teller, story, t=de)
    expect(teller.get_by_role("button", name=de("Send my story"))).to_be_visible()
    screenshot(teller, "de-2-story-form")
    teller.get_by_role("button", name=de("Send my story")).click()
    teller.wait_for_url(re.compile(r"/follow/[^/?]+\?new=1$"))
    expect(teller.locator("html")).to_have_attribute("lang", "de")
    expect(teller.get_by_role("heading", level=1)).to_have_text(story.title)
    expect(teller.locator("main")).to_contain_text(de("Waiting for a moderator"))
    expect(teller.get_by_role("button", name=de("Withdraw your story"))).to_be_visible()
    screenshot(teller, "de-3-private-link")

    # A moderator working in English sees it marked German, and publishes it.
    moderator = open_page()
    sign_in(moderator)
    moderator.goto("/moderation/?language=de")
    expect(moderator.get_by_role("row").filter(has_text=story.title)).to_contain_text("Deutsch")
    publish(moderator, story.title)

    # A German-speaking visitor (Accept-Language de-DE) gets German at once, filters by kind and reads it.
    visitor = open_page(locale="de-DE")
    visitor.goto("/stories")
    expect(visitor.locator("html")).to_have_attribute("lang", "de")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(de("Stories"))
    visitor.get_by_label(de("Kind of service")).select_option(label=de("Youth centre"))
    visitor.get_by_role("button", name=de("Show stories")).click()
    visitor.wait_for_url(re.compile(r"kind=youth_centre"))
    expect(visitor.get_by_role("link", name=SEEDED_TITLE)).to_have_count(0)
    visitor.get_by_role("link", name=story.title).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(story.title)
    article = visitor.locator("article.story")
    expect(article).to_contain_text(story.body)
    expect(article).to_contain_text(de("Overall rating"))
    expect(article).to_contain_text(de("Carer or relative"))
    expect(article.get_by_role("heading", name=de("What was good"))).to_be_visible()
    screenshot(visitor, "de-4-published-story")


def test_language_choice_is_remembered_and_can_be_switched_back(page, live_server) -> None:
    de = live_server.catalogue
    page.goto("/stories")
    switch_to_german(page)
    # The switch brings the reader back to the page they were on.
    expect(page).to_have_url(re.compile(r"/stories$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Stories"))
    cookie = {c["name"]: c for c in page.context.cookies()}.get("storyloop_lang")
    assert cookie is not None and cookie["value"] == "de" and cookie["httpOnly"]

    for path in ("/", "/share/", "/account/login", "/services"):
        page.goto(path)
        expect(page.locator("html"), f"language on {path}").to_have_attribute("lang", "de")

    # A new session in the same browser still finds the choice (the cookie outlives the session).
    page.context.clear_cookies(name="session")
    page.goto("/account/login")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Sign in"))

    page.locator("header").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.goto("/stories")
    expect(page.locator("html")).to_have_attribute("lang", "en")
