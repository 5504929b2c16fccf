"""The semantic layer (models/semantic/) answers through MetricFlow with the report's figures.

`mf query` runs (through `python -m hotline12345.mf`, which skips mf's update
check over the network) in a copy of the project, parsed with dbt, against a
copy of the session's warehouse. Expected values are the report's
(source_documents/beijing-12345-hotline-2022-annual-data-report.txt):
朝阳区 约 140 万件 (140.0 in the district table); 网络渠道 4202.2 万件 of
7592.4 万件, "2022 年的 55.35%"; 市场管理 97.1 万件 first of the categories;
7592.4 万件 "同比上升 411.01%"; resolution 92.72% and satisfaction 93.63%.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "target", "logs", "export", "warehouse", "*.duckdb", "*.wal", "__pycache__"
)


@pytest.fixture(scope="module")
def semantic_project(tmp_path_factory: pytest.TempPathFactory, warehouse: Path) -> Path:
    """A copy of the project with its own copy of the warehouse and a fresh semantic manifest."""
    root = tmp_path_factory.mktemp("semantic") / "project"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    (root / "warehouse").mkdir()
    shutil.copy(warehouse, root / "warehouse" / "hotline12345.duckdb")
    parsed = subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), "parse", "--quiet"],
        cwd=root,
        env=_environment(root),
        capture_output=True,
        text=True,
        check=False,
    )
    assert parsed.returncode == 0, parsed.stdout[-3000:] + parsed.stderr[-3000:]
    assert (root / "target" / "semantic_manifest.json").is_file()
    return root


def _environment(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DBT_PROFILES_DIR=str(root),
        DBT_PROJECT_DIR=str(root),
        HOTLINE12345_DUCKDB_PATH=str(root / "warehouse" / "hotline12345.duckdb"),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    return env


def mf_query(root: Path, *arguments: str) -> list[dict[str, str]]:
    out = root / "target" / "mf_query.csv"
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "hotline12345.mf", "query", *arguments, "--csv", str(out)],
        cwd=root,
        env=_environment(root),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and out.is_file(), done.stdout[-3000:] + done.stderr[-3000:]
    with out.open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


def in_2022(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [row for row in rows if row["metric_time__year"].startswith("2022-")]


def marts(root: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(root / "warehouse" / "hotline12345.duckdb"), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_chaoyang_district_items(semantic_project: Path) -> None:
    rows = in_2022(
        mf_query(
            semantic_project,
            "--metrics",
            "district_items,street_township_items,district_department_items",
            "--group-by",
            "district__district_name_zh,district__functional_zone_zh,metric_time__year",
            "--where",
            "{{ Dimension('district__district_name_zh') }} = '朝阳区'",
        )
    )
    assert len(rows) == 1
    row = rows[0]
    # 朝阳区共承办诉求约 140 万件 …区级部门承办 92.4 万件 … 街道乡镇承办 47.6 万件
    assert int(row["district_items"]) == 1_400_000
    assert int(row["district_department_items"]) == 924_000
    assert int(row["street_township_items"]) == 476_000
    assert row["district__functional_zone_zh"] == "中心城区"
    assert marts(
        semantic_project,
        "select items from marts.fct_district_workload where period_code = '2022' and district_code = 'chaoyang'",
    ) == [(1_400_000,)]


def test_online_share_of_the_intake(semantic_project: Path) -> None:
    rows = in_2022(
        mf_query(
            semantic_project,
            "--metrics",
            "online_share_of_intake,online_intake_items,total_intake_items",
            "--group-by",
            "metric_time__year",
        )
    )
    assert len(rows) == 1
    assert int(rows[0]["online_intake_items"]) == 42_022_000
    assert int(rows[0]["total_intake_items"]) == 75_924_000
    assert round(100 * float(rows[0]["online_share_of_intake"]), 2) == 55.35
    share = marts(
        semantic_project,
        "select share_of_total_pct from marts.fct_annual_intake where period_code = '2022' and member = 'online'",
    )
    assert round(float(str(share[0][0])), 2) == 55.35


def test_top_category(semantic_project: Path) -> None:
    rows = in_2022(
        mf_query(
            semantic_project,
            "--metrics",
            "category_items,category_yoy_change_pct",
            "--group-by",
            "category__category_name_zh,metric_time__year",
            "--order",
            "-category_items",
        )
    )
    assert len(rows) == 10
    top = rows[0]
    assert top["category__category_name_zh"] == "市场管理"
    assert int(top["category_items"]) == 971_000
    assert float(top["category_yoy_change_pct"]) == -26.34  # 同比下降 26.34%


def test_total_intake_year_on_year(semantic_project: Path) -> None:
    rows = in_2022(
        mf_query(
            semantic_project,
            "--metrics",
            "total_intake_items,total_intake_yoy_change_pct",
            "--group-by",
            "metric_time__year",
        )
    )
    # 7592.4 万件，同比上升 411.01%: against 2021's total on record, within the printed precision of both years.
    assert abs(float(rows[0]["total_intake_yoy_change_pct"]) - 411.01) < 0.05


def test_resolution_and_satisfaction_rates(semantic_project: Path) -> None:
    rows = mf_query(
        semantic_project,
        "--metrics",
        "resolution_rate_pct,satisfaction_rate_pct",
        "--group-by",
        "service_quality__period_code",
    )
    by_period = {row["service_quality__period_code"]: row for row in rows}
    assert float(by_period["2022"]["resolution_rate_pct"]) == 92.72
    assert float(by_period["2022"]["satisfaction_rate_pct"]) == 93.63


def test_audit_findings_match_the_audit_table(semantic_project: Path) -> None:
    rows = in_2022(
        mf_query(semantic_project, "--metrics", "audit_findings,audit_checks", "--group-by", "metric_time__year")
    )
    expected = marts(
        semantic_project,
        "select count(*) filter (where status = 'inconsistent'), count(*) "
        "from audit.published_figure_checks where year = 2022",
    )
    assert [(int(rows[0]["audit_findings"]), int(rows[0]["audit_checks"]))] == expected
    # The README's finding: the department/street shares of five districts, two each.
    assert expected[0][0] == 10


NETWORK_GUARD = """
import json, socket, sys
asked = []
def refuse(host, *args, **kwargs):
    if host not in ("localhost", "127.0.0.1", "::1", None):
        asked.append(str(host))
        raise OSError("no network in tests")
    return real(host, *args, **kwargs)
real = socket.getaddrinfo
socket.getaddrinfo = refuse
from {module} import {function} as run
try:
    run({arguments})
except SystemExit:
    pass
print("ASKED=" + json.dumps(asked))
"""


def hosts_asked(root: Path, module: str, function: str, arguments: str, scratch: Path) -> list[str]:
    """Host names a run looks up; none is reached (every lookup beyond loopback fails)."""
    code = NETWORK_GUARD.format(module=module, function=function, arguments=arguments)
    scratch.mkdir()
    # update_checker caches its answer for an hour in the temporary folder: give it an empty one.
    env = {**_environment(root), "TMPDIR": str(scratch)}
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=False)
    marker = [line for line in done.stdout.splitlines() if line.startswith("ASKED=")]
    assert marker, done.stdout[-2000:] + done.stderr[-2000:]
    return list(json.loads(marker[0].removeprefix("ASKED=")))


def test_mf_asks_nothing_of_the_network(semantic_project: Path, tmp_path: Path) -> None:
    # dbt-metricflow's own entry point looks itself up on PyPI (update_checker) on every command ...
    plain = "['list', 'metrics'], prog_name='mf', standalone_mode=True"
    assert "pypi.org" in hosts_asked(semantic_project, "dbt_metricflow.cli.main", "cli", plain, tmp_path / "mf")
    # ... the wrapper does not.
    assert hosts_asked(semantic_project, "hotline12345.mf", "main", "['list', 'metrics']", tmp_path / "wrapper") == []


def test_mf_reads_while_a_reader_holds_the_file_and_writes_nothing(semantic_project: Path) -> None:
    # dbt-duckdb alone opens the file for writing and fails on the lock a reader (Superset, a shell) holds.
    database = semantic_project / "warehouse" / "hotline12345.duckdb"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    with duckdb.connect(str(database), read_only=True) as reader:
        reader.execute("select count(*) from marts.fct_annual_intake").fetchone()
        rows = in_2022(mf_query(semantic_project, "--metrics", "total_intake_items", "--group-by", "metric_time__year"))
    assert int(rows[0]["total_intake_items"]) == 75_924_000  # 7592.4 万件
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
