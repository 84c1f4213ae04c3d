"""`flask notify`: send the daily digests that are due and deliver the e-mail outbox."""
import click
from flask import current_app
from flask.cli import AppGroup

from ..extensions import db
from ..models.base import utcnow
from ..services.digests import send_digests
from ..services.notifications import deliver_outbox

notify = AppGroup("notify", help="E-mail notifications.")


@notify.command("send")
@click.option("--limit", default=500, show_default=True, help="Most messages to send in this run.")
def send(limit: int) -> None:
    """Queue the daily digests that are due, then deliver the e-mails waiting in the outbox."""
    # Links in e-mail need the public address, which a command has no request to learn from. A POST,
    # so that on SQLite the digest transactions take the write lock up front.
    with current_app.test_request_context(base_url=current_app.config["PUBLIC_BASE_URL"], method="POST"):
        digests = send_digests(utcnow())
        db.session.commit()
    click.echo(f"Queued {digests} digest(s).")
    click.echo(f"Sent {deliver_outbox(limit)} message(s).")
