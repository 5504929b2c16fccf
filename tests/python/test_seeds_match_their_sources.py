"""Every figure in the seeds stands in its source, next to its subject.

Each source's text (the whole 2022 report; the passages collected from the
other sources) is in source_documents/, named by the `sources` seed. The
texts are compared with white space removed, as the PDF extraction breaks
lines anywhere. A figure typed wrong in a seed no longer matches its phrase,
and the phrase is no longer in its source.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

import pytest
from conftest import ROOT

SEEDS = ROOT / "seeds"
DOCUMENTS = ROOT / "source_documents"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def rows(path: str) -> Iterator[tuple[int, dict[str, str]]]:
    with (SEEDS / path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            yield reader.line_num, row


SOURCES = {row["source_id"]: row for _, row in rows("sources/sources.csv")}
WORDING_AFTER = {
    row["approximation_zh"] for _, row in rows("reference/ref_approximations.csv") if row["printed_position"] == "after"
}


def source_text(source_id: str) -> tuple[str, str]:
    """The source's text without white space, and once more without the lines
    that hold only a footnote marker (1–3), which the PDF extraction left in
    the 2022 report's prose; a phrase must stand in one of the two."""
    text = (DOCUMENTS / SOURCES[source_id]["document_file"]).read_text(encoding="utf-8")
    return squeeze(text), squeeze(re.sub(r"\n\s*[1-3]\s*\n", "\n", text))


def printed_text(row: dict[str, str]) -> str:
    """The figure as it reads: with its wording where the source puts it, without its sign (上升/下降 say it)."""
    value = row["value_printed"].lstrip("-")
    wording = row["approximation_zh"]
    return value + wording if wording in WORDING_AFTER and wording else wording + value


FIGURE_ROWS = [
    pytest.param(row, id=f"{name}:{line}:{row['source_id']}")
    for name in ("figures/printed_figures.csv", "figures/printed_figure_reprints.csv")
    for line, row in rows(name)
]
PHRASE_ROWS = FIGURE_ROWS + [
    pytest.param(row, id=f"{name}:{line}:{row['source_id']}")
    for name in ("figures/printed_ranking_claims.csv", "figures/printed_part_claims.csv")
    for line, row in rows(name)
]


def test_every_source_has_its_document() -> None:
    for source_id, source in SOURCES.items():
        assert (DOCUMENTS / source["document_file"]).is_file(), source_id


@pytest.mark.parametrize("row", PHRASE_ROWS)
def test_every_phrase_stands_in_its_source(row: dict[str, str]) -> None:
    assert row["source_id"] in SOURCES, f"{row['source_id']!r} is not in seeds/sources/sources.csv"
    texts = source_text(row["source_id"])
    for fragment in squeeze(row["source_phrase"]).split("…"):
        assert any(fragment in text for text in texts), f"{fragment!r} is not in {row['source_id']}"


@pytest.mark.parametrize("row", FIGURE_ROWS)
def test_figure_is_printed_in_its_phrase(row: dict[str, str]) -> None:
    phrase = squeeze(row["source_phrase"])
    value = squeeze(printed_text(row))
    unit = squeeze(row["unit_printed"])
    assert value in phrase, f"{value!r} is not in its phrase {phrase!r}"
    # the unit follows the value, or stands once for a list ("(万件)… 市场管理 98");
    # a table of counts prints bare numbers of 件
    assert value + unit in phrase or unit in phrase or unit == "件", f"{unit!r} is not in {phrase!r}"


@pytest.mark.parametrize("row", FIGURE_ROWS)
def test_sign_of_a_change_matches_the_words(row: dict[str, str]) -> None:
    if row["measure"] != "yoy_change_pct":
        return
    falls = row["value_printed"].startswith("-")
    assert ("下降" in row["source_phrase"]) == falls
    assert ("上升" in row["source_phrase"]) != falls


def test_every_table_row_is_in_its_topic() -> None:
    """每月一题 tables: each topic's total follows its name and its top units follow it, and a
    source that prints the number of topics lists exactly that many."""
    figures = [row for _, row in rows("figures/printed_figures.csv")]
    tables = {(row["source_id"], row["period_start"]) for row in figures if row["subject_type"] == "monthly_topic"}
    assert tables, "no source prints a 每月一题 table"
    for source_id, period_start in sorted(tables):
        in_table = [row for row in figures if (row["source_id"], row["period_start"]) == (source_id, period_start)]
        topics = [row for row in in_table if row["subject_type"] == "monthly_topic"]
        counts = [row for row in in_table if row["measure"] == "topic_count"]
        for count in counts:
            assert len(topics) == int(count["value_printed"]), (source_id, period_start)
        text = source_text(source_id)[0]
        for topic in topics:
            start = text.index(f"{topic['list_position']}{topic['subject_zh']}{topic['value_printed']}")
            units = sorted(
                (
                    row
                    for row in in_table
                    if row["subject_type"] == "monthly_topic_unit" and row["parent_zh"] == topic["subject_zh"]
                ),
                key=lambda unit: int(unit["list_position"]),
            )
            expected = "".join(f"{unit['subject_zh']}{unit['value_printed']}" for unit in units)
            assert text[start:].split(expected, 1)[0].endswith(topic["value_printed"]), topic["subject_zh"]
