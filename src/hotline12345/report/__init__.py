"""The report as a page: `hotline12345 report` writes one self-contained HTML file from the warehouse."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from hotline12345.report.page import render
from hotline12345.report.queries import load_report_data
from hotline12345.report.view import Figures, Page

DEFAULT_OUT = Path("report") / "index.html"


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    size_bytes: int
    year: int


def warehouse_built_at(database: Path) -> str:
    """When the warehouse was built: the file's modification time (publishing renames a finished file into place)."""
    return datetime.fromtimestamp(database.stat().st_mtime, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def render_report(database: Path) -> tuple[str, int]:
    """The page's HTML and the report year, read from `database` opened read-only."""
    with duckdb.connect(str(database), read_only=True) as connection:
        data = load_report_data(connection)
    figures = Figures(data["figures"], data["audit_percentages"])
    page = Page(data=data, figures=figures, built_at=warehouse_built_at(database), database_name=database.name)
    return render(page), data.year


def write_report(database: Path, out: Path = DEFAULT_OUT) -> WrittenReport:
    """Write the page to `out` (atomically: a reader never sees half a page)."""
    if not database.is_file():
        raise FileNotFoundError(f"no warehouse at {database}; run `make build` first")
    html, year = render_report(database)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=out.parent, suffix=".tmp", delete=False) as handle:
        handle.write(html)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, out)
    return WrittenReport(path=out, size_bytes=out.stat().st_size, year=year)
