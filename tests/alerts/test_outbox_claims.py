"""Overlapping `flask notify send` runs: each message is claimed by one run and sent exactly once."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta

from config import PROJECT_ROOT
from feedback_app.extensions import db
from feedback_app.models import OutboxMessage
from feedback_app.models.base import utcnow
from feedback_app.services import notifications
from feedback_app.services.notifications import CLAIM_TIMEOUT, claim_batch, deliver_outbox, queue_email

MESSAGES = 200


def queue(count: int) -> None:
    for n in range(count):
        queue_email(f"reader{n}@example.org", f"Message {n}", "Body")
    db.session.commit()


def test_a_second_claim_sees_nothing_while_the_first_holds_the_batch(app):
    with app.app_context():
        queue(3)
        first = claim_batch(10)
        assert len(first) == 3 and len({m.claim_token for m in first}) == 1
        assert claim_batch(10) == []
        assert deliver_outbox() == 0  # a concurrent run leaves the claimed messages alone


def test_a_crashed_runs_claim_is_taken_over_after_the_timeout(app, monkeypatch):
    with app.app_context():
        queue(2)
        crashed_token = claim_batch(10)[0].claim_token
        later = utcnow() + CLAIM_TIMEOUT + timedelta(seconds=1)
        monkeypatch.setattr(notifications, "utcnow", lambda: later)
        assert deliver_outbox() == 2
        rows = db.session.scalars(db.select(OutboxMessage)).all()
        assert all(m.sent_at and m.claim_token != crashed_token for m in rows)


def test_sent_messages_are_never_claimed_again(app):
    with app.app_context():
        queue(2)
        assert deliver_outbox() == 2
        assert claim_batch(10, now=utcnow() + CLAIM_TIMEOUT * 10) == []


def test_a_run_stops_at_its_limit_in_several_batches(app, monkeypatch):
    monkeypatch.setattr(notifications, "CLAIM_BATCH", 3)
    with app.app_context():
        queue(8)
        assert deliver_outbox(limit=7) == 7
        assert deliver_outbox() == 1


def test_overlapping_notify_send_processes_send_each_message_once(app, database_url, tmp_path):
    with app.app_context():
        queue(MESSAGES)
        db.engine.dispose()  # let the two processes have the SQLite file to themselves
    mail_dir = tmp_path / "mail"
    env = {**os.environ, "STORYLOOP_ENV": "development", "DATABASE_URL": database_url,
           "MAIL_BACKEND": "file", "MAIL_FILE_DIR": str(mail_dir), "MAIL_DELIVER_INLINE": "false"}
    command = [sys.executable, "-m", "flask", "--app", "feedback_app", "notify", "send", "--limit", "1000"]
    runs = [subprocess.Popen(command, env=env, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    sent = [int(re.search(r"Sent (\d+) message\(s\)\.", output).group(1)) for output in outputs]
    assert sum(sent) == MESSAGES, outputs
    assert len(list(mail_dir.glob("*.eml"))) == MESSAGES
    with app.app_context():
        rows = db.session.scalars(db.select(OutboxMessage)).all()
        assert len(rows) == MESSAGES
        assert all(m.sent_at is not None and m.attempts == 1 for m in rows)
