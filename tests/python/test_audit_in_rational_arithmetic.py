"""Every share, sum, change and unstated-whole share-list check of the audit, recomputed in exact rational arithmetic.

The audit works in SQL with IEEE doubles. Here each check is worked again
from the printed bounds of the very figures it names (exact decimals from
marts.fct_published_figure, as Fractions), with the narrowing of a part by
its whole and its rest written out independently:

    part_low'  = max(part_low,  whole_low  - rest_high)
    part_high' = min(part_high, whole_high - rest_low)
    share_low  = part_low'  / min(whole_high, part_low'  + rest_high)
    share_high = part_high' / max(whole_low,  part_high' + rest_low)

and the bounds and the status must come out the same.
"""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import duckdb
import pytest

Bounds = tuple[Fraction, Fraction]


@pytest.fixture(scope="module")
def db(warehouse: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(warehouse), read_only=True)


@pytest.fixture(scope="module")
def figures(db: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, Bounds]]:
    rows = db.execute(
        "select figure_id, measure, value_low, value_high from marts.fct_published_figure where is_canonical"
    ).fetchall()
    return {figure_id: (measure, (Fraction(low), Fraction(high))) for figure_id, measure, low, high in rows}


def term_bounds(ids: list[str], figures: dict[str, tuple[str, Bounds]]) -> Bounds:
    """The sum of the figures named, where an items figure followed by a year-on-year
    change is the prior year back-calculated from them: items / (1 + change / 100)."""
    low = high = Fraction(0)
    index = 0
    while index < len(ids):
        _measure, (item_low, item_high) = figures[ids[index]]
        following = figures.get(ids[index + 1]) if index + 1 < len(ids) else None
        if following is not None and following[0] == "yoy_change_pct":
            change_low, change_high = following[1]
            low += item_low / (1 + change_high / 100)
            high += item_high / (1 + change_low / 100)
            index += 2
        else:
            low += item_low
            high += item_high
            index += 1
    return low, high


def close(model: float | None, exact: Fraction | None) -> bool:
    if model is None or exact is None:
        return model is None and exact is None
    return abs(Fraction(model) - exact) <= abs(exact) * Fraction(1, 10**12) + Fraction(1, 10**9)


def consistent(published: Bounds, low: Fraction | None, high: Fraction | None) -> bool:
    """The published range meets a feasible range that is not empty."""
    empty = low is not None and high is not None and low > high
    return not empty and (high is None or published[0] <= high) and (low is None or published[1] >= low)


def truncated(published: Bounds) -> Bounds:
    """A plain printing read as cut after its last digit: [v, v + one unit) from its rounding bounds."""
    low, high = published
    return (low + high) / 2, high + (high - low) / 2


def expected_status(published: Bounds, plain: bool, low: Fraction | None, high: Fraction | None) -> str:
    if consistent(published, low, high):
        return "consistent"
    if plain and published[0] >= 0 and consistent(truncated(published), low, high):
        return "truncated"
    return "inconsistent"


def test_every_share_check_recomputed_exactly(
    db: duckdb.DuckDBPyConnection, figures: dict[str, tuple[str, Bounds]]
) -> None:
    checks = db.execute(
        """
        select shares.check_id, shares.part_figure_ids, shares.rest_figure_ids, shares.whole_figure_ids,
               shares.rest_high is null as rest_unbounded, shares.feasible_low, shares.feasible_high,
               audit.status, replace(shares.check_id, 'share:', '') as figure_id, shares.published_is_plain
        from intermediate.int_audit__share_checks as shares
        inner join audit.published_figure_checks as audit on shares.check_id = audit.check_id
        """
    ).fetchall()
    assert checks
    for (
        check_id,
        part_ids,
        rest_ids,
        whole_ids,
        rest_unbounded,
        model_low,
        model_high,
        status,
        figure_id,
        plain,
    ) in checks:
        part_low, part_high = term_bounds(part_ids, figures)
        whole_low, whole_high = term_bounds(whole_ids, figures)
        rest_low, rest_high = term_bounds(rest_ids, figures)
        if rest_unbounded:
            narrowed_low = part_low
            low = narrowed_low / whole_high
        else:
            narrowed_low = max(part_low, whole_low - rest_high)
            low = narrowed_low / min(whole_high, narrowed_low + rest_high)
        narrowed_high = min(part_high, whole_high - rest_low)
        high = narrowed_high / max(whole_low, narrowed_high + rest_low)
        assert close(model_low, 100 * low), (check_id, model_low, float(100 * low))
        assert close(model_high, 100 * high), (check_id, model_high, float(100 * high))
        published = figures[figure_id][1]
        assert status == expected_status(published, plain, 100 * low, 100 * high), check_id


def test_every_sum_check_recomputed_exactly(
    db: duckdb.DuckDBPyConnection, figures: dict[str, tuple[str, Bounds]]
) -> None:
    checks = db.execute(
        """
        select sums.check_id, sums.part_figure_ids, sums.whole_figure_ids, sums.published_low, sums.published_high,
               sums.feasible_low, sums.feasible_high, sums.check_kind, audit.status
        from intermediate.int_audit__sum_checks as sums
        inner join audit.published_figure_checks as audit on sums.check_id = audit.check_id
        where sums.check_kind in ('sum', 'derived_sum')
        """
    ).fetchall()
    assert {kind for *_, kind, _ in checks} == {"sum", "derived_sum"}
    for check_id, part_ids, whole_ids, model_published_low, model_published_high, low, high, _, status in checks:
        part_low, part_high = term_bounds(part_ids, figures)
        whole = term_bounds(whole_ids, figures)
        assert close(low, part_low), (check_id, low, float(part_low))
        assert close(high, part_high), (check_id, high, float(part_high))
        assert close(model_published_low, whole[0]) and close(model_published_high, whole[1]), check_id
        assert status == expected_status(whole, False, part_low, part_high), check_id


def test_every_list_sum_check_recomputed_exactly(
    db: duckdb.DuckDBPyConnection, figures: dict[str, tuple[str, Bounds]]
) -> None:
    """A list a page prints whole (seeds/sources/complete_lists.csv): one check per line of the seed, summing as
    many members as the line says, and the sum of their printed bounds against the whole's."""
    seed = Path(__file__).resolve().parents[2] / "seeds/sources/complete_lists.csv"
    declared = seed.read_text(encoding="utf-8").splitlines()[1:]
    checks = db.execute(
        """
        select check_id, platform_code || '.' || period_code || '.intake.' || subject_code || '.' || measure,
               string_split(input_figure_ids, ', '), feasible_low, feasible_high, status
        from audit.published_figure_checks
        where check_kind = 'list_sum'
        """
    ).fetchall()
    assert len(checks) == len(declared)
    counts = sorted(int(next(csv.reader([line]))[6]) for line in declared)
    assert sorted(len(input_ids) - 1 for _, _, input_ids, *_ in checks) == counts
    for check_id, whole_id, input_ids, low, high, status in checks:
        assert whole_id in input_ids, check_id
        part_low, part_high = term_bounds([i for i in input_ids if i != whole_id], figures)
        whole = figures[whole_id][1]
        assert close(low, part_low) and close(high, part_high), check_id
        assert status == expected_status(whole, False, part_low, part_high), check_id


def test_every_daily_average_check_recomputed_exactly(
    db: duckdb.DuckDBPyConnection, figures: dict[str, tuple[str, Bounds]]
) -> None:
    """A daily average against its count over the days of its period, counted inclusively."""
    checks = db.execute(
        """
        select check_id, replace(check_id, 'average:', ''), string_split(input_figure_ids, ', '),
               datediff('day', periods.period_start, periods.period_end) + 1, published_low, published_high,
               feasible_low, feasible_high, status
        from audit.published_figure_checks
        inner join marts.dim_period as periods using (period_code)
        where check_kind = 'average'
        """
    ).fetchall()
    assert checks
    for check_id, average_id, input_ids, days, published_low, published_high, low, high, status in checks:
        (count_id,) = [i for i in input_ids if i != average_id]
        count_low, count_high = figures[count_id][1]
        assert close(low, count_low / days) and close(high, count_high / days), check_id
        published = (Fraction(published_low), Fraction(published_high))
        assert status == expected_status(published, False, count_low / days, count_high / days), check_id


def test_every_list_of_shares_of_an_unstated_whole_recomputed_exactly(db: duckdb.DuckDBPyConnection) -> None:
    """A list of shares of a whole the page does not print (未说明; across subject types where the whole is one
    total of the period): each share s of a printed count p allows a whole of 100 p / s, so each (count, share) pair
    bounds the whole to [100 p_low / s_high, 100 p_high / s_low]; the list is consistent where the pairs' ranges
    meet, `truncated` where they meet only with the plain shares read as cut ([v, v + one unit)), else
    inconsistent."""
    rows = db.execute(
        "select figure_id, subject_type, subject_code, measure, value_low, value_high, approximation_zh"
        " from marts.fct_published_figure where is_canonical"
    ).fetchall()
    by_id = {row[0]: row for row in rows}
    counts = {
        (figure_id.rsplit(".", 1)[0]): (Fraction(low), Fraction(high))
        for figure_id, _, _, measure, low, high, _ in rows
        if measure == "items"
    }
    checks = db.execute(
        "select check_id, input_figure_ids, feasible_low, feasible_high, status from audit.published_figure_checks"
        " where check_kind = 'share_list' and published_value_as_printed is null"
    ).fetchall()
    assert any("+" in check_id.split(".")[2] for check_id, *_ in checks), "no list across subject types"
    for check_id, input_ids, model_low, model_high, status in checks:
        lows, highs, cut_lows, cut_highs = [], [], [], []
        for figure_id in input_ids.split(", "):
            _, _, _, measure, share_low, share_high, approximation = by_id[figure_id]
            part = counts.get(figure_id.rsplit(".", 1)[0])
            if measure == "items" or part is None:
                continue
            share = (Fraction(share_low), Fraction(share_high))
            cut = truncated(share) if approximation is None else share
            lows.append(100 * part[0] / share[1])
            highs.append(100 * part[1] / share[0])
            cut_lows.append(100 * part[0] / cut[1])
            cut_highs.append(100 * part[1] / cut[0])
        assert len(lows) >= 2, check_id
        low, high = max(lows), min(highs)
        assert close(model_low, low), (check_id, model_low, float(low))
        assert close(model_high, high), (check_id, model_high, float(high))
        if low <= high:
            expected = "consistent"
        elif max(cut_lows) <= min(cut_highs):
            expected = "truncated"
        else:
            expected = "inconsistent"
        assert status == expected, check_id


def test_every_change_check_recomputed_exactly(
    db: duckdb.DuckDBPyConnection, figures: dict[str, tuple[str, Bounds]]
) -> None:
    """A rate of change beside its change in items and its count: 100 x change / (count - change), its extremes
    at the corners of the two figures' printed bounds (it is monotone in each)."""
    counted = {
        measure
        for (measure,) in db.execute(
            "select measure from raw.ref_measure_uses where model_name = 'int_audit__change_checks' and figure_role = 'count'"
        ).fetchall()
    }
    checks = db.execute(
        """
        select check_id, string_split(input_figure_ids, ', '), feasible_low, feasible_high, status,
               replace(check_id, 'change:', '') as figure_id
        from audit.published_figure_checks
        where check_kind = 'change'
        """
    ).fetchall()
    assert {status for *_, status, _ in checks} >= {"consistent", "inconsistent"}
    for check_id, input_ids, model_low, model_high, status, figure_id in checks:
        (count_id,) = [each for each in input_ids if figures[each][0] in counted]
        (change_id,) = [each for each in input_ids if figures[each][0] not in counted]
        counts = figures[count_id][1]
        changes = figures[change_id][1]
        corners = [100 * change / (count - change) for count in counts for change in changes]
        assert close(model_low, min(corners)), (check_id, model_low, float(min(corners)))
        assert close(model_high, max(corners)), (check_id, model_high, float(max(corners)))
        assert status == expected_status(figures[figure_id][1], False, min(corners), max(corners)), check_id


def test_narrowing_matters_somewhere(db: duckdb.DuckDBPyConnection) -> None:
    """The narrowing is not a no-op on the published data: at least one share's feasible
    range is narrower than the unnarrowed formula gives (a district whose street count is
    printed to a whole 万件 beside a total and department count printed to 0.1)."""
    (narrowed,) = db.execute(
        """
        select count(*) from intermediate.int_audit__share_checks
        where rest_high is not null
          and feasible_high < 100.0 * part_high / greatest(whole_low, part_high + rest_low) - 1e-9
        """
    ).fetchone() or (0,)
    assert narrowed > 0


def test_every_part_within_whole_check_recomputed_exactly(
    db: duckdb.DuckDBPyConnection, figures: dict[str, tuple[str, Bounds]]
) -> None:
    """A part within its whole (`part`): a part alone is at most its whole's high; the parts of a set that cannot
    overlap (`…_sum`) add up to at least the sum of their lows, which the whole must reach. Worked again from the
    printed bounds of the figures the check names; a part read as truncated is a plain printing (no wording, not
    a count in 件 exact)."""
    plain = dict(
        db.execute(
            "select figure_id, not is_approximate and (value_low != value_high) from marts.fct_published_figure"
            " where is_canonical"
        ).fetchall()
    )
    checks = db.execute(
        """
        select check_id, string_split(input_figure_ids, ', '), published_low, published_high,
               feasible_low, feasible_high, status
        from audit.published_figure_checks
        where check_kind = 'part'
        """
    ).fetchall()
    assert checks
    for check_id, input_ids, published_low, published_high, low, high, status in checks:
        body = check_id.removeprefix("part:")
        if body in input_ids:
            (whole_id,) = [i for i in input_ids if i != body]
            published = figures[body][1]
            exact_low, exact_high = None, figures[whole_id][1][1]
            assert low is None and close(high, exact_high), check_id
            printed_plainly = plain[body]
        else:
            (whole_id,) = [i for i in input_ids if body.startswith(i + ".")]
            parts = [i for i in input_ids if i != whole_id]
            assert len(parts) >= 2, check_id
            published = figures[whole_id][1]
            exact_low, exact_high = sum((figures[i][1][0] for i in parts), Fraction(0)), None
            assert close(low, exact_low) and high is None, check_id
            printed_plainly = plain[whole_id]
        assert (Fraction(published_low), Fraction(published_high)) == published, check_id
        assert status == expected_status(published, printed_plainly, exact_low, exact_high), check_id


def half_unit_of_last_digit(printed: str) -> Bounds:
    """A plain printing's bounds, read here from its digits alone: 98.12 is 98.115–98.125, -2.3 is -2.35 to -2.25."""
    value = Fraction(printed)
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    half = Fraction(1, 2 * 10**decimals)
    return value - half, value + half


def test_every_change_of_a_level_recomputed_exactly(db: duckdb.DuckDBPyConnection) -> None:
    """A change in percentage points or of a score (`points_change`, `score_change`) against the two levels it names:
    this period's level less the compared one, each read from its printed digits (none of them is approximate),
    so the range is this_low - compared_high to this_high - compared_low. This period's level is the one of the
    change's own period, or for a change over a span of years the later of the two."""
    printed = {
        figure_id: (value_printed, period_code, period_end, is_approximate)
        for figure_id, value_printed, period_code, period_end, is_approximate in db.execute(
            "select figure_id, value_printed, period_code, period_end, is_approximate"
            " from marts.fct_published_figure where is_canonical"
        ).fetchall()
    }
    checks = db.execute(
        """
        select check_id, string_split(input_figure_ids, ', '), feasible_low, feasible_high, derived_value, status,
               regexp_replace(check_id, '^[a-z_]+:', '') as figure_id, published_low, published_high
        from audit.published_figure_checks
        where check_kind in ('points_change', 'score_change')
        """
    ).fetchall()
    assert checks, "no change of a level is checked"
    for check_id, input_ids, model_low, model_high, derived, status, figure_id, pub_low, pub_high in checks:
        change_printed, change_period, _end, change_approximate = printed[figure_id]
        assert len(input_ids) == 2, check_id
        assert not change_approximate and not any(printed[each][3] for each in input_ids), check_id
        published = half_unit_of_last_digit(change_printed)
        assert close(pub_low, published[0]) and close(pub_high, published[1]), check_id
        own = [each for each in input_ids if printed[each][1] == change_period]
        if own:
            (this_id,) = own
        else:
            this_id = max(input_ids, key=lambda each: printed[each][2])
        (compared_id,) = [each for each in input_ids if each != this_id]
        this_low, this_high = half_unit_of_last_digit(printed[this_id][0])
        compared_low, compared_high = half_unit_of_last_digit(printed[compared_id][0])
        low, high = this_low - compared_high, this_high - compared_low
        assert close(model_low, low), (check_id, model_low, float(low))
        assert close(model_high, high), (check_id, model_high, float(high))
        assert close(derived, Fraction(printed[this_id][0]) - Fraction(printed[compared_id][0])), check_id
        assert status == expected_status(published, False, low, high), check_id


def test_every_change_of_a_level_is_checked_or_says_why(db: duckdb.DuckDBPyConnection) -> None:
    """Every change of a level printed has one row in printed_changes; it has its check exactly when the row names it."""
    rows = db.execute(
        """
        select changes.figure_id, changes.how_checked, changes.level_check_id, checks.check_id
        from audit.printed_changes as changes
        left join audit.published_figure_checks as checks
            on checks.check_kind in ('points_change', 'score_change')
            and regexp_replace(checks.check_id, '^[a-z_]+:', '') = changes.figure_id
        where changes.change_against is null
        """
    ).fetchall()
    printed_changes = {
        figure_id
        for (figure_id,) in db.execute(
            "select figure_id from marts.fct_published_figure where is_canonical and measure in"
            " (select measure from raw.ref_measure_uses where model_name = 'int_audit__level_changes'"
            " and figure_role in ('points_change', 'score_change'))"
        ).fetchall()
    }
    assert {figure_id for figure_id, *_ in rows} == printed_changes
    assert len(rows) == len(printed_changes)
    for figure_id, how_checked, level_check_id, check_id in rows:
        assert level_check_id == check_id, figure_id
        assert (check_id is not None) == (how_checked in ("its_page", "another_source")), figure_id
