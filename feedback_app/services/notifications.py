"""E-mail through the outbox: queued with the change that causes it, delivered by ``deliver_outbox``."""
from __future__ import annotations

import smtplib
import sys
from email.message import EmailMessage
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from ..extensions import db
from ..models import OutboxMessage
from ..models.base import utcnow

# Messages the "memory" backend delivered; tests read them.
sent_messages: list[EmailMessage] = []


def queue_email(recipient: str, subject: str, body: str) -> OutboxMessage:
    """Put an e-mail in the outbox; it goes out when the outbox is next delivered."""
    message = OutboxMessage(recipient=recipient, subject=subject, body=body)
    db.session.add(message)
    return message


def _as_email(message: OutboxMessage) -> EmailMessage:
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_SENDER"]
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Message-ID"] = f"<outbox-{message.id}@storyloop>"
    email.set_content(message.body)
    return email


def _send(email: EmailMessage) -> None:
    config = current_app.config
    backend = config["MAIL_BACKEND"]
    if backend == "memory":
        sent_messages.append(email)
    elif backend == "console":
        print(f"\n--- e-mail ---\n{email}\n--- end ---", file=sys.stderr, flush=True)
    elif backend == "file":
        folder = Path(config["MAIL_FILE_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{email['Message-ID'].strip('<>')}.eml").write_bytes(bytes(email))
    elif backend == "smtp":
        with smtplib.SMTP(config["MAIL_SMTP_HOST"], config["MAIL_SMTP_PORT"], timeout=30) as smtp:
            if config["MAIL_SMTP_STARTTLS"]:
                smtp.starttls()
            if config["MAIL_SMTP_USER"]:
                smtp.login(config["MAIL_SMTP_USER"], config["MAIL_SMTP_PASSWORD"] or "")
            smtp.send_message(email)
    else:
        raise RuntimeError(f"Unknown MAIL_BACKEND {backend!r}")


def deliver_outbox(limit: int = 100) -> int:
    """Send up to ``limit`` unsent messages and commit after each; returns how many went out."""
    pending = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.sent_at.is_(None)).order_by(OutboxMessage.id).limit(limit)
    ).all()
    delivered = 0
    for message in pending:
        message.attempts += 1
        try:
            _send(_as_email(message))
        except (OSError, smtplib.SMTPException) as error:
            message.last_error = type(error).__name__
        else:
            message.sent_at = utcnow()
            delivered += 1
        db.session.commit()
    return delivered


def deliver_if_inline() -> None:
    """Deliver at once when configured to (development); production leaves it to `flask notify send`."""
    if current_app.config["MAIL_DELIVER_INLINE"]:
        deliver_outbox()
