"""The marts' keys are guarded by constraints DuckDB enforces while the table is
built (enforced dbt contracts), not by separate test nodes: a null or a
duplicate key, a code its dimension does not have (FOREIGN KEY) and a row
that breaks its identity (CHECK) fail the model itself, with DuckDB's message
naming the table, the column or the expression."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import Project

MART = "fct_service_quality"


def break_the_mart(root: Path, extra_row: str, mart: str = MART) -> None:
    """Append to the mart's final select one of its own rows (`first_row`), as `extra_row` selects it."""
    path = root / "models" / "marts" / f"{mart}.sql"
    sql = path.read_text(encoding="utf-8").rstrip()
    first_row = "(select * from final limit 1) as first_row"
    path.write_text(f"{sql}\n\nunion all\n\n{extra_row.replace('first_row', first_row)}\n", encoding="utf-8")


COLUMNS = (
    "platform_code, year, period_code, period_kind, period_start, period_end, source_id, source_kind,"
    " is_canonical, subject_code, subject_name_zh, subject_name_en, resolution_rate_pct, satisfaction_rate_pct"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("extra_row", "message"),
    [
        (
            f"select {COLUMNS.replace('platform_code,', 'null as platform_code,', 1)} from first_row",
            "NOT NULL constraint failed",
        ),
        (f"select {COLUMNS} from first_row", "duplicate key"),
    ],
    ids=["null key", "duplicate key"],
)
def test_a_null_or_duplicate_key_fails_the_model(
    project_copy: Project, tmp_path: Path, extra_row: str, message: str
) -> None:
    break_the_mart(project_copy.root, extra_row)
    database = project_copy.root / "warehouse" / "hotline12345.duckdb"

    outcome = run_dbt(project_copy, database, "run", "--select", "fct_service_quality")

    assert not outcome.success
    failure = next(failure for failure in outcome.failures if failure.name == "fct_service_quality")
    assert message.lower() in failure.message.lower(), failure.message
    assert "fct_service_quality" in failure.message or "platform_code" in failure.message, failure.message


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mart", "extra_row", "message"),
    [
        (
            "fct_district_workload",
            "select * replace ('atlantis' as district_code) from first_row",
            'violates foreign key constraint because key "district_code: atlantis" does not exist',
        ),
        (
            "fct_annual_intake",
            "select * replace ('made_up' as member, items_high + 1 as items) from first_row",
            (
                'check constraint failed on table "fct_annual_intake__dbt_tmp" with expression'
                " check(coalesce(((items_low <= items) and (items <= items_high)), false))"
            ),
        ),
    ],
    ids=["code without its dimension row", "items outside their bounds"],
)
def test_an_orphan_code_or_a_broken_identity_fails_the_model(
    project_copy: Project, mart: str, extra_row: str, message: str
) -> None:
    break_the_mart(project_copy.root, extra_row, mart)
    database = project_copy.root / "warehouse" / "hotline12345.duckdb"

    outcome = run_dbt(project_copy, database, "run", "--select", mart)

    assert not outcome.success
    failure = next(failure for failure in outcome.failures if failure.name == mart)
    assert message.lower() in failure.message.lower(), failure.message
