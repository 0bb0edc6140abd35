# Two commands do all set-up on a fresh machine (Python 3.11 + pip):
#   make demo   # installs into .venv, then checks the seed article
#   make test   # installs into .venv, then runs the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SEED   := seeds/000_58537a9fbf26f386.txt

.PHONY: demo test lint bench install browser
# The torch pin comes first: it takes the CPU wheel; a bare `torch` would pull a multi-GB CUDA build.
$(BIN)/mtcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[marian,fast,serve,dask,dev]'
	touch $@

install: $(BIN)/mtcheck

demo: $(BIN)/mtcheck
	$(BIN)/mtcheck check $(SEED) --source-lang ar --termbase seeds/termbase.tbx

# The browser tests drive Debian's headless Chromium: installed here when missing and root
# may install it (CI runs as root); elsewhere they skip, saying why (with CI=true they fail).
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver; \
	  else echo "chromium/chromedriver missing and not root: the browser tests will skip"; fi; \
	fi

test: $(BIN)/mtcheck browser
	$(BIN)/ruff check mtcheck tests bench tools
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(BIN)/mtcheck
	$(BIN)/ruff check mtcheck tests bench tools
	$(BIN)/ruff format --check mtcheck tests bench tools
	$(BIN)/mypy
