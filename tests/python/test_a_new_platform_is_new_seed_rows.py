"""Another hotline is new seed rows, not new models: a made-up platform whose
districts share names with Beijing's (通州区) builds from seed rows alone, is
audited, and leaves every Beijing check exactly as it was.

The made-up platform is added by the session's one rebuild
(rebuild_under_readers.py) together with the made-up year; the Beijing checks
are compared with the session's warehouse, built from the project as it is.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from support.made_up_platform import MADE_UP_PLATFORM, MADE_UP_PLATFORM_CHECKS, MADE_UP_PLATFORM_SOURCE
from support.made_up_year import MADE_UP_SOURCE
from support.rebuild_under_readers import RebuildUnderReaders

BEIJING_CHECKS = (
    "select check_id, check_kind, status, published_low, published_high, feasible_low, feasible_high"
    " from audit.published_figure_checks where platform_code = 'beijing_12345'"
    " and source_id != ? and input_source_ids not like ? order by check_id"
)


def beijing_checks(warehouse: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as db:
        return db.execute(BEIJING_CHECKS, [MADE_UP_SOURCE, f"%{MADE_UP_SOURCE}%"]).fetchall()


@pytest.mark.slow
def test_beijing_audit_is_unchanged_check_by_check(rebuild_under_readers: RebuildUnderReaders, warehouse: Path) -> None:
    before = beijing_checks(warehouse)
    after = beijing_checks(rebuild_under_readers.published)
    assert len(before) >= 299
    missing = sorted({row[0] for row in before} - {row[0] for row in after})
    changed = sorted(set(before) - set(after))
    assert not missing, f"Beijing checks gone after adding {MADE_UP_PLATFORM}: {missing}"
    assert not changed, f"Beijing checks changed after adding {MADE_UP_PLATFORM}: {changed}"


@pytest.mark.slow
def test_the_made_up_platform_is_audited_with_its_own_names(rebuild_under_readers: RebuildUnderReaders) -> None:
    with duckdb.connect(str(rebuild_under_readers.published), read_only=True) as db:
        platform = db.execute(
            "select platform_level, source_count, figure_count from marts.dim_platform where platform_code = ?",
            [MADE_UP_PLATFORM],
        ).fetchone()
        assert platform == ("city", 1, 17)
        # 通州区 resolves to the made-up platform's own district, and Beijing keeps its own
        tongzhou = db.execute(
            "select platform_code, district_name_en from marts.dim_district where district_code = 'tongzhou'"
            " order by platform_code"
        ).fetchall()
        assert ("beijing_12345", "Tongzhou District") in tongzhou
        assert (MADE_UP_PLATFORM, "Tongzhou District (made up)") in tongzhou
        workload = db.execute(
            "select items from marts.fct_district_workload where platform_code = ? and district_code = 'tongzhou'",
            [MADE_UP_PLATFORM],
        ).fetchall()
        assert workload == [(300,)]
        checks = db.execute(
            "select check_kind, check_id || ' ' || coalesce(subject_name_zh, subject_code) || ' ' || formula, status"
            " from audit.published_figure_checks where source_id = ?",
            [MADE_UP_PLATFORM_SOURCE],
        ).fetchall()
    found = {}
    for kind, described, status in checks:
        for expected_kind, expected_subject in MADE_UP_PLATFORM_CHECKS:
            if kind == expected_kind and expected_subject in described:
                found[(expected_kind, expected_subject)] = status
    assert found == MADE_UP_PLATFORM_CHECKS
