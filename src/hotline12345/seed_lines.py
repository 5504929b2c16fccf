"""Name the seed file, line and column behind a failing dbt test.

The rules on what a seed value means live in dbt (staging models and tests),
not here. The tests that judge single seed rows store their failing rows
(`store_failures`), and every such row carries `seed_name` and `seed_line`
(stg_report__printings numbers the rows as they stand in the file), and
says which seed column is at fault and what is wrong (`seed_column`,
`problem`). This module only reads those rows back after a failed
build and turns them into SeedProblems a person can act on:
"seeds/figures/printed_figures.csv, line 23, column unit_printed: '千件' is
not a known unit (ref_units)".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from hotline12345.dbt_runner import NodeFailure
from hotline12345.project import Project
from hotline12345.seeds import SeedProblem

STORED_FAILURES_SCHEMA = "dbt_test__audit"


def _cell(path: Path, line: int, column: str) -> str | None:
    """The value in `column` on `line` (1 = the header) of a CSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            if reader.line_num == line:
                return row.get(column)
    return None


def _relation(relation_name: str) -> str:
    """`"catalog"."schema"."table"` without its catalog: the scratch file's name varies."""
    parts = [part.strip('"') for part in relation_name.split(".")]
    return ".".join(f'"{part}"' for part in parts[-2:])


def seed_problems_from_failed_tests(
    project: Project, database: Path, failed: Iterable[NodeFailure]
) -> list[SeedProblem]:
    """The seed rows behind the failed tests that judge single rows, as SeedProblems."""
    seed_files = {path.stem: path for path in sorted(project.seeds_dir.rglob("*.csv"))}
    problems: list[SeedProblem] = []
    wanted = [failure for failure in failed if failure.resource_type == "test" and failure.relation_name]
    if not wanted or not database.exists():
        return problems
    with duckdb.connect(str(database), read_only=True) as connection:
        for failure in wanted:
            relation = _relation(str(failure.relation_name))
            for seed_name, seed_line, column, problem in _stored_rows(connection, relation):
                path = seed_files.get(str(seed_name))
                if path is None or seed_line is None:
                    continue
                value = _cell(path, int(seed_line), column)
                shown = f"{value!r} " if value else ""
                problems.append(SeedProblem(path, int(seed_line), column, f"{shown}{problem}"))
    return problems


def _stored_rows(connection: duckdb.DuckDBPyConnection, relation: str) -> list[tuple[Any, Any, str, str]]:
    """(seed_name, seed_line, seed_column, problem) of a test's stored failing rows; none if it does not name them."""
    try:
        query = f"select distinct seed_name, seed_line, seed_column, problem from {relation} order by all"
        return [(row[0], row[1], str(row[2]), str(row[3])) for row in connection.execute(query).fetchall()]
    except duckdb.Error:
        return []


def drop_stored_failures(database: Path) -> None:
    """Remove the (empty) tables of stored test failures from a build that passed, before it is published."""
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"drop schema if exists {STORED_FAILURES_SCHEMA} cascade")
