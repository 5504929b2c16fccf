"""A group's share checked from its members' counts, recomputed in fractions from the printed digits.

A page prints a group's share with no count of its own (位居前三位的工单:交通能源环保类172件、城乡建设类80件、
民政优抚类50件,占工单总量的59.68%) and printed_part_claims names its members. The share check's part is then
the sum of the members' counts. Here the expected checks are worked out again from the seed of claims and the
published figures: a check for each group whose every member has a count of the same source and period. Each
check is then worked again from the digits the page prints (172, 80, 50 and 506 件; 59.68%), not from the
warehouse's bounds: a count printed in 件 without decimals is exact; any other printing is its last digit's half
unit either way, times its unit (万件). The share's range is part_low / whole_high to part_high' / max(whole_low,
part_high'), where part_high' = min(part_high, whole_high) (the rest is unbounded above and at least nothing).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

import duckdb
import pytest

from hotline12345.project import Project

Bounds = tuple[Fraction, Fraction]

COUNT_UNITS = {"件": 1, "万件": 10_000, "萬件": 10_000}
DIGITS = re.compile(r"\d+(\.\d+)?")


@pytest.fixture(scope="module")
def db(warehouse: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(warehouse), read_only=True)


def half_unit(printed: str) -> Bounds:
    """98.12 is 98.115–98.125; 77 is 76.5–77.5."""
    value = Fraction(printed)
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    half = Fraction(1, 2 * 10**decimals)
    return value - half, value + half


def count_bounds(printed: str, unit: str) -> Bounds:
    assert DIGITS.fullmatch(printed) and unit in COUNT_UNITS, (printed, unit)
    if unit == "件" and "." not in printed:
        return Fraction(printed), Fraction(printed)
    low, high = half_unit(printed)
    return low * COUNT_UNITS[unit], high * COUNT_UNITS[unit]


def status_of(published: Bounds, low: Fraction, high: Fraction) -> str:
    """consistent where the printed range meets [low, high]; truncated where only the printing read as cut
    ([v, v + one unit)) meets it; else inconsistent."""
    if published[0] <= high and published[1] >= low:
        return "consistent"
    cut_low, cut_high = (published[0] + published[1]) / 2, published[1] + (published[1] - published[0]) / 2
    if cut_low <= high and cut_high >= low:
        return "truncated"
    return "inconsistent"


def claimed_groups(project: Project) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    path = project.root / "seeds" / "figures" / "printed_part_claims.csv"
    groups: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (
                row["source_id"],
                row["period_start"],
                row["period_end"],
                row["whole_subject_type"],
                row["whole_subject_zh"],
            )
            groups[key].append((row["part_subject_type"], row["part_subject_zh"]))
    return groups


def test_every_group_share_is_checked_from_its_members_counts_exactly(
    db: duckdb.DuckDBPyConnection, project: Project
) -> None:
    figures = db.execute(
        """
        select figure_id, source_id, cast(period_start as varchar), cast(period_end as varchar), subject_type,
               subject_zh, measure, value_printed, unit_printed
        from marts.fct_published_figure
        where is_canonical
        """
    ).fetchall()
    by_key: dict[tuple[str, ...], list[tuple[str, str, str, str]]] = defaultdict(list)
    printed: dict[str, tuple[str, str]] = {}
    for figure_id, source_id, start, end, subject_type, subject_zh, measure, value, unit in figures:
        by_key[(source_id, start, end, subject_type, subject_zh)].append((figure_id, measure, value, unit))
        printed[figure_id] = (value, unit)

    expected: dict[str, list[str]] = {}
    for (source_id, start, end, group_type, group_zh), members in claimed_groups(project).items():
        group_figures = by_key.get((source_id, start, end, group_type, group_zh), [])
        if any(measure == "items" for _, measure, _, _ in group_figures):
            continue  # a group with a count of its own is checked from that count
        member_counts = [
            [
                figure_id
                for figure_id, measure, _, _ in by_key.get((source_id, start, end, kind, zh), [])
                if measure == "items"
            ]
            for kind, zh in members
        ]
        if not all(len(ids) == 1 for ids in member_counts):
            continue  # a member without a count: no check
        for figure_id, measure, _, unit in group_figures:
            if unit == "%":
                expected["share:" + figure_id] = sorted(ids[0] for ids in member_counts)

    checks = db.execute(
        """
        select shares.check_id, shares.part_figure_ids, shares.whole_figure_ids, shares.feasible_low,
               shares.feasible_high, audit.status
        from intermediate.int_audit__share_checks as shares
        inner join audit.published_figure_checks as audit on shares.check_id = audit.check_id
        where audit.check_method like '%the members the page names for the group%'
        """
    ).fetchall()
    assert {check[0] for check in checks} == set(expected)
    assert len(expected) >= 2  # 大英's two weeks' and month's groups at least
    for check_id, part_ids, whole_ids, model_low, model_high, status in checks:
        assert sorted(part_ids) == expected[check_id], check_id
        part_bounds = [count_bounds(*printed[i]) for i in part_ids]
        part_low = sum((low for low, _ in part_bounds), Fraction(0))
        part_high = sum((high for _, high in part_bounds), Fraction(0))
        (whole_id,) = whole_ids
        whole_low, whole_high = count_bounds(*printed[whole_id])
        low = 100 * part_low / whole_high
        narrowed_high = min(part_high, whole_high)
        high = 100 * narrowed_high / max(whole_low, narrowed_high)
        tolerance = Fraction(1, 10**9)
        assert abs(Fraction(model_low) - low) <= tolerance, (check_id, model_low, float(low))
        assert abs(Fraction(model_high) - high) <= tolerance, (check_id, model_high, float(high))
        share_printed, share_unit = printed[check_id.removeprefix("share:")]
        assert share_unit == "%" and DIGITS.fullmatch(share_printed), check_id
        assert status == status_of(half_unit(share_printed), low, high), check_id


def test_the_worked_example_adds_up() -> None:
    """大英 2016-03-04..10, by hand: (172 + 80 + 50) / 506 = 302 / 506 = 59.6838…%, within 59.675–59.685."""
    low, high = half_unit("59.68")
    share = Fraction(100 * (172 + 80 + 50), 506)
    assert status_of((low, high), share, share) == "consistent"
    assert status_of(half_unit("59.70"), share, share) == "inconsistent"
