"""The numbers the README and docs/ state, generated from the warehouse, the dbt manifest and the test suite.

A document marks each generated part with a pair of comments:

    <!-- generated: summary -->
    ... (written by `hotline12345 refresh-docs`) ...
    <!-- /generated: summary -->

and the part's text comes from the template `docs_templates/<name>.md.j2`, rendered with `facts()`.
`hotline12345 refresh-docs` rewrites every marked part of README.md and docs/*.md; `hotline12345 refresh-docs --check` changes
nothing and names each part that is out of date (the suite runs it, so a typed number cannot go stale).
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import jinja2

BLOCK = re.compile(
    r"(?P<open><!-- generated: (?P<name>[a-z_]+) -->\n)(?P<body>.*?)(?P<close><!-- /generated: (?P=name) -->)",
    re.DOTALL,
)


@dataclass(frozen=True)
class StaleBlock:
    path: Path
    name: str

    def __str__(self) -> str:
        return f"{self.path}: the generated part '{self.name}' is out of date; run `hotline12345 refresh-docs`"


def _rows(connection: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, Any]]:
    result = connection.execute(query)
    names = [column[0] for column in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def warehouse_facts(database: Path) -> dict[str, Any]:
    """Counts of what the warehouse holds, and the audit's findings, read from the file."""
    with duckdb.connect(str(database), read_only=True) as connection:
        platforms = _rows(
            connection,
            "select platform_level, count(*) as platforms, count(*) filter (where figure_count > 0) as with_figures"
            " from marts.dim_platform group by platform_level order by platform_level",
        )
        sources = _rows(
            connection,
            "select count(*) as sources, count(distinct platform_code) as platforms,"
            " count(*) filter (where source_id in (select source_id from marts.fct_published_figure))"
            " as with_figures from marts.dim_source",
        )[0]
        figures = _rows(
            connection,
            "select count(*) as printings, count(distinct source_id) as sources,"
            " count(distinct platform_code) as platforms from marts.fct_published_figure",
        )[0]
        statuses = _rows(
            connection,
            "select status, count(*) as checks from audit.published_figure_checks group by status order by status",
        )
        kinds = _rows(
            connection,
            "select check_kind, count(*) as checks,"
            " count(*) filter (where status = 'inconsistent') as inconsistent"
            " from audit.published_figure_checks group by check_kind order by check_kind",
        )
        by_platform = _rows(
            connection,
            "select checks.platform_code, platforms.platform_name_zh, count(*) as checks,"
            " count(*) filter (where status = 'consistent') as consistent,"
            " count(*) filter (where status = 'truncated') as truncated,"
            " count(*) filter (where status = 'inconsistent') as inconsistent"
            " from audit.published_figure_checks as checks"
            " left join marts.dim_platform as platforms on checks.platform_code = platforms.platform_code"
            " group by all order by checks.platform_code",
        )
        changes = _rows(
            connection,
            "select how_checked,"
            " count(*) filter (where change_against = 'same_period_a_year_before') as year_on_year,"
            " count(*) filter (where change_against = 'previous_period') as period_on_period,"
            " count(*) filter (where change_against is null) as in_points,"
            " count(*) as changes"
            " from audit.printed_changes group by how_checked order by how_checked like 'unchecked%', how_checked",
        )
        group_shares = _rows(
            connection,
            "with claims as ("
            "  select claim_code, source_id, period_start, period_end, whole_subject_type, whole_subject_zh,"
            "   part_subject_type, part_subject_zh from raw.printed_part_claims),"
            " printed as (select * from marts.fct_published_figure where is_canonical),"
            " members as ("
            "  select claims.claim_code, claims.source_id, claims.period_start, claims.period_end,"
            "   claims.whole_subject_type, claims.whole_subject_zh, count(*) as named,"
            "   count(*) filter (where exists (select 1 from printed where printed.source_id = claims.source_id"
            "    and printed.period_start = claims.period_start and printed.period_end = claims.period_end"
            "    and printed.subject_type = claims.part_subject_type and printed.subject_zh = claims.part_subject_zh"
            "    and printed.measure = 'items')) as with_count,"
            "   count(*) filter (where exists (select 1 from printed where printed.source_id = claims.source_id"
            "    and printed.period_start = claims.period_start and printed.period_end = claims.period_end"
            "    and printed.subject_type = claims.part_subject_type and printed.subject_zh = claims.part_subject_zh"
            "    and printed.normalised_unit = 'percent')) as with_share"
            "  from claims group by all having count(claims.part_subject_zh) = count(*))"
            " select members.source_id, members.whole_subject_zh as group_zh,"
            "  groups.value_as_printed || groups.unit_printed as printed, members.named, members.with_count,"
            "  members.with_share, shares.status as share_status, bounds.status as bound_status"
            " from members"
            " inner join printed as groups on groups.source_id = members.source_id"
            "  and groups.period_start = members.period_start and groups.period_end = members.period_end"
            "  and groups.subject_type = members.whole_subject_type and groups.subject_zh = members.whole_subject_zh"
            "  and groups.normalised_unit = 'percent'"
            " left join audit.published_figure_checks as shares on shares.check_id = 'share:' || groups.figure_id"
            " left join audit.published_figure_checks as bounds"
            "  on bounds.check_id = 'bound:' || groups.figure_id || '.' || members.claim_code"
            " order by members.source_id, members.whole_subject_zh",
        )
        sentences = _rows(connection, "select check_id, status, explanation from audit.published_figure_checks")
        findings = _rows(
            connection,
            "select check_id, platform_code, period_code, source_id, explanation, review_note"
            " from audit.published_figure_checks where status = 'inconsistent' order by platform_code, check_id",
        )
    return {
        "platforms": sum(row["platforms"] for row in platforms),
        "platforms_with_figures": sum(row["with_figures"] for row in platforms),
        "platforms_by_level": platforms,
        "sources": sources["sources"],
        "sources_with_figures": sources["with_figures"],
        "printed_figures": figures["printings"],
        "checks": sum(row["checks"] for row in statuses),
        "checks_by_status": {row["status"]: row["checks"] for row in statuses},
        "checks_by_kind": kinds,
        "checks_by_platform": by_platform,
        "printed_changes": changes,
        "group_shares": group_shares,
        "findings": findings,
        "checks_by_id": {row["check_id"]: row for row in sentences},
    }


def dbt_test_facts(manifest: Path) -> dict[str, int]:
    """The dbt data tests and unit tests of the project, from the manifest its last parse wrote."""
    if not manifest.is_file():
        raise FileNotFoundError(f"{manifest} is missing: parse the project first (`.venv/bin/dbt parse`)")
    nodes = json.loads(manifest.read_text(encoding="utf-8"))
    data_tests = sum(1 for node in nodes["nodes"].values() if node["resource_type"] == "test")
    return {"dbt_data_tests": data_tests, "dbt_unit_tests": len(nodes.get("unit_tests", {}))}


def pytest_facts(root: Path) -> dict[str, int]:
    """How many test cases `pytest` collects in the project, and from how many test functions."""
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-n", "0"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    ids = [line for line in completed.stdout.splitlines() if "::" in line]
    if completed.returncode != 0 or not ids:
        raise RuntimeError(f"pytest could not collect the suite:\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}")
    return {"pytest_cases": len(ids), "pytest_functions": len({line.split("[", 1)[0] for line in ids})}


# The extractor's first score on each batch of pages it had never seen, as measured (the pages' texts stay outside
# the repository, so the scores cannot be measured again here): one row per batch, its counts as extract-score printed
# them, its section of docs/extract-scores.md by title.
EXTRACT_BATCHES = Path("docs") / "extract-scores-out-of-sample.csv"


def extract_batch_facts(root: Path) -> dict[str, Any]:
    """Each out-of-sample batch's first score (recall of values, of whole rows, precision) and all batches pooled."""
    with (root / EXTRACT_BATCHES).open(encoding="utf-8", newline="") as handle:
        batches: list[dict[str, Any]] = list(csv.DictReader(handle))
    counts = ("pages", "hand_rows", "values_matched", "whole_rows_matched", "proposals", "proposals_matched")
    for batch in batches:
        batch.update({name: int(batch[name]) for name in counts})
    pooled: dict[str, Any] = {name: sum(batch[name] for batch in batches) for name in counts}
    for row in [*batches, pooled]:
        row["values_recall"] = row["values_matched"] / row["hand_rows"]
        row["whole_row_recall"] = row["whole_rows_matched"] / row["hand_rows"]
        row["precision"] = row["proposals_matched"] / row["proposals"]
    return {"extract_batches": batches, "extract_batches_pooled": pooled}


@dataclass(frozen=True)
class Answer:
    """An analysis of analyses/ run on the warehouse: its question (the file's leading comment), its command and rows."""

    name: str
    question: str
    columns: list[str]
    rows: list[list[str]]
    row_count: int


def analysis_answers(root: Path, database: Path) -> Any:
    """A function the templates call with an analysis's name and how many rows to show."""
    from hotline12345.analyses import run_analysis
    from hotline12345.project import Project

    project = Project(root)

    def answer(name: str, limit: int) -> Answer:
        sql = (root / "analyses" / f"{name}.sql").read_text(encoding="utf-8")
        comment = []
        for line in sql.splitlines():
            if not line.startswith("--"):
                break
            comment.append(line.removeprefix("--").strip())
        result = run_analysis(project, name, database)
        rows = [
            ["" if value is None else f"{value:,}" if isinstance(value, int) else str(value) for value in row]
            for row in result.rows[:limit]
        ]
        return Answer(name, " ".join(comment), result.columns, rows, len(result.rows))

    return answer


def facts(root: Path, database: Path, pytest_counts: dict[str, int] | None = None) -> dict[str, Any]:
    """Everything a generated part may state."""
    return {
        "analysis": analysis_answers(root, database),
        **warehouse_facts(database),
        **dbt_test_facts(root / "target" / "manifest.json"),
        **extract_batch_facts(root),
        **(pytest_counts if pytest_counts is not None else pytest_facts(root)),
    }


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("hotline12345", "docs_templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["n"] = lambda value: f"{value:,}"
    return environment


def refreshed(text: str, context: dict[str, Any], environment: jinja2.Environment | None = None) -> str:
    """`text` with every generated part rendered anew from its template."""
    environment = environment or _environment()

    def render(match: re.Match[str]) -> str:
        body = environment.get_template(f"{match['name']}.md.j2").render(**context)
        return f"{match['open']}{body.rstrip()}\n{match['close']}"

    return BLOCK.sub(render, text)


def documents(root: Path) -> list[Path]:
    """The documents that may hold generated parts: the README and docs/*.md."""
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def stale(root: Path, context: dict[str, Any]) -> list[StaleBlock]:
    """Each generated part whose text is not what its template gives today."""
    environment = _environment()
    found = []
    for path in documents(root):
        text = path.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            if refreshed(match[0], context, environment) != match[0]:
                found.append(StaleBlock(path.relative_to(root), match["name"]))
    return found


def write(root: Path, context: dict[str, Any]) -> list[Path]:
    """Rewrite every generated part; the documents that changed."""
    environment = _environment()
    changed = []
    for path in documents(root):
        text = path.read_text(encoding="utf-8")
        new = refreshed(text, context, environment)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path.relative_to(root))
    return changed
