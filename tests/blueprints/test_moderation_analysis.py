"""Moderators act on the analysis: highlighted personal details, one-click removal, escalation, themes."""
from __future__ import annotations

from feedback_app.extensions import db
from feedback_app.models import Role, Sentiment, Story, StoryAction, ThemeSource
from feedback_app.services.notifications import sent_messages
from tests.conftest import login, story_form

BODY = "Dr Patel phoned me on 07700 900123 and said my mum could go home. The nurses were kind."


def tell(app, service, **overrides) -> int:
    # Only the text given: the form's other optional answers would bring themes of their own.
    fields = {"what_was_good": "", "what_could_be_improved": "", "how_it_felt": "", **overrides}
    app.test_client().post("/share/story", data=story_form([service.id], **fields))
    with app.app_context():
        return db.session.scalars(db.select(Story.id).order_by(Story.id.desc())).first()


def details(app, story_id: int) -> list[dict]:
    with app.app_context():
        return db.session.get(Story, story_id).findings["pii"]


def test_review_highlights_each_personal_detail(app, client, make_service, make_user):
    story_id = tell(app, make_service(), body=BODY)
    login(client, make_user(Role.MODERATOR))
    page = client.get(f"/moderation/stories/{story_id}").data.decode()
    assert '<mark class="pii"' in page and "07700 900123</mark>" not in page.replace('<span class="visually-hidden">', "")
    assert "Remove “07700 900123” (Phone number)" in page
    assert "Remove “Patel”" in page or "Remove “Dr Patel”" in page


def test_one_click_removes_a_detail_and_records_the_edit(app, client, make_service, make_user):
    story_id = tell(app, make_service(), body=BODY)
    phone = next(d for d in details(app, story_id) if d["type"] == "PHONE")
    login(client, make_user(Role.MODERATOR))
    response = client.post(f"/moderation/stories/{story_id}/redact", data=phone)
    assert response.status_code == 302
    with app.app_context():
        story = db.session.get(Story, story_id)
        assert "07700 900123" not in story.body and "[phone number removed]" in story.body
        event = story.events[-1]
        assert event.action is StoryAction.EDIT and "PHONE" in event.reason
        assert "07700 900123" in event.changes["body"]["before"]
        assert all(d["text"] != "07700 900123" for d in story.findings["pii"])


def test_a_stale_suggestion_is_refused(app, client, make_service, make_user):
    story_id = tell(app, make_service(), body=BODY)
    phone = next(d for d in details(app, story_id) if d["type"] == "PHONE")
    login(client, make_user(Role.MODERATOR))
    client.post(f"/moderation/stories/{story_id}/redact", data=phone)
    again = client.post(f"/moderation/stories/{story_id}/redact", data=phone, follow_redirects=True)
    assert b"The story has changed since this was suggested" in again.data


def test_remove_all_suggested_details(app, client, make_service, make_user):
    story_id = tell(app, make_service(), body=BODY, contact_email="")
    login(client, make_user(Role.MODERATOR))
    client.post(f"/moderation/stories/{story_id}/redact-all")
    with app.app_context():
        story = db.session.get(Story, story_id)
        assert "07700 900123" not in story.body and "Patel" not in story.body
        assert story.findings["pii"] == []


def test_German_details_get_German_placeholders(app, client, make_service, make_user):
    story_id = tell(app, make_service(), title="Station 4",
                    body="Frau Müller hat mich unter 0221 4567890 angerufen. Die Pflege war sehr freundlich.")
    phone = next(d for d in details(app, story_id) if d["type"] == "PHONE")
    login(client, make_user(Role.MODERATOR))
    client.post(f"/moderation/stories/{story_id}/redact", data=phone)
    with app.app_context():
        assert "[Telefonnummer entfernt]" in db.session.get(Story, story_id).body


def test_safeguarding_banner_and_escalation(app, client, make_service, make_user):
    app.config["SAFEGUARDING_EMAIL"] = "safeguarding@trust.example"
    story_id = tell(app, make_service(), body="The night carer slapped my dad and shouted at him to shut up.")
    moderator = make_user(Role.MODERATOR)
    login(client, moderator)
    page = client.get(f"/moderation/stories/{story_id}").data.decode()
    assert "Possible safeguarding concern" in page and "slapped" in page
    queue = client.get("/moderation/?safeguarding=1").data.decode()
    assert "Possible safeguarding concern" in queue
    refused = client.post(f"/moderation/stories/{story_id}/escalate", data={"escalate-note": ""})
    assert refused.status_code == 400 and "Please say what you did" in refused.data.decode()
    client.post(f"/moderation/stories/{story_id}/escalate", data={"escalate-note": "Phoned the duty safeguarding lead"})
    with app.app_context():
        story = db.session.get(Story, story_id)
        assert story.escalated_at is not None
        event = story.events[-1]
        assert event.action is StoryAction.ESCALATE and event.actor_id == moderator.id
        assert event.reason == "Phoned the duty safeguarding lead"
    alert = sent_messages[-1]
    assert alert["To"] == "safeguarding@trust.example" and f"/moderation/stories/{story_id}" in alert.get_content()
    assert "slapped" not in alert.get_content()  # the story's words stay behind the sign-in


def test_moderator_corrects_the_themes(app, client, make_service, make_user):
    story_id = tell(app, make_service(), body="The food was cold and the ward was filthy.")
    login(client, make_user(Role.MODERATOR))
    form = {"themes-environment": "negative", "themes-staff_attitude": "positive"}
    assert client.post(f"/moderation/stories/{story_id}/themes", data=form).status_code == 302
    with app.app_context():
        themes = {t.code: t for t in db.session.get(Story, story_id).themes}
    assert set(themes) == {"environment", "staff_attitude"}
    assert themes["staff_attitude"].source is ThemeSource.MODERATOR
    assert themes["environment"].sentiment is Sentiment.NEGATIVE
    refused = client.post(f"/moderation/stories/{story_id}/themes", data={"themes-environment": "furious"})
    assert refused.status_code == 400 and b"Not a valid choice" in refused.data


def test_published_story_shows_themes_and_stories_filter_by_them(app, client, make_service, make_user):
    service = make_service()
    waiting = tell(app, service, title="Waited all day", body="We waited nine hours in A&E and nobody told us why.")
    food = tell(app, service, title="Lovely food", body="The food was delicious and the ward spotless.")
    login(client, make_user(Role.MODERATOR))
    for story_id in (waiting, food):
        client.post(f"/moderation/stories/{story_id}/publish")
    visitor = app.test_client()
    page = visitor.get(f"/stories/{waiting}").data.decode()
    assert "Access and waiting" in page and "negative" in page
    filtered = visitor.get("/stories?theme=access_waiting&sentiment=negative").data.decode()
    assert "Waited all day" in filtered and "Lovely food" not in filtered
    positive = visitor.get("/stories?sentiment=positive").data.decode()
    assert "Lovely food" in positive and "Waited all day" not in positive
