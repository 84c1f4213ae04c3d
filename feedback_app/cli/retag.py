"""`flask nlp retag`: analyse stored stories again (after a failure, or with a new model)."""
from __future__ import annotations

import sys
from datetime import datetime

import click

from ..extensions import db
from ..services.analysis import retag_stories, stories_to_retag


@click.command("retag")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only stories submitted on or after DATE.")
@click.option("--unfinished", is_flag=True, help="Only stories whose analysis failed or has not run yet.")
@click.option("--batch-size", default=200, show_default=True)
def retag(since: datetime | None, unfinished: bool, batch_size: int) -> None:
    """Re-analyse stored stories, with a progress bar."""
    count = analyse_with_progress(since, unfinished, batch_size)
    click.echo(f"Analysed {count} stories.")


def analyse_with_progress(since: datetime | None = None, unfinished: bool = False, batch_size: int = 200,
                          label: str = "Analysing stories") -> int:
    """Analyse the chosen stories in batches with a progress bar on stderr; returns how many."""
    story_ids = list(db.session.scalars(stories_to_retag(since, only_unfinished=unfinished)))
    with click.progressbar(length=len(story_ids), label=label, file=sys.stderr) as bar:
        for done in retag_stories(story_ids, batch_size):
            bar.update(done)
    return len(story_ids)
