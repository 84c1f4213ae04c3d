"""`flask nlp`: train, tag, evaluate and retag."""
from flask.cli import AppGroup

nlp = AppGroup("nlp", help="The language analysis: train, tag, evaluate, retag.")
