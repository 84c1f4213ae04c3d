"""E-mail through the outbox: queued with the change that causes it, delivered by ``deliver_outbox``."""
from __future__ import annotations

import smtplib
import sys
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from uuid import uuid4

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import and_, or_, select, update

from ..extensions import db
from ..models import OutboxMessage
from ..models.base import utcnow

# Messages the "memory" backend delivered; tests read them.
sent_messages: list[EmailMessage] = []

# A run that crashed mid-batch leaves its claim; after this long another run may take the messages over.
CLAIM_TIMEOUT = timedelta(minutes=10)
CLAIM_BATCH = 50


def queue_email(recipient: str, subject: str, body: str, unsubscribe_url: str | None = None) -> OutboxMessage:
    """Put an e-mail in the outbox; it goes out when the outbox is next delivered.

    E-mail sent because of a subscription passes ``unsubscribe_url``: it is added to the text (in the
    current language) and becomes the one-click List-Unsubscribe header.
    """
    if unsubscribe_url:
        body = f"{body}\n\n-- \n" + _("To stop these e-mails, unsubscribe here:\n%(link)s", link=unsubscribe_url)
    message = OutboxMessage(recipient=recipient, subject=subject, body=body, unsubscribe_url=unsubscribe_url)
    db.session.add(message)
    return message


def _as_email(message: OutboxMessage) -> EmailMessage:
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_SENDER"]
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Message-ID"] = f"<outbox-{message.id}@storyloop>"
    if message.unsubscribe_url:
        # RFC 8058: mail clients show an unsubscribe button that POSTs to this link without opening it.
        email["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
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


def claim_batch(limit: int, now: datetime | None = None, after_id: int = 0) -> list[OutboxMessage]:
    """Claim up to ``limit`` unsent messages (with ids above ``after_id``) for this run alone, oldest first.

    The UPDATE repeats the claimable condition, so of two runs racing for a row only one changes it
    (PostgreSQL re-checks it on the locked row; SQLite runs write transactions one at a time), and the
    rows are read back by this run's unique token. SKIP LOCKED lets a second PostgreSQL run take the
    next rows instead of waiting; SQLite ignores it. A claim older than CLAIM_TIMEOUT is a crashed run's.
    """
    now = now or utcnow()
    token = str(uuid4())
    claimable = and_(
        OutboxMessage.sent_at.is_(None),
        or_(OutboxMessage.claimed_at.is_(None), OutboxMessage.claimed_at < now - CLAIM_TIMEOUT),
    )
    ids = list(db.session.scalars(
        select(OutboxMessage.id).where(claimable, OutboxMessage.id > after_id).order_by(OutboxMessage.id).limit(limit)
        .with_for_update(skip_locked=True)
    ))
    if ids:
        db.session.execute(
            update(OutboxMessage).where(OutboxMessage.id.in_(ids), claimable)
            .values(claimed_at=now, claim_token=token).execution_options(synchronize_session=False)
        )
    db.session.commit()
    if not ids:
        return []
    return list(db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.claim_token == token).order_by(OutboxMessage.id)
    ))


def deliver_outbox(limit: int = 100) -> int:
    """Send up to ``limit`` unsent messages, each exactly once however many runs overlap; returns how many."""
    delivered = tried = last_id = 0
    while tried < limit:
        # Small batches, so a claim is never held long; each one starts after the last, so no run loops.
        batch = claim_batch(min(CLAIM_BATCH, limit - tried), after_id=last_id)
        if not batch:
            break
        last_id = batch[-1].id
        for message in batch:
            delivered += _deliver_claimed(message)
        tried += len(batch)
    return delivered


def _deliver_claimed(message: OutboxMessage) -> int:
    token = message.claim_token
    # Renew the claim just before sending: if it went stale and another run took the message over, skip it.
    renewed = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.claim_token == token, OutboxMessage.sent_at.is_(None))
        .values(claimed_at=utcnow(), attempts=OutboxMessage.attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    if not renewed:
        return 0
    try:
        _send(_as_email(message))
    except (OSError, smtplib.SMTPException) as error:
        # Give the claim back so the next run retries; this run does not, as its batches only move forward.
        outcome = {"last_error": type(error).__name__, "claimed_at": None, "claim_token": None}
    else:
        outcome = {"sent_at": utcnow()}
    db.session.execute(
        update(OutboxMessage).where(OutboxMessage.id == message.id, OutboxMessage.claim_token == token)
        .values(**outcome).execution_options(synchronize_session=False)
    )
    db.session.commit()
    return 1 if "sent_at" in outcome else 0


def deliver_if_inline() -> None:
    """Deliver at once when configured to (development); production leaves it to `flask notify send`."""
    if current_app.config["MAIL_DELIVER_INLINE"]:
        deliver_outbox()
