"""Export the marts for tools that cannot open DuckDB: Parquet, and CSV with
a UTF-8 byte-order mark so that spreadsheet programs read the Chinese text."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

EXPORTED_SCHEMAS = ("marts", "audit")


def export_marts(database: Path, out_dir: Path) -> list[Path]:
    """Write every table of the exported schemas to `out_dir`; return the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = connection.execute(
            """
            select table_schema, table_name
            from information_schema.tables
            where table_schema in (select unnest(?::varchar[])) and table_type = 'BASE TABLE'
            order by table_schema, table_name
            """,
            [list(EXPORTED_SCHEMAS)],
        ).fetchall()
        for schema, table in tables:
            relation = f'"{schema}"."{table}"'
            parquet = out_dir / f"{schema}.{table}.parquet"
            connection.execute(f"copy {relation} to '{parquet}' (format parquet)")
            cursor = connection.execute(f"select * from {relation}")
            columns = [description[0] for description in cursor.description]
            csv_path = out_dir / f"{schema}.{table}.csv"
            with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                writer.writerows(cursor.fetchall())
            written += [parquet, csv_path]
    return written
