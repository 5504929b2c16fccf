"""A new year is new seed rows, not new models: a made-up 2026 with only a total
and three categories builds, is audited and lands in the series marts."""

from __future__ import annotations

import duckdb
import pytest
from made_up_year import MADE_UP_SOURCE, MADE_UP_TOTAL_ITEMS, add_a_made_up_year

from hotline12345.project import Project
from hotline12345.publish import build_and_publish


@pytest.mark.slow
def test_a_made_up_year_of_total_and_categories_builds_from_seed_rows_alone(project_copy: Project) -> None:
    add_a_made_up_year(project_copy.root)
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"

    build_and_publish(project_copy, published)

    with duckdb.connect(str(published), read_only=True) as db:
        total = db.execute(
            "select items, how_obtained, source_id from marts.fct_annual_intake"
            " where period_code = '2026' and member = 'all'"
        ).fetchall()
        assert total == [(MADE_UP_TOTAL_ITEMS, "printed", MADE_UP_SOURCE)]
        categories = db.execute(
            "select category_code, rank_in_year, previous_year_on_record from marts.fct_category_volume"
            " where period_code = '2026' order by rank_in_year"
        ).fetchall()
        assert categories == [("market", 1, 2022), ("housing", 2, 2022), ("medical_health", 3, 2020)]
        ranks = db.execute(
            "select count(*), count(*) filter (where status = 'consistent') from audit.published_figure_checks"
            " where period_code = '2026' and check_kind = 'rank'"
        ).fetchone()
        assert ranks == (3, 3)
