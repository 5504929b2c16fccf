"""A period's key and its label are two columns (marts.dim_period): the label is what a reader sees.

The rule that turns a key into its words lived in src/hotline12345/report/periods.py; it moves into the warehouse,
and every period the warehouse holds reads there as it read in Python."""

from __future__ import annotations

from pathlib import Path

import duckdb

from hotline12345.report.periods import period_label


def test_every_period_in_the_warehouse_reads_as_periods_py_reads_it(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute(
            "select period_code, period_label_zh, period_label_en from marts.dim_period order by period_code"
        ).fetchall()
    assert len(rows) >= 100  # every period of every platform, not a sample
    differing = [
        (code, (zh, en), (period_label(code).zh, period_label(code).en))
        for code, zh, en in rows
        if (zh, en) != (period_label(code).zh, period_label(code).en)
    ]
    assert not differing
