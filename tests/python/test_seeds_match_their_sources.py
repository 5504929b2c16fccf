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

from hotline12345.extract.vocabulary import FALL_WORDS, RISE_WORDS, TO_SIMPLIFIED

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
WORDING_POSITION = {
    row["approximation_zh"]: row["printed_position"] for _, row in rows("reference/ref_approximations.csv")
}
# A wording printed before the value may have a one-character verb between (约占49.11%, 約佔); one printed after
# it may have the unit, or the unit's first part, between (80%以上, 2.9万多件, 2.9萬餘件).
VERB_BETWEEN = r"[^\d.,，、；;。:：|\s]?"


def source_text(source_id: str) -> tuple[str, str]:
    """The source's text without white space, and once more without the lines
    that hold only a footnote marker (1–3), which the PDF extraction left in
    the 2022 report's prose; a phrase must stand in one of the two."""
    text = (DOCUMENTS / SOURCES[source_id]["document_file"]).read_text(encoding="utf-8")
    return squeeze(text), squeeze(re.sub(r"\n\s*[1-3]\s*\n", "\n", text))


def printed_pattern(row: dict[str, str]) -> str:
    """The figure as it reads, as a regular expression: the value (its sign only where the phrase prints a minus
    sign; 上升/下降 say it otherwise), with its wording on the side ref_approximations puts it."""
    value = re.escape(row["value_printed"].lstrip("-"))
    wording = row["approximation_zh"]
    if not wording:
        return value
    assert wording in WORDING_POSITION, f"{wording!r} is not in ref_approximations"
    if WORDING_POSITION[wording] == "after":
        unit = squeeze(row["unit_printed"])
        unit_parts = "|".join(re.escape(unit[:end]) for end in range(len(unit), 0, -1))
        return f"{value}(?:{unit_parts})?{re.escape(wording)}" if unit else value + re.escape(wording)
    return re.escape(wording) + VERB_BETWEEN + value


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
    pattern = printed_pattern(row)
    unit = squeeze(row["unit_printed"])
    assert re.search(pattern, phrase), f"{pattern!r} is not in its phrase {phrase!r}"
    # the unit follows the value, or stands once for a list ("(万件)… 市场管理 98"), or holds a wording printed
    # after the value within it (2.9万多件); a table of counts prints bare numbers of 件
    wording = row["approximation_zh"]
    within = phrase.replace(wording, "", 1) if wording else phrase
    assert unit in phrase or unit in within or unit == "件", f"{unit!r} is not in {phrase!r}"


def sign_said(value_printed: str, phrase: str) -> str | None:
    """What the phrase says of the change's sign: "fall" or "rise" by its words (the extractor's vocabulary, in
    simplified or traditional characters), else by a minus sign printed on the value, as tables print it; None
    where the words say both or the value is not in the phrase at all."""
    words = squeeze(phrase).translate(TO_SIMPLIFIED)
    falls, rises = re.search(FALL_WORDS, words) is not None, re.search(RISE_WORDS, words) is not None
    if falls != rises:
        return "fall" if falls else "rise"
    if falls:
        return None
    found = re.search(rf"(-?){re.escape(value_printed.lstrip('-'))}", words)
    return None if found is None else ("fall" if found.group(1) else "rise")


@pytest.mark.parametrize("row", FIGURE_ROWS)
def test_sign_of_a_change_matches_the_words(row: dict[str, str]) -> None:
    if row["measure"] != "yoy_change_pct":
        return
    falls = row["value_printed"].startswith("-")
    said = sign_said(row["value_printed"], row["source_phrase"])
    assert said == ("fall" if falls else "rise"), f"{row['value_printed']!r} against {row['source_phrase']!r}"


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


def test_a_mistyped_figure_or_sign_still_fails() -> None:
    """The wordings printed away from the value, and the signs said by words or printed in a table, are read so
    that a figure typed wrong still does not match its phrase."""

    def reads(value: str, wording: str, unit: str, phrase: str) -> bool:
        row = {"value_printed": value, "approximation_zh": wording, "unit_printed": unit}
        return re.search(printed_pattern(row), squeeze(phrase)) is not None

    assert reads("49.11", "约", "%", "331件,约占49.11%")
    assert not reads("49.12", "约", "%", "331件,约占49.11%")  # a digit typed wrong
    assert not reads("49.11", "", "%", "331件,约占49.17%")
    assert reads("80", "以上", "%", "市民满意率80%以上")
    assert not reads("80", "余", "%", "市民满意率80%以上")  # another wording than the one printed
    assert reads("2.9", "多", "万件", "共收到市民表扬2.9万多件")
    assert not reads("2.8", "多", "万件", "共收到市民表扬2.9万多件")
    assert not reads("2.9", "约", "万件", "共收到市民表扬2.9万多件")  # 约 is printed before the value
    assert sign_said("-1.47", "2013 | 11.11% | -1.47% | 0.70% |") == "fall"
    assert sign_said("1.47", "2013 | 11.11% | -1.47% | 0.70% |") == "fall"  # the minus sign dropped when typed
    assert sign_said("14.08", "15390 | 84.97% | 14.08% | 2.37% |") == "rise"
    assert sign_said("12.22", "共為民服務9.37萬件,較去年同期增長12.22%") == "rise"
    assert sign_said("-12.85", "有效服务诉求1484.36万件,同比减少12.85%") == "fall"
    assert sign_said("2.20", "本月共有工单2138件,同比降低2.20%") == "fall"  # typed without its sign: a mismatch
    assert sign_said("3.1", "受理量上升3.1%,满意率下降0.2%") is None  # both words: the phrase must be one change's
