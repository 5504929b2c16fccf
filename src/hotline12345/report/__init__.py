"""The report as pages: `hotline12345 report` writes one self-contained HTML page of a platform and period from the
warehouse; `hotline12345 report --index` writes an index of every platform and, beside it, a page for each platform
and period that prints figures (and where two sources print one period, for each source): the platform's page is
its latest period's, and every page of a platform carries its timeline of periods and sources."""

from __future__ import annotations

import multiprocessing
import os
import re
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from hotline12345.report.charts import charts_kept_in, keep_charts_in
from hotline12345.report.comparison import COMPARISON_FILE, comparison
from hotline12345.report.geography import MAP_FILE, the_map
from hotline12345.report.page import render, render_comparison, render_index, render_map
from hotline12345.report.queries import Row, SiteData, headline, load_report_data, platform_printings, platforms
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
    site: SiteData,
    database: Path,
    platform: str | None,
    period: str | None,
    index_href: str = "",
    source: str | None = None,
    timeline: list[dict[str, object]] | None = None,
    audit_of_the_period: bool = False,
    printing: Row | None = None,
) -> tuple[str, str, str]:
    data = load_report_data(site, platform, period, source, audit_of_the_period, printing)
    figures = Figures(data["figures"], data["audit_percentages"])
    page = Page(
        data=data,
        figures=figures,
        built_at=warehouse_built_at(database),
        database_name=database.name,
        index_href=index_href,
        timeline=timeline or [],
    )
    return render(page), data.platform_code, data.period_code


def render_report(database: Path, platform: str | None = None, period: str | None = None) -> tuple[str, str, str]:
    """The page's HTML, its platform and its period, read from `database` opened read-only (by default the latest
    annual report with district figures)."""
    with duckdb.connect(str(database), read_only=True) as connection:
        return _page(SiteData(connection), database, platform, period)


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


def page_file(platform_code: str, period_code: str = "", source_id: str = "") -> str:
    """The file name of a page beside the index: the platform's own page (its latest period) without a period;
    a period's page by its key made safe for a file name; a further source's printing of it with the source."""
    if not period_code:
        return f"{platform_code}.html"
    parts = [platform_code, re.sub(r"[^0-9A-Za-z_]+", "-", period_code).strip("-")]
    if source_id:
        parts.append(source_id)
    return "--".join(parts) + ".html"


def timeline(printings: list[Row]) -> list[dict[str, object]]:
    """A platform's periods and sources, latest first, each with its page's file: the first is the platform's own
    page; a period's main source names the period's page, a further source its own."""
    entries = []
    for number, printing in enumerate(printings):
        period, source = str(printing["period_code"]), str(printing["source_id"])
        if number == 0:
            href = page_file(str(printing["platform_code"]))
        else:
            further = source if printing["source_rank"] != 1 else ""
            href = page_file(str(printing["platform_code"]), period, further)
        entries.append(
            {
                "period_code": period,
                "period_kind": printing["period_kind"],
                "period_kind_name_zh": printing["period_kind_name_zh"],
                "period_kind_name_en": printing["period_kind_name_en"],
                "period_kind_order": printing["period_kind_order"],
                "period_start": printing["period_start"],
                "period_end": printing["period_end"],
                "label_zh": printing["period_label_zh"],
                "label_en": printing["period_label_en"],
                "source_id": source,
                "source_title": printing["title"] or source,
                "source_rank": printing["source_rank"],
                "is_main_source": printing["source_rank"] == 1,
                "href": href,
            }
        )
    return entries


@dataclass(frozen=True)
class _PageToWrite:
    """A page of the index's site, as one process hands it to another to write."""

    printing: Row  # its row of platform_printings, with its platform_code
    timeline: list[dict[str, object]]
    audit_of_the_period: bool
    out: Path


# A process writing pages beside the one writing the index: its own read-only connection to the warehouse, and the
# rows it has read through it (each relation once, for every page the process writes).
_pages_from: tuple[SiteData, Path] | None = None


def _start_writing_pages(database: Path, charts: Path | None) -> None:
    """A spawned process's start: the charts' folder of the process that spawned it, and its own connection."""
    global _pages_from
    keep_charts_in(charts)
    _pages_from = (SiteData(duckdb.connect(str(database), read_only=True)), database)


def _write_page(page: _PageToWrite) -> WrittenReport:
    assert _pages_from is not None, "_start_writing_pages first"
    site, database = _pages_from
    code, period, source = (str(page.printing[key]) for key in ("platform_code", "period_code", "source_id"))
    html, _, period = _page(
        site, database, code, period, "index.html", source, page.timeline, page.audit_of_the_period, page.printing
    )
    return WrittenReport(page.out, _write(page.out, html), code, period)


def page_processes() -> int:
    """How many processes write the index's pages: one per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _write_pages(database: Path, pages: list[_PageToWrite], processes: int) -> Iterator[WrittenReport]:
    """Write `pages`, in `processes` processes (each page's bytes are the same however many); in their order."""
    global _pages_from
    if processes <= 1 or len(pages) <= 1:
        with duckdb.connect(str(database), read_only=True) as connection:
            _pages_from = (SiteData(connection), database)
            try:
                yield from map(_write_page, pages)
            finally:
                _pages_from = None
        return
    # spawned, not forked: vl-convert's threads in this process would not survive a fork
    with ProcessPoolExecutor(
        max_workers=processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_writing_pages,
        initargs=(database, charts_kept_in()),
    ) as pool:
        yield from pool.map(_write_page, pages, chunksize=4)


def write_index(database: Path, out_dir: Path, processes: int | None = None) -> list[WrittenReport]:
    """Write out_dir/index.html listing every platform with the periods it prints, and beside it a page for each
    platform, period and source that prints figures (a platform with no printed figures is listed without a page),
    the pages in `processes` processes (default: one per core, page_processes).
    The index first in the list, then each platform's own page before its other periods'."""
    _require(database)
    to_write = []
    entries = []
    with duckdb.connect(str(database), read_only=True) as connection:
        site = SiteData(connection)
        for platform in platforms(site):
            code = str(platform["platform_code"])
            printings = [{**row, "platform_code": code} for row in platform_printings(site, code)]
            pages = timeline(printings)
            latest = printings[0] if printings else None
            total = headline(site, code, latest["period_code"], latest["source_id"]) if latest else None
            entries.append((platform, latest, total, page_file(code) if latest else "", pages))
            hrefs = [str(entry["href"]) for entry in pages]
            if len(set(hrefs)) < len(hrefs):
                raise ValueError(f"two pages of {code} would share a file name: {hrefs}")
            for printing, entry in zip(printings, pages, strict=True):
                to_write.append(
                    _PageToWrite(
                        printing,
                        [{**other, "is_current": other is entry} for other in pages],
                        audit_of_the_period=entry is not pages[0],  # the platform's own page lists its whole audit
                        out=out_dir / str(entry["href"]),
                    )
                )
        page_of = {str(platform["platform_code"]): href for platform, _, _, href, _ in entries if href}
        side_by_side = render_comparison(
            comparison(site, page_of), built_at=warehouse_built_at(database), database_name=database.name
        )
    written = list(_write_pages(database, to_write, page_processes() if processes is None else processes))
    compared = out_dir / COMPARISON_FILE
    written.append(WrittenReport(compared, _write(compared, side_by_side), "", ""))
    where = out_dir / MAP_FILE
    html = render_map(the_map(entries), built_at=warehouse_built_at(database), database_name=database.name)
    written.append(WrittenReport(where, _write(where, html), "", ""))
    index = out_dir / "index.html"
    html = render_index(index_rows(entries), built_at=warehouse_built_at(database), database_name=database.name)
    return [WrittenReport(index, _write(index, html), "", ""), *written]
