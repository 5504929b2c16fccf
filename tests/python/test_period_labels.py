"""A period's key and its label are two columns (marts.dim_period): the label is what a reader sees.

dim_period is the one home of the rule that turns a key into its words (its dbt unit test tries every shape of
key); the report, the audit's sentences and BI read the labels there. Here: every period the warehouse holds is read
by that rule (none falls back to showing its key), and every table a reader sees a period in carries its label."""

from __future__ import annotations

from pathlib import Path

import duckdb

# The tables a reader sees periods in, each with its labels beside the key.
LABELLED = [
    ("marts", "fct_published_figure"),
    ("marts", "fct_period_volume"),
    ("audit", "published_figure_checks"),
]


def test_every_period_in_the_warehouse_reads_by_its_label_not_its_key(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        periods = connection.execute("select count(*) from marts.dim_period").fetchone()
        unread = connection.execute(
            "select period_code from marts.dim_period where period_label_zh = period_code order by period_code"
        ).fetchall()
    assert periods and periods[0] >= 100  # every period of every platform, not a sample
    assert unread == []


def test_each_table_a_reader_sees_carries_the_label_of_each_key(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        for schema, table in LABELLED:
            mislabelled = connection.execute(
                f"select distinct t.period_code from {schema}.{table} as t"
                " left join marts.dim_period as d on t.period_code = d.period_code"
                " where t.period_label_zh is distinct from d.period_label_zh"
                " or t.period_label_en is distinct from d.period_label_en or d.period_code is null"
            ).fetchall()
            assert mislabelled == [], f"{schema}.{table}"
