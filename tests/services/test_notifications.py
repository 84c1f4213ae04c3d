"""The outbox: messages are delivered once, by the configured backend, and failures are kept for a retry."""
from __future__ import annotations

import smtplib

from feedback_app.extensions import db
from feedback_app.models import OutboxMessage
from feedback_app.services import notifications
from feedback_app.services.notifications import deliver_outbox, queue_email, sent_messages


def test_delivery_sends_each_message_once(app):
    with app.app_context():
        queue_email("a@example.org", "Hello", "Body A")
        queue_email("b@example.org", "Hello", "Body B")
        db.session.commit()
        assert deliver_outbox() == 2
        assert deliver_outbox() == 0
        assert all(m.sent_at for m in db.session.scalars(db.select(OutboxMessage)))
    assert [m["To"] for m in sent_messages] == ["a@example.org", "b@example.org"]


def test_file_backend_writes_an_eml_file(app, tmp_path):
    app.config.update(MAIL_BACKEND="file", MAIL_FILE_DIR=str(tmp_path))
    with app.app_context():
        queue_email("a@example.org", "Your story", "Thank you")
        db.session.commit()
        deliver_outbox()
    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 1 and b"Subject: Your story" in files[0].read_bytes()


def test_a_failed_send_stays_in_the_outbox_for_the_next_run(app, monkeypatch):
    def refuse(_email):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(notifications, "_send", refuse)
    with app.app_context():
        queue_email("a@example.org", "Hello", "Body")
        db.session.commit()
        assert deliver_outbox() == 0
        message = db.session.scalars(db.select(OutboxMessage)).one()
        assert message.sent_at is None and message.attempts == 1 and message.last_error == "SMTPServerDisconnected"
    monkeypatch.undo()
    with app.app_context():
        assert deliver_outbox() == 1


def test_notify_send_command_delivers_the_outbox(app, runner):
    with app.app_context():
        queue_email("a@example.org", "Hello", "Body")
        db.session.commit()
    result = runner.invoke(args=["notify", "send"])
    assert result.exit_code == 0 and "Sent 1 message(s)." in result.output
    assert len(sent_messages) == 1


def test_users_create_command_makes_an_account_with_a_role(app, runner):
    result = runner.invoke(args=["users", "create", "--email", "mod@example.org", "--name", "Mo",
                                 "--role", "moderator", "--password", "a long passphrase"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(args=["users", "create", "--email", "MOD@example.org", "--name", "Mo",
                                "--password", "a long passphrase"])
    assert again.exit_code != 0 and "already exists" in again.output
