"""hotline12345: validate the seeds, build and publish the warehouse, export it.

Bad input ends in one line on stderr saying what is wrong and what to do, and
a non-zero exit (2 for a wrong command line, as argparse does; 1 otherwise),
never in a traceback: a folder outside the project, a warehouse file that is
missing, not a DuckDB file or not this warehouse, a file where a folder
belongs. `build --draft` exits 3 when the draft passes every rule but the
review of its new findings (printed), so a script tells "review these" from
"fix the seeds" (1).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

from hotline12345.analyses import FORMATS, available_analyses, run_analysis, write_result
from hotline12345.export import EXPORTED_SCHEMAS, export_marts
from hotline12345.gc_policy import run_as_command
from hotline12345.project import Project, ProjectNotFound
from hotline12345.publish import BuildFailed, build_and_publish
from hotline12345.seeds import format_problems, validate_seeds
from hotline12345.texts import DEFAULT_TEXTS_DIR, TEXTS_DIR_ENV, texts_dir

TEXTS_DIR_HELP = (
    "the folder of the pages' saved texts, each under its source's document_file "
    f"(default: ${TEXTS_DIR_ENV}, else {DEFAULT_TEXTS_DIR}/ in the project; git ignores it)"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hotline12345", description=__doc__)
    parser.add_argument(
        "--project-dir", type=Path, default=None, help="the dbt project (default: found from the current folder)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check the seed CSV files; name the file, line and column of each problem")
    build = commands.add_parser(
        "build", help="validate, build and test in a scratch file, then publish it with one atomic rename"
    )
    build.add_argument(
        "--target",
        type=Path,
        default=None,
        help="the published warehouse (default: $HOTLINE12345_DUCKDB_PATH or warehouse/hotline12345.duckdb)",
    )
    build.add_argument(
        "--draft",
        action="store_true",
        help="build and test into target/draft/hotline12345.duckdb, kept for querying, and publish nothing; print "
        "each new finding (inconsistent, not in known_discrepancies.csv) with the audit's sentence and its seed "
        "lines. Exit 0: nothing new and every rule passes; 3: only new findings to review; 1: refused",
    )
    build.add_argument(
        "--unit-tests",
        action="store_true",
        help="run dbt's unit tests too (the SQL of a few models on made-up rows; `make test` runs them in pytest)",
    )
    export = commands.add_parser("export", help="every mart as Parquet and CSV (UTF-8 with BOM), and datapackage.json")
    export.add_argument(
        "--database", type=Path, default=None, help="the warehouse to export (default: the published one)"
    )
    export.add_argument("--out", type=Path, default=Path("export"), help="output folder (default: export/)")
    analysis = commands.add_parser("analysis", help="run one of the questions in analyses/ on the warehouse, read-only")
    analysis.add_argument("name", nargs="?", help="the analysis (file name without .sql); omit to list them")
    analysis.add_argument("--database", type=Path, default=None, help="the warehouse (default: the published one)")
    analysis.add_argument(
        "--format", choices=FORMATS, default="table", help="an aligned table (default), CSV with a header, or JSON"
    )
    report = commands.add_parser(
        "report",
        help="write a platform's report as one self-contained HTML page (charts, tables, the audit), or with --index"
        " an index of every platform and each one's page, read-only",
    )
    report.add_argument("--database", type=Path, default=None, help="the warehouse (default: the published one)")
    report.add_argument(
        "--platform", default=None, help="a platform_code of marts.dim_platform (default: the latest annual report)"
    )
    report.add_argument(
        "--period", default=None, help="a period_code of the platform (default: its latest with a headline total)"
    )
    report.add_argument("--out", type=Path, default=None, help="the page (default: report/page.html)")
    report.add_argument(
        "--index",
        action="store_true",
        help="write index.html listing every platform and, beside it, each platform's page of its latest period",
    )
    report.add_argument("--out-dir", type=Path, default=None, help="with --index: the folder (default: report/)")
    report.add_argument(
        "--no-chart-cache",
        action="store_true",
        help="draw every chart with vl-convert, neither reading nor keeping the drawn charts in target/charts/",
    )
    extract = commands.add_parser(
        "extract",
        help="propose printed-figure seed rows from a source document's text (CSV on stdout), offline",
    )
    extract.add_argument(
        "file", type=Path, help="the page's text, as saved in the folder of texts (see --texts-dir of extract-score)"
    )
    extract.add_argument("--source-id", required=True, help="its row in seeds/sources/sources.csv")
    extract.add_argument("--out", type=Path, default=None, help="write the rows to this review file, not stdout")
    extract.add_argument(
        "--platform", default=None, help="the platform whose names to use (default: the source's platform_code)"
    )
    extract.add_argument(
        "--new-names",
        type=Path,
        default=None,
        help="a folder: names, measures, units and wordings not on record, one CSV per reference seed, "
        "in that seed's columns",
    )
    extract.add_argument("--texts-dir", type=Path, default=None, help=TEXTS_DIR_HELP)
    score = commands.add_parser(
        "extract-score",
        help="run extract on every saved text of a source with hand-typed rows; print recall and precision per "
        "source, and name the sources whose texts are not saved",
    )
    score.add_argument("--texts-dir", type=Path, default=None, help=TEXTS_DIR_HELP)
    score.add_argument(
        "--hand-seeds",
        type=Path,
        default=None,
        help="a seeds folder holding the hand transcription and its sources (another branch's seeds/); names are "
        "still looked up in the project's seeds, so its pages are scored as pages not on record (default: the "
        "project's seeds)",
    )
    score.add_argument("--source-id", action="append", default=[], help="score this source only (repeat for several)")
    score.add_argument(
        "--as-new",
        action="store_true",
        help="score each source as a new user meets it: the names registered for its platform itself (districts, "
        "units, categories, members) are hidden, the shared vocabulary kept",
    )
    provenance = commands.add_parser(
        "provenance",
        help="check every seed figure against its phrase and every phrase against its page's saved text; name the "
        "sources whose texts are not saved",
    )
    provenance.add_argument("--texts-dir", type=Path, default=None, help=TEXTS_DIR_HELP)
    docs = commands.add_parser(
        "refresh-docs",
        help="rewrite the generated parts of README.md and docs/*.md (counts, the audit's findings) from the warehouse,"
        " the dbt manifest and the test suite; --check changes nothing and names each part out of date",
    )
    docs.add_argument("--database", type=Path, default=None, help="the warehouse (default: the published one)")
    docs.add_argument("--check", action="store_true", help="exit 1 naming each generated part that is out of date")
    return parser


class Refused(Exception):
    """Input the command cannot work with; its message says what is wrong and what to do."""


def _refuse(command: str, message: str) -> int:
    print(f"hotline12345 {command}: {message}", file=sys.stderr)
    return 1


def not_a_warehouse(database: Path) -> str | None:
    """Why `database` is not a warehouse this package built, or None if it is one."""
    if not database.exists():
        return f"there is no warehouse at {database}"
    if not database.is_file():
        return f"{database} is a folder, not a warehouse file"
    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            found = {
                row[0]
                for row in connection.execute(
                    "select distinct table_schema from information_schema.tables"
                    " where table_schema in (select unnest(?::varchar[]))",
                    [list(EXPORTED_SCHEMAS)],
                ).fetchall()
            }
    except duckdb.Error as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        return f"{database} cannot be opened as a DuckDB warehouse ({first_line})"
    missing = [schema for schema in EXPORTED_SCHEMAS if schema not in found]
    if missing:
        return f"{database} is a DuckDB file but not a hotline12345 warehouse (no {' or '.join(missing)} schema)"
    return None


def warehouse_to_read(database: Path, given: bool) -> Path:
    """`database` if it is a warehouse this package built; otherwise Refused, saying what to do."""
    reason = not_a_warehouse(database)
    if reason and not database.exists():
        raise Refused(f"{reason}; build one with `make build` (`hotline12345 build`), or pass another --database")
    if reason:
        fix = "pass the warehouse with --database" if given else "rebuild it with `make build`, or pass --database"
        raise Refused(f"{reason}; {fix}")
    return database


def _build_target(target: Path) -> None:
    """A build replaces its target: refuse one that exists and is something else than a warehouse."""
    reason = not_a_warehouse(target) if target.exists() else None
    if reason:
        raise Refused(f"will not replace it: {reason}; choose another --target")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    if arguments.command == "build" and arguments.draft and arguments.target:
        parser.error("build --draft publishes nothing and writes target/draft/: drop --target")
    try:
        return _main(arguments)
    except ProjectNotFound as missing:
        return _refuse(
            arguments.command, f"{missing}; run it inside the project folder, or pass --project-dir <project folder>"
        )
    except Refused as refused:
        return _refuse(arguments.command, str(refused))
    except duckdb.Error as error:
        first_line = str(error).splitlines()[0]
        return _refuse(arguments.command, f"the warehouse could not be read ({first_line})")
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            return _broken_pipe()
        where = f" {error.filename}" if error.filename else ""
        return _refuse(arguments.command, f"cannot use{where}: {error.strerror or error}; check the paths given")


def _broken_pipe() -> int:
    """The reader went away (`hotline12345 analysis x | head`): not an error.

    stdout is pointed at /dev/null so that Python's final flush does not fail too.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 0


def _main(arguments: argparse.Namespace) -> int:
    project = Project.discover(arguments.project_dir)
    if arguments.command == "validate":
        problems = validate_seeds(project.seeds_dir)
        if problems:
            print(f"the seed files are not valid:\n{format_problems(problems)}", file=sys.stderr)
            return 1
        print("the seed files are valid")
        return 0
    if arguments.command == "provenance":
        from hotline12345.provenance import check_provenance, report

        checked = check_provenance(project.seeds_dir, texts_dir(project.root, arguments.texts_dir))
        print(report(checked), file=sys.stderr if checked.problems else sys.stdout)
        if not checked.texts.folder.is_dir():
            return _refuse("provenance", checked.texts.describe_missing())
        return 1 if checked.problems else 0
    if arguments.command in ("extract", "extract-score"):
        # Imported here: the extractor and its Chinese-numeral parser (cn2an) take 0.13 s to import, which
        # every other command would pay for nothing.
        from hotline12345.extract.command import run_command as run_extract_command

        return run_extract_command(arguments, project.root)
    if arguments.command == "build" and arguments.draft:
        return _draft(project, unit_tests=arguments.unit_tests)
    if arguments.command == "build":
        _build_target((arguments.target or project.published_database()).resolve())
        try:
            published = build_and_publish(project, arguments.target, unit_tests=arguments.unit_tests)
        except BuildFailed as failure:
            print(f"build failed: {failure}", file=sys.stderr)
            return 1
        print(f"published {published.path} ({published.size_bytes:,} bytes)")
        return 0
    database = warehouse_to_read(arguments.database or project.published_database(), arguments.database is not None)
    if arguments.command == "report":
        # Imported here: altair takes longer to import than `analysis` takes to answer.
        from hotline12345.report import DEFAULT_DIR, DEFAULT_OUT, write_index, write_report
        from hotline12345.report.charts import keep_charts_in, prune_kept_charts

        keep_charts_in(None if arguments.no_chart_cache else project.root / "target" / "charts")
        if arguments.index:
            if arguments.out or arguments.platform or arguments.period:
                return _refuse(
                    "report", "--index writes every platform's page: give --out-dir, not --out/--platform/--period"
                )
            started = time.time()
            pages = write_index(database, arguments.out_dir or DEFAULT_DIR)
            print(
                f"wrote {pages[0].path} and {len(pages) - 1} platform pages ({sum(p.size_bytes for p in pages):,} bytes)"
            )
            # the site drew every chart the warehouse has: the kept charts it did not use (nor any run for a day) go
            pruned = prune_kept_charts(started)
            if pruned:
                print(f"removed {pruned:,} kept charts no page drew (none used for a day) from target/charts/")
            return 0
        if arguments.out_dir:
            return _refuse("report", "--out-dir goes with --index; a single page takes --out")
        try:
            written = write_report(database, arguments.out or DEFAULT_OUT, arguments.platform, arguments.period)
        except ValueError as problem:
            return _refuse("report", str(problem))
        print(f"wrote {written.path} ({written.size_bytes:,} bytes, {written.platform_code} {written.period_code})")
        return 0
    if arguments.command == "analysis":
        if not arguments.name:
            print("\n".join(available_analyses(project)))
            return 0
        try:
            result = run_analysis(project, arguments.name, database)
        except (ValueError, RuntimeError) as problem:
            return _refuse("analysis", str(problem))
        write_result(result, sys.stdout, arguments.format)
        sys.stdout.flush()
        return 0
    if arguments.command == "refresh-docs":
        return _docs(project, database, check=arguments.check)
    files = export_marts(database, arguments.out)
    print(f"exported {len(files)} files to {arguments.out}")
    return 0


# `build --draft`: its exit when it built and every rule passed but for findings not yet reviewed.
FINDINGS_TO_REVIEW = 3


def _draft(project: Project, *, unit_tests: bool) -> int:
    """Build the draft and print its new findings; 0 if a build would publish it, 3 if only findings wait, 1 if
    the build would refuse it for anything else (printed as the build prints it)."""
    from hotline12345.draft import build_draft

    draft = build_draft(project, unit_tests=unit_tests)
    print(draft.report())
    if draft.path.exists():
        print(f"the draft, kept for querying (nothing published): {draft.path}")
    if draft.refused is not None:
        print(f"build --draft: {draft.refused}", file=sys.stderr)
        return 1
    return FINDINGS_TO_REVIEW if draft.findings else 0


def _docs(project: Project, database: Path, *, check: bool) -> int:
    import tempfile

    from hotline12345 import generated_docs
    from hotline12345.dbt_runner import run_dbt
    from hotline12345.project import DBT_DATABASE_NAME

    # The dbt tests are counted from the manifest of a parse of the project as it is now.
    with tempfile.TemporaryDirectory() as scratch:
        parsed = run_dbt(project, Path(scratch) / DBT_DATABASE_NAME, "parse", "--log-level", "none")
    if not parsed.success:
        return _refuse("refresh-docs", f"dbt could not parse the project: {parsed.exception}")
    try:
        context = generated_docs.facts(project.root, database)
    except (FileNotFoundError, RuntimeError) as problem:
        return _refuse("refresh-docs", str(problem))
    if check:
        stale = generated_docs.stale(project.root, context)
        for block in stale:
            print(block, file=sys.stderr)
        return 1 if stale else 0
    changed = generated_docs.write(project.root, context)
    print(f"rewrote {len(changed)} documents" + "".join(f"\n  {path}" for path in changed))
    return 0


def run() -> None:
    """The `hotline12345` command (and `python -m hotline12345.cli`): `main` in a process of its own.

    Ctrl-C (SIGINT) stops it, however it was started. A shell without job control starts a background job
    (`make test &`, and every process under it) with SIGINT ignored, and Python then installs no handler of its
    own: a build sent SIGINT ran on and exited 0. With Python's handler, the interrupt ends dbt's run, the build
    removes its scratch file and exits 1, leaving the published warehouse as it was.
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)
    run_as_command(main)


if __name__ == "__main__":
    run()
