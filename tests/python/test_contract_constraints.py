"""The marts' keys are guarded by constraints DuckDB enforces while the table is
built (enforced dbt contracts), not by separate test nodes: a null or a
duplicate key, a code its dimension does not have (FOREIGN KEY) and a row
that breaks its identity (CHECK) fail the model itself, with DuckDB's message
naming the table, the column or the expression.

Four marts are broken at once, each in one of those ways, in one copy of the
project, and one `dbt run` builds them: one dbt process rather than four.
Each failure is then traced as a failed build traces it (seed_lines): to the
seed lines of the figures the broken row is made of, or, for a row no seed
holds, to the model file, with the row's key."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_project

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import Project
from hotline12345.seed_lines import trace_failures

COLUMNS = (
    "platform_code, year, period_code, period_label_zh, period_label_en, period_kind, period_start, period_end,"
    " source_id, source_kind,"
    " is_canonical, subject_code, subject_name_zh, subject_name_en, published_resolution_rate_pct, published_satisfaction_rate_pct"
)

# mart -> the extra row its final select gets (`first_row` is one of its own rows) and what DuckDB must say.
BREAKS: dict[str, tuple[str, str]] = {
    "fct_service_quality": (
        f"select {COLUMNS.replace('platform_code,', 'null as platform_code,', 1)} from first_row",
        "NOT NULL constraint failed",
    ),
    "fct_intake_volume": ("select * from first_row", "duplicate key"),
    "fct_district_workload": (
        "select * replace ('atlantis' as district_code) from first_row",
        'violates foreign key constraint because key "platform_code: beijing_12345, district_code: atlantis" does not',
    ),
    "fct_annual_intake": (
        "select * replace ('made_up' as member, items_high + 1 as items) from first_row",
        (
            'check constraint failed on table "fct_annual_intake__dbt_tmp" with expression'
            " check(coalesce(((items_low <= items) and (items <= items_high)), false))"
        ),
    ),
}


# The breaks that make up a value no seed holds: named with the model file and the row's key.
MADE_UP = {
    "fct_district_workload": "platform_code 'beijing_12345', district_code 'atlantis', period_code",
    "fct_annual_intake": "platform_code 'beijing_12345', period_code",
}


def break_the_mart(root: Path, mart: str, extra_row: str) -> None:
    """Append to the mart's final select one of its own rows (`first_row`, one of Beijing's), as `extra_row`
    selects it: by name, as the `final` CTE may hold the columns in another order than the mart's select."""
    path = root / "models" / "marts" / f"{mart}.sql"
    sql = path.read_text(encoding="utf-8").rstrip()
    first_row = "(select * from final where platform_code = 'beijing_12345' limit 1) as first_row"
    path.write_text(f"{sql}\n\nunion all by name\n\n{extra_row.replace('first_row', first_row)}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def refused_marts(
    tmp_path_factory: pytest.TempPathFactory, project: Project, warehouse: Path
) -> dict[str, tuple[str, list[str]]]:
    """Each broken mart's failure message, and the seed lines it is traced to, from one `dbt run` of the four
    in a copy of the project."""
    copy = copy_project(tmp_path_factory.mktemp("constraints") / "project", warehouse)
    for mart, (extra_row, _) in BREAKS.items():
        break_the_mart(copy.root, mart, extra_row)
    database = copy.root / "warehouse" / "hotline12345.duckdb"

    outcome = run_dbt(copy, database, "run", "--select", *BREAKS)

    assert not outcome.success
    traced = {failure.name: failure for failure in outcome.failures}
    return {
        name: (failure.message, [str(problem) for problem in trace_failures(copy, database, [failure]).problems])
        for name, failure in traced.items()
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    "mart",
    list(BREAKS),
    ids=["null key", "duplicate key", "code without its dimension row", "items outside their bounds"],
)
def test_a_null_or_duplicate_key_an_orphan_code_or_a_broken_identity_fails_the_model(
    refused_marts: dict[str, tuple[str, list[str]]], mart: str
) -> None:
    message = BREAKS[mart][1]
    assert mart in refused_marts, f"{mart} was built although it was broken: {sorted(refused_marts)}"
    # DuckDB names the table it builds: the model's, or its __dbt_tmp where the model's table exists already
    assert message.lower().replace("__dbt_tmp", "") in refused_marts[mart][0].lower().replace("__dbt_tmp", ""), (
        refused_marts[mart][0]
    )


@pytest.mark.slow
@pytest.mark.parametrize("mart", list(BREAKS))
def test_a_broken_constraint_is_traced_to_the_printed_figures_of_its_row(
    refused_marts: dict[str, tuple[str, list[str]]], mart: str
) -> None:
    """The row that breaks the constraint is found by asking the model's select for it, and named by the
    seed lines of the figures it is made of (here: the mart's first row, copied and broken); a row no seed
    holds (a made-up district or member) is named by its key, with the model file that made it."""
    _, located = refused_marts[mart]
    assert located, f"{mart}: not traced"
    if mart in MADE_UP:
        assert len(located) == 1, located
        assert located[0].startswith(f"models/marts/{mart}.sql: the row with {MADE_UP[mart]}"), located
        assert located[0].endswith("no seed line holds it, so the model's SQL made it"), located
    else:
        assert all(line.startswith("seeds/") and ", line " in line and mart in line for line in located), located
