# baocao: every target sets up .venv first (a fresh machine needs nothing else).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
INPUT  ?= data/raw
OUTPUT ?= data/processed

.PHONY: setup browser systools extract excel report lint test eval bench schema samples clean model

setup: $(STAMP) browser systools

SYSSTAMP := $(VENV)/.systools
systools: $(SYSSTAMP)  ## Tesseract (vie) for scanned PDFs, LibreOffice for .doc/.rtf/.odt (apt, root only; else a message)
$(SYSSTAMP): scripts/install_systools.sh
	@mkdir -p $(VENV) && sh scripts/install_systools.sh && touch $(SYSSTAMP)

browser:  ## Chromium for the report's browser test (Debian package; skipped with a message without root/apt)
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "make: could not install chromium with apt-get; the report's browser test will be skipped"; \
	else echo "make: no chromium and no root apt-get here; the report's browser test will be skipped"; fi

$(STAMP): pyproject.toml setup.py $(wildcard pipeline/ingest/pdf/_pdfium_*.[ch])  # a changed C source rebuilds the compiled PDF loops
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

extract: $(STAMP)  ## run the pipeline: make extract [INPUT=dir] [OUTPUT=dir]
	$(BIN)/baocao extract $(INPUT) -o $(OUTPUT)

report: $(STAMP)  ## the self-contained HTML comparison report of OUTPUT: OUTPUT/baocao_report.html
	$(BIN)/baocao report $(OUTPUT) --html $(OUTPUT)/baocao_report.html

excel: $(STAMP)  ## the Excel workbook of OUTPUT (after make extract): OUTPUT/baocao.xlsx
	$(BIN)/baocao export $(OUTPUT) --xlsx $(OUTPUT)/baocao.xlsx

lint: $(STAMP)  ## ruff (style, imports, bugbear) and mypy (types), both configured in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint browser  ## lint, then the whole test suite
	$(BIN)/python -m pytest

eval: $(STAMP)  ## P/R/F1 per field and format: samples, data/dev, ../shared/realdev, sealed split (aggregate only)
	$(BIN)/baocao eval

N ?= 2000
bench: $(STAMP)  ## one measured run over N generated reports: docs/s, pages/s, peak RSS, stages, floor ratio
	$(BIN)/baocao bench -n $(N)$(if $(AB), --nlp-ab)

model: $(STAMP)  ## rebuild the NER model nlp/model and the fact-mention model nlp/facts_model from the repository (corpus from data/ and templates, then spacy train)
	$(BIN)/python nlp/build_corpus.py
	$(BIN)/python -m spacy train nlp/config.cfg --output nlp/build
	rm -rf nlp/model && cp -r nlp/build/model-best nlp/model
	$(BIN)/python nlp/build_facts_corpus.py
	$(BIN)/python -m spacy train nlp/facts.cfg --output nlp/build/facts
	rm -rf nlp/facts_model && cp -r nlp/build/facts/model-best nlp/facts_model

schema: $(STAMP)  ## regenerate docs/DATA_DICTIONARY.md from schemas/
	mkdir -p docs && $(BIN)/baocao schema > docs/DATA_DICTIONARY.md

samples: $(STAMP)  ## rebuild the DOCX/PDF renditions of the seeds (needs LibreOffice for PDF)
	$(BIN)/python scripts/build_samples.py

clean:
	rm -rf $(VENV) data/processed .pytest_cache .hypothesis
