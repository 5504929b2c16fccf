"""A made-up later year, added to a copy of the seeds: a new source printing a
total and its top categories, and nothing else. That it builds and shows up
in the marts with no change outside seeds/ is the test that "a new year is new
seed rows, not new models"."""

from __future__ import annotations

from pathlib import Path

MADE_UP_SOURCE = "made_up_annual_report_2026"
MADE_UP_TOTAL_ITEMS = 25_000_000  # 2500.0 万件
MADE_UP_CATEGORIES = (("市场管理", "90.1"), ("住房", "80.2"), ("医疗卫生", "70.3"))


def _append(path: Path, lines: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def add_a_made_up_year(root: Path) -> None:
    """Seed rows only: one source, its passage, a total and three ranked categories."""
    seeds = root / "seeds"
    _append(
        seeds / "sources" / "sources.csv",
        [
            (
                f"{MADE_UP_SOURCE},beijing_12345,annual_report,A made-up 2026 report,Nobody,,2027-01-31,"
                f"2026-01-01,2026-12-31,zh,{MADE_UP_SOURCE}.txt,Made up by a test."
            )
        ],
    )
    (root / "source_documents" / f"{MADE_UP_SOURCE}.txt").write_text(
        "全年受理群众反映 2500.0 万件。市场管理 90.1 万件；住房 80.2 万件；医疗卫生 70.3 万件。\n", encoding="utf-8"
    )
    period = "2026-01-01,2026-12-31"
    rows = [
        f"{MADE_UP_SOURCE},{period},一、总体情况,intake,群众反映,,,items,,,2500.0,万件,全年受理群众反映 2500.0 万件,beijing_12345,,"
    ]
    rows += [
        f"{MADE_UP_SOURCE},{period},二、类别,category,{name},,{position},items,,,{value},万件,{name} {value} 万件,beijing_12345,,"
        for position, (name, value) in enumerate(MADE_UP_CATEGORIES, start=1)
    ]
    _append(seeds / "figures" / "printed_figures.csv", rows)
