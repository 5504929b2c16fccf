"""Run the analyst questions in analyses/ against the published warehouse."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import Project


@dataclass(frozen=True)
class AnalysisResult:
    sql: str
    columns: list[str]
    rows: list[tuple[Any, ...]]


def available_analyses(project: Project) -> list[str]:
    return sorted(path.stem for path in (project.root / "analyses").glob("*.sql"))


def compile_analysis(project: Project, name: str) -> str:
    """The analysis as plain SQL (refs rendered without a catalog, see macros/ref.sql)."""
    if name not in available_analyses(project):
        raise ValueError(f"no analysis {name!r}; there are: {', '.join(available_analyses(project))}")
    with tempfile.TemporaryDirectory() as scratch:
        outcome = run_dbt(project, Path(scratch) / "compile.duckdb", "compile", "--quiet", "--select", name)
    if not outcome.success:
        raise RuntimeError(f"dbt could not compile {name}: {outcome.exception or outcome.failures}")
    compiled = project.root / "target" / "compiled" / "hotline12345" / "analyses" / f"{name}.sql"
    return compiled.read_text(encoding="utf-8")


def run_analysis(project: Project, name: str, database: Path) -> AnalysisResult:
    """Compile one analysis and run it on `database`, read-only."""
    sql = compile_analysis(project, name)
    with duckdb.connect(str(database), read_only=True) as connection:
        cursor = connection.execute(sql)
        columns = [description[0] for description in cursor.description]
        rows = cursor.fetchall()
    return AnalysisResult(sql=sql, columns=columns, rows=rows)
