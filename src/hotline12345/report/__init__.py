"""The report as pages: `hotline12345 report` writes one self-contained HTML page of a platform and period from the
warehouse; `hotline12345 report --index` writes an index of every platform and, beside it, each platform's page of
its latest period."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from hotline12345.report.page import render, render_index
from hotline12345.report.queries import headline, load_report_data, platform_periods, platforms
from hotline12345.report.view import Figures, Page, index_rows

DEFAULT_DIR = Path("report")  # the index and every platform's page
DEFAULT_OUT = DEFAULT_DIR / "page.html"  # one page (index.html is the index's)


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    size_bytes: int
    platform_code: str
    period_code: str


def warehouse_built_at(database: Path) -> str:
    """When the warehouse was built: the file's modification time (publishing renames a finished file into place)."""
    return datetime.fromtimestamp(database.stat().st_mtime, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _page(
    connection: duckdb.DuckDBPyConnection,
    database: Path,
    platform: str | None,
    period: str | None,
    index_href: str = "",
) -> tuple[str, str, str]:
    data = load_report_data(connection, platform, period)
    figures = Figures(data["figures"], data["audit_percentages"])
    page = Page(
        data=data,
        figures=figures,
        built_at=warehouse_built_at(database),
        database_name=database.name,
        index_href=index_href,
    )
    return render(page), data.platform_code, data.period_code


def render_report(database: Path, platform: str | None = None, period: str | None = None) -> tuple[str, str, str]:
    """The page's HTML, its platform and its period, read from `database` opened read-only (by default the latest
    annual report with district figures)."""
    with duckdb.connect(str(database), read_only=True) as connection:
        return _page(connection, database, platform, period)


def _write(out: Path, html: str) -> int:
    """Write `html` to `out` atomically (a reader never sees half a page); its size in bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=out.parent, suffix=".tmp", delete=False) as handle:
        handle.write(html)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, out)
    return out.stat().st_size


def _require(database: Path) -> None:
    if not database.is_file():
        raise FileNotFoundError(f"no warehouse at {database}; run `make build` first")


def write_report(
    database: Path, out: Path = DEFAULT_OUT, platform: str | None = None, period: str | None = None
) -> WrittenReport:
    """Write the page of `platform` and `period` to `out`."""
    _require(database)
    html, platform_code, period_code = render_report(database, platform, period)
    return WrittenReport(path=out, size_bytes=_write(out, html), platform_code=platform_code, period_code=period_code)


def page_file(platform_code: str) -> str:
    """The file name of a platform's page beside the index."""
    return f"{platform_code}.html"


def write_index(database: Path, out_dir: Path) -> list[WrittenReport]:
    """Write out_dir/index.html listing every platform, and beside it each platform's page of its latest period
    (a platform with no printed figures is listed without a page). The index first in the list."""
    _require(database)
    written = []
    entries = []
    with duckdb.connect(str(database), read_only=True) as connection:
        for platform in platforms(connection):
            code = str(platform["platform_code"])
            periods = platform_periods(connection, code)
            latest = periods[0] if periods else None
            total = headline(connection, code, latest["period_code"], latest["source_id"]) if latest else None
            entries.append((platform, latest, total, page_file(code) if latest else ""))
            if latest:
                html, _, period = _page(connection, database, code, str(latest["period_code"]), "index.html")
                out = out_dir / page_file(code)
                written.append(WrittenReport(out, _write(out, html), code, period))
    index = out_dir / "index.html"
    html = render_index(index_rows(entries), built_at=warehouse_built_at(database), database_name=database.name)
    return [WrittenReport(index, _write(index, html), "", ""), *written]
