"""Every command, given what it cannot work with, says so in one line and exits non-zero: no traceback.

Each command is run from a folder outside the project, with a --project-dir that does not exist, and each
command that reads the warehouse with a --database that is missing, a folder, a file that is not DuckDB and a
DuckDB file that is not this warehouse; a build is pointed at a target that is not a warehouse. The
command line itself (an unknown command, a missing argument) is argparse's: usage and exit 2. The commands
run in this process (`main`, as the `hotline12345` script runs it), so any exception would fail the test;
one case runs the installed script, to see what a person sees.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from hotline12345.cli import main
from hotline12345.project import Project

COMMANDS = ("validate", "build", "export", "analysis", "report")
READERS = {
    "export": ["export", "--out"],
    "analysis": ["analysis", "intake_series_by_year"],
    "report": ["report", "--out"],
}


@pytest.fixture()
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder outside the project, as the current folder."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the command; it must exit 1 with one line on stderr, which is returned."""
    code = main(argv)
    error = capsys.readouterr().err
    assert code == 1, (argv, code, error)
    assert "Traceback" not in error
    lines = error.strip().splitlines()
    assert len(lines) == 1, error
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_outside_the_project_says_where_to_run_it(
    command: str, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused([command], capsys)
    assert line.startswith(f"hotline12345 {command}: no dbt_project.yml at or above {elsewhere}"), line
    assert "--project-dir" in line

    line = refused(["--project-dir", str(elsewhere / "nowhere"), command], capsys)
    assert f"the project folder {elsewhere / 'nowhere'} does not exist" in line


def _foreign_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files that are not this warehouse, and the words a refusal of each must say."""
    other = folder / "other.duckdb"
    with duckdb.connect(str(other)) as connection:
        connection.execute("create table fct_district_workload (district_code varchar)")
    text = folder / "notes.duckdb"
    text.write_text("not a database\n", encoding="utf-8")
    return {
        "missing": (folder / "missing.duckdb", "there is no warehouse at"),
        "a folder": (folder, "is a folder, not a warehouse file"),
        "not DuckDB": (text, "cannot be opened as a DuckDB warehouse"),
        "another DuckDB file": (other, "is a DuckDB file but not a hotline12345 warehouse"),
    }


@pytest.mark.parametrize("command", list(READERS))
def test_a_command_given_a_file_that_is_not_the_warehouse_says_so(
    command: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, (database, words) in _foreign_files(tmp_path).items():
        argv = ["--project-dir", str(project.root), *READERS[command]]
        if argv[-1] == "--out":
            argv.append(str(tmp_path / "out" / "page.html"))
        line = refused([*argv, "--database", str(database)], capsys)
        assert line.startswith(f"hotline12345 {command}: "), (name, line)
        assert words in line, (name, line)
        fix = "build one with `make build`" if name == "missing" else "pass the warehouse with --database"
        assert fix in line, (name, line)


def test_a_build_will_not_replace_a_file_that_is_not_a_warehouse(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, (target, words) in _foreign_files(tmp_path).items():
        if name == "missing":
            continue  # a new target is what a first build writes
        before = target.read_bytes() if target.is_file() else None
        line = refused(["--project-dir", str(project.root), "build", "--target", str(target)], capsys)
        assert line.startswith("hotline12345 build: will not replace it: "), (name, line)
        assert words in line and "choose another --target" in line, (name, line)
        assert (target.read_bytes() if target.is_file() else None) == before


def test_an_unknown_analysis_is_named_with_the_ones_there_are(
    project: Project, warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--project-dir", str(project.root), "analysis", "no_such_question", "--database", str(warehouse)]
    line = refused(argv, capsys)
    assert "no analysis 'no_such_question'; there are: " in line and "intake_series_by_year" in line


@pytest.mark.parametrize("argv", [["no_such_command"], [], ["analysis", "--format", "xml"]])
def test_a_wrong_command_line_gets_argparse_usage_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: hotline12345") and "Traceback" not in error


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    """What a person sees: `hotline12345 report --database other.duckdb`, run outside the project."""
    script = Path(sys.executable).with_name("hotline12345")
    done = subprocess.run(
        [str(script), "report", "--database", str(tmp_path / "other.duckdb")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("hotline12345 report: no dbt_project.yml at or above"), done.stderr
