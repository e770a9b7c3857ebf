# Duidu: `make serve` to read the site, `make test` to check it. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test browser-deps tools lighthouse lock clean translations check-translations bench fidelity explain

# serve builds the site itself, not strictly: an article still being translated shows its marks and warnings.
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# On every core (pytest-xdist): the browser tests together in one worker, every other file whole in one
# (tests/conftest.py, pytest_xdist_make_scheduler).
test: $(STAMP) browser-deps tools
	$(BIN)/pytest -n auto tests

$(STAMP): requirements.txt requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements.lock
	touch $(STAMP)

# The browser tests drive Debian's Chromium and need CJK fonts; the HTML check needs Java; the catalog check
# needs GNU gettext's msgfmt (the reference for PO syntax). Installed when missing and root.
browser-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing="$$missing fonts-noto-cjk"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing$$missing: run as root or: sudo apt-get install$$missing"; \
	    [ "$$CI" != true ] || exit 1; \
	  fi; \
	fi

# The Nu HTML checker and Lighthouse, pinned in tests/tools/package-lock.json (npm registry).
TOOLS := tests/tools/node_modules/.package-lock.json
tools: $(TOOLS)
$(TOOLS): tests/tools/package.json tests/tools/package-lock.json
	npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
	touch $(TOOLS)

# Lighthouse on the built site, offline: four scores per page against the targets (bench/lighthouse.py).
lighthouse: build tools
	$(BIN)/python bench/lighthouse.py

# Written to a temporary file and renamed: a failing pip leaves the old lock as it was.
lock: $(STAMP)
	{ echo '# Full lock of .venv: every package and version, direct and transitive (regenerate with `make lock`).'; \
	  $(BIN)/python -m pip freeze --disable-pip-version-check; } > requirements.lock.tmp \
	  && mv requirements.lock.tmp requirements.lock || { rm -f requirements.lock.tmp; exit 1; }

clean:
	rm -rf site .pytest_cache

# Bring every seed's English PO catalog (seeds/<seed>.en.po) in step with the seed, as msgmerge does.
translations: $(STAMP)
	PYTHONPATH=build_hooks $(BIN)/python -m duidu.maintain translations seeds

# translate-toolkit's pofilter over every catalog: a finding is an error unless the unit's comment explains it
# (seeds/TRANSLATING.md, "Checks").
check-translations: $(STAMP)
	PYTHONPATH=build_hooks $(BIN)/python -m duidu.translation_checks seeds

# What the repair makes of each garbled run on one line of a seed: the candidate readings, their scores and
# margin, and the corrections entry to paste once a person decides.
explain: $(STAMP)
	@test -n "$(SEED)" -a -n "$(LINE)" || { echo "usage: make explain SEED=seeds/x.txt LINE=n"; exit 2; }
	@PYTHONPATH=build_hooks $(BIN)/python -m duidu.explain "$(SEED)" "$(LINE)"

# The build benchmark: ours against plain MkDocs + Material, profile, serve rebuild, sizes, and pathological inputs
# (bench/bench.py; `.venv/bin/python bench/bench.py --pathological` runs that last section alone).
bench: $(STAMP)
	$(BIN)/python bench/bench.py

# The repair on simulated mirror damage: exact / 〓 / wrong per run kind (bench/fidelity.py). Vary with
# FIDELITY_RUNS= and FIDELITY_SEED= (not SEED, which names a seed file for `make explain`).
FIDELITY_RUNS ?= 2000
FIDELITY_SEED ?= 8
fidelity: $(STAMP)
	PYTHONPATH=build_hooks:tests $(BIN)/python bench/fidelity.py --runs $(FIDELITY_RUNS) --seed $(FIDELITY_SEED)
