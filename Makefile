# Two commands: `make build` and `make test`. Everything else is a step of those.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SCRATCH_DIR := $(CURDIR)/target/scratch

export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DBT_PROFILES_DIR := $(CURDIR)

.PHONY: build test lint dbt-test pytest bench docs export clean superset-venv superset bi-test report browser

## Create the virtual environment from the pinned versions.
$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

## Build, test and publish warehouse/hotline12345.duckdb (or $HOTLINE12345_DUCKDB_PATH).
build: $(BIN)/.installed
	$(BIN)/hotline12345 build

## Lint, then the whole dbt build with every data test (dbt-test), then pytest on that same build (not a second one);
## all on scratch files. pytest also runs dbt's unit tests (in its one rebuild of a changed copy of the project) and
## validates the semantic layer (mf validate-configs), in its two workers beside the other tests.
test: lint dbt-test
	HOTLINE12345_TEST_WAREHOUSE=$(SCRATCH_WAREHOUSE) $(BIN)/pytest

## Lint the SQL (sqlfluff, dbt templater) and the Python (ruff, mypy). Each linter runs again only when a
## file it reads has changed since it last passed: its stamp in target/lint/ is newer than all of them.
LINT_STAMPS := target/lint/sqlfluff.ok target/lint/python.ok
SQLFLUFF_INPUTS := $(shell find models tests analyses macros seeds -name '*.sql' -o -name '*.yml' -o -name '*.md' \
	| grep -v '^tests/python\|^tests/bi') .sqlfluff .sqlfluffignore dbt_project.yml profiles.yml
PYTHON_INPUTS := $(shell find src tests/python tests/bi bi bench -name '*.py') pyproject.toml

lint: $(LINT_STAMPS)

target/lint/sqlfluff.ok: $(BIN)/.installed $(SQLFLUFF_INPUTS)
	mkdir -p $(SCRATCH_DIR) $(@D)
	HOTLINE12345_DUCKDB_PATH=$(SCRATCH_DIR)/lint.duckdb $(BIN)/sqlfluff lint models tests analyses
	touch $@

target/lint/python.ok: $(BIN)/.installed $(PYTHON_INPUTS)
	mkdir -p $(@D)
	$(BIN)/ruff check src tests/python bench
	$(BIN)/ruff format --check src tests/python bench
	$(BIN)/mypy
	$(BIN)/ruff check bi tests/bi
	$(BIN)/ruff format --check bi tests/bi
	$(BIN)/mypy --strict bi/superset tests/bi
	touch $@

## Validate, build and run every data test into target/scratch/hotline12345.duckdb, published there only if all pass.
## Like the linters, it runs again only when something the build reads is newer than that file: a seed, model, macro,
## singular test, analysis or their YAML (or a folder of them, for a deletion), dbt_project.yml, profiles.yml, the
## package (src/) or the installed environment. pytest's fixture refuses the file on the same rule. `make -B dbt-test`
## forces a build.
SCRATCH_WAREHOUSE := $(SCRATCH_DIR)/hotline12345.duckdb
DBT_BUILD_INPUTS := $(shell find seeds models macros analyses tests -path tests/python -prune -o -path tests/bi -prune \
	-o \( -type d -o -name '*.sql' -o -name '*.yml' -o -name '*.yaml' -o -name '*.csv' -o -name '*.md' \) -print) \
	dbt_project.yml profiles.yml $(shell find src -name '*.py')

dbt-test: $(SCRATCH_WAREHOUSE)

$(SCRATCH_WAREHOUSE): $(BIN)/.installed $(DBT_BUILD_INPUTS)
	mkdir -p $(SCRATCH_DIR)
	$(BIN)/hotline12345 build --target $@

## pytest alone (builds its own warehouse once). The quick loop, after `make dbt-test`:
##   HOTLINE12345_TEST_WAREHOUSE=target/scratch/hotline12345.duckdb .venv/bin/pytest -m "not slow"
pytest: $(BIN)/.installed
	$(BIN)/pytest

## Times the build step of `make build` and `hotline12345 analysis` against dbt's floor (RUNS=5);
## MAKE_TEST=1 also times a warm `make test`, as it is and with its dbt build due.
bench: $(BIN)/.installed
	$(BIN)/python bench/bench.py --runs $(or $(RUNS),5) $(if $(MAKE_TEST),--make-test)

## dbt docs (offline) from a copy of the published warehouse, so readers are never locked out.
## dbt sees the copy as hotline12345.duckdb from its folder, as in every build, so it reuses the build's parse.
docs: $(BIN)/.installed
	mkdir -p $(SCRATCH_DIR)/docs target/docs
	cp $(or $(HOTLINE12345_DUCKDB_PATH),warehouse/hotline12345.duckdb) $(SCRATCH_DIR)/docs/hotline12345.duckdb
	test ! -f target/partial_parse.msgpack || cp target/partial_parse.msgpack target/docs/
	cd $(SCRATCH_DIR)/docs && HOTLINE12345_DUCKDB_PATH=hotline12345.duckdb $(abspath $(BIN))/dbt docs generate \
		--project-dir $(CURDIR) --target-path $(CURDIR)/target/docs
	@echo "open target/docs/index.html, or: $(BIN)/dbt docs serve --target-path target/docs"

## Every mart as Parquet and as CSV with a UTF-8 BOM, in export/, and export/datapackage.json describing them.
export: $(BIN)/.installed
	$(BIN)/hotline12345 export --out export

## Apache Superset in its own environment, never in the project's: bi/superset/requirements.txt. It lives under
## target/ (880 MB), which copies of the project (the tests') leave out.
SUPERSET_VENV := target/venv-superset
$(SUPERSET_VENV)/.installed: bi/superset/requirements.txt
	$(PYTHON) -m venv $(SUPERSET_VENV)
	$(SUPERSET_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SUPERSET_VENV)/bin/python -m pip install --quiet -r bi/superset/requirements.txt
	touch $@

superset-venv: $(SUPERSET_VENV)/.installed

## Superset on http://127.0.0.1:8088 with the dashboard imported, on the published warehouse (built if missing).
superset: $(BIN)/.installed $(SUPERSET_VENV)/.installed
	test -f $(or $(HOTLINE12345_DUCKDB_PATH),warehouse/hotline12345.duckdb) || $(BIN)/hotline12345 build
	$(BIN)/python -m hotline12345.superset serve

## Superset driven through its REST API (tests/bi): import, datasets, charts against the marts, read-only, rebuilds.
## Uses the scratch warehouse of `make test` when there is one, else builds its own. One process (-n 0), not
## pytest's two workers: the session shares one Superset and its home in target/superset-bi-test.
bi-test: $(BIN)/.installed $(SUPERSET_VENV)/.installed
	HOTLINE12345_BI_WAREHOUSE=$(SCRATCH_WAREHOUSE) $(BIN)/pytest -n 0 tests/bi

## The report pages from the published warehouse (read-only): report/index.html lists every platform, and beside it
## report/<platform_code>.html is each platform's page (its latest period), report/<platform_code>--<period>.html each of its
## other periods (and sources), report/comparison.html sets the hotlines side by side and report/map.html places them
## by their administrative divisions (a few minutes).
report: $(BIN)/.installed
	$(BIN)/hotline12345 report --index --out-dir report

## Debian's Chromium and CJK fonts for the report page's browser test: apt-get (sudo unless root), only when missing.
browser:
	@if [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
		echo "chromium and fonts-noto-cjk are installed"; \
	else \
		sudo=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk; \
	fi

clean:
	rm -rf target logs export $(VENV)
