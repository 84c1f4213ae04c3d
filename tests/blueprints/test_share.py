"""Telling a story through /share: choosing services, validation, safety, the private link."""
from __future__ import annotations

from datetime import date

import pytest

from feedback_app.extensions import db
from feedback_app.forms.stories import months_ago
from feedback_app.models import Role, ServiceKind, Story, StoryStatus
from feedback_app.services.notifications import sent_messages
from tests.conftest import login, story_form


def test_directory_search_finds_services_by_name_town_and_kind(client, make_service):
    make_service(name="Ward 12, St Mary's Hospital", town="Leeds")
    make_service(name="Parkside Surgery", town="York", kind=ServiceKind.GP_PRACTICE)
    assert b"Ward 12" in client.get("/share/?q=mary").data
    by_town = client.get("/share/?q=york").data
    assert b"Parkside Surgery" in by_town and b"Ward 12" not in by_town
    by_kind = client.get("/share/?kind=gp_practice").data
    assert b"Parkside Surgery" in by_kind and b"Ward 12" not in by_kind


def test_a_story_can_name_several_services_in_pathway_order(client, app, make_service):
    gp, hospital = make_service(name="Parkside Surgery"), make_service(name="Ward 3")
    response = client.post("/share/story", data=story_form([gp.id, hospital.id]))
    assert response.status_code == 302
    with app.app_context():
        story = db.session.scalars(db.select(Story)).one()
        assert [s.name for s in story.services] == ["Parkside Surgery", "Ward 3"]
        assert story.status is StoryStatus.PENDING


@pytest.mark.parametrize(("field", "value", "message"), [
    ("title", "", b"Please give your story a title."),
    ("title", "x" * 151, b"Please keep the title under 150 characters."),
    ("body", "Too short", b"Please write between 20 and 10000 characters."),
    ("rating_overall", "7", b"Not a valid choice"),
    ("fft_answer", "", b"Please answer this question."),
    ("author_role", "", b"Please say who you are."),
    ("pseudonym", "", b"Please choose a pseudonym."),
    ("contact_email", "not-an-address", b"Please enter a valid e-mail address."),
    ("agree", "", b"Please confirm that you have read this."),
])
def test_a_refused_story_comes_back_with_the_message_and_everything_typed(client, make_service, field, value,
                                                                          message):
    service = make_service()
    data = story_form([service.id], what_could_be_improved="Shorter waits, please & thank you")
    data[field] = value
    response = client.post("/share/story", data=data)
    assert response.status_code == 400
    assert message in response.data
    kept = {"what_could_be_improved": b"Shorter waits, please &amp; thank you",
            "pseudonym": b'value="Sam from Leeds"', "body": b"The nurses on the ward were kind",
            "title": b'value="Kind nurses, long wait"', "fft_answer": b'checked id="fft_answer-1"'}
    for name, text in kept.items():
        if name != field:
            assert text in response.data, f"{name} was lost"
    assert b'aria-invalid="true"' in response.data


def test_the_date_cannot_be_in_the_future_or_older_than_three_years(client, make_service):
    service = make_service()
    today = date.today()
    future = months_ago(today, -1)
    too_old = months_ago(today, 37)
    for when, message in ((future, b"The date cannot be in the future."),
                          (too_old, b"We can only take stories from the last three years.")):
        data = story_form([service.id], experienced_month=str(when.month), experienced_year=str(when.year))
        response = client.post("/share/story", data=data)
        if when.year in range(today.year - 3, today.year + 1):
            assert response.status_code == 400 and message in response.data
        else:  # a year outside the list is refused as a choice
            assert response.status_code == 400


def test_story_text_is_stored_as_typed_and_never_runs_as_script(client, app, make_service, make_user):
    service = make_service()
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.post("/share/story", data=story_form([service.id], title=f"Hello {attack}",
                                                 body=f"Line one {attack}\n\nSecond paragraph"))
    with app.app_context():
        story = db.session.scalars(db.select(Story)).one()
        assert attack in story.title  # kept as plain text, exactly
        story_id = story.id
    moderator = make_user(Role.MODERATOR)
    login(client, moderator)
    page = client.get(f"/moderation/stories/{story_id}").data
    assert b"<script>alert" not in page and b"<img src=x" not in page
    assert b"&lt;script&gt;" in page
    assert b"<p>Line one" in page and b"<p>Second paragraph</p>" in page


def test_anonymous_story_gets_a_private_link_by_email(client, app, make_service):
    service = make_service()
    response = client.post("/share/story", data=story_form([service.id], contact_email="sam@example.org"))
    link = response.headers["Location"]
    assert link.startswith("/follow/")
    assert len(sent_messages) == 1
    mail = sent_messages[0]
    assert mail["To"] == "sam@example.org"
    assert link.split("?")[0] in mail.get_content()
    page = client.get(link)
    assert b"Waiting for a moderator" in page.data
    with app.app_context():
        story = db.session.scalars(db.select(Story)).one()
        token = link.split("/follow/")[1].split("?")[0]
        assert story.access_token_hash != token and token not in (story.access_token_hash or "")


def test_pending_story_is_hidden_from_everyone_but_its_author_and_moderators(client, app, make_service, make_user):
    service = make_service()
    author = make_user()
    login(client, author)
    response = client.post("/share/story", data=story_form([service.id], title="My pending story"))
    detail = response.headers["Location"]
    assert b"My pending story" in client.get(detail).data
    assert b"My pending story" in client.get("/my-stories").data
    visitor = app.test_client()
    assert visitor.get(detail).status_code == 404
    assert b"My pending story" not in visitor.get("/stories").data
    assert b"My pending story" not in visitor.get("/").data


def test_author_edits_then_withdraws_a_pending_story_by_private_link(client, app, make_service):
    service = make_service()
    link = client.post("/share/story", data=story_form([service.id])).headers["Location"].split("?")[0]
    edit = story_form([service.id], title="A better title")
    del edit["services"], edit["agree"]
    assert client.post(f"{link}/edit", data=edit).status_code == 302
    assert b"A better title" in client.get(link).data
    assert client.post(f"{link}/withdraw").status_code == 302
    with app.app_context():
        story = db.session.scalars(db.select(Story)).one()
        assert story.status is StoryStatus.WITHDRAWN
        assert [e.action.value for e in story.events] == ["submit", "edit", "withdraw"]
        assert story.events[1].changes["title"] == {"before": "Kind nurses, long wait", "after": "A better title"}
    # once withdrawn, editing is refused with a message rather than an error
    response = client.get(f"{link}/edit", follow_redirects=True)
    assert b"can only be changed while it waits for a moderator" in response.data


def test_refused_edit_keeps_what_was_typed(client, make_service):
    service = make_service()
    link = client.post("/share/story", data=story_form([service.id])).headers["Location"].split("?")[0]
    edit = story_form([service.id], title="", body="My new words for the story, much longer now.")
    response = client.post(f"{link}/edit", data=edit)
    assert response.status_code == 400
    assert b"Please give your story a title." in response.data
    assert b"My new words for the story, much longer now." in response.data


def test_choosing_no_service_sends_you_back_to_choose(client):
    response = client.get("/share/story", follow_redirects=True)
    assert b"Please choose at least one service first." in response.data
