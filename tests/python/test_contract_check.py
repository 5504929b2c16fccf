"""The project's check of a model contract's columns (macros/contracts.sql), against dbt's own.

The project checks a contracted model's columns with one DESCRIBE where dbt's assert_columns_equivalent sends two.
Every way a model can break its contract (a column of another type, one missing, one too many) is made here at once,
on a copy of the project, on a contracted staging model; the run must fail in the project's macro, with dbt's contract
error naming each column, and say exactly what dbt's own check says when the project's macro is taken away.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import Project

pytestmark = pytest.mark.slow

MODEL = "stg_reference__known_discrepancies"
OVERRIDE = Path("macros/contracts.sql")
# Every way a model can break its contract, made at once on the one model (one copy, one run each way, not one per
# break): the edits, and the rows of dbt's contract table they must produce (column_name, definition_type,
# contract_type, reason), one a break.
EDITS = (
    (
        "models/staging/reference/_reference__models.yml",
        "    description: \"{{ doc('reviewed_by') }}\"\n    data_type: varchar",
        "    description: \"{{ doc('reviewed_by') }}\"\n    data_type: integer",
    ),
    (f"models/staging/reference/{MODEL}.sql", "        check_id,\n", "        1 as extra,\n"),
)
BREAKS = {
    "a column of another type": ("reviewed_by", "VARCHAR", "INTEGER", "data type mismatch"),
    "a column missing": ("check_id", "", "VARCHAR", "missing in definition"),
    "a column too many": ("extra", "INTEGER", "", "missing in contract"),
}
TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")


def _contract_error(project: Project) -> tuple[list[tuple[str, ...]], str]:
    """The rows of the contract table of a failed `dbt run` of the model, and the whole message."""
    database = project.root / "warehouse" / "hotline12345.duckdb"  # as copy_project publishes it
    outcome = run_dbt(project, database, "run", "--select", MODEL, "--no-write-json")
    assert not outcome.success, "the model broke its contract and was built"
    message = "\n".join(str(failure) for failure in outcome.failures)
    rows = [
        tuple(cell.strip() for cell in found.group(1).split("|"))
        for line in message.splitlines()
        if (found := TABLE_ROW.match(line))
    ]
    return [row for row in rows if row[0] != "column_name" and not set(row[0]) <= {"-"}], message


def test_a_broken_contract_is_refused_by_the_projects_check_as_dbt_refuses_it(project_copy: Project) -> None:
    """A column of another type, one missing and one too many: each is a row of the project's contract table, and
    dbt's own check, the project's macro taken away, gives the same rows."""
    for relative, old, new in EDITS:
        path = project_copy.root / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{relative} no longer holds {old!r} once"
        path.write_text(text.replace(old, new), encoding="utf-8")

    ours, message = _contract_error(project_copy)
    assert "in macro duckdb__get_assert_columns_equivalent" in message, message
    missing = {name: row for name, row in BREAKS.items() if row not in ours}
    assert not missing, f"breaks the project's check does not report: {missing}\n{message}"
    assert sorted(ours) == sorted(BREAKS.values()), message

    (project_copy.root / OVERRIDE).unlink()
    dbts, dbts_message = _contract_error(project_copy)
    assert "in macro assert_columns_equivalent" in dbts_message, dbts_message
    assert sorted(ours) == sorted(dbts), (ours, dbts)
