"""Time the demo seeders: `python bench/seed.py [--stories N] [--database-url URL]`.

Without --database-url it builds a fresh SQLite file in a temporary folder (WAL, as in production).
A PostgreSQL URL must name an empty database; the schema is built by the migrations either way.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from feedback_app import create_app  # noqa: E402
from feedback_app.demo.bulk import add_bulk_stories  # noqa: E402
from feedback_app.demo.seed import DEFAULT_SEED, seed_demo  # noqa: E402
from feedback_app.extensions import db  # noqa: E402


def timed(label: str, action: Callable[[], object]) -> float:
    """Run ``action`` and print how long it took."""
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"{label:<40} {seconds:8.2f} s", flush=True)
    return seconds


def main() -> None:
    """Seed the demo, then bulk-add stories, timing each step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade()
            timed("demo seed (directory, accounts, stories)", lambda: seed_demo("demo-password"))
            seconds = timed(f"bulk insert of {args.stories} stories",
                            lambda: add_bulk_stories(args.stories, DEFAULT_SEED))
            print(f"{args.stories / seconds:,.0f} stories per second on {db.engine.dialect.name}")
            db.engine.dispose()


if __name__ == "__main__":
    main()
