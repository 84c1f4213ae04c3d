"""Moderation through the web: the queue, editing with a reason, publishing and rejecting."""
from __future__ import annotations

from datetime import timedelta

from feedback_app.extensions import db
from feedback_app.models import Role, ServiceKind, Story, StoryStatus
from feedback_app.services.notifications import sent_messages
from tests.conftest import login, story_form


def test_queue_lists_pending_stories_oldest_first_with_filters(app, client, make_story, make_service, make_user):
    ward, surgery = make_service(), make_service(kind=ServiceKind.GP_PRACTICE)
    older = make_story(status=StoryStatus.PENDING, title="Older story", services=[ward])
    newer = make_story(status=StoryStatus.PENDING, title="Newer story", services=[surgery], language="de")
    make_story(status=StoryStatus.PUBLISHED, title="Already public", services=[ward])
    with app.app_context():
        db.session.get(Story, older.id).submitted_at -= timedelta(days=2)
        db.session.commit()
    login(client, make_user(Role.MODERATOR))
    page = client.get("/moderation/").data
    assert page.index(b"Older story") < page.index(b"Newer story")
    assert b"Already public" not in page
    assert b"Older story" not in client.get("/moderation/?kind=gp_practice").data
    german = client.get("/moderation/?language=de").data
    assert b"Newer story" in german and b"Older story" not in german
    assert newer.id


def test_moderator_publishes_and_the_story_goes_public(app, client, make_service, make_user):
    service = make_service()
    storyteller = app.test_client()
    storyteller.post("/share/story", data=story_form([service.id], title="Thank you ward 9",
                                                     contact_email="sam@example.org"))
    with app.app_context():
        story_id = db.session.scalars(db.select(Story.id)).one()
    visitor = app.test_client()
    assert visitor.get(f"/stories/{story_id}").status_code == 404
    login(client, make_user(Role.MODERATOR))
    assert client.post(f"/moderation/stories/{story_id}/publish").status_code == 302
    assert b"Thank you ward 9" in visitor.get(f"/stories/{story_id}").data
    assert b"Thank you ward 9" in visitor.get("/stories").data
    assert b"Thank you ward 9" in visitor.get("/").data
    assert [m["Subject"] for m in sent_messages] == ["Your story on Storyloop", "Your story has been published"]


def test_reject_without_reason_comes_back_with_a_message(app, client, make_story, make_user):
    story = make_story(status=StoryStatus.PENDING)
    login(client, make_user(Role.MODERATOR))
    response = client.post(f"/moderation/stories/{story.id}/reject", data={"reject-reason": ""})
    assert response.status_code == 400 and b"Please give a reason." in response.data
    with app.app_context():
        assert db.session.get(Story, story.id).status is StoryStatus.PENDING


def test_reject_with_reason_tells_the_author(app, client, make_story, make_user):
    author = make_user()
    story = make_story(status=StoryStatus.PENDING, author=author)
    login(client, make_user(Role.MODERATOR))
    client.post(f"/moderation/stories/{story.id}/reject", data={"reject-reason": "It names a nurse."})
    with app.app_context():
        assert db.session.get(Story, story.id).status is StoryStatus.REJECTED
    assert sent_messages[-1]["To"] == author.email
    assert "It names a nurse." in sent_messages[-1].get_content()


def test_moderator_edit_needs_a_reason_and_keeps_the_history(app, client, make_story, make_user):
    story = make_story(status=StoryStatus.PENDING, title="Nurse Joy was rude")
    moderator = make_user(Role.MODERATOR)
    login(client, moderator)
    form = {f"edit-{k}": v for k, v in story_form([]).items() if k not in ("services", "agree")}
    form["edit-title"] = "A nurse was rude"
    refused = client.post(f"/moderation/stories/{story.id}", data=form)
    assert refused.status_code == 400 and b"Please say why you are editing this story." in refused.data
    assert b'value="A nurse was rude"' in refused.data
    form["edit-reason"] = "Removed a staff name"
    assert client.post(f"/moderation/stories/{story.id}", data=form).status_code == 302
    page = client.get(f"/moderation/stories/{story.id}").data
    assert b"Removed a staff name" in page and b"Nurse Joy was rude" in page and b"A nurse was rude" in page
    with app.app_context():
        event = db.session.get(Story, story.id).events[-1]
        assert event.actor_id == moderator.id and event.changes["title"]["after"] == "A nurse was rude"


def test_moderator_can_take_a_published_story_down_with_a_reason(app, client, make_story, make_user):
    story = make_story(status=StoryStatus.PUBLISHED)
    login(client, make_user(Role.MODERATOR))
    client.post(f"/moderation/stories/{story.id}/withdraw", data={"withdraw-reason": "Legal request"})
    assert app.test_client().get(f"/stories/{story.id}").status_code == 404


def test_publishing_twice_is_refused_with_a_message(app, client, make_story, make_user):
    story = make_story(status=StoryStatus.REJECTED)
    login(client, make_user(Role.MODERATOR))
    response = client.post(f"/moderation/stories/{story.id}/publish", follow_redirects=True)
    assert b"can no longer be changed in that way" in response.data
    with app.app_context():
        assert db.session.get(Story, story.id).status is StoryStatus.REJECTED
