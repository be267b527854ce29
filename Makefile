# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make run   - install, migrate, load the demo desk, start the web app and a Celery worker
#   make test  - the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DJANGO_DEBUG ?= 1

.PHONY: run test install lint format migrate demo clean

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

test: install
	mkdir -p var
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var
