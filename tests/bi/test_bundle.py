"""The committed Superset bundle is what bi/superset/generate_bundle.py writes, and it fills in only the path."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import duckdb
import yaml
from conftest import ROOT, generator, query_warehouse

from hotline12345.report.comparison import compared_measures
from hotline12345.report.queries import compared
from hotline12345.superset import BUNDLE_ROOT, bundle_zip

BUNDLE_DIR = ROOT / "bi" / "superset" / "bundle"


def test_the_committed_bundle_is_the_generators_output() -> None:
    generated: dict[str, str] = generator().bundle_files()
    committed = {path.relative_to(BUNDLE_DIR).as_posix(): path for path in BUNDLE_DIR.rglob("*.yaml")}
    assert sorted(committed) == sorted(generated), "run .venv/bin/python bi/superset/generate_bundle.py"
    for name, text in generated.items():
        assert committed[name].read_text(encoding="utf-8") == text, f"{name}: regenerate the bundle"


def test_the_zip_carries_the_warehouse_path_into_a_read_only_uri(tmp_path: Path) -> None:
    warehouse = tmp_path / "some folder" / "hotline12345.duckdb"
    with zipfile.ZipFile(io.BytesIO(bundle_zip(BUNDLE_DIR, warehouse))) as archive:
        names = archive.namelist()
        assert all(name.startswith(f"{BUNDLE_ROOT}/") for name in names)
        database = yaml.safe_load(archive.read(f"{BUNDLE_ROOT}/databases/hotline12345.yaml"))
        metadata = yaml.safe_load(archive.read(f"{BUNDLE_ROOT}/metadata.yaml"))
        texts = [archive.read(name).decode("utf-8") for name in names]
    assert database["sqlalchemy_uri"] == f"duckdb:///{warehouse}?access_mode=read_only"
    assert database["allow_dml"] is False
    assert metadata["type"] == "Dashboard"
    assert not [text for text in texts if "{{" in text], "a placeholder was left unfilled"


def test_no_chart_names_a_platform_or_a_period_and_the_filters_hold_the_defaults() -> None:
    """The bundle as written, without Superset: the platform and period are the native filters', once."""
    generated = generator().bundle_files()
    for name, text in generated.items():
        if name.startswith("charts/"):
            chart = yaml.safe_load(text)
            saved = json.dumps(chart["params"]) + chart["query_context"]
            assert "platform_code" not in saved, name
            assert "period_code =" not in saved and "period_label_zh =" not in saved, name
    dashboard = yaml.safe_load(generated["dashboards/hotline12345.yaml"])
    natives = dashboard["metadata"]["native_filter_configuration"]
    columns = [native["targets"][0]["column"]["name"] for native in natives]
    # the period by its label, as a reader reads it (2022年, 2021-12-03 至 12-10), not by its key
    assert columns == ["platform_level", "platform_code", "period_label_zh"]
    defaults = {
        condition["col"]: condition["val"]
        for native in natives
        for condition in native["defaultDataMask"]["extraFormData"].get("filters", [])
    }
    assert set(defaults) == {"platform_code", "period_label_zh"}
    assert all(len(values) == 1 for values in defaults.values()), defaults
    assert defaults["period_label_zh"] == ["2022年"], "dashboard_defaults.yml names the period by its label"
    datasets = {yaml.safe_load(text)["uuid"] for name, text in generated.items() if name.startswith("datasets/")}
    assert {native["targets"][0]["datasetUuid"] for native in natives} <= datasets


def test_every_number_a_table_shows_is_formatted(warehouse: Path) -> None:
    """Each column a table chart shows that the warehouse holds as a number has a d3 format (a count with thousands
    separators; a percentage to the places it was printed with, or two where derived), and a chart's numbers
    (a bar's value, a pie's, the big number) are formatted too: no raw float reaches the dashboard."""
    module = generator()
    numeric = {
        (str(row["table_schema"]), str(row["table_name"]), str(row["column_name"]))
        for row in query_warehouse(
            warehouse,
            "select table_schema, table_name, column_name from information_schema.columns"
            " where data_type like 'DECIMAL%' or data_type in ('BIGINT', 'INTEGER', 'DOUBLE', 'HUGEINT')",
        )
    }
    tables = 0
    for chart in module.CHARTS:
        params = chart.params()
        if chart.viz_type != "table":
            assert params.get("number_format", params.get("y_axis_format")) == ",d", chart.key
            continue
        configured = params.get("column_config", {})
        for column in chart.columns:
            if (chart.dataset.schema, chart.dataset.table, column) in numeric:
                assert configured.get(column, {}).get("d3NumberFormat"), (chart.key, column)
                tables += 1
    assert tables >= 6
    assert module.number_format("published_street_township_share_pct") == ",.4~f"
    assert module.number_format("street_township_share_pct") == ",.2f"
    assert module.number_format("district_department_items") == ",d"


def comparison_rows(warehouse: Path) -> list[tuple[str, ...]]:
    """What the report's comparison page prints of each compared rate (hotline12345.report), as the Superset
    comparison chart shows it: the rate's name, the kind of period, the hotline, its period (by its label, as the
    page reads it), the rate as printed."""
    names = {row["code"]: row["name_zh"] for row in compared_measures() if row["compared_as"] == "rate"}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return sorted(
            (
                names[code],
                str(row["period_kind"]),
                str(row["platform_name_zh"]),
                str(row["period_label_zh"]),
                f"{row['value_printed']}{row['unit_printed']}",
                str(row["source_id"]),
            )
            for code in names
            for row in compared(connection, "rate", code)
        )


def test_the_comparison_dataset_is_the_report_pages_comparison(warehouse: Path) -> None:
    """The Superset comparison's dataset (its SQL, run here on the warehouse) holds each hotline's latest printing of
    each rate the report compares, as the report's comparison page picks it, and reads as printed ('93.20%')."""
    module = generator()
    chart = next(chart for chart in module.CHARTS if chart.key == "hotline_comparison")
    shown = [
        tuple(str(value) for value in row.values())
        for row in query_warehouse(
            warehouse, f"select {', '.join(chart.columns)} from ({chart.dataset.sql}) as compared"
        )
    ]
    expected = comparison_rows(warehouse)
    assert len(expected) > 50
    assert sorted(shown) == expected
    assert ("满意率", "week", "南通市12345在线平台 (南通12345)", "2021-12-03 至 12-10", "93.20%") in {
        row[:5] for row in shown
    }
    assert len({row[2] for row in shown}) > 20, "hotlines side by side"


def test_every_chart_a_filter_reaches_has_its_column(warehouse: Path) -> None:
    """Superset adds a native filter's `<column> IN (value)` to every chart in its scope: each such chart's dataset
    has the column (the period's label beside its key in every mart the period filter reaches), and the default
    value is one the filter's own dataset offers for the default platform."""
    module = generator()
    with duckdb.connect(str(warehouse), read_only=True) as connection:

        def columns(dataset: Any) -> set[str]:
            """The columns of a dataset: a table of the warehouse, or a virtual dataset's query."""
            sql = dataset.sql or f"select * from {dataset.schema}.{dataset.table}"
            cursor = connection.execute(f"select * from ({sql}) as dataset limit 0")
            return {str(column[0]) for column in cursor.description or []}

        reached = 0
        for native in module.NATIVE_FILTERS:
            assert native.column in columns(native.dataset), native.key
            for chart in module.CHARTS:
                if chart.key not in native.excluded:
                    assert native.column in columns(chart.dataset), (native.key, chart.key, chart.dataset.table)
                    reached += 1
        period = next(native for native in module.NATIVE_FILTERS if native.key == "period")
        assert period.column == "period_label_zh"
        offered = connection.execute(
            f"select distinct {period.column} from {period.dataset.schema}.{period.dataset.table}"
            " where platform_code = ?",
            [module.DEFAULT_FILTER_VALUES["platform_code"]],
        ).fetchall()
    assert reached >= 11
    assert (period.default_value,) in offered, f"{period.default_value} is not a period of the default platform"
