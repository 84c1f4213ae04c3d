"""The rollups equal a full recomputation, whatever happens to the stories, and hold the right sums."""
from __future__ import annotations

import random
import threading
import time
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import (
    ALL_THEMES,
    ChangeOutcome,
    ChangeStatus,
    FftAnswer,
    MembershipRole,
    Organisation,
    ResponseStatus,
    Role,
    RollupPathway,
    Sentiment,
    Service,
    Story,
    StoryRollup,
    StoryStatus,
    User,
)
from feedback_app.services import rollups
from feedback_app.services.dashboard import DashboardFilters, kept_overview, overview
from feedback_app.services.dashboard_stories import waiting_critical
from feedback_app.services.lifecycle import Actor
from feedback_app.services.moderation import set_story_themes
from feedback_app.services.remits import Scope
from feedback_app.services.responses import answer_change, post_response, publish_response
from feedback_app.services.rollups import current_versions, pathway_ids, rebuild_rollups
from feedback_app.services.stories import Submission, edit_story, publish_story, submit_story, withdraw_story
from tests.conftest import story_fields

MEASURES = [c.name for c in StoryRollup.__table__.columns if c.name not in ("pathway_id", "month", "language", "theme")]


def snapshot() -> dict[tuple, dict[str, int]]:
    rows = db.session.execute(select(StoryRollup, RollupPathway.service_key)
                              .join(RollupPathway, RollupPathway.id == StoryRollup.pathway_id)).all()
    sums = {(key, str(r.month), r.language, r.theme): {m: getattr(r, m) for m in MEASURES} for r, key in rows}
    return {key: row for key, row in sums.items() if any(row.values())}  # a row of zeros counts nothing


def escalation_ids(scope: Scope, filters: DashboardFilters) -> list[int]:
    return [story.id for story in waiting_critical(scope, filters, 0)]


def test_rollups_equal_a_full_recomputation_after_a_random_sequence(app, ctx, make_service, make_user, monkeypatch):
    """Commits of one to three changes each (a flush between some), to the same story or others; every change
    is counted by its difference, never by recomputing a bucket."""
    app.config["RESPONSES_BEFORE_TRUSTED"] = 0
    recomputed = []
    monkeypatch.setattr(rollups, "recompute_buckets", lambda buckets: recomputed.extend(buckets))
    rng = random.Random(20261125)
    services = [make_service(), make_service(), make_service(), make_service()]
    moderator = db.session.get(User, make_user(Role.MODERATOR).id)
    responders = {}
    for service in services:
        organisation = db.session.get(Organisation, service.organisation_id)
        responders[service.id] = db.session.get(User, make_user(
            organisation=organisation, membership_role=MembershipRole.RESPONDER).id)
    published: list[Story] = []
    # What the dashboard keeps must follow every step: its month-by-month sums equal a fresh reading, and
    # the escalation list's version moves whenever the list changes.
    everything, one = Scope(everything=True), Scope(everything=False,
                                                     organisation_ids=frozenset({services[0].organisation_id}))
    months = DashboardFilters(since=date(2025, 1, 1), until=date.today().replace(day=1))
    # Each view's months are kept pathway by pathway once they change (this month from the first view): a theme,
    # a language or an organisation narrows the rows and pathways so kept.
    views = [(everything, months), (one, months),
             (everything, DashboardFilters(months.since, months.until, theme="access_waiting")),
             (one, DashboardFilters(months.since, months.until, language="de")),
             (everything, DashboardFilters(months.since, months.until, organisation_id=services[1].organisation_id))]
    app.config["ESCALATION_DAYS"] = 0  # every critical story waits at once, so that answers change the list
    waiting, list_changes = escalation_ids(everything, months), 0
    for _step in range(90):
        if published and rng.random() < 0.05:  # a change flushed, then rolled back: it must leave no trace
            story = rng.choice(published)
            story.rating_overall = 6 - story.rating_overall
            story.published_at = datetime(2025, 3, 3, 10)
            db.session.flush()
            db.session.rollback()
            continue
        for _change in range(rng.choice([1, 1, 2, 3])):
            if rng.random() < 0.3:
                db.session.flush()
            story = rng.choice(published) if published and rng.random() < 0.5 else None
            change_something(rng, story, published, services, moderator, responders)
        critical_before = current_versions()[1]
        db.session.commit()
        for scope, filters in views:
            assert kept_overview(scope, filters) == overview(scope, filters)
        now_waiting = escalation_ids(everything, months)
        assert now_waiting == waiting or current_versions()[1] != critical_before
        list_changes += now_waiting != waiting
        waiting = now_waiting
    assert list_changes, "the sequence should have changed the escalation list"
    assert not recomputed, "every change should be counted by its difference"

    incremental = snapshot()
    rebuild_rollups()
    db.session.commit()
    full = snapshot()
    assert full, "the sequence should have produced rollups"
    assert incremental == full


BODIES = ["The nurses were kind but we waited five hours.", "Dirty toilets and cold food on the ward.",
          "Excellent care, the doctor explained everything.", "Nobody called me back about my referral."]


def change_something(rng: random.Random, story: Story | None, published: list[Story], services: list,
                     moderator: User, responders: dict) -> None:
    """One random change: a new story told and published, or a change to ``story`` (any published one if None)."""
    action = rng.choice(["tell", "tell", "tell", "withdraw", "respond", "change", "confirm", "retheme",
                         "rate", "backdate", "grade", "reroute"])
    if action == "tell" or not published:
        chosen = rng.sample(services, rng.choice([1, 1, 2]))
        story, _ = submit_story(Submission(
            fields=story_fields(body=rng.choice(BODIES), rating_overall=rng.randint(1, 5),
                                fft_answer=rng.choice(list(FftAnswer))),
            service_ids=[s.id for s in chosen], language=rng.choice(["en", "de"])))
        publish_story(story, moderator)
        published.append(story)
        return
    story = story or rng.choice(published)
    if story.status is not StoryStatus.PUBLISHED:
        return
    organisation = db.session.get(Organisation, story.services[0].organisation_id)
    responder = responders[story.services[0].id]
    if action == "withdraw":
        withdraw_story(story, Actor.MODERATOR, moderator, reason="test")
    elif action == "respond":
        post_response(story, organisation, responder, "Thank you for your feedback.", "Jo", "Manager")
    elif action == "change":
        response = post_response(story, organisation, responder, "We listened and changed things.",
                                 "Jo", "Manager", rng.choice([ChangeStatus.PLANNED, ChangeStatus.MADE]),
                                 "A new rota", date.today() + timedelta(days=3))
        publish_response(response, moderator)
    elif action == "confirm":
        made = [r for r in story.responses
                if r.change_status is ChangeStatus.MADE and r.status is ResponseStatus.PUBLISHED]
        if made:
            answer_change(made[0], rng.choice(list(ChangeOutcome)), None, None)
    elif action == "retheme":
        codes = rng.sample(["environment", "staff_attitude", "access_waiting", "communication"], rng.randint(0, 3))
        set_story_themes(story, moderator, {code: rng.choice(list(Sentiment)) for code in codes})
    elif action == "rate":
        edit_story(story, {"rating_overall": rng.randint(1, 5)}, Actor.MODERATOR, moderator, reason="typo")
    elif action == "backdate":
        story.published_at = datetime(2025, rng.randint(1, 12), 15, 10)
    elif action == "grade":  # as a re-analysis might: onto the escalation list, or off it
        story.criticality = rng.randint(0, 5)
    elif action == "reroute":  # another service named, or one dropped: the story changes pathway
        others = [s for s in services if s.id not in {named.id for named in story.services}]
        if len(story.services) > 1 and rng.random() < 0.5:
            story.services.pop()
        elif others:
            story.services.append(db.session.get(Service, rng.choice(others).id))


def test_rollup_sums_match_hand_counts(app, ctx, make_service, make_story, make_user):
    service = make_service()
    moderator = db.session.get(User, make_user(Role.MODERATOR).id)
    for rating, fft in ((5, FftAnswer.VERY_GOOD), (2, FftAnswer.POOR), (4, FftAnswer.DONT_KNOW)):
        story = db.session.get(Story, make_story(status=StoryStatus.PENDING, services=[service], rating=rating).id)
        story.fft_answer = fft
        story.criticality = 4 if rating == 2 else 1
        story.sentiment = Sentiment.NEGATIVE if rating == 2 else Sentiment.POSITIVE
        publish_story(story, moderator)
        db.session.commit()
    row = db.session.get(StoryRollup, (ALL_THEMES, date.today().replace(day=1), pathway_ids([(service.id,)])[(service.id,)],
                                       "en"))
    assert (row.stories, row.rating_sum, row.rating_sq_sum) == (3, 11, 45)
    assert (row.fft_answered, row.fft_positive) == (2, 1)
    assert (row.sentiment_positive, row.sentiment_negative, row.critical, row.criticality_1) == (2, 1, 1, 2)
    assert row.responded == 0


def test_a_withdrawn_story_leaves_the_rollups(app, ctx, make_service, make_story, make_user):
    service = make_service()
    moderator = db.session.get(User, make_user(Role.MODERATOR).id)
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING, services=[service]).id)
    publish_story(story, moderator)
    db.session.commit()
    assert db.session.scalar(select(StoryRollup.stories).where(StoryRollup.theme == ALL_THEMES)) == 1
    withdraw_story(story, Actor.MODERATOR, moderator, reason="asked to")
    db.session.commit()
    assert db.session.scalar(select(StoryRollup.stories).where(StoryRollup.theme == ALL_THEMES)) is None


def test_rollups_rebuild_command(app, runner, ctx, make_service, make_story):
    make_story(status=StoryStatus.PUBLISHED, services=[make_service()])
    db.session.execute(StoryRollup.__table__.delete())  # as after a bulk import, which no commit hook sees
    db.session.commit()
    result = runner.invoke(args=["rollups", "rebuild"])
    assert result.exit_code == 0 and "Rebuilt 1 rollup rows" in result.output
    assert db.session.scalar(select(StoryRollup.stories)) == 1


def test_a_story_that_stops_naming_a_service_leaves_its_figures(app, ctx, make_service, make_story, make_user):
    """Its old pathway loses it (by difference) and the kept sums of the dropped service's organisation move."""
    first, second = make_service(), make_service()
    moderator = db.session.get(User, make_user(Role.MODERATOR).id)
    story = db.session.get(Story, make_story(status=StoryStatus.PENDING, services=[first, second]).id)
    publish_story(story, moderator)
    db.session.commit()
    scope = Scope(everything=False, organisation_ids=frozenset({first.organisation_id}))
    months = DashboardFilters(since=date.today().replace(day=1), until=date.today().replace(day=1))
    assert kept_overview(scope, months) == overview(scope, months)
    story.services = [service for service in story.services if service.id == second.id]
    db.session.commit()
    assert kept_overview(scope, months) == overview(scope, months)
    assert set(snapshot()) == {(str(second.id), str(date.today().replace(day=1)), "en", ALL_THEMES)}


@pytest.mark.postgresql_only
def test_two_transactions_changing_one_story_count_it_once(app, make_service, make_story, make_user):
    """On PostgreSQL the second waits for the first (its story row is locked from the first flush to the
    commit), then reads the story's facts as the first left them: each difference is counted once."""
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
    service = make_service()
    story_id = make_story(status=StoryStatus.PUBLISHED, services=[service], rating=4).id
    with app.app_context():
        rebuild_rollups()
        db.session.commit()
        first = db.session.get(Story, story_id)
        first.rating_overall = 1
        first.criticality = 5
        db.session.flush()  # the story is now locked by this transaction
        failures = []

        def second() -> None:
            try:
                with app.app_context():
                    story = db.session.get(Story, story_id)
                    story.sentiment = Sentiment.NEGATIVE
                    db.session.commit()
            except Exception as error:  # noqa: BLE001 - reported below
                failures.append(error)

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)  # long enough for the second to reach the lock
        assert thread.is_alive(), "the second transaction should wait for the first"
        db.session.commit()
        thread.join(timeout=30)
        assert not thread.is_alive() and not failures
        incremental = snapshot()
        rebuild_rollups()
        db.session.commit()
        assert snapshot() == incremental
        row = next(iter(incremental.values()))
        assert (row["stories"], row["rating_sum"], row["critical"], row["sentiment_negative"]) == (1, 1, 1, 1)
