"""The session's one successful rebuild of a changed project, with readers holding the published file.

Two Python readers and a `duckdb -readonly` shell have the published file
open; a killed build's debris lies beside it; the project changes in two ways
a reader can tell apart: every reviewed finding's note is reworded
(`REVISED_QUERY` counts them), and a made-up later year, a made-up
platform and a made-up hotline's pages the model once could not hold are added as seed rows alone
(made_up_year.py, made_up_platform.py, made_up_page_limits.py);
two seeds are saved as a spreadsheet saves them (Excel's "CSV UTF-8": a
byte-order mark and CRLF line ends; CRLF alone); then the project is rebuilt,
with dbt's unit tests, and published.

test_publishing.py checks what the readers saw and what the build left;
test_a_new_year_is_new_seed_rows.py and test_a_new_platform_is_new_seed_rows.py
check the made-up year and platform in the rebuilt file;
test_bad_input_is_refused.py that the spreadsheet's seeds built, line for line;
test_dbt_unit_tests.py that every unit test ran and passed.
One build serves them all (the fixture `rebuild_under_readers` in
conftest.py; its tests share one xdist group).
"""

from __future__ import annotations

import csv
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from hotline12345.project import Project
from hotline12345.publish import Published, build_and_publish, scratch_path

from .made_up_page_limits import add_made_up_page_limits
from .made_up_platform import add_a_made_up_platform
from .made_up_year import add_a_made_up_year

# Saved by a spreadsheet: Excel's "CSV UTF-8" (a byte-order mark, CRLF line ends), and CRLF line ends alone.
SAVED_AS_EXCEL_CSV_UTF8 = Path("seeds/figures/printed_figures.csv")
SAVED_WITH_CRLF = Path("seeds/reference/ref_districts.csv")

# The rebuild rewords the reviewed findings' notes: a change the audit table shows.
REVISION = "(revised in a rebuild)"
REVISED_QUERY = (
    "select count(*) as checks, count(*) filter (where review_note like '%revised in a rebuild%') as revised"
    " from audit.published_figure_checks"
)
READER = textwrap.dedent(
    f"""
    import sys, duckdb
    connection = duckdb.connect(sys.argv[1], read_only=True)
    query = "{REVISED_QUERY}"
    print(*connection.execute(query).fetchone(), flush=True)
    sys.stdin.readline()
    print(*connection.execute(query).fetchone(), flush=True)
    """
)


def revise_the_review_notes(root: Path) -> int:
    """Reword every reviewed finding's note (shown in audit.published_figure_checks); return how many."""
    known = root / "seeds" / "audit" / "known_discrepancies.csv"
    with known.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and "review_note" in rows[0]
    with known.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({**row, "review_note": f"{row['review_note']} {REVISION}".lstrip()} for row in rows)
    return len(rows)


@dataclass(frozen=True)
class RebuildUnderReaders:
    """One rebuild of a changed project while readers hold the published file, and what each reader saw."""

    root: Path
    published: Path
    build: Published
    revised: int
    reader_answers_before: list[str]
    reader_answers_after: list[str]
    shell_output: str
    shell_errors: str
    shell_returncode: int | None
    debris: Path


def save_as_a_spreadsheet_saves(root: Path) -> None:
    """Rewrite two seeds of the copy at `root` as a spreadsheet would save them."""
    figures = root / SAVED_AS_EXCEL_CSV_UTF8
    figures.write_bytes(b"\xef\xbb\xbf" + figures.read_bytes().replace(b"\n", b"\r\n"))
    districts = root / SAVED_WITH_CRLF
    districts.write_bytes(districts.read_bytes().replace(b"\n", b"\r\n"))


def rebuild_a_changed_copy(project: Project) -> RebuildUnderReaders:
    """Change `project` (a copy with a published warehouse) and rebuild it while readers hold the file."""
    published = project.root / "warehouse" / "hotline12345.duckdb"
    # What a build killed mid-write leaves: a scratch file and a write-ahead log, here not even DuckDB's.
    debris = scratch_path(published.resolve())
    debris.parent.mkdir()
    debris.write_bytes(b"not a database")
    debris.with_name(debris.name + ".wal").write_bytes(b"not a write-ahead log")
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(published)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    shell = subprocess.Popen(
        [str(Path(sys.executable).parent / "duckdb"), "-readonly", "-csv", str(published)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        answers_before = [reader.stdout.readline() for reader in readers]  # type: ignore[union-attr]
        assert shell.stdin is not None and shell.stdout is not None
        shell.stdin.write(REVISED_QUERY + ";\n")
        shell.stdin.flush()
        shell_before = shell.stdout.readline() + shell.stdout.readline()  # the shell answered before the build
        revised = revise_the_review_notes(project.root)
        add_a_made_up_year(project.root)
        add_a_made_up_platform(project.root)
        add_made_up_page_limits(project.root)
        save_as_a_spreadsheet_saves(project.root)
        build = build_and_publish(project, published, unit_tests=True)
        answers_after = []
        for reader in readers:
            reader.stdin.write("\n")  # type: ignore[union-attr]
            reader.stdin.flush()  # type: ignore[union-attr]
            answers_after.append(reader.stdout.readline())  # type: ignore[union-attr]
        shell.stdin.write(REVISED_QUERY + ";\n")
        shell_after, shell_errors = shell.communicate(timeout=60)
    finally:
        for process in [*readers, shell]:
            process.kill()
            process.wait()
    return RebuildUnderReaders(
        root=project.root,
        published=published,
        build=build,
        revised=revised,
        reader_answers_before=answers_before,
        reader_answers_after=answers_after,
        shell_output=shell_before + shell_after,
        shell_errors=shell_errors,
        shell_returncode=shell.returncode,
        debris=debris,
    )
