"""`flask demo`: demo data."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from ..demo.accounts import DEFAULT_PASSWORD
from ..demo.bulk import CHUNK_SIZE, add_bulk_stories
from ..demo.seed import DEFAULT_SEED, seed_demo
from ..extensions import db
from ..models import Organisation, Role, Story, StoryStatus, User
from ..services.progress import open_progress
from ..services.remits import add_remit
from ..services.rollups import rebuild_rollups
from .retag import analyse_with_progress

demo = AppGroup("demo", help="Demo data for trying Storyloop out and for benchmarks.")


@demo.command("seed")
@click.option("--password", default=DEFAULT_PASSWORD, show_default=True, help="Password of every demo account.")
@click.option("--stories", type=click.IntRange(min=1), default=None,
              help="Instead of the demo, add this many published stories by bulk insert (for benchmarks).")
@click.option("--seed", "seed", type=int, default=DEFAULT_SEED, show_default=True,
              help="Random seed, so the same demo comes out every time.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=CHUNK_SIZE, show_default=True,
              help="With --stories: stories per transaction.")
def seed(password: str, stories: int | None, seed: int, chunk_size: int) -> None:
    """Load demo data into an empty database, or add --stories N for benchmarks."""
    if stories:
        with click.progressbar(length=stories, label=f"Adding {stories} published stories") as bar:
            add_bulk_stories(stories, seed, chunk_size=chunk_size, progress=bar.update)
        click.echo(f"Added {stories} published stories. Rebuilding the dashboard rollups...")
        click.echo(f"{rebuild_rollups()} rollup rows.")
        db.session.commit()
        return
    cast = seed_demo(password, seed)
    if cast is None:
        click.echo("The database already has users, so the demo data was not loaded. Nothing was changed.")
        return
    # Analyse the demo stories so themes, flags and highlighted details show as they would for real ones.
    analyse_with_progress(label="Analysing the demo stories")
    for story in db.session.scalars(select(Story).where(Story.status == StoryStatus.PUBLISHED)):
        open_progress(story)  # the providers' inboxes start with every published story unread
    _give_demo_funders_a_remit()
    db.session.commit()
    click.echo("Demo data loaded. Sign in with any of these accounts:")
    for user in cast.accounts():
        click.echo(f"  {user.email:<26} {user.display_name}")
    click.echo(f"Password for every demo account: {password}")


def _give_demo_funders_a_remit() -> None:
    """The demo funder oversees the English organisations, so the dashboard has something to show at once."""
    english = db.session.scalars(select(Organisation).where(Organisation.parent_id.is_(None),
                                                            Organisation.country == "GB"))
    funders = db.session.scalars(select(User).where(User.role == Role.FUNDER)).all()
    for organisation in english:
        for funder in funders:
            add_remit(funder, organisation=organisation)
