"""`flask notify`: deliver the e-mail outbox."""
import click
from flask.cli import AppGroup

from ..services.notifications import deliver_outbox

notify = AppGroup("notify", help="E-mail notifications.")


@notify.command("send")
@click.option("--limit", default=500, show_default=True, help="Most messages to send in this run.")
def send(limit: int) -> None:
    """Deliver the e-mails waiting in the outbox."""
    click.echo(f"Sent {deliver_outbox(limit)} message(s).")
