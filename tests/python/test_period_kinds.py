"""Every kind of period a page prints gets its kind from its two dates (macros/periods.sql, period_kind).

One real period of each kind, from the seeds, with the kind its dates make by the definitions in
models/docs/periods.md: a week of any start day (across New Year too), a calendar month, quarter, half-year and
year, the year to date, any other run of days within one year (a holiday), a running total across years, and a page
that prints no dates.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT

# (platform, period code, the kind its dates make, why)
PERIODS = [
    ("nantong_12345", "2021-12-03..2021-12-10", "week", "Friday to Friday, eight days counted inclusively"),
    ("nantong_12345", "2020-12-25..2021-01-01", "week", "a week across New Year is a week, not a running total"),
    ("beijing_12345", "2022-01", "month", "1 to 31 January"),
    ("zhangjiakou_12345", "2021-Q1", "quarter", "1 January to 31 March"),
    ("chencang_12345", "2022-H1", "half_year", "1 January to 30 June"),
    ("beijing_12345", "2022", "year", "1 January to 31 December"),
    ("beijing_12345", "2021-01-01..2021-11-30", "year_to_date", "January to November"),
    ("beijing_12345", "2024-01-01..2024-12-10", "year_to_date", "1 January to 10 December"),
    ("beijing_12345", "2024-01-01..2024-09-30", "year_to_date", "three quarters from 1 January: no quarter alone"),
    ("jinan_12345", "2021-04-03..2021-04-05", "window", "the Qingming holiday, three days"),
    ("beijing_12345", "2019-01-01..2024-06-30", "cumulative", "a running total across years"),
    (
        "zunyi_12345",
        "undated (zunyi_2019_cumulative): 2019-11-01..",
        "open_ended",
        "from a printed day, no end printed",
    ),
    ("nantong_12345", "undated (nantong_2023_pub0601_weekly)", "unknown", "the page prints no dates"),
]


@pytest.fixture(scope="module")
def kinds(warehouse: Path) -> dict[tuple[str, str], set[str]]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute(
            "select platform_code, period_code, period_kind from marts.fct_published_figure group by all"
        ).fetchall()
    found: dict[tuple[str, str], set[str]] = {}
    for platform, period, kind in rows:
        found.setdefault((platform, period), set()).add(kind)
    return found


@pytest.mark.parametrize(("platform", "period", "kind", "why"), PERIODS, ids=[row[1] for row in PERIODS])
def test_a_period_has_the_kind_its_dates_make(
    kinds: dict[tuple[str, str], set[str]], platform: str, period: str, kind: str, why: str
) -> None:
    assert kinds.get((platform, period)) == {kind}, why


def test_every_kind_in_the_marts_is_documented_and_tried_here(kinds: dict[tuple[str, str], set[str]]) -> None:
    docs = (ROOT / "models" / "docs" / "periods.md").read_text(encoding="utf-8")
    block = re.search(r"{% docs period_kind %}(.*?){% enddocs %}", docs, re.DOTALL)
    assert block is not None
    documented = set(re.findall(r"`(\w+)`", block.group(1)))
    assert set().union(*kinds.values()) <= documented == {kind for _, _, kind, _ in PERIODS}
