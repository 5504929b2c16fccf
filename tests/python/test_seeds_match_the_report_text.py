"""Every figure in the seeds stands in the report, next to its subject.

The report's text (source_documents/) is compared with white space removed,
as the PDF extraction breaks lines anywhere. A figure typed wrong in a seed
no longer matches its phrase, and the phrase is no longer in the report.
"""

from __future__ import annotations

import csv
import re

import pytest
from conftest import ROOT

REPORT = ROOT / "source_documents" / "beijing-12345-hotline-2022-annual-data-report.txt"
TABLE_SUBJECT_TYPES = {"monthly_topic", "monthly_topic_unit"}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def report_text() -> str:
    """The report without white space, and without the footnote markers 1–3 the
    extraction left on lines of their own in the prose (not in the table, where
    a lone number is a topic's 序号)."""
    text = REPORT.read_text(encoding="utf-8")
    prose, table = text.split("序号", 1)
    prose = re.sub(r"\n[123]\n", "\n", prose)
    return squeeze(prose) + "序号" + squeeze(table)


def seed_rows(name: str) -> list[tuple[int, dict[str, str]]]:
    path = ROOT / "seeds" / "report" / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


def printed_text(row: dict[str, str]) -> str:
    """The figure as it reads in the report: without its sign (the phrase says 上升/下降)."""
    value = row["value_printed"].lstrip("-")
    unit = "" if row["subject_type"] in TABLE_SUBJECT_TYPES else row["unit_printed"]
    return f"{row['approximation_zh']}{value}{unit}"


FIGURE_ROWS = [
    pytest.param(row, id=f"{name}:{line}")
    for name in ("report_figures", "report_figure_reprints")
    for line, row in seed_rows(name)
]


@pytest.mark.parametrize("row", FIGURE_ROWS)
def test_figure_is_printed_in_its_phrase_and_the_phrase_in_the_report(row: dict[str, str], report_text: str) -> None:
    phrase = squeeze(row["source_phrase"])
    assert squeeze(printed_text(row)) in phrase, f"{printed_text(row)!r} is not in its phrase {phrase!r}"
    for fragment in phrase.split("…"):
        assert fragment in report_text, f"{fragment!r} is not in the report"


@pytest.mark.parametrize("row", FIGURE_ROWS)
def test_sign_of_a_change_matches_the_words(row: dict[str, str]) -> None:
    if row["measure"] != "yoy_change_pct":
        return
    falls = row["value_printed"].startswith("-")
    assert ("下降" in row["source_phrase"]) == falls
    assert ("上升" in row["source_phrase"]) != falls


def test_every_table_row_is_in_its_topic(report_text: str) -> None:
    """The 每月一题 table: each topic's total follows its name, and its top units follow it."""
    rows = [row for _, row in seed_rows("report_figures")]
    topics = [row for row in rows if row["subject_type"] == "monthly_topic"]
    assert len(topics) == 17
    for topic in topics:
        start = report_text.index(f"{topic['list_position']}{topic['subject_zh']}{topic['value_printed']}")
        units = [
            row
            for row in rows
            if row["subject_type"] == "monthly_topic_unit" and row["parent_zh"] == topic["subject_zh"]
        ]
        expected = "".join(
            f"{unit['subject_zh']}{unit['value_printed']}"
            for unit in sorted(units, key=lambda u: int(u["list_position"]))
        )
        assert report_text[start:].split(expected, 1)[0].endswith(topic["value_printed"]), topic["subject_zh"]
