"""`make export` writes a Frictionless Data Package that `frictionless validate` accepts, and refuses a broken one.

The package describes every mart and the audit: a CSV resource with its Table Schema (types, the column
descriptions, required and unique fields, primary and foreign keys from the tables' contract constraints) and the
same rows as Parquet. The expectations below are the contracts in models/marts/_marts__models.yml, not the code's
output.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from hotline12345.export import PACKAGE_FILE, export_marts

# frictionless's own command line, its reading of Parquet rows made linear (see the script: the same values, checks
# and report, a fifth of the CPU).
FRICTIONLESS = Path(__file__).parent / "support" / "frictionless_validate.py"


def validate(package: Path) -> dict[str, Any]:
    """`frictionless validate --json` on the package, as a reader would run it (support/frictionless_validate.py)."""
    done = subprocess.run(
        [sys.executable, str(FRICTIONLESS), "validate", "--json", package.name],
        check=False,
        cwd=package.parent,
        capture_output=True,
        text=True,
    )
    assert done.stdout, f"frictionless validate printed nothing (exit {done.returncode}): {done.stderr}"
    report: dict[str, Any] = json.loads(done.stdout)
    assert report["valid"] == (done.returncode == 0), "the exit status and the report disagree"
    return report


def errors(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(resource, error type, message) of every error in a validation report."""
    found = [("package", error["type"], error["message"]) for error in report["errors"]]
    for task in report["tasks"]:
        found += [(task["name"], error["type"], error["message"]) for error in task["errors"]]
    return found


@pytest.fixture(scope="module")
def exported(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    export_marts(warehouse, out)
    return out


def test_the_package_speaks_of_every_hotline_it_holds(exported: Path, warehouse: Path) -> None:
    package = json.loads((exported / PACKAGE_FILE).read_text(encoding="utf-8"))
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        platforms = connection.execute(
            "select count(distinct platform_code) from marts.fct_published_figure"
        ).fetchone() or (0,)
    assert platforms[0] > 1
    assert f" {platforms[0]} of China's 12345 " in package["description"]
    # no one platform is the package's subject
    named = [word for word in ("Beijing", "北京") if word in package["title"] + package["description"]]
    assert not named and "Beijing" not in package["keywords"], named


def test_the_package_is_valid_and_describes_every_mart_and_the_audit(exported: Path, warehouse: Path) -> None:
    report = validate(exported / PACKAGE_FILE)
    assert report["valid"], "frictionless validate refuses the package:\n" + "\n".join(map(str, errors(report)))
    package = json.loads((exported / PACKAGE_FILE).read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = connection.execute(
            "select table_schema || '.' || table_name from information_schema.tables"
            " where table_schema in ('marts', 'audit')"
        ).fetchall()
        source_titles = {title for (title,) in connection.execute("select title from marts.dim_source").fetchall()}
    for (table,) in tables:
        assert resources[table]["path"] == f"{table}.csv", table
        assert resources[f"{table}.parquet"]["path"] == f"{table}.parquet", table
        undescribed = [field["name"] for field in resources[table]["schema"]["fields"] if not field.get("description")]
        assert not undescribed, f"{table}: columns without a description: {undescribed}"
    assert {source["title"] for source in package["sources"]} == source_titles
    # From the contracts: unique + not-null keys, composite unique keys, FOREIGN KEY constraints.
    assert resources["marts.dim_district"]["schema"]["primaryKey"] == ["platform_code", "district_code"]
    assert resources["audit.published_figure_checks"]["schema"]["primaryKey"] == ["check_id"]
    assert resources["marts.fct_district_workload"]["schema"]["primaryKey"] == [
        "platform_code",
        "period_code",
        "district_code",
    ]
    assert resources["marts.fct_district_workload"]["schema"]["foreignKeys"] == [
        {"fields": ["platform_code"], "reference": {"resource": "marts.dim_platform", "fields": ["platform_code"]}},
        {"fields": ["period_code"], "reference": {"resource": "marts.dim_period", "fields": ["period_code"]}},
        {
            "fields": ["platform_code", "district_code"],
            "reference": {"resource": "marts.dim_district", "fields": ["platform_code", "district_code"]},
        },
    ]
    # The text of the dbt docs (a doc() block, models/docs/periods.md) reaches the package.
    fields = {field["name"]: field for field in resources["marts.fct_intake_volume"]["schema"]["fields"]}
    assert fields["period_code"]["description"].startswith("**Period.** Every figure covers [period_start, period_end]")
    assert fields["items"]["type"] == "integer" and fields["items"]["constraints"] == {"required": True}


def test_the_validation_reads_parquet_rows_as_frictionless_does(exported: Path) -> None:
    """support/frictionless_validate.py's reading of a Parquet resource gives the cells frictionless's own gives."""
    import pyarrow.parquet as pq
    from frictionless.formats.pandas.parser import PandasParser
    from frictionless.resources import TableResource
    from support.frictionless_validate import read_cell_stream_create

    def cells(read: Callable[[PandasParser], Any], table: str) -> list[str]:
        frame = pq.read_table(exported / f"{table}.parquet").to_pandas()
        return [repr(row) for row in read(PandasParser(TableResource(data=frame, format="pandas")))]

    for table in ("marts.dim_platform", "marts.fct_district_workload", "marts.fct_monthly_topic"):
        theirs = cells(PandasParser.read_cell_stream_create, table)
        assert len(theirs) > 2 and cells(read_cell_stream_create, table) == theirs, table


def rewrite_csv(path: Path, change: Callable[[list[list[str]]], list[list[str]]]) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(change(rows))


def test_a_broken_export_is_refused_where_it_is_broken(warehouse: Path, tmp_path: Path) -> None:
    """The validation can fail: a repeated key and a code no dimension has are found, with their resource.

    The package is cut to the two resources broken here and the dimensions they point at (platforms, periods and
    the sources a period without a year is one of), so that it validates in a second.
    """
    export_marts(warehouse, tmp_path)
    package_path = tmp_path / PACKAGE_FILE
    package = json.loads(package_path.read_text(encoding="utf-8"))
    kept = (
        "marts.dim_platform",
        "marts.dim_source",
        "marts.dim_period",
        "marts.dim_district",
        "marts.fct_district_workload",
    )
    package["resources"] = [resource for resource in package["resources"] if resource["name"] in kept]
    package_path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    rewrite_csv(tmp_path / "marts.dim_district.csv", lambda rows: [*rows, rows[1]])

    def unknown_district(rows: list[list[str]]) -> list[list[str]]:
        header, first, *rest = rows
        return [
            header,
            [("nowhere" if name == "district_code" else value) for name, value in zip(header, first, strict=True)],
            *rest,
        ]

    rewrite_csv(tmp_path / "marts.fct_district_workload.csv", unknown_district)
    report = validate(package_path)
    assert not report["valid"]
    found = {(resource, kind) for resource, kind, _ in errors(report)}
    assert found == {
        ("marts.dim_district", "primary-key"),
        ("marts.fct_district_workload", "foreign-key"),
    }, errors(report)


def test_the_citation_file_cites_this_version() -> None:
    """CITATION.cff (Citation File Format 1.2.0) has what the format requires, and the package's version."""
    citation = yaml.safe_load((Path(__file__).resolve().parents[2] / "CITATION.cff").read_text(encoding="utf-8"))
    missing = [key for key in ("cff-version", "message", "title", "authors") if not citation.get(key)]
    assert not missing, f"CITATION.cff lacks {missing}"
    assert citation["cff-version"] == "1.2.0"
    assert all(author.get("name") or author.get("family-names") for author in citation["authors"])
    assert citation["version"] == version("hotline12345"), "CITATION.cff's version is not pyproject.toml's"
