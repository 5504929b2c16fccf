"""Shared fixtures: the project, a built warehouse, and copies to break.

One warehouse is built per session and every test that only reads uses it.
`make test` builds it already (its dbt-test step) and hands it over in
$HOTLINE12345_TEST_WAREHOUSE, so it is not built twice; the fixture refuses a
file older than any source it is built from.

pytest runs on two processes (pytest-xdist, see pyproject.toml). Session
fixtures run once per process, so what the processes share is made once per
session under a lock (`once_per_session`): the warehouse, and everything
that writes to the project's own target/ (dbt's parse, the compiled
analyses), which is done before any test runs. Tests that share a costly
module fixture carry one `xdist_group`, so that one process builds it.

Copies of the project get the project's `target/partial_parse.msgpack` (and
the compiled analyses), so that dbt parses them partially: both stay valid in
a copy, since dbt sees the same profile there (see dbt_runner.py) and compares
files by content.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.rebuild_under_readers import RebuildUnderReaders, rebuild_a_changed_copy

from hotline12345.analyses import available_analyses, compile_analysis
from hotline12345.dbt_runner import run_dbt
from hotline12345.project import DBT_DATABASE_NAME, Project
from hotline12345.publish import build_and_publish

ROOT = Path(__file__).resolve().parents[2]
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".git",
    "target",
    "logs",
    "export",
    "*.duckdb",
    "*.wal",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
)
TEST_WAREHOUSE_ENV = "HOTLINE12345_TEST_WAREHOUSE"
# What the warehouse is built from: a prebuilt file older than any of these is stale.
BUILD_INPUTS = ("seeds", "models", "macros", "tests", "analyses", "dbt_project.yml", "profiles.yml")
DBT_SUFFIXES = {".sql", ".yml", ".yaml", ".csv", ".md"}
# Parse state and compiled analyses, valid in any copy of the project.
PARSE_STATE = (Path("target") / "partial_parse.msgpack", Path("target") / "hotline12345")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def newer_build_inputs(root: Path, than: Path) -> list[Path]:
    """The dbt files (and folders, for deletions) the warehouse is built from that changed after `than`."""
    built = than.stat().st_mtime
    found = []
    for name in BUILD_INPUTS:
        top = root / name
        for path in [top, *top.rglob("*")] if top.is_dir() else [top]:
            parts = path.relative_to(root).parts
            if parts[:2] in {("tests", "python"), ("tests", "bi")} or "__pycache__" in parts or not path.exists():
                continue  # pytest's own files live in tests/python and tests/bi
            if (path.is_dir() or path.suffix in DBT_SUFFIXES) and path.stat().st_mtime > built:
                found.append(path)
    return found


def copy_parse_state(source: Path, destination: Path) -> None:
    """Give a copy of the project the source's partial parse and compiled analyses."""
    for relative in PARSE_STATE:
        origin = source / relative
        if origin.is_file():
            (destination / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, destination / relative)
        elif origin.is_dir():
            shutil.copytree(origin, destination / relative, dirs_exist_ok=True)


# Set in a process once the project's own target/ holds what copies and tests read from it (see `project`).
_target_prepared = False


def copy_project(destination: Path, warehouse: Path) -> Project:
    """A copy of the project at `destination`, with `warehouse` published in it and dbt's parse state.

    A fixture that calls it must request `project`, which prepares the parse state first.
    """
    assert _target_prepared, "request the `project` fixture before copying the project"
    shutil.copytree(ROOT, destination, ignore=COPY_IGNORE)
    copy_parse_state(ROOT, destination)
    (destination / "warehouse").mkdir(exist_ok=True)
    shutil.copy(warehouse, destination / "warehouse" / "hotline12345.duckdb")
    return Project(destination)


def dbt_scratch(folder: Path, project: Project, warehouse: Path) -> tuple[Path, Path]:
    """For a dbt command that must write neither the session's warehouse nor the project's own target/: a copy of
    `warehouse` under dbt's one database name, and a target folder holding the project's partial parse (valid
    there, see dbt_runner.py). Returns (database, target folder), both under `folder`."""
    database = folder / "copy" / DBT_DATABASE_NAME
    database.parent.mkdir(parents=True)
    shutil.copy(warehouse, database)
    target = folder / "target"
    target.mkdir()
    shutil.copy(project.root / PARSE_STATE[0], target / PARSE_STATE[0].name)
    return database, target


def session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this pytest session's, the same for every xdist worker process."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def once_per_session(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Path]:
    """A folder `name` of the session's, held under a lock across worker processes.

    The first process to get it finds it empty and fills it; the others wait, then find it filled.
    """
    folder = session_folder(tmp_path_factory) / name
    folder.mkdir(exist_ok=True)
    with (folder.parent / f".{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield folder
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The project, its target/ prepared once per session for what tests read there (the workers share it).

    Other steps may have parsed the project under another profile since (`dbt parse` with an absolute path,
    sqlfluff): it is parsed as the package parses, so that copies of the project get a valid partial parse.
    Tests run the analyses on the project itself: they are compiled here (if they changed), so that tests only
    read target/. Whatever writes to target/ (this, and building the warehouse) holds the lock "target".
    """
    global _target_prepared
    with once_per_session(tmp_path_factory, "target") as shared:
        done = shared / "prepared"
        if not done.exists():
            outcome = run_dbt(Project(ROOT), shared / DBT_DATABASE_NAME, "parse", "--log-level", "none")
            if not outcome.success:
                pytest.fail(f"dbt could not parse the project: {outcome.exception}")
            for name in available_analyses(Project(ROOT)):
                compile_analysis(Project(ROOT), name)
            done.touch()
    _target_prepared = True
    return Project(ROOT)


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse built from the project's seeds through dbtRunner, in a temporary file.

    Built here, or by `make test`'s dbt-test step just before (see $HOTLINE12345_TEST_WAREHOUSE).
    Built (or checked) once per session; each worker process reads its own copy. Tests only read it.
    """
    with once_per_session(tmp_path_factory, "warehouse") as shared:
        built = shared / DBT_DATABASE_NAME
        if not built.is_file():
            prebuilt = os.environ.get(TEST_WAREHOUSE_ENV)
            if prebuilt:
                handed_over = Path(prebuilt)
                if not handed_over.is_file():
                    pytest.fail(f"${TEST_WAREHOUSE_ENV} names {handed_over}, which does not exist")
                stale = newer_build_inputs(ROOT, handed_over)
                if stale:
                    pytest.fail(
                        f"${TEST_WAREHOUSE_ENV}: {handed_over} is older than {stale[0]}; rebuild it or unset the variable"
                    )
                shutil.copy(handed_over, built)
            else:
                scratch = shared / "build" / DBT_DATABASE_NAME
                with once_per_session(tmp_path_factory, "target"):  # the build writes the project's target/
                    build_and_publish(Project(ROOT), scratch)
                os.replace(scratch, built)
    target = tmp_path_factory.mktemp("warehouse") / DBT_DATABASE_NAME
    shutil.copy(built, target)
    return target


@pytest.fixture()
def project_copy(tmp_path: Path, project: Project, warehouse: Path) -> Iterator[Project]:
    """A copy of the project, with a published warehouse in place, to break on purpose."""
    yield copy_project(tmp_path / "project", warehouse)


@pytest.fixture(scope="session")
def rebuild_under_readers(
    tmp_path_factory: pytest.TempPathFactory, project: Project, warehouse: Path
) -> RebuildUnderReaders:
    """The session's one successful rebuild, of a changed copy, under readers (see rebuild_under_readers.py)."""
    return rebuild_a_changed_copy(copy_project(tmp_path_factory.mktemp("rebuild") / "project", warehouse))


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """Under `-p no:xdist` (one process, for a debugger), accept and ignore the xdist options of pyproject's addopts."""
    if not pluginmanager.has_plugin("xdist"):
        parser.addoption("--numprocesses", dest="numprocesses", help="ignored: xdist is off (-p no:xdist)")
        parser.addoption("--dist", dest="dist", default="no", help="ignored: xdist is off (-p no:xdist)")


# Fixtures that cost a build, a render or a process start, and the group of the tests that share each, costliest
# first. Under xdist a group runs in one worker process, so that its fixture is made once.
SHARED_FIXTURE_GROUPS = {
    "index_folder": "index",  # every platform's pages: a slow module's tests would each make it again, per process
    "report_page": "report",
    "semantic_project": "semantic",
    "rebuild_under_readers": "rebuild",
    "refused_marts": "constraints",
    "refusals": "refusals",
    "drafted": "draft",
    "one_model_parsed": "one-model",  # test_publishing's two tests of a first (full) parse share one
}
UNITS_FILE = "xdist-units-{worker}.json"


def _work_unit(item: pytest.Item) -> tuple[int, str]:
    """What xdist hands a worker at once, and how early: each group; each other slow test alone; the quick tests
    a module at a time (one message, not hundreds)."""
    fixtures = getattr(item, "fixturenames", ())
    for rank, (fixture, group) in enumerate(SHARED_FIXTURE_GROUPS.items()):
        if fixture in fixtures:
            own = item.get_closest_marker("xdist_group")  # a part of the fixture's work that a test names
            return rank, str(own.args[0]) if own else group
    if item.get_closest_marker("slow"):
        return len(SHARED_FIXTURE_GROUPS), item.nodeid
    return len(SHARED_FIXTURE_GROUPS) + 1, item.nodeid.split("::", 1)[0]


# The whole suite's count as this run collected it, before any -m or -k: what `pytest --collect-only` counts
# (generated_docs.pytest_facts), without collecting it again in a process of its own. None where this run was
# given files or folders of its own, not the suite's testpaths.
_suite_counts: dict[str, int] | None = None


def suite_counts() -> dict[str, int] | None:
    return _suite_counts


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under xdist, each worker puts the costly units first and writes each test's unit for the controller.

    xdist's own `--dist loadgroup` reads an `xdist_group` mark by renaming the test (`nodeid@group`), which pytest 9
    no longer allows; the controller's scheduler (below) reads the units from these files instead. Without xdist
    nothing changes: the order stays the files' (module fixtures are made once either way).
    """
    global _suite_counts
    if config.args_source == pytest.Config.ArgsSource.TESTPATHS:
        _suite_counts = {
            "pytest_cases": len(items),
            "pytest_functions": len({item.nodeid.split("[", 1)[0] for item in items}),
        }
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    units = {item.nodeid: _work_unit(item) for item in items}
    for item in items:
        rank, unit = units[item.nodeid]
        if rank < len(SHARED_FIXTURE_GROUPS):
            item.add_marker(pytest.mark.xdist_group(unit))
    items.sort(key=lambda item: units[item.nodeid][0])  # stable: within a rank, the files' order
    controller_folder = config._tmp_path_factory.getbasetemp().parent  # type: ignore[attr-defined]
    written = {nodeid: unit for nodeid, (_, unit) in units.items()}
    (controller_folder / UNITS_FILE.format(worker=worker)).write_text(json.dumps(written), encoding="utf-8")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`--dist loadgroup`, with the units the workers wrote (see above); None leaves other modes to xdist."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class WorkUnitScheduling(LoadScopeScheduling):  # type: ignore[misc]
        """xdist's scheduling by scope, the scopes being the workers' units, handed out in the workers' order."""

        units: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.units is None:
                folder = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
                self.units = {}
                for written in folder.glob(UNITS_FILE.format(worker="*")):
                    self.units.update(json.loads(written.read_text(encoding="utf-8")))
            return self.units.get(nodeid, nodeid)

    config.option.loadscopereorder = False  # the order is the workers' (costly units first), not by test count
    return WorkUnitScheduling(config, log)
