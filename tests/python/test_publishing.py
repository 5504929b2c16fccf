"""Publishing is safe for the readers and tools that have the warehouse open."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from conftest import ROOT, copy_project, sha256

from hotline12345.analyses import run_analysis
from hotline12345.dbt_runner import run_dbt
from hotline12345.export import export_marts
from hotline12345.project import DBT_DATABASE_NAME, Project
from hotline12345.publish import BuildFailed, Published, build_and_publish, scratch_path

OLDEST_SUPPORTED_DUCKDB = "1.1.3"

# Every rebuild below rewords the known discrepancies' explanations: a change the audit table shows.
REVISION = "(revised in a rebuild)"
REVISED_QUERY = (
    "select count(*) as checks, count(*) filter (where explanation like '%revised in a rebuild%') as revised"
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


def marts(database: Path) -> list[str]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return [
            name
            for (name,) in connection.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()
        ]


def revise_the_explanations(root: Path) -> int:
    """Reword every known discrepancy's explanation (shown in audit.published_figure_checks); return how many."""
    known = root / "seeds" / "audit" / "known_discrepancies.csv"
    with known.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and "explanation" in rows[0]
    with known.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({**row, "explanation": f"{row['explanation']} {REVISION}"} for row in rows)
    return len(rows)


@dataclass(frozen=True)
class RebuildUnderReaders:
    """One rebuild of a changed project while readers hold the published file, and what each reader saw."""

    published: Path
    build: Published
    revised: int
    reader_answers_before: list[str]
    reader_answers_after: list[str]
    shell_output: str
    shell_errors: str
    shell_returncode: int | None
    debris: Path


@pytest.fixture(scope="module")
def rebuild_under_readers(tmp_path_factory: pytest.TempPathFactory, warehouse: Path) -> Iterator[RebuildUnderReaders]:
    """Two Python readers and a `duckdb -readonly` shell have the published file open; a killed build's
    debris lies beside it; a seed changes; the project is rebuilt and published.
    """
    project = copy_project(tmp_path_factory.mktemp("rebuild") / "project", warehouse)
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
        revised = revise_the_explanations(project.root)
        build = build_and_publish(project, published)
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
    yield RebuildUnderReaders(
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


def checks_and_revised(database: Path) -> tuple[int, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        checks, revised = connection.execute(REVISED_QUERY).fetchone() or (0, 0)
    return checks, revised


@pytest.mark.slow
def test_rebuild_succeeds_while_readers_hold_the_file(
    rebuild_under_readers: RebuildUnderReaders, warehouse: Path
) -> None:
    rebuild = rebuild_under_readers
    assert rebuild.build.path == rebuild.published.resolve()
    checks, revised = checks_and_revised(warehouse)
    assert checks > 0 and revised == 0
    assert rebuild.reader_answers_before == [f"{checks} 0\n"] * 2
    assert rebuild.reader_answers_after == rebuild.reader_answers_before, "open readers keep their snapshot"


@pytest.mark.slow
def test_a_read_only_duckdb_shell_keeps_answering_through_a_rebuild(
    rebuild_under_readers: RebuildUnderReaders, warehouse: Path
) -> None:
    """The README's promise: `duckdb -readonly` open on the file while `make build` runs."""
    rebuild = rebuild_under_readers
    assert rebuild.shell_returncode == 0, rebuild.shell_errors
    checks, _ = checks_and_revised(warehouse)
    # before and after the rebuild the shell reads the file it opened: nothing revised
    assert rebuild.shell_output.split() == ["checks,revised", f"{checks},0"] * 2


@pytest.mark.slow
def test_new_readers_see_the_new_build_and_open_readers_the_old(
    rebuild_under_readers: RebuildUnderReaders, warehouse: Path
) -> None:
    rebuild = rebuild_under_readers
    checks, _ = checks_and_revised(warehouse)
    assert rebuild.revised > 0
    assert checks_and_revised(rebuild.published) == (checks, rebuild.revised), "every listed finding, reworded"


@pytest.mark.slow
def test_a_build_clears_a_killed_builds_scratch_file_and_log(rebuild_under_readers: RebuildUnderReaders) -> None:
    """Garbage left where the build writes neither breaks the next build nor outlives it."""
    assert not rebuild_under_readers.debris.parent.exists()
    assert not list(rebuild_under_readers.published.parent.glob(".*.building*"))


@pytest.mark.slow
def test_a_build_in_a_copy_of_the_project_parses_partially(rebuild_under_readers: RebuildUnderReaders) -> None:
    """The rebuild reused the parse of the session's first build (copied from target/), though two seeds changed."""
    assert rebuild_under_readers.build.parsed_partially


@pytest.mark.slow
def test_a_different_profile_is_noticed_and_parsed_in_full(project_copy: Project, tmp_path: Path) -> None:
    """The other side of the test above: dbt's parse is only reused for the same profile, and we can tell."""
    elsewhere = tmp_path / "other" / "another-name.duckdb"
    elsewhere.parent.mkdir()
    outcome = run_dbt(project_copy, elsewhere, "parse")
    assert outcome.success, outcome.exception
    assert not outcome.parsed_partially
    assert "profile has changed" in outcome.full_parse_reasons


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill -9", "ctrl-c"])
def test_a_stopped_build_leaves_the_published_file_and_no_debris(project_copy: Project, stop: signal.Signals) -> None:
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    command = [sys.executable, "-m", "hotline12345.cli", "--project-dir", str(project_copy.root), "build"]
    build = subprocess.Popen(
        [*command, "--target", str(published)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    scratch = scratch_path(published.resolve())
    deadline = time.monotonic() + 60
    while not scratch.exists() and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
    assert scratch.exists(), "the build writes a scratch file beside the published one"
    time.sleep(1)  # let dbt get into the build
    assert build.poll() is None, "the build was still running when it was stopped"
    os.kill(build.pid, stop)
    assert build.wait(timeout=120) != 0
    assert sha256(published) == before
    if stop == signal.SIGINT:
        assert not scratch.parent.exists(), "an interrupted build removes its own scratch file"
    # The next build clears what is left before anything else, even if it then fails at once (here: bad seeds).
    seed = min((project_copy.root / "seeds").rglob("*.csv"))
    seed.write_bytes(b"\xff\xfe not UTF-8\n")
    with pytest.raises(BuildFailed) as failure:
        build_and_publish(project_copy, published)
    assert failure.value.seed_problems
    assert not scratch.parent.exists(), "the next build removes a killed build's scratch file"
    assert not list(published.parent.glob(".*.building*"))
    assert sha256(published) == before


OLD_DUCKDB_CACHE = ROOT / "target" / "pytest" / f"duckdb-{OLDEST_SUPPORTED_DUCKDB}"


@pytest.fixture(scope="module")
def old_duckdb_python(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """A Python that imports the oldest DuckDB the published file must open in, and nothing else installed.

    That DuckDB is installed once into target/pytest/ (pip, from PyPI) and reused by later runs.
    The interpreter runs without site-packages (-S), so the project's newer DuckDB cannot be imported.
    """
    if not (OLD_DUCKDB_CACHE / "duckdb").is_dir():
        partial = OLD_DUCKDB_CACHE.with_name(f".{OLD_DUCKDB_CACHE.name}.{os.getpid()}")
        shutil.rmtree(partial, ignore_errors=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--target",
                str(partial),
                f"duckdb=={OLDEST_SUPPORTED_DUCKDB}",
            ],
            check=True,
            capture_output=True,
        )
        shutil.rmtree(OLD_DUCKDB_CACHE, ignore_errors=True)
        os.replace(partial, OLD_DUCKDB_CACHE)
    environment = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(OLD_DUCKDB_CACHE)}
    yield (sys.executable, environment)


@pytest.mark.slow
def test_an_older_duckdb_opens_the_published_file_and_queries_every_mart(
    old_duckdb_python: tuple[str, dict[str, str]], warehouse: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "opened-by-old-duckdb.duckdb"
    shutil.copy(warehouse, copy)
    script = textwrap.dedent(
        """
        import sys, duckdb
        assert duckdb.__version__ == sys.argv[2], duckdb.__version__
        connection = duckdb.connect(sys.argv[1], read_only=True)
        tables = connection.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
        for (table,) in tables:
            rows = connection.execute(f'select count(*) from marts."{table}"').fetchone()[0]
            assert rows > 0, table
            print(table, rows)
        """
    )
    python, environment = old_duckdb_python
    result = subprocess.run(
        [python, "-S", "-c", script, str(copy), OLDEST_SUPPORTED_DUCKDB],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(line.split()[0] for line in result.stdout.splitlines()) == marts(warehouse)


def test_copied_and_renamed_the_warehouse_still_answers(warehouse: Path, tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "renamed.duckdb"
    copy.parent.mkdir()
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy), read_only=True) as connection:
        relations = connection.execute(
            "select table_schema, table_name, table_type from information_schema.tables"
            " where table_schema not in ('information_schema', 'pg_catalog')"
        ).fetchall()
        assert {kind for _, _, kind in relations} == {"BASE TABLE"}, "no views: a view would store the file's name"
        for schema, table, _ in relations:
            connection.execute(f'select count(*) from "{schema}"."{table}"').fetchone()
        assert connection.execute("select count(*) from duckdb_databases() where not internal").fetchone() == (1,)


def test_sqlalchemy_lists_the_marts_with_types_and_comments(warehouse: Path) -> None:
    """The way Superset connects: SQLAlchemy with duckdb_engine."""
    engine = sqlalchemy.create_engine(f"duckdb:///{warehouse}", connect_args={"read_only": True})
    try:
        inspector = sqlalchemy.inspect(engine)
        tables = inspector.get_table_names(schema="marts")
        assert "fct_district_workload" in tables and "dim_district" in tables
        columns = {column["name"]: column for column in inspector.get_columns("fct_district_workload", schema="marts")}
        assert isinstance(columns["items"]["type"], sqlalchemy.BigInteger)
        assert isinstance(columns["published_share_of_districts_pct"]["type"], sqlalchemy.Numeric)
        with engine.connect() as connection:
            comments = dict(
                connection.execute(
                    sqlalchemy.text(
                        "select column_name, comment from duckdb_columns()"
                        " where schema_name = 'marts' and table_name = 'fct_district_workload'"
                    )
                ).fetchall()
            )
            table_comment = connection.execute(
                sqlalchemy.text(
                    "select comment from duckdb_tables() where schema_name = 'marts' and table_name = 'dim_district'"
                )
            ).scalar_one()
        assert all(comments.values()), "every column is described"
        assert "区级部门" in comments["district_department_items"]
        assert "16 districts" in table_comment
    finally:
        engine.dispose()


def test_export_writes_parquet_and_csv_with_a_bom(warehouse: Path, tmp_path: Path) -> None:
    files = export_marts(warehouse, tmp_path / "export")
    assert len(files) == 2 * (len(marts(warehouse)) + 1)
    csv_file = tmp_path / "export" / "marts.dim_district.csv"
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "东城区" in csv_file.read_text(encoding="utf-8-sig")
    parquet = tmp_path / "export" / "marts.fct_district_workload.parquet"
    with duckdb.connect() as connection:
        districts = f"select count(distinct district_code) from read_parquet('{parquet}')"
        assert connection.execute(districts).fetchone() == (16,)


def test_analyses_answer_the_analysts_questions(project: Project, warehouse: Path) -> None:
    streets = run_analysis(project, "district_street_township_share", warehouse)
    top = dict(zip(streets.columns, streets.rows[0], strict=True))
    # 怀柔区 5.9 of 11.6, 密云区 11 of 20.9, 平谷区 5.6 of 11: the largest street share is Miyun's 52.63%
    assert top["district_name_zh"] == "密云区"
    findings = run_analysis(project, "audit_findings", warehouse)
    of_2022 = [
        row
        for row in (dict(zip(findings.columns, row, strict=True)) for row in findings.rows)
        if row["source_id"] == "bj12345_annual_report_2022"
    ]
    # the 2022 report: two shares each of 西城区, 朝阳区, 丰台区, 顺义区 and 怀柔区 (see README)
    assert sorted(row["subject"] for row in of_2022) == sorted(["西城区", "朝阳区", "丰台区", "顺义区", "怀柔区"] * 2)
    fell = run_analysis(project, "category_change_from_prior_year", warehouse)
    assert dict(zip(fell.columns, fell.rows[0], strict=True))["category_name_zh"] == "市场管理"


def test_dbt_docs_generate_works_offline(project: Project, warehouse: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy" / DBT_DATABASE_NAME
    copy.parent.mkdir()
    shutil.copy(warehouse, copy)
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(project.root / "target" / "partial_parse.msgpack", docs / "partial_parse.msgpack")
    outcome = run_dbt(project, copy, "docs", "generate", "--target-path", str(docs))
    assert outcome.success, outcome.exception
    assert outcome.parsed_partially, outcome.full_parse_reasons
    catalog = json.loads((docs / "catalog.json").read_text(encoding="utf-8"))
    district_workload = catalog["nodes"]["model.hotline12345.fct_district_workload"]
    assert "区级部门" in district_workload["columns"]["district_department_items"]["comment"]
