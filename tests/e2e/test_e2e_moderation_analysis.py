"""What the analysis gives a moderator, in a real browser with CSRF on: the safeguarding banner and its escalation,
personal details removed one click at a time, themes corrected; then a visitor finds the story by its theme."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .steps import StoryInput, choose_service, fill_story, screenshot, sign_in, unique

pytestmark = pytest.mark.e2e

PHONE = "07700 900123"
DISCLOSURE = "The night carer slapped my dad and told him to shut up."


def tell(page, story: StoryInput) -> None:  # noqa: ANN001
    choose_service(page, "Leeds", "Ward 14 (Elderly care)")
    fill_story(page, story)
    page.get_by_role("button", name="Send my story").click()
    page.wait_for_url(re.compile(r"/follow/[^/?]+\?new=1$"))


def open_review(page, title: str) -> None:  # noqa: ANN001
    page.goto("/moderation/")
    page.get_by_role("link", name=title, exact=True).click()
    page.wait_for_url(re.compile(r"/moderation/stories/\d+$"))


def test_moderator_acts_on_the_analysis_and_a_visitor_finds_the_story_by_theme(open_page) -> None:
    story = StoryInput(title=unique("Slapped at night"), what_was_good="",
                       body=f"Dr Patel phoned me on {PHONE} about my dad. {DISCLOSURE} The ward was filthy.")
    tell(open_page(), story)

    moderator = open_page()
    sign_in(moderator)
    # The queue can be narrowed to possible safeguarding concerns, and this story is among them.
    moderator.goto("/moderation/")
    moderator.get_by_label("Only possible safeguarding concerns").check()
    moderator.get_by_role("button", name=re.compile("Show|Filter")).first.click()
    expect(moderator.get_by_role("link", name=story.title, exact=True)).to_be_visible()
    open_review(moderator, story.title)

    # (1) The banner quotes the passage; an escalation without a note is refused with a message.
    banner = moderator.get_by_role("alert").filter(has_text="Possible safeguarding concern")
    expect(banner).to_contain_text("slapped")
    screenshot(moderator, "en-analysis-1-banner")
    banner.get_by_role("button", name="Record the escalation").click()
    expect(moderator.get_by_text("Please say what you did or to whom you passed it on.").first).to_be_visible()
    moderator.get_by_label("What did you do, or to whom did you pass it on?").fill("Phoned the duty safeguarding lead")
    moderator.get_by_role("button", name="Record the escalation").click()
    expect(moderator.get_by_text(re.compile(r"Escalated on"))).to_be_visible()

    # (2) The phone number is highlighted and goes with one click; the rest of the story stays.
    expect(moderator.locator("mark.pii").filter(has_text=PHONE)).to_be_visible()
    moderator.get_by_role("button", name=f"Remove “{PHONE}” (Phone number)").click()
    expect(moderator.locator("article.story")).to_contain_text("[phone number removed]")
    expect(moderator.locator("article.story")).not_to_contain_text(PHONE)
    expect(moderator.locator("article.story")).to_contain_text(DISCLOSURE)
    expect(moderator.get_by_role("button", name=f"Remove “{PHONE}” (Phone number)")).to_have_count(0)
    screenshot(moderator, "en-analysis-2-phone-removed")

    # (3) The analysis tagged the filthy ward; the moderator adds the dignity theme and saves.
    expect(moderator.locator("ul.theme-sources")).to_contain_text("Environment and facilities")
    moderator.get_by_text("Correct the themes").click()
    moderator.get_by_label("Dignity, rights and safety").select_option("negative")
    moderator.get_by_role("button", name="Save the themes").click()
    sources = moderator.locator("ul.theme-sources")
    expect(sources.locator("li").filter(has_text="Dignity, rights and safety")).to_contain_text("set by a moderator")
    expect(sources.locator("li").filter(has_text="Environment and facilities")).to_contain_text("from the analysis")

    moderator.get_by_role("button", name="Publish", exact=True).click()
    moderator.wait_for_url(re.compile(r"/moderation/$"))

    # (4) A visitor follows the theme from the story to the stories that share it, with the same feeling.
    visitor = open_page()
    visitor.goto("/stories")
    visitor.get_by_role("link", name=story.title).click()
    themes = visitor.get_by_role("list", name="Themes")
    expect(themes).to_contain_text("Dignity, rights and safety")
    expect(visitor.locator("article.story")).not_to_contain_text(PHONE)
    themes.get_by_role("link", name="Dignity, rights and safety").click()
    visitor.wait_for_url(re.compile(r"theme=dignity_safety&sentiment=negative"))
    expect(visitor.get_by_role("link", name=story.title)).to_be_visible()
    visitor.goto("/stories?theme=dignity_safety&sentiment=positive")
    expect(visitor.get_by_role("link", name=story.title)).to_have_count(0)
