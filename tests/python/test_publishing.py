"""Publishing is safe for the readers and tools that have the warehouse open."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import venv
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from conftest import sha256

from hotline12345.analyses import run_analysis
from hotline12345.dbt_runner import run_dbt
from hotline12345.export import export_marts
from hotline12345.project import Project
from hotline12345.publish import build_and_publish, scratch_path

OLDEST_SUPPORTED_DUCKDB = "1.1.3"

READER = textwrap.dedent(
    """
    import sys, duckdb
    connection = duckdb.connect(sys.argv[1], read_only=True)
    query = "select count(*) from raw.report_figures"
    print(connection.execute(query).fetchone()[0], flush=True)
    sys.stdin.readline()
    print(connection.execute(query).fetchone()[0], flush=True)
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


def test_rebuild_succeeds_while_readers_hold_the_file(project_copy: Project) -> None:
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(published)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    try:
        counts_before = [int(reader.stdout.readline()) for reader in readers]  # type: ignore[union-attr]
        # a visible change: one more printed figure (a reprint does not change the marts)
        reprints = project_copy.root / "seeds" / "report" / "report_figure_reprints.csv"
        figures = project_copy.root / "seeds" / "report" / "report_figures.csv"
        assert reprints.exists() and figures.exists()
        build_and_publish(project_copy, published)
        counts_after = []
        for reader in readers:
            reader.stdin.write("\n")  # type: ignore[union-attr]
            reader.stdin.flush()  # type: ignore[union-attr]
            counts_after.append(int(reader.stdout.readline()))  # type: ignore[union-attr]
        assert counts_after == counts_before, "open readers keep answering from their snapshot"
    finally:
        for reader in readers:
            reader.kill()
            reader.wait()
    assert marts(published), "new readers see the new file"


def test_a_read_only_duckdb_shell_keeps_answering_through_a_rebuild(project_copy: Project) -> None:
    """The README's promise: `duckdb -readonly` open on the file while `make build` runs."""
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    shell = subprocess.Popen(
        [str(Path(sys.executable).parent / "duckdb"), "-readonly", "-csv", str(published)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    query = "select count(*) as districts from marts.fct_district_workload;\n"
    assert shell.stdin is not None
    shell.stdin.write(query)
    shell.stdin.flush()
    build_and_publish(project_copy, published)
    shell.stdin.write(query)
    output, errors = shell.communicate(timeout=60)
    assert shell.returncode == 0, errors
    assert output.split() == ["districts", "16", "districts", "16"]


def test_new_readers_see_the_new_build_and_open_readers_the_old(project_copy: Project) -> None:
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(published)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        before = int(reader.stdout.readline())  # type: ignore[union-attr]
        figures = project_copy.root / "seeds" / "report" / "report_figures.csv"
        lines = figures.read_text(encoding="utf-8").rstrip("\n").split("\n")
        # a second, identical report year: one more year of figures, no new models
        extra = [
            line.replace("2022,2022,", "2023,2023,", 1).replace("2022,2021,", "2023,2022,", 1) for line in lines[1:]
        ]
        figures.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
        known = project_copy.root / "seeds" / "audit" / "known_discrepancies.csv"
        known_lines = known.read_text(encoding="utf-8").rstrip("\n").split("\n")
        known.write_text(
            "\n".join(
                [
                    *known_lines,
                    *(
                        line.replace("share:2022.", "share:2023.", 1).replace(",2022,", ",2023,", 1)
                        for line in known_lines[1:]
                    ),
                ]
            )
            + "\n",
            encoding="utf-8",
        )
        build_and_publish(project_copy, published)
        reader.stdin.write("\n")  # type: ignore[union-attr]
        reader.stdin.flush()  # type: ignore[union-attr]
        assert int(reader.stdout.readline()) == before  # type: ignore[union-attr]
    finally:
        reader.kill()
        reader.wait()
    with duckdb.connect(str(published), read_only=True) as connection:
        assert connection.execute("select count(*) from raw.report_figures").fetchone() == (2 * before,)
        years = connection.execute("select distinct report_year from marts.fct_district_workload order by 1").fetchall()
        assert years == [(2022,), (2023,)]


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill -9", "ctrl-c"])
def test_a_stopped_build_leaves_the_published_file_and_no_debris(project_copy: Project, stop: signal.Signals) -> None:
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    command = [sys.executable, "-m", "hotline12345.cli", "--project-dir", str(project_copy.root), "build"]
    build = subprocess.Popen(
        [*command, "--target", str(published)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    scratch = scratch_path(published.resolve(), build.pid)
    deadline = time.monotonic() + 60
    while not scratch.exists() and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
    assert scratch.exists(), "the build writes a scratch file beside the published one"
    time.sleep(1)  # let dbt get into the build
    os.kill(build.pid, stop)
    assert build.wait(timeout=120) != 0
    assert sha256(published) == before
    if stop == signal.SIGINT:
        assert not scratch.exists(), "an interrupted build removes its own scratch file"
    build_and_publish(project_copy, published)
    assert not scratch.exists(), "the next build removes a killed build's scratch file"
    assert marts(published)


@pytest.fixture(scope="module")
def old_duckdb_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the oldest DuckDB the published file must open in."""
    folder = tmp_path_factory.mktemp(f"duckdb-{OLDEST_SUPPORTED_DUCKDB}")
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"duckdb=={OLDEST_SUPPORTED_DUCKDB}"],
        check=True,
        capture_output=True,
    )
    return python


def test_an_older_duckdb_opens_the_published_file_and_queries_every_mart(
    old_duckdb_python: Path, warehouse: Path, tmp_path: Path
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
    result = subprocess.run(
        [str(old_duckdb_python), "-c", script, str(copy), OLDEST_SUPPORTED_DUCKDB],
        capture_output=True,
        text=True,
        check=False,
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
        assert connection.execute(f"select count(*) from read_parquet('{parquet}')").fetchone() == (16,)


def test_analyses_answer_the_analysts_questions(project: Project, warehouse: Path) -> None:
    streets = run_analysis(project, "district_street_township_share", warehouse)
    top = dict(zip(streets.columns, streets.rows[0], strict=True))
    # 怀柔区 5.9 of 11.6, 密云区 11 of 20.9, 平谷区 5.6 of 11: the largest street share is Miyun's 52.63%
    assert top["district_name_zh"] == "密云区"
    findings = run_analysis(project, "audit_findings", warehouse)
    assert len(findings.rows) == 10
    fell = run_analysis(project, "category_change_from_prior_year", warehouse)
    assert dict(zip(fell.columns, fell.rows[0], strict=True))["category_name_zh"] == "市场管理"


def test_dbt_docs_generate_works_offline(project: Project, warehouse: Path, tmp_path: Path) -> None:
    copy = tmp_path / "docs.duckdb"
    shutil.copy(warehouse, copy)
    outcome = run_dbt(project, copy, "docs", "generate", "--target-path", str(tmp_path / "docs"))
    assert outcome.success, outcome.exception
    catalog = json.loads((tmp_path / "docs" / "catalog.json").read_text(encoding="utf-8"))
    district_workload = catalog["nodes"]["model.hotline12345.fct_district_workload"]
    assert "区级部门" in district_workload["columns"]["district_department_items"]["comment"]
