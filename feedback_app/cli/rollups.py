"""`flask rollups`: the dashboard's summary tables."""
import time

import click
from flask.cli import AppGroup

from ..extensions import db
from ..services.rollups import rebuild_rollups

rollups = AppGroup("rollups", help="The summary tables the dashboards read.")


@rollups.command("rebuild")
def rebuild() -> None:
    """Recompute every rollup row from the published stories (after a bulk import, or to check)."""
    started = time.perf_counter()
    rows = rebuild_rollups()
    db.session.commit()
    click.echo(f"Rebuilt {rows} rollup rows in {time.perf_counter() - started:.1f} s.")
