# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make run   - install, migrate, load the demo desk, start the web app and a Celery worker
#   make test  - the whole test suite
# In production, with the environment of .env.example set (and `make migrate` run once per release):
#   make serve - the web app under gunicorn, refusing to start while `check --deploy` finds errors
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DJANGO_DEBUG ?= 1

.PHONY: run serve test install lint format migrate demo clean messages

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py run_desk

# gunicorn's sync workers: WEB_CONCURRENCY requests at once; one that runs past WEB_TIMEOUT seconds
# (the longest legitimate ones, big HTML uploads, take about 20 s) has its worker restarted.
WEB_BIND ?= 0.0.0.0:8000
WEB_CONCURRENCY ?= 3
WEB_TIMEOUT ?= 120

serve: export DJANGO_DEBUG := 0
serve: install
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py check --deploy --fail-level ERROR
	exec $(BIN)/gunicorn factcheck.wsgi --bind $(WEB_BIND) --workers $(WEB_CONCURRENCY) \
		--timeout $(WEB_TIMEOUT) --graceful-timeout 30 --access-logfile - --no-control-socket

# The suite runs in TEST_WORKERS processes at once (pytest-xdist; tests/conftest.py gives each its
# own test database, Redis keys and var/ folder); TEST_WORKERS=0 runs it in this one process.
TEST_WORKERS ?= 3
test: install
	mkdir -p var
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var

# Updates the translation catalogs (locale/ for templates/ and factcheck/, each app's locale/ for
# its code) from the marked strings, then compiles them. Needs GNU gettext (Debian: gettext); the
# compiled .mo files are committed, so running the app needs no gettext.
messages: install
	$(BIN)/python manage.py makemessages --all --extension=html,txt,py,md --no-location --no-obsolete --ignore=.venv --ignore=var --ignore=bench --ignore=training --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv
