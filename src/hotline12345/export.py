"""Export the marts for tools that cannot open DuckDB: Parquet, and CSV with
a UTF-8 byte-order mark so that spreadsheet programs read the Chinese text;
and a Frictionless Data Package (datapackage.json) that describes them.

The package says nothing the warehouse does not: each resource's and field's
description is the comment dbt wrote from the YAML (the same text as the dbt
docs), the types are the tables' own, and the required, unique, primary and
foreign keys are the constraints dbt's contracts created in the file
(duckdb_constraints()), read back rather than restated. The sources are the
rows of marts.dim_source.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import duckdb

EXPORTED_SCHEMAS = ("marts", "audit")
PACKAGE_FILE = "datapackage.json"
PACKAGE = {
    # Not "tabular-data-package": the Parquet resources carry their own types and have no Table Schema.
    "profile": "data-package",
    "name": "hotline12345",
    "title": "China's 12345 citizen hotlines: published figures and their audit",
    "keywords": ["12345 hotline", "12345热线", "China", "government service", "public statistics", "audit"],
}
# DuckDB's types as Table Schema's; DECIMAL(p,s) of any precision is a number.
FIELD_TYPES = {
    "VARCHAR": "string",
    "BIGINT": "integer",
    "INTEGER": "integer",
    "HUGEINT": "integer",
    "DOUBLE": "number",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "datetime",
}
CSV = {"profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig"}
PARQUET = {"profile": "data-resource", "format": "parquet", "mediatype": "application/vnd.apache.parquet"}


@dataclass(frozen=True)
class Table:
    schema: str
    name: str

    @property
    def relation(self) -> str:
        return f'"{self.schema}"."{self.name}"'

    def file(self, extension: str) -> str:
        return f"{self.schema}.{self.name}.{extension}"

    @property
    def resource(self) -> str:
        return f"{self.schema}.{self.name}"


def export_marts(database: Path, out_dir: Path) -> list[Path]:
    """Write every table of the exported schemas to `out_dir`, and the data package; return the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [
            Table(schema, name)
            for schema, name in connection.execute(
                """
                select table_schema, table_name
                from information_schema.tables
                where table_schema in (select unnest(?::varchar[])) and table_type = 'BASE TABLE'
                order by table_schema, table_name
                """,
                [list(EXPORTED_SCHEMAS)],
            ).fetchall()
        ]
        for table in tables:
            parquet = out_dir / table.file("parquet")
            connection.execute(f"copy {table.relation} to '{parquet}' (format parquet)")
            cursor = connection.execute(f"select * from {table.relation}")
            columns = [description[0] for description in cursor.description]
            csv_path = out_dir / table.file("csv")
            with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                writer.writerows(cursor.fetchall())
            written += [parquet, csv_path]
        package = data_package(connection, tables)
    package_path = out_dir / PACKAGE_FILE
    package_path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [*written, package_path]


def data_package(connection: duckdb.DuckDBPyConnection, tables: list[Table]) -> dict[str, Any]:
    """The Frictionless Data Package (v1) of the exported files: a CSV and a Parquet resource per table.

    The CSV resource has the Table Schema: types, descriptions, required and unique fields, primary and foreign
    keys. The Parquet resource is the same rows, typed in the file itself, with the same fields and types;
    Frictionless reads Parquet through pandas, which turns an empty integer into NaN, so `nan` is a missing
    value there (a year the page does not print).
    """
    sources = connection.execute(
        "select title, address from marts.dim_source order by covers_period_end desc, source_id"
    ).fetchall()
    resources = []
    for table in tables:
        (description,) = connection.execute(
            "select comment from duckdb_tables() where schema_name = ? and table_name = ?", [table.schema, table.name]
        ).fetchone() or (None,)
        described = {"description": description} if description else {}
        resources.append(
            {
                "name": table.resource,
                "path": table.file("csv"),
                **CSV,
                **described,
                "schema": table_schema(connection, table),
            }
        )
        schema = resources[-1]["schema"]
        parquet_schema = {
            "fields": [{"name": field["name"], "type": field["type"]} for field in schema["fields"]],
            "missingValues": ["", "nan"],
        }
        resources.append(
            {
                "name": f"{table.resource}.parquet",
                "path": table.file("parquet"),
                **PARQUET,
                **described,
                "schema": parquet_schema,
            }
        )
    (platforms,) = connection.execute("select count(*) from marts.dim_platform where figure_count > 0").fetchone() or (
        0,
    )
    description = (
        f"Every figure the project holds that {platforms} of China's 12345 citizen and government service hotlines "
        "have published (the platforms are the rows of marts.dim_platform), as typed tables (the marts), with the "
        "source, platform and period of each, and an audit of which published shares, sums, rates, rankings and "
        "running totals follow from the published counts, each finding explained in the audit's own sentence "
        "(published_figure_checks.explanation) with the note of the person who reviewed it (review_note). Each "
        "table is given twice, as CSV (UTF-8 with a "
        "byte-order mark) and as Parquet; how to cite it is in CITATION.cff."
    )
    return {
        **PACKAGE,
        "description": description,
        "version": version("hotline12345"),
        "sources": [{"title": title, **({"path": address} if address else {})} for title, address in sources],
        "resources": resources,
    }


def table_schema(connection: duckdb.DuckDBPyConnection, table: Table) -> dict[str, Any]:
    """Fields with their types, descriptions and constraints; keys from the table's constraints."""
    key = [table.schema, table.name]
    columns = connection.execute(
        """
        select column_name, data_type, comment, not is_nullable
        from duckdb_columns() where schema_name = ? and table_name = ? order by column_index
        """,
        key,
    ).fetchall()
    constraints = connection.execute(
        """
        select constraint_type, constraint_column_names, referenced_table, referenced_column_names
        from duckdb_constraints()
        where schema_name = ? and table_name = ? and constraint_type in ('UNIQUE', 'PRIMARY KEY', 'FOREIGN KEY')
        order by constraint_index
        """,
        key,
    ).fetchall()
    required = {name for name, _, _, not_null in columns if not_null}
    uniques = [list(names) for kind, names, _, _ in constraints if kind in ("UNIQUE", "PRIMARY KEY")]
    fields = []
    for name, data_type, comment, _ in columns:
        field: dict[str, Any] = {"name": name, "type": field_type(table, name, data_type)}
        if comment:
            field["description"] = comment
        field_constraints = {"required": True} if name in required else {}
        if [name] in uniques:
            field_constraints["unique"] = True
        if field_constraints:
            field["constraints"] = field_constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    # A primary key is a unique set of columns none of which may be empty.
    primary = next((names for names in uniques if set(names) <= required), None)
    if primary:
        schema["primaryKey"] = primary
    foreign = [
        {
            "fields": list(names),
            "reference": {"resource": Table(table.schema, referenced).resource, "fields": list(to_names)},
        }
        for kind, names, referenced, to_names in constraints
        # SQL checks a foreign key only where none of its columns is empty; Table Schema checks it where any is
        # filled. A key of several columns that may be partly empty (a handling unit's platform and district, the
        # district empty for a city body) is left to the warehouse, which holds it.
        if kind == "FOREIGN KEY" and (len(names) == 1 or set(names) <= required)
    ]
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def field_type(table: Table, column: str, data_type: str) -> str:
    if data_type.startswith("DECIMAL"):
        return "number"
    if data_type not in FIELD_TYPES:
        raise ValueError(f"{table.schema}.{table.name}.{column}: no Table Schema type for DuckDB's {data_type}")
    return FIELD_TYPES[data_type]
