# Storyloop: `make run` serves it with demo data on SQLite; `make test` passes the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export FLASK_APP := feedback_app
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install translations messages clean

$(BIN)/flask: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt -e ".[test]"
	@touch $@

install: $(BIN)/flask translations

translations: $(BIN)/flask
	$(BIN)/pybabel compile --statistics -d feedback_app/translations

run: install
	mkdir -p instance
	$(BIN)/flask db upgrade
	$(BIN)/flask demo seed
	$(BIN)/flask run --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) instance/storyloop.sqlite* .pytest_cache

# After changing any text people read: extract it and merge into the catalogues, then translate the new entries.
messages: $(BIN)/flask
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
		--ignore-dirs=".venv .git tests bench migrations" -o feedback_app/translations/messages.pot .
	$(BIN)/pybabel update -i feedback_app/translations/messages.pot -d feedback_app/translations --no-fuzzy-matching
