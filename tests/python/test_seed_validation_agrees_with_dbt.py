"""The seed validator and the dbt models read names the same way."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from hotline12345.project import Project
from hotline12345.seeds import known_subject_names, parse_printed_number


def test_validator_knows_exactly_the_names_dbt_maps(project: Project, warehouse: Path) -> None:
    validator = known_subject_names(project.seeds_dir)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        dbt = set(connection.execute("select subject_type, subject_zh from staging.stg_reference__subjects").fetchall())
    assert validator == dbt


@pytest.mark.parametrize(
    ("printed", "value"),
    [("140.0", Decimal("140.0")), ("706", Decimal(706)), ("-26.34", Decimal("-26.34")), ("八", Decimal(8))],
)
def test_printed_numbers_parse_as_staging_parses_them(printed: str, value: Decimal) -> None:
    assert parse_printed_number(printed) == value


@pytest.mark.parametrize("printed", ["97.l", "", "NaN", "一二", "1,000"])
def test_what_is_not_a_printed_number(printed: str) -> None:
    assert parse_printed_number(printed) is None
