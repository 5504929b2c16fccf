"""Publishing is safe for the readers and tools that have the warehouse open."""

from __future__ import annotations

import gc
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
from conftest import ROOT, dbt_scratch, sha256
from support.made_up_page_limits import PAGE_LIMITS_TEXTS
from support.made_up_platform import MADE_UP_PLATFORM_SOURCE
from support.made_up_year import MADE_UP_SOURCE
from support.rebuild_under_readers import REVISED_QUERY, RebuildUnderReaders

from hotline12345.analyses import run_analysis
from hotline12345.dbt_runner import DbtOutcome, run_dbt
from hotline12345.export import export_marts
from hotline12345.project import DBT_DATABASE_NAME, Project
from hotline12345.publish import BuildFailed, build_and_publish, scratch_path

OLDEST_SUPPORTED_DUCKDB = "1.3.0"


def marts(database: Path, schema: str = "marts") -> list[str]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return [
            name
            for (name,) in connection.execute(
                "select table_name from information_schema.tables where table_schema = ? order by 1", [schema]
            ).fetchall()
        ]


def checks_and_revised(database: Path) -> tuple[int, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        checks, revised = connection.execute(REVISED_QUERY).fetchone() or (0, 0)
    return checks, revised


def check_ids(database: Path, where: str = "true") -> set[str]:
    with duckdb.connect(str(database), read_only=True) as connection:
        query = f"select check_id from audit.published_figure_checks where {where}"
        return {check_id for (check_id,) in connection.execute(query).fetchall()}


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
    """Readers that open the file after the rebuild see both changes: every listed finding reworded, and the
    made-up year (its checks added to every check there was; test_a_new_year_is_new_seed_rows.py reads the rest).
    Readers open through the rebuild still see the old file (the two tests above)."""
    rebuild = rebuild_under_readers
    assert rebuild.revised > 0
    old, new = check_ids(warehouse), check_ids(rebuild.published)
    added = new - old
    assert old <= new, "the rebuild kept every check"
    made_up_sources = "', '".join([MADE_UP_SOURCE, MADE_UP_PLATFORM_SOURCE, *PAGE_LIMITS_TEXTS])
    assert added == check_ids(rebuild.published, f"source_id in ('{made_up_sources}')"), (
        "and added the new year's, the new platform's and the made-up pages'"
    )
    assert len(added) >= 3  # its three categories' ranks, at least
    checks, _ = checks_and_revised(warehouse)
    assert checks == len(old), "one row per check"
    assert checks_and_revised(rebuild.published) == (checks + len(added), rebuild.revised), "every finding, reworded"


@pytest.mark.slow
def test_a_build_clears_a_killed_builds_scratch_file_and_log(rebuild_under_readers: RebuildUnderReaders) -> None:
    """Garbage left where the build writes neither breaks the next build nor outlives it."""
    assert not rebuild_under_readers.debris.parent.exists()
    assert not list(rebuild_under_readers.published.parent.glob(".*.building*"))


@pytest.mark.slow
def test_a_build_in_a_copy_of_the_project_parses_partially(rebuild_under_readers: RebuildUnderReaders) -> None:
    """The rebuild reused the parse of the session's first build (copied from target/), though seeds changed."""
    assert rebuild_under_readers.build.parsed_partially


def one_model_project(root: Path) -> Project:
    """A dbt project of one model under this project's own profile (profiles.yml copied as it is)."""
    (root / "models").mkdir(parents=True)
    (root / "dbt_project.yml").write_text(
        'name: one_model\nversion: "1.0.0"\nconfig-version: 2\nprofile: hotline12345\n', encoding="utf-8"
    )
    shutil.copy(ROOT / "profiles.yml", root / "profiles.yml")
    (root / "models" / "one_model.sql").write_text("select 1 as one\n", encoding="utf-8")
    return Project(root)


@dataclass(frozen=True)
class FirstParse:
    """A project of one model parsed for the first time (in full), with the cyclic collector's runs counted."""

    project: Project
    database: Path
    outcome: DbtOutcome
    collections: int
    collector_on_after: bool


@pytest.fixture(scope="module")
def one_model_parsed(tmp_path_factory: pytest.TempPathFactory) -> FirstParse:
    """One full parse serves both tests below (each asked for one of its own until 8 December 2026)."""
    folder = tmp_path_factory.mktemp("one_model")
    project = one_model_project(folder / "project")
    database = folder / "here" / DBT_DATABASE_NAME
    collections: list[str] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(phase)

    gc.callbacks.append(count)
    try:
        outcome = run_dbt(project, database, "parse", "--no-write-json")
    finally:
        gc.callbacks.remove(count)
    return FirstParse(project, database, outcome, len(collections), gc.isenabled())


@pytest.mark.slow
def test_a_different_profile_is_noticed_and_parsed_in_full(one_model_parsed: FirstParse, tmp_path: Path) -> None:
    """The other side of the test above: dbt's parse is only reused for the same profile, and we can tell.

    Shown on a project of one model, whose full parse takes a fraction of a second, under this project's profile:
    what decides is the profile, which both share, and how run_dbt reads dbt's verdict, not the project's size."""
    project, here, first = one_model_parsed.project, one_model_parsed.database, one_model_parsed.outcome
    assert first.success, first.exception
    again = run_dbt(project, here, "parse", "--no-write-json")
    assert again.success and again.parsed_partially, again.full_parse_reasons
    elsewhere = tmp_path / "other" / "another-name.duckdb"
    outcome = run_dbt(project, elsewhere, "parse", "--no-write-json")  # the parse, not the manifests
    assert outcome.success, outcome.exception
    assert not outcome.parsed_partially
    assert "profile has changed" in outcome.full_parse_reasons


@pytest.mark.slow
def test_dbt_runs_with_the_cyclic_gc_paused_and_the_caller_gets_it_back(one_model_parsed: FirstParse) -> None:
    """run_dbt pauses Python's cyclic garbage collector while dbt runs (see gc_policy.py) and restores it.

    A full parse, even of one model, allocates enough for hundreds of collections under Python's default
    thresholds; paused, at most the one or two after dbt returns remain."""
    outcome = one_model_parsed.outcome
    assert outcome.success, outcome.exception
    assert not outcome.parsed_partially  # a full parse, as the docstring says
    assert one_model_parsed.collector_on_after
    assert one_model_parsed.collections <= 2, one_model_parsed.collections


def test_a_command_runs_without_the_cyclic_gc_and_exits_with_its_code() -> None:
    """`hotline12345` and `python -m hotline12345.mf` run their `main` through run_as_command (gc_policy.py)."""
    program = "import gc\nfrom hotline12345.gc_policy import run_as_command\n"
    program += "run_as_command(lambda: print('collector on:', gc.isenabled()) or 3)\n"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (3, "collector on: False\n"), done.stderr


# Runs a command with SIGINT ignored, which it keeps across exec, as every process under a shell's background job has it
WITH_SIGINT_IGNORED = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); os.execv(sys.argv[1], sys.argv[1:])",
]


def signal_disposition(pid: int) -> str:
    """The signals a process blocks, ignores and catches (bit n-1 is signal n; SIGINT is 0x2), from /proc."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines()
    return ", ".join(line for line in status if line.startswith(("SigBlk", "SigIgn", "SigCgt")))


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill -9", "ctrl-c"])
def test_a_stopped_build_leaves_the_published_file_and_no_debris(project_copy: Project, stop: signal.Signals) -> None:
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    command = [sys.executable, "-m", "hotline12345.cli", "--project-dir", str(project_copy.root), "build"]
    # Started with SIGINT ignored, as a shell without job control starts a background job (`make test &`) and
    # everything it runs inherits: Python then installs no handler of its own, and a build that did not install
    # one either ran on after the signal and exited 0.
    build = subprocess.Popen(
        [*WITH_SIGINT_IGNORED, *command, "--target", str(published)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    scratch = scratch_path(published.resolve())
    deadline = time.monotonic() + 300  # a loaded machine can take a minute to reach dbt
    while not scratch.exists() and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.01)
    # Stopped as soon as it is demonstrably mid-way: dbt has the scratch file open and is building into it.
    assert scratch.exists(), "the build writes a scratch file beside the published one"
    assert build.poll() is None, "the build was still running when it was stopped"
    disposition = signal_disposition(build.pid)
    os.kill(build.pid, stop)
    assert build.wait(timeout=120) != 0, f"the stopped build exited 0; its signals when stopped: {disposition}"
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
        assert "Each platform's districts" in table_comment
    finally:
        engine.dispose()


def test_export_writes_parquet_and_csv_with_a_bom(warehouse: Path, tmp_path: Path) -> None:
    files = export_marts(warehouse, tmp_path / "export")
    # every table of the marts and of the audit, as Parquet and as CSV, and datapackage.json
    assert len(files) == 2 * (len(marts(warehouse)) + len(marts(warehouse, "audit"))) + 1
    csv_file = tmp_path / "export" / "marts.dim_district.csv"
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "东城区" in csv_file.read_text(encoding="utf-8-sig")
    parquet = tmp_path / "export" / "marts.fct_district_workload.parquet"
    with duckdb.connect() as connection:
        districts = (
            f"select count(distinct district_code) from read_parquet('{parquet}') where platform_code = 'beijing_12345'"
        )
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
    assert sorted(row["subject_name_zh"] for row in of_2022) == sorted(
        ["西城区", "朝阳区", "丰台区", "顺义区", "怀柔区"] * 2
    )
    fell = run_analysis(project, "category_change_from_prior_year", warehouse)
    assert dict(zip(fell.columns, fell.rows[0], strict=True))["category_name_zh"] == "市场管理"


def test_dbt_docs_generate_works_offline(project: Project, warehouse: Path, tmp_path: Path) -> None:
    copy, docs = dbt_scratch(tmp_path, project, warehouse)
    outcome = run_dbt(project, copy, "docs", "generate", "--target-path", str(docs))
    assert outcome.success, outcome.exception
    assert outcome.parsed_partially, outcome.full_parse_reasons
    catalog = json.loads((docs / "catalog.json").read_text(encoding="utf-8"))
    district_workload = catalog["nodes"]["model.hotline12345.fct_district_workload"]
    assert "区级部门" in district_workload["columns"]["district_department_items"]["comment"]
