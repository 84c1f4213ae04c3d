"""`flask demo`: demo data."""
from flask.cli import AppGroup

demo = AppGroup("demo", help="Demo data for trying Storyloop out and for benchmarks.")
