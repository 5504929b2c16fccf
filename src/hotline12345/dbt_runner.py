"""Run dbt through its Python API (dbtRunner), never through a shell.

dbt keeps the parsed project in `target/partial_parse.msgpack` and reuses it
only while the profile's connection settings hash the same. The profile's
`path` is part of that hash, so every run here shows dbt the database by its
bare file name, from the database's own folder: a build's scratch file, a copy
for `dbt docs` and the placeholder an analysis compiles against are all
called `DBT_DATABASE_NAME` (see `project.py`), and partial parsing survives
from one to the next, in this project and in any copy of it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hotline12345.gc_policy import cyclic_gc_paused
from hotline12345.project import DATABASE_PATH_ENV, Project

_FAILED = {"error", "fail", "runtime error"}


@dataclass(frozen=True)
class Constraint:
    """One contract constraint of a model: `not_null`, `unique`, `primary_key`, `check`, `foreign_key`."""

    kind: str
    columns: tuple[str, ...] = ()
    expression: str | None = None
    to: str | None = None
    to_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class NodeFailure:
    """One seed, model or test that did not pass, and why."""

    resource_type: str
    name: str
    status: str
    message: str
    original_file_path: str | None = None
    """The file the rule is declared in (a singular test's SQL, the YAML of a generic or unit test)."""
    test_name: str | None = None
    """A generic test's kind (`relationships`, `not_null`, ...), with its arguments and column."""
    test_kwargs: dict[str, Any] = field(default_factory=dict, compare=False)
    column_name: str | None = None
    attached_model: str | None = None
    """The model a generic test is attached to."""
    constraints: tuple[Constraint, ...] = ()
    """A model's contract constraints (DuckDB enforces them while it builds the table)."""
    compiled_code: str | None = None
    """The node's select, as dbt compiled it (relations without their catalog): a test's returns its failing
    rows, a model's the rows of its table."""

    def __str__(self) -> str:
        where = f" ({self.original_file_path})" if self.original_file_path else ""
        return f"{self.resource_type} {self.name}{where}: {self.status}: {self.message}"


@dataclass(frozen=True)
class DbtOutcome:
    success: bool
    failures: tuple[NodeFailure, ...]
    exception: str | None = None
    parsed_partially: bool = False
    """dbt reused target/partial_parse.msgpack instead of parsing every file."""
    full_parse_reasons: tuple[str, ...] = ()
    """Why dbt could not parse partially, in its own words ("profile has changed", ...)."""
    ran: tuple[tuple[str, str, str], ...] = ()
    """Every node dbt ran: (resource type, name, status), in the order it finished."""


@contextmanager
def _environment(database: Path) -> Iterator[None]:
    """Show dbt `database` by its file name from its folder, and keep dbt off the network."""
    saved = {key: os.environ.get(key) for key in (DATABASE_PATH_ENV, "DBT_SEND_ANONYMOUS_USAGE_STATS")}
    saved_cwd = os.getcwd()
    os.environ[DATABASE_PATH_ENV] = database.name
    os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    os.chdir(database.parent)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
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
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()  # type: ignore[no-untyped-call]


class _ParseWatcher:
    """Listens to dbt's events for how the project was parsed."""

    def __init__(self) -> None:
        self.partial = False
        self.reasons: list[str] = []

    def __call__(self, event: Any) -> None:
        name = event.info.name
        if name == "PartialParsingEnabled":
            self.partial = True
        elif name == "UnableToPartialParse":
            self.reasons.append(str(event.data.reason))


def _rule_of(node: Any) -> dict[str, Any]:
    """What a failed node's rule is: a generic test's kind, arguments and column; a model's unique keys."""
    rule: dict[str, Any] = {}
    metadata = getattr(node, "test_metadata", None)
    if metadata is not None:
        kwargs = {key: value for key, value in dict(metadata.kwargs).items() if key != "model"}
        rule.update(test_name=metadata.name, test_kwargs=kwargs, column_name=getattr(node, "column_name", None))
        attached = getattr(node, "attached_node", None)
        rule["attached_model"] = str(attached).rsplit(".", 1)[-1] if attached else None
    constraints: list[Constraint] = []

    def kept(constraint: Any, columns: Sequence[str]) -> Constraint:
        return Constraint(
            kind=str(getattr(constraint.type, "value", constraint.type)),
            columns=tuple(columns),
            expression=constraint.expression,
            to=getattr(constraint, "to", None),
            to_columns=tuple(getattr(constraint, "to_columns", None) or ()),
        )

    for constraint in getattr(node, "constraints", None) or []:
        constraints.append(kept(constraint, constraint.columns or ()))
    for column in (getattr(node, "columns", None) or {}).values():
        constraints += [kept(constraint, (column.name,)) for constraint in column.constraints or []]
    if constraints:
        rule["constraints"] = tuple(constraints)
    return rule


def run_dbt(project: Project, database: Path, *args: str) -> DbtOutcome:
    """Run one dbt command against `database` and collect what failed.

    Paths in `args` must be absolute: dbt runs from the database's folder.
    Partial parsing is reused only if `database` is named `DBT_DATABASE_NAME`.
    """
    database = database.resolve()
    database.parent.mkdir(parents=True, exist_ok=True)
    root = project.root.resolve()
    watcher = _ParseWatcher()
    with cyclic_gc_paused(), _environment(database):
        # dbt is imported here, not at the top: `hotline12345 analysis` answers
        # from a compiled query without loading dbt at all.
        from dbt.cli.main import dbtRunner

        try:
            result = dbtRunner(callbacks=[watcher]).invoke(
                [*args, "--project-dir", str(root), "--profiles-dir", str(root)]
            )
        finally:
            _close_duckdb()
    failures: list[NodeFailure] = []
    ran: list[tuple[str, str, str]] = []
    results = getattr(result.result, "results", None) or []
    for node_result in results:
        status = str(getattr(node_result.status, "value", node_result.status))
        node = node_result.node
        resource_type = str(getattr(node.resource_type, "value", node.resource_type))
        ran.append((resource_type, node.name, status))
        if status in _FAILED:
            failures.append(
                NodeFailure(
                    resource_type=resource_type,
                    name=node.name,
                    status=status,
                    message=(node_result.message or "").strip(),
                    original_file_path=getattr(node, "original_file_path", None),
                    compiled_code=getattr(node, "compiled_code", None),
                    **_rule_of(node),
                )
            )
    exception = str(result.exception) if result.exception else None
    return DbtOutcome(
        success=result.success,
        failures=tuple(failures),
        exception=exception,
        parsed_partially=watcher.partial and not watcher.reasons,
        full_parse_reasons=tuple(watcher.reasons),
        ran=tuple(ran),
    )
