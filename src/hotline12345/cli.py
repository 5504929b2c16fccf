"""hotline12345: validate the seeds, build and publish the warehouse, export it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hotline12345.analyses import FORMATS, available_analyses, run_analysis, write_result
from hotline12345.export import export_marts
from hotline12345.extract.command import add_commands as add_extract_commands
from hotline12345.extract.command import run_command as run_extract_command
from hotline12345.gc_policy import run_as_command
from hotline12345.project import Project
from hotline12345.publish import BuildFailed, build_and_publish
from hotline12345.seeds import format_problems, validate_seeds


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
        "--unit-tests",
        action="store_true",
        help="run dbt's unit tests too (the SQL of a few models on made-up rows; `make test` runs them in pytest)",
    )
    export = commands.add_parser("export", help="write every mart to Parquet and to CSV (UTF-8 with BOM)")
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
        "report", help="write the report as one self-contained HTML page (charts, tables, the audit), read-only"
    )
    report.add_argument("--database", type=Path, default=None, help="the warehouse (default: the published one)")
    report.add_argument("--out", type=Path, default=None, help="the page (default: report/index.html)")
    add_extract_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`hotline12345 analysis x | head`): not an error.
        # Point stdout at /dev/null so that Python's final flush does not fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0


def _main(argv: Sequence[str] | None) -> int:
    arguments = _parser().parse_args(argv)
    project = Project.discover(arguments.project_dir)
    if arguments.command == "validate":
        problems = validate_seeds(project.seeds_dir)
        if problems:
            print(f"the seed files are not valid:\n{format_problems(problems)}", file=sys.stderr)
            return 1
        print("the seed files are valid")
        return 0
    if arguments.command in ("extract", "extract-score"):
        return run_extract_command(arguments, project.root)
    if arguments.command == "build":
        try:
            published = build_and_publish(project, arguments.target, unit_tests=arguments.unit_tests)
        except BuildFailed as failure:
            print(f"build failed: {failure}", file=sys.stderr)
            return 1
        print(f"published {published.path} ({published.size_bytes:,} bytes)")
        return 0
    database = arguments.database or project.published_database()
    if arguments.command == "report":
        # Imported here: altair takes longer to import than `analysis` takes to answer.
        from hotline12345.report import DEFAULT_OUT, write_report

        try:
            written = write_report(database, arguments.out or DEFAULT_OUT)
        except FileNotFoundError as missing:
            print(f"report failed: {missing}", file=sys.stderr)
            return 1
        print(f"wrote {written.path} ({written.size_bytes:,} bytes, the {written.year} report)")
        return 0
    if arguments.command == "analysis":
        if not arguments.name:
            print("\n".join(available_analyses(project)))
            return 0
        try:
            result = run_analysis(project, arguments.name, database)
        except (ValueError, FileNotFoundError, RuntimeError) as problem:
            print(f"analysis failed: {problem}", file=sys.stderr)
            return 1
        write_result(result, sys.stdout, arguments.format)
        sys.stdout.flush()
        return 0
    files = export_marts(database, arguments.out)
    print(f"exported {len(files)} files to {arguments.out}")
    return 0


def run() -> None:
    """The `hotline12345` command (and `python -m hotline12345.cli`): `main` in a process of its own."""
    run_as_command(main)


if __name__ == "__main__":
    run()
