"""The story lifecycle in a real browser: a storyteller tells a story, a moderator publishes it, a visitor reads it."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .steps import STORYTELLER_EMAIL, StoryInput, choose_service, fill_story, publish, screenshot, sign_in, unique

pytestmark = pytest.mark.e2e


def test_tell_publish_read(open_page) -> None:
    story = StoryInput(title=unique("Kind nurses, long wait"))

    # (1) A storyteller without an account finds the ward by town, ticks it and tells the story.
    teller = open_page()
    choose_service(teller, "Leeds", "Ward 14 (Elderly care)")
    expect(teller.get_by_role("heading", level=1)).to_have_text("Tell your story")
    expect(teller.get_by_role("checkbox", name=re.compile("Ward 14"))).to_be_checked()
    fill_story(teller, story)
    screenshot(teller, "en-1-story-form-filled")
    teller.get_by_role("button", name="Send my story").click()

    teller.wait_for_url(re.compile(r"/follow/[^/?]+\?new=1$"))
    expect(teller.get_by_role("heading", level=1)).to_have_text(story.title)
    expect(teller.get_by_role("status").filter(has_text="Status:")).to_contain_text("Waiting for a moderator")
    expect(teller.get_by_text("This is your private link")).to_be_visible()
    expect(teller.get_by_role("button", name="Withdraw your story")).to_be_visible()
    screenshot(teller, "en-2-private-link")
    private_link = teller.url.split("?")[0]

    # Nobody else sees it yet.
    visitor = open_page()
    visitor.goto("/stories")
    expect(visitor.get_by_role("link", name=story.title)).to_have_count(0)

    # (2) A moderator signs in, opens the queue and the story, publishes it.
    moderator = open_page()
    sign_in(moderator)
    moderator.goto("/moderation/")
    expect(moderator.get_by_role("heading", level=1)).to_have_text("Stories waiting for moderation")
    screenshot(moderator, "en-3-moderation-queue")
    moderator.get_by_role("link", name=story.title, exact=True).click()
    expect(moderator.get_by_text("Waiting for a moderator")).to_be_visible()
    expect(moderator.locator("article.story")).to_contain_text(story.body)
    screenshot(moderator, "en-4-moderation-review")
    moderator.get_by_role("button", name="Publish", exact=True).click()
    moderator.wait_for_url(re.compile(r"/moderation/$"))
    expect(moderator.get_by_text("The story is published.")).to_be_visible()
    expect(moderator.get_by_role("link", name=story.title)).to_have_count(0)

    # (3) A visitor narrows /stories to hospitals, finds the story and reads it.
    visitor.goto("/stories")
    visitor.get_by_label("Kind of service").select_option(label="Hospital")
    visitor.get_by_role("button", name="Show stories").click()
    visitor.wait_for_url(re.compile(r"kind=hospital"))
    visitor.get_by_role("link", name=story.title).click()
    visitor.wait_for_url(re.compile(r"/stories/\d+$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(story.title)
    article = visitor.locator("article.story")
    expect(article).to_contain_text(story.body)
    expect(article).to_contain_text(f"By {story.pseudonym}")
    expect(article).to_contain_text("Carer or relative")
    expect(article.get_by_role("link", name="Ward 14 (Elderly care)")).to_be_visible()
    expect(visitor.get_by_text("Waiting for a moderator")).to_have_count(0)
    expect(visitor.get_by_role("button", name="Withdraw your story")).to_have_count(0)
    screenshot(visitor, "en-5-published-story")

    # Another kind of service does not list it.
    visitor.goto("/stories?kind=gp_practice")
    expect(visitor.get_by_role("link", name=story.title)).to_have_count(0)

    # The private link now shows it published, no longer editable.
    teller.goto(private_link)
    expect(teller.get_by_text("Waiting for a moderator")).to_have_count(0)
    expect(teller.get_by_role("link", name="Change your story")).to_have_count(0)


def test_a_signed_in_storyteller_follows_a_story_the_moderator_rejects(open_page) -> None:
    story = StoryInput(title=unique("Nobody called me back"), email=None, who="Patient or service user",
                       body="I rang the surgery three times about my test results and nobody called me back.")
    teller = open_page()
    sign_in(teller, STORYTELLER_EMAIL)
    choose_service(teller, "Beeston", "Beeston Hill Surgery")
    expect(teller.get_by_label("Your e-mail address (optional)")).to_have_count(0)  # the account is the link
    fill_story(teller, story)
    teller.get_by_role("button", name="Send my story").click()
    teller.wait_for_url(re.compile(r"/stories/\d+$"))
    story_url = teller.url
    expect(teller.locator("main")).to_contain_text("Waiting for a moderator")
    teller.locator("header").get_by_role("link", name="My stories").click()
    expect(teller.get_by_role("row").filter(has_text=story.title)).to_contain_text("Waiting for a moderator")

    moderator = open_page()
    sign_in(moderator)
    moderator.goto("/moderation/")
    moderator.get_by_role("link", name=story.title, exact=True).click()
    reject = moderator.get_by_role("button", name="Reject with this reason")
    reject.click()  # no reason yet: refused, with the message next to the field
    reject_form = moderator.locator("form").filter(has=moderator.get_by_role("button", name="Reject with this reason"))
    reason = reject_form.get_by_label("Reason", exact=True)
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(reject_form.locator(".field-error")).to_contain_text("Please give a reason.")
    reason.fill("It names a member of staff; please tell it again without the name.")
    reject.click()
    moderator.wait_for_url(re.compile(r"/moderation/$"))
    expect(moderator.get_by_text("The story is rejected and its author has been told why.")).to_be_visible()

    teller.reload()
    expect(teller.get_by_role("row").filter(has_text=story.title)).to_contain_text("Not published")
    visitor = open_page()
    response = visitor.goto(story_url)
    assert response is not None and response.status == 404


def test_incomplete_form_shows_errors_next_to_fields_and_keeps_what_was_typed(page) -> None:
    choose_service(page, "Leeds", "Beeston Hill Surgery")
    page.get_by_label("Give your story a title").fill("Too short")
    page.get_by_label("What happened?").fill("Too short.")
    page.get_by_role("group", name="Overall, how was your experience of our service?").get_by_label(
        "Poor", exact=True).check()
    page.get_by_label("Your pseudonym").fill("Jo in Beeston")
    page.get_by_label("Your e-mail address (optional)").fill("not an address")
    page.get_by_role("button", name="Send my story").click()
    page.wait_for_load_state()

    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    screenshot(page, "en-6-form-errors")
    body = page.get_by_label("What happened?")
    expect(body).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#body-error")).to_contain_text("Please write between 20 and 10000 characters.")
    expect(page.locator("#contact_email-error")).to_contain_text("Please enter a valid e-mail address.")
    expect(page.locator("#rating_overall-error")).to_contain_text("Please choose a rating from 1 to 5.")
    expect(page.locator("#author_role-error")).to_contain_text("Please say who you are.")
    expect(page.locator("#agree-error")).to_contain_text("Please confirm that you have read this.")
    # Each message sits in the field's own box, and the field points to it.
    expect(page.locator(".field-error").filter(has=page.locator("#body")).locator(".error-message")).to_be_visible()
    expect(body).to_have_attribute("aria-describedby", re.compile(r"\bbody-error\b"))
    # Everything typed is still there.
    expect(page.get_by_label("Give your story a title")).to_have_value("Too short")
    expect(body).to_have_value("Too short.")
    expect(page.get_by_label("Your pseudonym")).to_have_value("Jo in Beeston")
    expect(page.get_by_label("Your e-mail address (optional)")).to_have_value("not an address")
    expect(page.get_by_role("group", name="Overall, how was your experience of our service?").get_by_label(
        "Poor", exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile("Beeston Hill Surgery"))).to_be_checked()
    # The summary's links lead to the fields.
    page.get_by_role("alert").get_by_role("link", name="Please write between 20 and 10000 characters.").click()
    expect(page).to_have_url(re.compile(r"#body$"))


HOSTILE = '<script>alert("title")</script><img src=x onerror="alert(document.domain)">'


def test_markup_in_a_story_is_shown_as_text_and_runs_nothing(open_page, watch) -> None:
    title = unique("<script>alert(1)</script> Ward visit")
    story = StoryInput(
        title=title,
        body=f"We waited a long time. {HOSTILE} Then a nurse helped us.",
        what_was_good='<img src=x onerror="alert(2)"> the tea',
        pseudonym='<b onmouseover="alert(3)">Bo</b>',
    )
    teller = open_page()
    choose_service(teller, "Leeds", "Ward 14 (Elderly care)")
    fill_story(teller, story)
    teller.get_by_role("button", name="Send my story").click()
    teller.wait_for_url(re.compile(r"/follow/"))
    expect(teller.get_by_role("heading", level=1)).to_have_text(title)
    expect(teller.locator("article.story")).to_contain_text(HOSTILE)
    expect(teller.locator("article.story img, article.story script, article.story b")).to_have_count(0)

    moderator = open_page()
    sign_in(moderator)
    publish(moderator, title)

    visitor = open_page()
    visitor.goto("/stories")
    card = visitor.locator("article.story-card").filter(has_text=title)
    expect(card).to_have_count(1)
    card.get_by_role("link", name=title, exact=True).click()
    expect(visitor.locator("article.story")).to_contain_text(HOSTILE)
    expect(visitor.locator("article.story")).to_contain_text('<b onmouseover="alert(3)">Bo</b>')
    expect(visitor.locator("main img, main script")).to_have_count(0)
    visitor.locator("article.story").hover()
    screenshot(visitor, "en-7-markup-as-text")
    assert watch.dialogs == []
