"""Shared fixtures: the project, a built warehouse, and copies to break.

One warehouse is built per session and every test that only reads uses it.
`make test` builds it already (its dbt-test step) and hands it over in
$HOTLINE12345_TEST_WAREHOUSE, so it is not built twice; the fixture refuses a
file older than any source it is built from.

Copies of the project get the project's `target/partial_parse.msgpack` (and
the compiled analyses), so that dbt parses them partially: both stay valid in
a copy, since dbt sees the same profile there (see dbt_runner.py) and compares
files by content.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import DBT_DATABASE_NAME, Project
from hotline12345.publish import build_and_publish

ROOT = Path(__file__).resolve().parents[2]
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "target", "logs", "export", "*.duckdb", "*.wal", "__pycache__")
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


def copy_project(destination: Path, warehouse: Path) -> Project:
    """A copy of the project at `destination`, with `warehouse` published in it and dbt's parse state."""
    shutil.copytree(ROOT, destination, ignore=COPY_IGNORE)
    copy_parse_state(ROOT, destination)
    (destination / "warehouse").mkdir(exist_ok=True)
    shutil.copy(warehouse, destination / "warehouse" / "hotline12345.duckdb")
    return Project(destination)


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory, project: Project) -> Path:
    """The warehouse built from the project's seeds through dbtRunner, in a temporary file.

    Built here, or by `make test`'s dbt-test step just before (see $HOTLINE12345_TEST_WAREHOUSE).
    Tests only read it; whatever was handed over is copied first.
    """
    target = tmp_path_factory.mktemp("warehouse") / "hotline12345.duckdb"
    prebuilt = os.environ.get(TEST_WAREHOUSE_ENV)
    if prebuilt:
        built = Path(prebuilt)
        if not built.is_file():
            pytest.fail(f"${TEST_WAREHOUSE_ENV} names {built}, which does not exist")
        stale = newer_build_inputs(project.root, built)
        if stale:
            pytest.fail(f"${TEST_WAREHOUSE_ENV}: {built} is older than {stale[0]}; rebuild it or unset the variable")
        shutil.copy(built, target)
        # Other steps may have parsed the project under another profile since (`dbt parse` with an absolute
        # path, sqlfluff): parse it as the package does, so that copies of the project get a valid partial parse.
        outcome = run_dbt(project, target.with_name("parse") / DBT_DATABASE_NAME, "parse", "--log-level", "none")
        if not outcome.success:
            pytest.fail(f"dbt could not parse the project: {outcome.exception}")
        return target
    build_and_publish(project, target)
    return target


@pytest.fixture()
def project_copy(tmp_path: Path, warehouse: Path) -> Iterator[Project]:
    """A copy of the project, with a published warehouse in place, to break on purpose."""
    yield copy_project(tmp_path / "project", warehouse)
