"""Run dbt through its Python API (dbtRunner), never through a shell."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dbt.adapters.duckdb.connections import DuckDBConnectionManager
from dbt.cli.main import dbtRunner

from hotline12345.project import DATABASE_PATH_ENV, Project

_FAILED = {"error", "fail", "runtime error"}


@dataclass(frozen=True)
class NodeFailure:
    """One seed, model or test that did not pass, and why."""

    resource_type: str
    name: str
    status: str
    message: str

    def __str__(self) -> str:
        return f"{self.resource_type} {self.name}: {self.status}: {self.message}"


@dataclass(frozen=True)
class DbtOutcome:
    success: bool
    failures: tuple[NodeFailure, ...]
    exception: str | None = None


@contextmanager
def _environment(database: Path) -> Iterator[None]:
    """Point the profile at `database` and keep dbt off the network."""
    saved = {key: os.environ.get(key) for key in (DATABASE_PATH_ENV, "DBT_SEND_ANONYMOUS_USAGE_STATS")}
    os.environ[DATABASE_PATH_ENV] = str(database)
    os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _close_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open for the process.

    dbt-duckdb holds one DuckDB instance per process beyond the end of a
    command; until it is closed the file cannot be checkpointed, reopened with
    other settings or safely renamed.
    """
    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()  # type: ignore[no-untyped-call]


def run_dbt(project: Project, database: Path, *args: str) -> DbtOutcome:
    """Run one dbt command against `database` and collect what failed."""
    with _environment(database):
        try:
            result = dbtRunner().invoke(
                [
                    *args,
                    "--project-dir",
                    str(project.root),
                    "--profiles-dir",
                    str(project.root),
                ]
            )
        finally:
            _close_duckdb()
    failures: list[NodeFailure] = []
    results = getattr(result.result, "results", None) or []
    for node_result in results:
        status = str(getattr(node_result.status, "value", node_result.status))
        if status in _FAILED:
            node = node_result.node
            failures.append(
                NodeFailure(
                    resource_type=str(getattr(node.resource_type, "value", node.resource_type)),
                    name=node.name,
                    status=status,
                    message=(node_result.message or "").strip(),
                )
            )
    exception = str(result.exception) if result.exception else None
    return DbtOutcome(success=result.success, failures=tuple(failures), exception=exception)
