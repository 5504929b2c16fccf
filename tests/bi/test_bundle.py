"""The committed Superset bundle is what bi/superset/generate_bundle.py writes, and it fills in only the path."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import yaml
from conftest import ROOT, query_warehouse

from hotline12345.superset import BUNDLE_ROOT, bundle_zip

BUNDLE_DIR = ROOT / "bi" / "superset" / "bundle"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_bundle", ROOT / "bi" / "superset" / "generate_bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_the_committed_bundle_is_the_generators_output() -> None:
    generated: dict[str, str] = _generator().bundle_files()
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
    generated = _generator().bundle_files()
    for name, text in generated.items():
        if name.startswith("charts/"):
            chart = yaml.safe_load(text)
            saved = json.dumps(chart["params"]) + chart["query_context"]
            assert "platform_code" not in saved and "period_code =" not in saved, name
    dashboard = yaml.safe_load(generated["dashboards/hotline12345.yaml"])
    natives = dashboard["metadata"]["native_filter_configuration"]
    columns = [native["targets"][0]["column"]["name"] for native in natives]
    assert columns == ["platform_level", "platform_code", "period_code"]
    defaults = {
        condition["col"]: condition["val"]
        for native in natives
        for condition in native["defaultDataMask"]["extraFormData"].get("filters", [])
    }
    assert set(defaults) == {"platform_code", "period_code"}
    assert all(len(values) == 1 for values in defaults.values()), defaults
    datasets = {yaml.safe_load(text)["uuid"] for name, text in generated.items() if name.startswith("datasets/")}
    assert {native["targets"][0]["datasetUuid"] for native in natives} <= datasets


def test_every_number_a_table_shows_is_formatted(warehouse: Path) -> None:
    """Each column a table chart shows that the warehouse holds as a number has a d3 format (a count with thousands
    separators; a percentage to the places it was printed with, or two where derived), and a chart's numbers
    (a bar's value, a pie's, the big number) are formatted too: no raw float reaches the dashboard."""
    generator = _generator()
    numeric = {
        (str(row["table_schema"]), str(row["table_name"]), str(row["column_name"]))
        for row in query_warehouse(
            warehouse,
            "select table_schema, table_name, column_name from information_schema.columns"
            " where data_type like 'DECIMAL%' or data_type in ('BIGINT', 'INTEGER', 'DOUBLE', 'HUGEINT')",
        )
    }
    tables = 0
    for chart in generator.CHARTS:
        params = chart.params()
        if chart.viz_type != "table":
            assert params.get("number_format", params.get("y_axis_format")) == ",d", chart.key
            continue
        configured = params.get("column_config", {})
        for column in chart.columns:
            if (chart.dataset.schema, chart.dataset.table, column) in numeric:
                assert configured.get(column, {}).get("d3NumberFormat"), (chart.key, column)
                tables += 1
    assert tables >= 8
    assert generator.number_format("published_street_township_share_pct") == ",.4~f"
    assert generator.number_format("street_township_share_pct") == ",.2f"
    assert generator.number_format("district_department_items") == ",d"
