# Two commands do all the set-up on a fresh machine (see README.md):
#   make demo  — install, start the demo district's sites, crawl them, write the brief
#   make test  — install, run the whole test suite
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/crawler demo --workdir demo-output

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

bench: $(STAMP)
	$(VENV)/bin/python bench/bench_crawl.py
	$(VENV)/bin/python bench/bench_documents.py
