"""The project's table materialization (macros/table_materialization.sql).

A table that does not exist yet, as every table of a build's fresh scratch file, is created once under its own name,
with its contract's constraints, and committed, even in the transaction a model that queried while it compiled left
open; a table that exists already, or a model that configures
what the override does not do (a hook, persist_docs), is left to dbt-duckdb's materialization, which builds it under a temporary name and swaps it in. They are run here
on a copy of the session's warehouse, on one reference staging model (no foreign key points at it, so dbt-duckdb can
swap it alone).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from conftest import dbt_scratch

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import Project

pytestmark = pytest.mark.slow

MODEL = "stg_reference__known_discrepancies"
TEMPORARY_SUFFIXES = ("__dbt_tmp", "__dbt_backup")


def _table(database: Path) -> tuple[int, list[tuple[str, ...]], list[str]]:
    """The model's row count, its constraints, and any table of its schema with a temporary or backup name."""
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(f"select count(*) from staging.{MODEL}").fetchone()
        constraints = connection.execute(
            "select constraint_type, constraint_text from duckdb_constraints()"
            " where schema_name = 'staging' and table_name = ? order by all",
            [MODEL],
        ).fetchall()
        leftovers = connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'staging'"
            " and (table_name like '%\\_\\_dbt\\_tmp' escape '\\' or table_name like '%\\_\\_dbt\\_backup' escape '\\')"
        ).fetchall()
    assert rows is not None
    return rows[0], constraints, [name for (name,) in leftovers]


def _run(project: Project, database: Path, logs: Path, target: Path | None = None) -> str:
    """`dbt run` of the model on `database`; the statements dbt sent, from its debug log."""
    outcome = run_dbt(
        project,
        database,
        "run",
        "--select",
        MODEL,
        *(("--target-path", str(target)) if target else ()),
        "--log-path",
        str(logs),
        "--log-level-file",
        "debug",
        "--no-write-json",
    )
    assert outcome.success, (outcome.exception, [str(failure) for failure in outcome.failures])
    return (logs / "dbt.log").read_text(encoding="utf-8")


def test_a_new_table_is_created_under_its_own_name(project: Project, warehouse: Path, tmp_path: Path) -> None:
    database, target = dbt_scratch(tmp_path, project, warehouse)
    built = _table(database)
    assert built[0] > 0 and built[1], built  # rows, and the contract's constraints
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"drop table staging.{MODEL}")

    sent = _run(project, database, tmp_path / "logs", target)

    assert _table(database) == built
    assert not [suffix for suffix in TEMPORARY_SUFFIXES if suffix in sent]
    # in one statement, committed
    assert f"On model.hotline12345.{MODEL}: COMMIT" in sent


def test_a_table_that_exists_is_swapped_by_dbt_duckdb(project: Project, warehouse: Path, tmp_path: Path) -> None:
    database, target = dbt_scratch(tmp_path, project, warehouse)
    built = _table(database)

    sent = _run(project, database, tmp_path / "logs", target)

    assert _table(database) == built
    assert all(f"{MODEL}{suffix}" in sent for suffix in TEMPORARY_SUFFIXES)


# what the override leaves to dbt-duckdb, and what the statements dbt sent must then hold besides the swap
LEFT_TO_DBT_DUCKDB = {
    "persist_docs": ("{{ config(persist_docs={'relation': true}) }}", ""),
    # dbt runs a model's hooks in and around its transaction, which the override does not open
    "a hook": ("{{ config(post_hook='select 42 as hooked') }}", "select 42 as hooked"),
}


@pytest.mark.parametrize("configured", list(LEFT_TO_DBT_DUCKDB))
def test_a_new_table_that_configures_what_the_override_does_not_do_is_left_to_dbt_duckdb(
    project_copy: Project, configured: str
) -> None:
    config, also_sent = LEFT_TO_DBT_DUCKDB[configured]
    model = next(project_copy.root.glob(f"models/**/{MODEL}.sql"))
    model.write_text(config + "\n" + model.read_text(encoding="utf-8"))
    database = project_copy.root / "warehouse" / "hotline12345.duckdb"  # as copy_project publishes it
    built = _table(database)
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"drop table staging.{MODEL}")

    sent = _run(project_copy, database, project_copy.root / "logs")

    assert _table(database) == built
    assert all(f"{MODEL}{suffix}" in sent for suffix in TEMPORARY_SUFFIXES)
    assert also_sent in sent


def test_it_takes_every_language_dbt_duckdbs_takes(project: Project) -> None:
    # dbt refuses a model whose language the materialization does not declare before the macro runs, so a Python
    # model could not reach the fallback otherwise
    manifest = json.loads((project.root / "target" / "manifest.json").read_text(encoding="utf-8"))
    ours = manifest["macros"]["macro.hotline12345.materialization_table_duckdb"]
    adapters = manifest["macros"]["macro.dbt_duckdb.materialization_table_duckdb"]
    assert ours["supported_languages"] == adapters["supported_languages"]


# dbt's statement() opens a transaction by default (auto_begin), as dbt_utils.get_column_values and
# dbt-project-evaluator's models do when they query while compiling; nothing before the materialization commits it
QUERIES_WHILE_COMPILING = (
    "{% if execute %}{% call statement('peek', fetch_result=True) %}select 42 as peeked{% endcall %}{% endif %}"
)


def test_a_new_table_of_a_model_that_queries_while_compiling_is_committed(project_copy: Project) -> None:
    model = next(project_copy.root.glob(f"models/**/{MODEL}.sql"))
    model.write_text(QUERIES_WHILE_COMPILING + "\n" + model.read_text(encoding="utf-8"))
    database = project_copy.root / "warehouse" / "hotline12345.duckdb"  # as copy_project publishes it
    built = _table(database)
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"drop table staging.{MODEL}")

    sent = _run(project_copy, database, project_copy.root / "logs")

    assert "select 42 as peeked" in sent  # it did query while compiling
    assert f"On model.hotline12345.{MODEL}: BEGIN" in sent  # in a transaction
    assert _table(database) == built  # which the materialization committed: the table is there, whole
