"""The loop closes in a real browser: a responder answers a story in public and says a change has been made, a
moderator checks it, the storyteller follows the link in their e-mail and confirms the change, and a visitor sees
the confirmed change on the story page. Also: the response form's errors, and another organisation's staff."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .steps import (
    KOELN_RESPONDER_EMAIL,
    PROVIDER_STORY_TITLE,
    RESPONDER_EMAIL,
    SEEDED_TITLE,
    StoryInput,
    choose_service,
    email_to,
    fill_story,
    link_in,
    publish,
    screenshot,
    sign_in,
    unique,
)

pytestmark = pytest.mark.e2e

LEEDS = "Leeds Teaching Hospitals"
STAGES = ["Unread", "Read", "Responded", "Change planned", "Change made", "Change confirmed"]
CHANGE_QUESTION = "Does your response promise or report a change?"
RESPONSE = ("Thank you for telling us about your father's discharge. You should have been told each day what was "
            "holding it up, and I am sorry that nobody did.")
CHANGE = "Every patient waiting for discharge now gets a daily update from the nurse in charge, before noon."
COMMENT = "The nurse came by at eleven every day when Dad was back on the ward in May."


def test_a_change_made_is_confirmed_by_the_storyteller_and_shown_to_visitors(open_page, live_server) -> None:
    leeds = live_server.organisations[LEEDS]
    teller_email = "loop-teller@example.org"
    story = StoryInput(title=unique("Nobody could say when Dad would go home"), email=teller_email,
                       body="Dad was ready to leave the ward on Monday but nobody could tell us what he was waiting "
                            "for. We asked every day and heard something different each time.")

    # (1) A storyteller without an account tells the story and leaves an e-mail address; a moderator publishes it.
    teller = open_page()
    choose_service(teller, "Leeds", "Ward 14 (Elderly care)")
    fill_story(teller, story)
    teller.get_by_role("button", name="Send my story").click()
    teller.wait_for_url(re.compile(r"/follow/[^/?]+\?new=1$"))
    moderator = open_page()
    sign_in(moderator)
    story_id = publish(moderator, story.title)

    # (2) The responder signs in, finds the new story in the inbox and opens it: now read.
    responder = open_page()
    sign_in(responder, RESPONDER_EMAIL)
    responder.locator("header").get_by_role("link", name="Provider inbox").click()
    responder.wait_for_url(re.compile(rf"/provider/{leeds}/$"))  # their only organisation: straight to its inbox
    expect(responder.get_by_role("heading", level=1)).to_have_text(f"Stories about {LEEDS}")
    row = responder.get_by_role("row").filter(has=responder.get_by_role("link", name=story.title, exact=True))
    expect(row).to_contain_text("Unread")
    expect(row).to_contain_text("New")
    screenshot(responder, "loop-1-inbox")
    row.get_by_role("link", name=story.title, exact=True).click()
    responder.wait_for_url(re.compile(rf"/provider/{leeds}/stories/{story_id}$"))
    expect(responder.get_by_role("heading", level=1)).to_have_text(story.title)
    expect(responder.locator(".progress-steps [aria-current=step]")).to_have_text("Read")

    # (3) They answer in public and say that a change has been made.
    expect(responder.get_by_label("Your name")).to_have_value("Rita Responder")  # their account's name to start
    responder.get_by_label("Your response").fill(RESPONSE)
    responder.get_by_label("Your job title").fill("Ward manager")
    responder.get_by_role("group", name=CHANGE_QUESTION).get_by_label("Yes: a change has been made").check()
    responder.get_by_label("What is changing?").fill(CHANGE)
    screenshot(responder, "loop-2-response-filled")
    responder.get_by_role("button", name="Publish my response").click()
    responder.wait_for_url(re.compile(rf"/provider/{leeds}/stories/{story_id}$"))
    # A new responder's first answer, and any answer that claims a change, waits for a moderator.
    expect(responder.get_by_text("Thank you. A moderator will check your response before it is published.")
           ).to_be_visible()
    waiting = responder.locator("section").filter(
        has=responder.get_by_role("heading", name="Your organisation's responses waiting or refused"))
    expect(waiting).to_contain_text("Rita Responder: Waiting for a moderator")

    visitor = open_page()
    visitor.goto(f"/stories/{story_id}")
    expect(visitor.locator("section.conversation")).to_contain_text("No responses yet.")
    expect(visitor.get_by_text(RESPONSE)).to_have_count(0)

    # (4) A moderator checks the claimed change and publishes the response.
    moderator.goto("/moderation/responses")
    item = moderator.locator("article.response").filter(has_text=story.title)
    expect(item).to_contain_text("Rita Responder, Ward manager, Leeds Teaching Hospitals")
    expect(item.locator(".change")).to_contain_text("Change made")
    expect(item.locator(".change")).to_contain_text(CHANGE)
    screenshot(moderator, "loop-3-moderation-responses")
    item.get_by_role("button", name="Publish", exact=True).click()
    moderator.wait_for_url(re.compile(r"/moderation/responses$"))
    expect(moderator.get_by_text("The response is published.")).to_be_visible()
    expect(moderator.locator("article.response").filter(has_text=story.title)).to_have_count(0)

    # (5) The storyteller is e-mailed; the private link in that e-mail (not one the test builds) opens the story,
    # in a browser that has never seen the site, and asks whether the change happened.
    message = email_to(teller_email, f'A response to your story "{story.title}"')
    text = message.get_content()
    assert "Rita Responder, Ward manager (Leeds Teaching Hospitals) has answered your story" in text, text
    assert RESPONSE in text, text
    link = link_in(message, "/follow/")
    assert link.startswith(f"{live_server.url}/follow/"), link
    mailbox = open_page()
    mailbox.goto(link)
    expect(mailbox.get_by_role("heading", level=1)).to_have_text(story.title)
    answer = mailbox.locator("article.response").filter(has_text=RESPONSE)
    expect(answer.locator(".change")).to_contain_text(CHANGE)
    question = answer.get_by_role("group", name="Did this change happen?")
    expect(question).to_be_visible()
    question.get_by_label("Yes, it happened", exact=True).check()
    answer.get_by_label("Anything to add? (optional, shown with your answer)").fill(COMMENT)
    screenshot(mailbox, "loop-4-storyteller-confirms")
    answer.get_by_role("button", name="Send my answer").click()
    mailbox.wait_for_url(re.compile(r"/follow/[^/?#]+#response-\d+$"))
    expect(mailbox.get_by_text("Thank you. Your answer is shown with the change.")).to_be_visible()
    expect(mailbox.locator(".confirmation")).to_contain_text("The storyteller confirmed that this change happened")

    # (6) A visitor, in a fresh browser, reads the story: the response, the change, the confirmation, the progress.
    visitor = open_page()
    visitor.goto(f"/stories/{story_id}")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(story.title)
    published = visitor.locator("section.conversation article.response")
    expect(published).to_have_count(1)
    expect(published.locator("header")).to_contain_text("Rita Responder, Ward manager, Leeds Teaching Hospitals")
    expect(published).to_contain_text(RESPONSE)
    change = published.locator(".change")
    expect(change).to_contain_text("Change made")
    expect(change).to_contain_text(CHANGE)
    expect(change.locator(".confirmation")).to_contain_text(
        re.compile(r"The storyteller confirmed that this change happened \(.+\)\."))
    expect(change.locator("blockquote")).to_have_text(COMMENT)
    track = visitor.locator(".progress-track")
    expect(track).to_have_count(1)
    expect(track.locator(".meta")).to_have_text(f"Progress with {LEEDS}")
    expect(track.locator("li")).to_have_text(STAGES)
    expect(track.locator("li[aria-current=step]")).to_have_text("Change confirmed")
    expect(track.locator("li.done")).to_have_count(len(STAGES))
    # Only the storyteller is asked; a visitor gets no question and no reply form.
    expect(visitor.get_by_role("button", name="Send my answer")).to_have_count(0)
    expect(visitor.get_by_role("button", name="Send my reply")).to_have_count(0)
    screenshot(visitor, "loop-5-confirmed-change")


def test_the_response_form_shows_errors_next_to_the_fields_and_keeps_what_was_typed(open_page, live_server):
    leeds = live_server.organisations[LEEDS]
    page = open_page()
    sign_in(page, RESPONDER_EMAIL)
    page.goto(f"/provider/{leeds}/stories/{live_server.provider_story_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(PROVIDER_STORY_TITLE)
    name = page.get_by_label("Your name")
    body = page.get_by_label("Your response")

    # Sent empty (even the name the form starts with is cleared): each required field says what it needs.
    name.fill("")
    page.get_by_role("button", name="Publish my response").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    expect(page.locator("#body-error")).to_contain_text("Please write your response.")
    expect(page.locator("#signed_name-error")).to_contain_text("Please give your name.")
    expect(page.locator("#job_title-error")).to_contain_text("Please give your job title.")
    expect(body).to_have_attribute("aria-invalid", "true")
    expect(body).to_have_attribute("aria-describedby", re.compile(r"\bbody-error\b"))

    # Half filled in: the remaining errors stay next to their fields, and everything typed is kept.
    body.fill("We are sorry.")
    name.fill("Rita Responder")
    page.get_by_label("Your job title").fill("Ward manager")
    page.get_by_role("group", name=CHANGE_QUESTION).get_by_label("Yes: a change has been made").check()
    page.get_by_role("button", name="Publish my response").click()
    page.wait_for_load_state()
    screenshot(page, "loop-6-response-form-errors")
    expect(page.locator(".field-error").filter(has=page.locator("#body")).locator(".error-message")
           ).to_contain_text("Please write between 20 and 5000 characters.")
    expect(page.locator(".field-error").filter(has=page.locator("#change_description")).locator(".error-message")
           ).to_contain_text("Please describe the change.")
    expect(page.locator("#signed_name-error")).to_have_count(0)
    expect(page.locator("#job_title-error")).to_have_count(0)
    expect(body).to_have_value("We are sorry.")
    expect(name).to_have_value("Rita Responder")
    expect(page.get_by_label("Your job title")).to_have_value("Ward manager")
    expect(page.get_by_role("group", name=CHANGE_QUESTION).get_by_label("Yes: a change has been made")).to_be_checked()
    # Nothing was saved.
    expect(page.get_by_role("heading", name="Your organisation's responses waiting or refused")).to_have_count(0)


def test_staff_of_another_organisation_get_the_not_found_page(open_page, live_server) -> None:
    leeds, koeln = live_server.organisations[LEEDS], live_server.organisations["Caritasverband Köln"]
    story_id = live_server.provider_story_id
    page = open_page()
    sign_in(page, KOELN_RESPONDER_EMAIL)
    for path in (f"/provider/{leeds}/stories/{story_id}", f"/provider/{leeds}/",
                 f"/provider/{koeln}/stories/{story_id}"):  # their own organisation's address: not their story
        response = page.goto(path)
        assert response is not None and response.status == 404, (path, response and response.status)
        expect(page.get_by_role("heading", level=1)).to_have_text("We could not find that page.")
        expect(page.get_by_text(PROVIDER_STORY_TITLE)).to_have_count(0)
        expect(page.get_by_role("button", name="Publish my response")).to_have_count(0)
    screenshot(page, "loop-7-other-organisation-404")


def test_every_story_the_inbox_lists_opens_for_its_responder(open_page, live_server) -> None:
    # SEEDED_TITLE is put straight into the database as published, without progress rows, like those stories.
    leeds = live_server.organisations[LEEDS]
    page = open_page()
    sign_in(page, RESPONDER_EMAIL)
    page.goto(f"/provider/{leeds}/")
    page.get_by_role("link", name=SEEDED_TITLE, exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEEDED_TITLE, timeout=2_000)
    expect(page.get_by_role("button", name="Publish my response")).to_be_visible(timeout=2_000)
