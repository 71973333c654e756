# Two commands do all the set-up on a fresh machine (see README.md):
#   make demo  — install, start the demo district's sites, crawl them, write the brief
#   make test  — install, run the whole test suite
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-fast lint bench bench-hostile

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/crawler demo --workdir demo-output

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

# the daily loop: everything that needs no crawl, no served district and no browser (under a minute)
test-fast: $(STAMP)
	$(VENV)/bin/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy crawler devset

bench: $(STAMP)
	$(VENV)/bin/python bench/bench_crawl.py
	$(VENV)/bin/python bench/bench_documents.py
	$(VENV)/bin/python bench/bench_region.py --n 100
	$(VENV)/bin/python bench/bench_startup.py

# the hostile district (tests/hostile/) in one real run: wall time and peak memory of the process tree (~2 min)
bench-hostile: $(STAMP)
	$(VENV)/bin/python bench/bench_hostile.py
