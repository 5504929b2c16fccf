"""The semantic layer (models/semantic/) answers through MetricFlow with the report's figures.

`mf query` runs (through `python -m hotline12345.mf`, which skips mf's update
check over the network and opens the warehouse read-only) in a copy of the
project, with the semantic manifest of the session's `dbt parse`, against a
copy of the session's warehouse. Expected values are the report's
(support/expected.py, from source_documents/beijing-12345-hotline-2022-annual-data-report.txt):
朝阳区 约 140 万件 (140.0 in the district table); 网络渠道 4202.2 万件 of
7592.4 万件, "2022 年的 55.35%"; 市场管理 97.1 万件 first of the categories;
7592.4 万件 "同比上升 411.01%"; resolution 92.72% and satisfaction 93.63%.

MetricFlow takes seconds to start, so the figure tests' queries are asked of
one process (`hotline12345.mf.main`, once per query), while a reader holds the
warehouse, with every network lookup refused and recorded: each of those
queries is shown to ask nothing of the network and to write nothing. One more
query runs as `python -m hotline12345.mf query` on its own, the way a user
runs it, under the same guard and the same reader.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import copy_project, newer_build_inputs, sha256
from support.expected import (
    CHAOYANG_2022,
    CHAOYANG_2022_DISTRICT_DEPARTMENTS,
    CHAOYANG_2022_STREETS_AND_TOWNSHIPS,
    MARKET_2022,
    MARKET_2022_YOY_PCT,
    ONLINE_2022,
    ONLINE_2022_SHARE_PCT,
    RESOLUTION_RATE_2022_PCT,
    SATISFACTION_RATE_2022_PCT,
    TOTAL_2022,
    TOTAL_2022_YOY_PCT,
)

from hotline12345.project import Project

pytestmark = pytest.mark.slow

# Installed as `sitecustomize` in a process under test (and so in every Python process it starts): every host name
# looked up, but loopback's, is refused, and each process writes the names it was asked for, at exit, to a file of
# its own in $NETWORK_GUARD_LOG.
NETWORK_GUARD = textwrap.dedent(
    """
    import atexit, json, os, socket
    asked = []
    real = socket.getaddrinfo
    def refuse(host, *args, **kwargs):
        if host not in ("localhost", "127.0.0.1", "::1", None):
            asked.append(str(host))
            raise OSError("no network in tests")
        return real(host, *args, **kwargs)
    socket.getaddrinfo = refuse
    def report():
        with open(os.path.join(os.environ["NETWORK_GUARD_LOG"], f"{os.getpid()}.json"), "w") as log:
            json.dump(asked, log)
    atexit.register(report)
    """
)

QUERIES: dict[str, list[str]] = {
    "chaoyang": [
        "--metrics",
        "district_items,street_township_items,district_department_items",
        "--group-by",
        "platform,district__district_name_zh,district__functional_zone_zh,metric_time__year",
        "--where",
        "{{ Dimension('district__district_name_zh') }} = '朝阳区'",
    ],
    "online_share": [
        "--metrics",
        "online_share_of_intake,online_intake_items,total_intake_items",
        "--group-by",
        "platform,metric_time__year",
    ],
    "categories": [
        "--metrics",
        "category_items,category_published_yoy_change_pct",
        "--group-by",
        "platform,category__category_name_zh,metric_time__year",
        "--order",
        "-category_items",
    ],
    "total_yoy": [
        "--metrics",
        "total_intake_items,total_intake_yoy_change_pct",
        "--group-by",
        "platform,metric_time__year",
    ],
    "service_quality": [
        "--metrics",
        "published_resolution_rate_pct,published_satisfaction_rate_pct",
        "--group-by",
        "platform,service_quality__period_code",
        "--where",
        "{{ Dimension('service_quality__subject_code') }} = 'city_wide'",
    ],
    "audit": ["--metrics", "audit_findings,audit_checks", "--group-by", "platform,metric_time__year"],
    # Another hotline, by the platform entity alone: Nantong's weeks, with its level and parent from dim_platform.
    "nantong": [
        "--metrics",
        "period_intake_items",
        "--group-by",
        (
            "platform,platform__platform_level,platform__parent_platform_code,"
            "intake__period_code,intake__period_label_zh,intake__dimension,intake__member"
        ),
        "--where",
        "{{ Entity('platform') }} = 'nantong_12345'",
    ],
    # Every platform's annual totals side by side: one row per platform and year, none summed across platforms.
    "by_platform": [
        "--metrics",
        "total_intake_items",
        "--group-by",
        "platform,platform__platform_level,metric_time__year",
    ],
}
BEIJING = "beijing_12345"

# One MetricFlow process under the network guard. First dbt-metricflow's own entry point (`mf list --help`: its
# update check runs before any command), whose lookups are kept apart; then, through the wrapper,
# `validate-configs` (the semantic models and metrics against the warehouse: it exits 1 on any error),
# `list metrics` and every query. Prints what the plain entry point looked up and each command's exit code.
BATCH = textwrap.dedent(
    """
    import json, sys
    import sitecustomize
    from dbt_metricflow.cli.main import cli
    try:
        cli.main(args=["list", "--help"], prog_name="mf", standalone_mode=True)
    except SystemExit:
        pass
    plain = list(sitecustomize.asked)
    sitecustomize.asked.clear()
    from hotline12345.mf import main
    codes = {"validate-configs": main(["validate-configs"]), "list metrics": main(["list", "metrics"])}
    codes |= {name: main(["query", *arguments, "--csv", f"target/mf_{name}.csv"])
              for name, arguments in json.loads(sys.argv[1]).items()}
    print("BATCH=" + json.dumps({"plain": plain, "codes": codes}))
    """
)


@pytest.fixture(scope="module")
def semantic_project(tmp_path_factory: pytest.TempPathFactory, project: Project, warehouse: Path) -> Path:
    """A copy of the project with its own copy of the warehouse and a fresh semantic manifest."""
    copy = copy_project(tmp_path_factory.mktemp("semantic") / "project", warehouse)
    # The session's `dbt parse` of the project (the `project` fixture) wrote target/semantic_manifest.json, as a
    # user's `dbt parse` does; a copy of the project has the same files, so the same manifest.
    manifest = project.root / "target" / "semantic_manifest.json"
    assert manifest.is_file(), "the session's dbt parse writes the semantic manifest"
    assert not newer_build_inputs(project.root, manifest), "the semantic manifest is older than a dbt file"
    shutil.copy2(manifest, copy.root / "target" / manifest.name)
    return copy.root


def _environment(root: Path, guard: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DBT_PROFILES_DIR=str(root),
        DBT_PROJECT_DIR=str(root),
        HOTLINE12345_DUCKDB_PATH=str(root / "warehouse" / "hotline12345.duckdb"),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    if guard is not None:
        # update_checker caches its answer for an hour in the temporary folder: give it an empty one.
        (guard / "tmp").mkdir(parents=True)
        (guard / "asked").mkdir()
        (guard / "sitecustomize.py").write_text(NETWORK_GUARD, encoding="utf-8")
        env.update(PYTHONPATH=str(guard), NETWORK_GUARD_LOG=str(guard / "asked"), TMPDIR=str(guard / "tmp"))
    return env


def hosts_asked(guard: Path) -> list[str]:
    """Host names the guarded processes looked up; none was reached (every lookup beyond loopback failed)."""
    logs = sorted((guard / "asked").glob("*.json"))
    assert logs, "the network guard did not run"
    return [host for log in logs for host in json.loads(log.read_text(encoding="utf-8"))]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


@dataclass(frozen=True)
class Run:
    """MetricFlow run in a process of its own under the network guard while a reader held the warehouse."""

    returncode: int
    output: str
    asked: list[str]
    sha256_before: str
    sha256_after: str


def run_under_a_reader(root: Path, command: list[str], guard: Path) -> Run:
    # dbt-duckdb alone opens the file for writing and fails on the lock a reader (Superset, a shell) holds.
    database = root / "warehouse" / "hotline12345.duckdb"
    before = sha256(database)
    with duckdb.connect(str(database), read_only=True) as reader:
        reader.execute("select count(*) from marts.fct_annual_intake").fetchone()
        done = subprocess.run(
            command, cwd=root, env=_environment(root, guard), capture_output=True, text=True, check=False
        )
    output = done.stdout[-3000:] + done.stderr[-3000:]
    return Run(done.returncode, output, hosts_asked(guard), before, sha256(database))


Rows = list[dict[str, str]]


@dataclass(frozen=True)
class Batch:
    run: Run
    plain_mf_asked: list[str]
    rows: dict[str, Rows]


@pytest.fixture(scope="module")
def batch(semantic_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Every query of `QUERIES`, asked of one MetricFlow process, and each one's rows."""
    guard = tmp_path_factory.mktemp("batch_guard")
    run = run_under_a_reader(semantic_project, [sys.executable, "-c", BATCH, json.dumps(QUERIES)], guard)
    printed = [line for line in run.output.splitlines() if line.startswith("BATCH=")]
    assert run.returncode == 0 and printed, run.output
    outcome = json.loads(printed[-1].removeprefix("BATCH="))
    assert set(outcome["codes"]) == {"validate-configs", "list metrics", *QUERIES}
    assert not any(outcome["codes"].values()), (outcome["codes"], run.output)
    rows = {name: read_csv(semantic_project / "target" / f"mf_{name}.csv") for name in QUERIES}
    return Batch(run, outcome["plain"], rows)


def in_2022(rows: Rows) -> Rows:
    """Beijing's rows of 2022: every query groups by platform, and the 2022 report is Beijing's."""
    return [row for row in rows if row["metric_time__year"].startswith("2022-") and row["platform"] == BEIJING]


def marts(root: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(root / "warehouse" / "hotline12345.duckdb"), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_chaoyang_district_items(batch: Batch, semantic_project: Path) -> None:
    rows = in_2022(batch.rows["chaoyang"])
    assert len(rows) == 1
    row = rows[0]
    # 朝阳区共承办诉求约 140 万件 …区级部门承办 92.4 万件 … 街道乡镇承办 47.6 万件
    assert int(row["district_items"]) == CHAOYANG_2022.items
    assert int(row["district_department_items"]) == CHAOYANG_2022_DISTRICT_DEPARTMENTS.items
    assert int(row["street_township_items"]) == CHAOYANG_2022_STREETS_AND_TOWNSHIPS.items
    assert row["district__functional_zone_zh"] == "中心城区"
    assert marts(
        semantic_project,
        "select items from marts.fct_district_workload where period_code = '2022' and district_code = 'chaoyang'",
    ) == [(CHAOYANG_2022.items,)]


def test_online_share_of_the_intake(batch: Batch, semantic_project: Path) -> None:
    rows = in_2022(batch.rows["online_share"])
    assert len(rows) == 1
    assert int(rows[0]["online_intake_items"]) == ONLINE_2022.items
    assert int(rows[0]["total_intake_items"]) == TOTAL_2022.items
    assert round(100 * float(rows[0]["online_share_of_intake"]), 2) == float(ONLINE_2022_SHARE_PCT.decimal)
    share = marts(
        semantic_project,
        "select share_of_total_pct from marts.fct_annual_intake where period_code = '2022' and member = 'online'",
    )
    assert round(float(str(share[0][0])), 2) == float(ONLINE_2022_SHARE_PCT.decimal)


def test_top_category(batch: Batch) -> None:
    rows = in_2022(batch.rows["categories"])
    assert len(rows) == 10
    top = rows[0]
    assert top["category__category_name_zh"] == "市场管理"
    assert int(top["category_items"]) == MARKET_2022.items
    assert float(top["category_published_yoy_change_pct"]) == float(MARKET_2022_YOY_PCT.decimal)


def test_total_intake_year_on_year(batch: Batch) -> None:
    rows = in_2022(batch.rows["total_yoy"])
    # 7592.4 万件，同比上升 411.01%: against 2021's total on record, within the printed precision of both years.
    assert abs(float(rows[0]["total_intake_yoy_change_pct"]) - float(TOTAL_2022_YOY_PCT.decimal)) < 0.05


def test_resolution_and_satisfaction_rates(batch: Batch) -> None:
    by_period = {
        row["service_quality__period_code"]: row for row in batch.rows["service_quality"] if row["platform"] == BEIJING
    }
    assert float(by_period["2022"]["published_resolution_rate_pct"]) == float(RESOLUTION_RATE_2022_PCT.decimal)
    assert float(by_period["2022"]["published_satisfaction_rate_pct"]) == float(SATISFACTION_RATE_2022_PCT.decimal)


def test_audit_findings_match_the_audit_table(batch: Batch, semantic_project: Path) -> None:
    rows = in_2022(batch.rows["audit"])
    expected = marts(
        semantic_project,
        "select count(*) filter (where status = 'inconsistent'), count(*) "
        "from audit.published_figure_checks where year = 2022 and platform_code = 'beijing_12345'",
    )
    assert [(int(rows[0]["audit_findings"]), int(rows[0]["audit_checks"]))] == expected
    # The README's finding: the department/street shares of five districts, two each.
    assert expected[0][0] == 10


def test_a_metric_answers_for_another_platform_by_the_platform_entity(batch: Batch) -> None:
    """南通 "本周(12月3日—12月10日)…共受理各类诉求25560件 … 在线直接答复21157件" (../shared/sources/other-cities.md)."""
    rows = batch.rows["nantong"]
    assert {row["platform"] for row in rows} == {"nantong_12345"}
    assert {(row["platform__platform_level"], row["platform__parent_platform_code"]) for row in rows} == {
        ("city", "jiangsu_12345")
    }
    week = {
        (row["intake__dimension"], row["intake__member"]): int(row["period_intake_items"])
        for row in rows
        if row["intake__period_code"] == "2021-12-03..2021-12-10"
    }
    assert week[("total", "all")] == 25_560
    assert week[("handling_mode", "direct_reply")] == 21_157
    assert week[("channel", "online")] == 1_335  # 网站、微信、微博、移动APP等网络诉求1335件
    # The week as a reader reads it, beside its key: dim_period's label, its days without the year they share.
    assert {
        row["intake__period_label_zh"] for row in rows if row["intake__period_code"] == "2021-12-03..2021-12-10"
    } == {"2021-12-03 至 12-10"}


def test_annual_totals_stay_apart_by_platform(batch: Batch, semantic_project: Path) -> None:
    """Three platforms print a 2022 total (Beijing, Jiangsu and its city Suzhou): three rows, not one sum."""
    rows = [row for row in batch.rows["by_platform"] if row["metric_time__year"].startswith("2022-")]
    shown = {row["platform"]: int(row["total_intake_items"]) for row in rows}
    assert len(shown) == len(rows), "one row per platform"
    expected = marts(
        semantic_project,
        "select platform_code, sum(items) from marts.fct_annual_intake "
        "where period_kind = 'year' and year = 2022 and dimension = 'total' group by all",
    )
    assert shown == {str(platform): int(str(items)) for platform, items in expected}
    assert shown[BEIJING] == TOTAL_2022.items
    assert len(shown) >= 2


def test_no_metric_names_a_platform_or_a_subject(project: Project) -> None:
    """A metric's filter keeps to what it measures; the platform and the subject (city_wide) belong to the query."""
    metrics = yaml.safe_load((project.root / "models" / "semantic" / "_semantic__metrics.yml").read_text("utf-8"))
    with (project.root / "seeds" / "reference" / "ref_platforms.csv").open(encoding="utf-8", newline="") as seed:
        platforms = [row["platform_code"] for row in csv.DictReader(seed)]
    filters = {metric["name"]: str(metric.get("filter") or "") for metric in metrics["metrics"]}
    assert any(filters.values()), "the metrics' filters were read"
    named = {
        name: text
        for name, text in filters.items()
        if "platform" in text or "subject_code" in text or "city_wide" in text or any(p in text for p in platforms)
    }
    assert not named, named


def test_the_queries_ask_nothing_of_the_network_and_write_nothing(batch: Batch) -> None:
    """`mf list metrics` and each query above ran through the wrapper while a reader held the file, with the
    network refused."""
    assert batch.run.asked == []
    assert batch.run.sha256_after == batch.run.sha256_before


def test_mf_itself_asks_pypi_on_every_command(batch: Batch) -> None:
    """dbt-metricflow's own entry point looks itself up on PyPI (update_checker) before any command: what the
    wrapper switches off, and what the guard of the other tests would have caught."""
    assert "pypi.org" in batch.plain_mf_asked


def test_python_m_mf_query_reads_while_a_reader_holds_the_file_asks_nothing_of_the_network_and_writes_nothing(
    semantic_project: Path, tmp_path: Path
) -> None:
    """`python -m hotline12345.mf query`, as a user runs it: a process of its own, nothing started before it."""
    out = tmp_path / "mf_query.csv"
    command = [sys.executable, "-m", "hotline12345.mf", "query", "--metrics", "total_intake_items"]
    run = run_under_a_reader(
        semantic_project, [*command, "--group-by", "platform,metric_time__year", "--csv", str(out)], tmp_path / "guard"
    )
    assert run.returncode == 0 and out.is_file(), run.output
    assert run.asked == []
    assert run.sha256_after == run.sha256_before
    rows = in_2022(read_csv(out))
    assert int(rows[0]["total_intake_items"]) == TOTAL_2022.items
