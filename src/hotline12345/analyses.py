"""Run the analyst questions in analyses/ against the published warehouse.

dbt compiles an analysis once; the compiled SQL is kept in
`target/hotline12345/analyses/` with a digest of everything that can change
it (the analyses, macros, models, seed properties, dbt_project.yml,
profiles.yml and the dbt version). While the digest matches, an analysis runs
straight on DuckDB, read-only, without loading dbt.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any, TextIO

import duckdb
from tabulate import tabulate

from hotline12345.project import DBT_DATABASE_NAME, Project

FORMATS = ("table", "csv", "json")
# What dbt reads to compile an analysis. Seed CSVs only hold data, so only
# their property files count.
_COMPILE_INPUT_DIRS = ("analyses", "macros", "models", "seeds")
_COMPILE_INPUT_SUFFIXES = {".sql", ".yml", ".yaml"}
_COMPILE_INPUT_FILES = ("dbt_project.yml", "profiles.yml", "packages.yml", "dependencies.yml", "selectors.yml")


@dataclass(frozen=True)
class AnalysisResult:
    sql: str
    columns: list[str]
    rows: list[tuple[Any, ...]]


def available_analyses(project: Project) -> list[str]:
    return sorted(path.stem for path in (project.root / "analyses").glob("*.sql"))


def compile_inputs_digest(project: Project) -> str:
    """A digest of every file whose change can change a compiled analysis, and of dbt's version."""
    digest = hashlib.sha256(f"dbt-core {version('dbt-core')}\0".encode())
    paths = [project.root / name for name in _COMPILE_INPUT_FILES]
    for folder in _COMPILE_INPUT_DIRS:
        paths += (path for path in (project.root / folder).rglob("*") if path.suffix in _COMPILE_INPUT_SUFFIXES)
    for path in sorted(paths):
        if path.is_file():
            digest.update(f"{path.relative_to(project.root).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _cache_file(project: Project, name: str) -> Path:
    return project.root / "target" / "hotline12345" / "analyses" / f"{name}.json"


def _dbt_compile(project: Project, name: str) -> str:
    from hotline12345.dbt_runner import run_dbt

    with tempfile.TemporaryDirectory() as scratch:
        # Compiling reads nothing from the database; a placeholder of the usual
        # name keeps dbt's profile, and so its partial parse, the same as a build's.
        # --no-write-json: target/manifest.json stays the last build's, and dbt
        # skips writing (and validating) the manifests, most of a compile's time.
        outcome = run_dbt(
            project,
            Path(scratch) / DBT_DATABASE_NAME,
            *("compile", "--log-level", "none", "--no-write-json", "--select", name),
        )
    if not outcome.success:
        raise RuntimeError(f"dbt could not compile {name}: {outcome.exception or outcome.failures}")
    compiled = project.root / "target" / "compiled" / "hotline12345" / "analyses" / f"{name}.sql"
    return compiled.read_text(encoding="utf-8")


def compile_analysis(project: Project, name: str) -> str:
    """The analysis as plain SQL (refs rendered without a catalog, see macros/ref.sql).

    dbt compiles it only if it or anything it depends on changed since the last compile.
    """
    if name not in available_analyses(project):
        raise ValueError(f"no analysis {name!r}; there are: {', '.join(available_analyses(project))}")
    digest = compile_inputs_digest(project)
    cache = _cache_file(project, name)
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached["digest"] == digest:
            return str(cached["sql"])
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        pass
    sql = _dbt_compile(project, name)
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_name(f".{cache.name}.{os.getpid()}")
    partial.write_text(json.dumps({"digest": digest, "sql": sql}, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, cache)
    return sql


def run_analysis(project: Project, name: str, database: Path) -> AnalysisResult:
    """Compile one analysis (if it changed) and run it on `database`, read-only."""
    if not database.is_file():
        raise FileNotFoundError(f"no warehouse at {database}; `make build` publishes one")
    sql = compile_analysis(project, name)
    with duckdb.connect(str(database), read_only=True) as connection:
        cursor = connection.execute(sql)
        columns = [description[0] for description in cursor.description]
        rows = cursor.fetchall()
    return AnalysisResult(sql=sql, columns=columns, rows=rows)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


def table_lines(result: AnalysisResult) -> list[str]:
    """The result as an aligned table: numbers to the right, text to the left, CJK counted double (wcwidth).

    Values print as `str()` gives them (no float formatting): tabulate's number parsing is off.
    """
    numeric = [
        any(row[index] is not None for row in result.rows)
        and all(row[index] is None or _is_number(row[index]) for row in result.rows)
        for index in range(len(result.columns))
    ]
    table = tabulate(
        [[_text(value) for value in row] for row in result.rows],
        headers=result.columns,
        tablefmt="simple",
        disable_numparse=True,
        colalign=["right" if right else "left" for right in numeric],
    )
    return [line.rstrip() for line in table.splitlines()]


def _json_value(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent == 0 else float(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def write_result(result: AnalysisResult, output: TextIO, output_format: str = "table") -> None:
    """Write the result as an aligned table, as CSV (with a header) or as JSON (a list of objects)."""
    if output_format == "table":
        output.writelines(text + "\n" for text in table_lines(result))
    elif output_format == "csv":
        writer = csv.writer(output, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_text(value) for value in row] for row in result.rows)
    elif output_format == "json":
        records = [
            {column: _json_value(value) for column, value in zip(result.columns, row, strict=True)}
            for row in result.rows
        ]
        json.dump(records, output, ensure_ascii=False, indent=2)
        output.write("\n")
    else:
        raise ValueError(f"unknown format {output_format!r}; one of {', '.join(FORMATS)}")
