"""`hotline12345 analysis direct_reply_share_by_platform`: the hotlines side by side, checked against their pages.

Expected figures are the pages' own (support/expected.py, from
source_documents/): 南通 "本周(12月3日—12月10日)…共受理各类诉求25560件 … 在线直接答复21157件";
宜春 "本月受理各类诉求38447件 … 通过呼叫平台在线解答群众诉求20334件" (May 2023);
北京 7592.4 万件, 直接答复 6708.9 万件 (88.36%) in the 2022 report. The shares are
computed here from the printed counts, not read from the analysis.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pytest
from support.expected import (
    DIRECT_REPLY_2022,
    NANTONG_WEEK_DIRECT_REPLY,
    NANTONG_WEEK_TOTAL,
    TOTAL_2022,
    YICHUN_MONTH_DIRECT_REPLY,
    YICHUN_MONTH_TOTAL,
)

from hotline12345.analyses import run_analysis
from hotline12345.cli import main
from hotline12345.project import Project

QUESTION = "direct_reply_share_by_platform"

# platform → (period, period kind, total, answered directly), as the pages print them.
FROM_THE_PAGES = {
    "nantong_12345": ("2021-12-03..2021-12-10", "week", NANTONG_WEEK_TOTAL.items, NANTONG_WEEK_DIRECT_REPLY.items),
    "yichun_12345": ("2023-05", "month", YICHUN_MONTH_TOTAL.items, YICHUN_MONTH_DIRECT_REPLY.items),
    "beijing_12345": ("2022", "year", TOTAL_2022.items, DIRECT_REPLY_2022.items),
}


def percent(part: int, whole: int) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def rows(project: Project, warehouse: Path) -> dict[str, dict[str, object]]:
    result = run_analysis(project, QUESTION, warehouse)
    records = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    by_platform = {str(record["platform_code"]): record for record in records}
    assert len(by_platform) == len(records), "one row per platform"
    return by_platform


@pytest.mark.parametrize("platform", sorted(FROM_THE_PAGES))
def test_a_platforms_latest_share_answered_directly_is_its_pages(
    rows: dict[str, dict[str, object]], platform: str
) -> None:
    period, kind, total, direct = FROM_THE_PAGES[platform]
    row = rows[platform]
    assert (row["period_code"], row["period_kind"]) == (period, kind)
    assert (row["total_items"], row["direct_reply_items"]) == (total, direct)
    assert Decimal(str(row["direct_reply_share_pct"])) == percent(direct, total)


def test_every_platform_with_a_printed_total_and_direct_replies_has_one_row(
    rows: dict[str, dict[str, object]], warehouse: Path
) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        expected = {
            platform
            for (platform,) in connection.execute(
                """
                select distinct total.platform_code
                from marts.fct_annual_intake as total
                inner join marts.fct_annual_intake as direct
                    on total.platform_code = direct.platform_code
                    and total.period_code = direct.period_code
                    and total.source_id = direct.source_id
                where total.dimension = 'total' and total.member = 'all' and total.how_obtained = 'printed'
                    and direct.member = 'direct_reply' and direct.how_obtained = 'printed'
                """
            ).fetchall()
        }
    assert set(rows) == expected
    assert len(expected) >= 5, "several hotlines side by side"
    for platform, row in rows.items():
        assert row["platform_level"] is not None and row["source_id"], platform


def test_the_command_prints_the_comparison_as_json(
    project: Project, warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--project-dir", str(project.root), "analysis", QUESTION, "--database", str(warehouse), "--format", "json"]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    records = {record["platform_code"]: record for record in json.loads(captured.out)}
    assert records["nantong_12345"]["direct_reply_share_pct"] == 82.77
    assert records["yichun_12345"]["direct_reply_share_pct"] == float(percent(20_334, 38_447))
