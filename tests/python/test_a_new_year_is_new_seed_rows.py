"""A new year is new seed rows, not new models: a made-up 2026 with only a total
and three categories builds, is audited and lands in the series marts.

The made-up year is built by the session's one rebuild (rebuild_under_readers.py),
which adds it to a copy of the project, seed rows only, with the known
discrepancies reworded; the build succeeded and published, or the fixture fails.
"""

from __future__ import annotations

import duckdb
import pytest
from support.made_up_year import MADE_UP_SOURCE, MADE_UP_TOTAL_ITEMS
from support.rebuild_under_readers import RebuildUnderReaders


@pytest.mark.slow
def test_a_made_up_year_of_total_and_categories_builds_from_seed_rows_alone(
    rebuild_under_readers: RebuildUnderReaders,
) -> None:
    published = rebuild_under_readers.published
    assert rebuild_under_readers.build.path == published.resolve()

    with duckdb.connect(str(published), read_only=True) as db:
        total = db.execute(
            "select items, how_obtained, source_id from marts.fct_annual_intake"
            " where period_code = '2026' and member = 'all'"
        ).fetchall()
        assert total == [(MADE_UP_TOTAL_ITEMS, "printed", MADE_UP_SOURCE)]
        categories = db.execute(
            "select category_code, rank_in_year, prior_year_on_record from marts.fct_category_volume"
            " where period_code = '2026' order by rank_in_year"
        ).fetchall()
        assert categories == [("market", 1, 2022), ("housing", 2, 2022), ("medical_health", 3, 2020)]
        ranks = db.execute(
            "select count(*), count(*) filter (where status = 'consistent') from audit.published_figure_checks"
            " where period_code = '2026' and check_kind = 'rank'"
        ).fetchone()
        assert ranks == (3, 3)
