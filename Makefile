# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test browser worker beat lint migrate demo bench messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed-run $@

migrate: $(VENV)/.installed-run
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Browser tests need Debian's chromium: installed here when missing and possible.
browser:
	@bash .ci/chromium

test: $(VENV)/.installed-dev browser
	$(BIN)/pytest $(PYTEST_ARGS)

worker: $(VENV)/.installed-run
	$(BIN)/celery -A eeportal worker -Q celery,reevaluate --loglevel=INFO

beat: $(VENV)/.installed-run
	$(BIN)/celery -A eeportal beat --loglevel=INFO

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

# The French catalogue: extract every marked string (Python, templates, JavaScript), then compile.
# Needs GNU gettext (Debian's package gettext); `make run` does not: the .mo files are committed.
messages: $(VENV)/.installed-dev
	$(BIN)/python manage.py makemessages -l fr --add-location=file
	$(BIN)/python manage.py makemessages -d djangojs -l fr --add-location=file
	$(BIN)/python manage.py compilemessages -l fr --ignore=.venv
