"""Stories are analysed when told and edited; a failed analysis never loses a story and is retried."""
from __future__ import annotations

from datetime import datetime, timedelta

from feedback_app import nlp
from feedback_app.extensions import db
from feedback_app.models import AnalysisStatus, Role, Sentiment, Story, StoryStatus, ThemeSource, User
from feedback_app.services.analysis import analyse_story, story_text
from feedback_app.services.lifecycle import Actor
from feedback_app.services.moderation import set_story_themes
from feedback_app.services.stories import Submission, edit_story, submit_story
from tests.conftest import story_fields

GERMAN = ("Die Pflegekräfte waren sehr freundlich, aber wir haben vier Stunden in der Notaufnahme gewartet. "
          "Schwester Anke hat sich toll um meine Mutter gekümmert.")


def submit(service, **fields) -> Story:
    story, _ = submit_story(Submission(fields=story_fields(**fields), service_ids=[service.id], language="en"))
    db.session.commit()
    return story


def test_a_new_story_is_analysed_and_the_result_stored(app, ctx, make_service):
    story = submit(make_service(), title="Long wait", body="The staff were lovely but we waited six hours in A&E.")
    assert story.analysis_status is AnalysisStatus.DONE and story.analysed_at is not None
    assert story.sentiment in set(Sentiment) and -1 <= story.sentiment_score <= 1
    assert 0 <= story.criticality <= 5
    codes = {theme.code: theme for theme in story.themes}
    assert "access_waiting" in codes and codes["access_waiting"].sentiment is Sentiment.NEGATIVE
    assert all(theme.source is ThemeSource.NLP for theme in story.themes)


def test_the_language_comes_from_the_text(app, ctx, make_service):
    story = submit(make_service(), title="Notaufnahme", body=GERMAN)
    assert story.language == "de"


def test_personal_details_are_mapped_to_their_field_with_local_offsets(app, ctx, make_service):
    story = submit(make_service(), title="Ward 9", body="Dr Patel phoned me on 07700 900123 about my mum.",
                   what_was_good="Nurse Priya Shah was wonderful.")
    by_text = {d["text"]: d for d in story.findings["pii"]}
    assert "07700 900123" in by_text
    phone = by_text["07700 900123"]
    assert phone["field"] == "body" and story.body[phone["start"]:phone["end"]] == "07700 900123"
    names = [d for d in story.findings["pii"] if d["type"] == "PERSON"]
    assert {d["field"] for d in names} >= {"body", "what_was_good"}
    for detail in story.findings["pii"]:
        assert getattr(story, detail["field"])[detail["start"]:detail["end"]] == detail["text"]


def test_safeguarding_passages_flag_the_story(app, ctx, make_service):
    story = submit(make_service(), body="The carer hit my father and left him in wet sheets all night.")
    assert story.has_safeguarding_flags
    kinds = {flag["kind"] for flag in story.findings["safeguarding"]}
    assert kinds & {"abuse", "violence", "neglect"}
    assert story.criticality >= 4


def test_an_ordinary_complaint_is_not_flagged(app, ctx, make_service):
    story = submit(make_service(), body="The car park was full and the coffee machine was broken again.")
    assert not story.has_safeguarding_flags and story.findings["safeguarding"] == []


def test_a_failed_analysis_keeps_the_story_and_marks_it_for_retag(app, ctx, runner, make_service, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("model missing")

    monkeypatch.setattr(nlp, "analyse", broken)
    story = submit(make_service())
    assert story.id and story.status is StoryStatus.PENDING
    assert story.analysis_status is AnalysisStatus.FAILED and story.themes == []
    monkeypatch.undo()
    result = runner.invoke(args=["nlp", "retag", "--unfinished"])
    assert result.exit_code == 0, result.output
    assert "Analysed 1 stories." in result.output
    db.session.expire_all()
    assert db.session.get(Story, story.id).analysis_status is AnalysisStatus.DONE


def test_retag_since_a_date_only_touches_newer_stories(app, ctx, runner, make_service):
    service = make_service()
    old, new = submit(service, title="Old"), submit(service, title="New")
    old.submitted_at = datetime(2024, 1, 1)
    old.analysis_status = new.analysis_status = AnalysisStatus.PENDING
    db.session.commit()
    since = (datetime.now() - timedelta(days=1)).strftime("%Y-%m-%d")
    result = runner.invoke(args=["nlp", "retag", "--since", since])
    assert result.exit_code == 0 and "Analysed 1 stories." in result.output
    db.session.expire_all()
    assert db.session.get(Story, new.id).analysis_status is AnalysisStatus.DONE
    assert db.session.get(Story, old.id).analysis_status is AnalysisStatus.PENDING


def test_editing_the_text_analyses_it_again(app, ctx, make_service):
    story = submit(make_service(), body="The food was cold and tasteless every single day.")
    edit_story(story, {"body": "We waited nine hours to be seen and nobody told us why."}, Actor.AUTHOR, None)
    assert "access_waiting" in {t.code for t in story.themes}


def test_a_moderators_themes_survive_a_new_analysis(app, ctx, make_service, make_user):
    story = submit(make_service(), body="The food was cold and tasteless every single day.")
    moderator = db.session.get(User, make_user(Role.MODERATOR).id)
    assert set_story_themes(story, moderator, {"environment": Sentiment.NEGATIVE, "dignity_safety": Sentiment.MIXED})
    analyse_story(story)
    db.session.commit()
    themes = {t.code: t for t in story.themes}
    assert set(themes) == {"environment", "dignity_safety"}
    assert themes["dignity_safety"].source is ThemeSource.MODERATOR
    assert story.events[-1].changes["themes"]["after"] == {"environment": "negative", "dignity_safety": "mixed"}


def test_story_text_keeps_fields_apart(app, ctx, make_story):
    story = make_story(status=StoryStatus.PENDING)
    story.what_was_good = "Kind staff."
    text, ranges = story_text(story)
    for field in ranges:
        assert text[field.start:field.end] == getattr(story, field.name)
