"""Every figure in the seeds is printed in its phrase, and (where a page's text is saved) its phrase in its page.

The phrase check needs no page and runs on every row here. The pages' texts are not in the repository: a user
saves them in a local folder git ignores, and `hotline12345 provenance` checks each phrase against its page there,
naming the sources whose texts are not saved. That command is tried here on a made-up source whose text the test
writes itself. A figure typed wrong in a seed no longer matches its phrase, and the phrase is no longer in its page.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from hotline12345.cli import main
from hotline12345.extract.vocabulary import FALL_WORDS, RISE_WORDS, simplified
from hotline12345.provenance import check_provenance, figure_in_its_phrase, printed_pattern, wording_positions

SEEDS = ROOT / "seeds"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def rows(path: str, seeds: Path = SEEDS) -> Iterator[tuple[int, dict[str, str]]]:
    with (seeds / path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            yield reader.line_num, row


SOURCES = {row["source_id"]: row for _, row in rows("sources/sources.csv")}
POSITIONS = wording_positions(SEEDS)


FIGURE_SEEDS = ("figures/printed_figures.csv", "figures/printed_figure_reprints.csv")
CLAIM_SEEDS = ("figures/printed_ranking_claims.csv", "figures/printed_part_claims.csv")
FIGURE_ROWS = [
    pytest.param(row, id=f"{name}:{line}:{row['source_id']}") for name in FIGURE_SEEDS for line, row in rows(name)
]
# The rows a change's sign is said of: only those are cases of the sign check (no case passes without asserting).
CHANGE_ROWS = [
    pytest.param(row, id=f"{name}:{line}:{row['source_id']}")
    for name in FIGURE_SEEDS
    for line, row in rows(name)
    if row["measure"] == "yoy_change_pct"
]


def test_every_row_names_a_known_source() -> None:
    for name in (*FIGURE_SEEDS, *CLAIM_SEEDS):
        for line, row in rows(name):
            assert row["source_id"] in SOURCES, f"seeds/{name}, line {line}: {row['source_id']!r} is not in sources.csv"


@pytest.mark.parametrize("row", FIGURE_ROWS)
def test_figure_is_printed_in_its_phrase(row: dict[str, str]) -> None:
    assert figure_in_its_phrase(row, POSITIONS) is None


def sign_said(value_printed: str, phrase: str) -> str | None:
    """What the phrase says of the change's sign: "fall" or "rise" by its words (the extractor's vocabulary, in
    simplified or traditional characters), else by a minus sign printed on the value, as tables print it; None
    where the words say both or the value is not in the phrase at all."""
    words = simplified(squeeze(phrase))
    falls, rises = re.search(FALL_WORDS, words) is not None, re.search(RISE_WORDS, words) is not None
    if falls != rises:
        return "fall" if falls else "rise"
    if falls:
        return None
    found = re.search(rf"(-?){re.escape(value_printed.lstrip('-'))}", words)
    return None if found is None else ("fall" if found.group(1) else "rise")


@pytest.mark.parametrize("row", CHANGE_ROWS)
def test_sign_of_a_change_matches_the_words(row: dict[str, str]) -> None:
    falls = row["value_printed"].startswith("-")
    said = sign_said(row["value_printed"], row["source_phrase"])
    assert said == ("fall" if falls else "rise"), f"{row['value_printed']!r} against {row['source_phrase']!r}"


def test_a_mistyped_figure_or_sign_still_fails() -> None:
    """The wordings printed away from the value, and the signs said by words or printed in a table, are read so
    that a figure typed wrong still does not match its phrase."""

    def reads(value: str, wording: str, unit: str, phrase: str) -> bool:
        row = {"value_printed": value, "approximation_zh": wording, "unit_printed": unit}
        return re.search(printed_pattern(row, POSITIONS), squeeze(phrase)) is not None

    assert reads("49.11", "约", "%", "331件,约占49.11%")
    assert not reads("49.12", "约", "%", "331件,约占49.11%")  # a digit typed wrong
    assert not reads("49.11", "", "%", "331件,约占49.17%")
    assert reads("80", "以上", "%", "市民满意率80%以上")
    assert not reads("80", "余", "%", "市民满意率80%以上")  # another wording than the one printed
    assert reads("2.9", "多", "万件", "共收到市民表扬2.9万多件")
    assert not reads("2.8", "多", "万件", "共收到市民表扬2.9万多件")
    assert not reads("2.9", "约", "万件", "共收到市民表扬2.9万多件")  # 约 is printed before the value
    # a stored copy's pinyin gloss between the wording and the value is read past; the phrase keeps it
    glossed = {"value_printed": "60", "approximation_zh": "超過", "unit_printed": "萬件"}
    assert figure_in_its_phrase({**glossed, "source_phrase": "工單超過(guò)60萬(wàn)件"}, POSITIONS) is None
    assert figure_in_its_phrase({**glossed, "source_phrase": "工單超過(guò)61萬(wàn)件"}, POSITIONS) is not None
    assert sign_said("-1.47", "2013 | 11.11% | -1.47% | 0.70% |") == "fall"
    assert sign_said("1.47", "2013 | 11.11% | -1.47% | 0.70% |") == "fall"  # the minus sign dropped when typed
    assert sign_said("14.08", "15390 | 84.97% | 14.08% | 2.37% |") == "rise"
    assert sign_said("12.22", "共為民服務9.37萬件,較去年同期增長12.22%") == "rise"
    assert sign_said("-12.85", "有效服务诉求1484.36万件,同比减少12.85%") == "fall"
    assert sign_said("2.20", "本月共有工单2138件,同比降低2.20%") == "fall"  # typed without its sign: a mismatch
    assert sign_said("3.1", "受理量上升3.1%,满意率下降0.2%") is None  # both words: the phrase must be one change's


# -- the provenance check on a made-up source whose text the test writes ------------------------------------------

MADE_UP_TEXT = "虚构市12345热线2030年5月（虚构示例）：共受理各类诉求12000件，同比上升5.00%。其中电话8000件。\n"


def made_up_project(tmp_path: Path, figures: list[tuple[str, str, str, str]]) -> tuple[Path, Path]:
    """Seeds holding two made-up sources alone (one saved, one not) and `figures` of the saved one: (value, unit,
    phrase, wording) each, the other seeds it reads empty but for their headers and the wordings; the texts folder
    holds the saved one's text. No real row is in them, so what the check finds is about the made-up rows only."""
    seeds = tmp_path / "seeds"
    for name in ("sources/sources.csv", *FIGURE_SEEDS, *CLAIM_SEEDS):
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        header = (SEEDS / name).read_text(encoding="utf-8").splitlines()[0]
        (seeds / name).write_text(header + "\n", encoding="utf-8")
    (seeds / "reference").mkdir()
    shutil.copy(SEEDS / "reference" / "ref_approximations.csv", seeds / "reference" / "ref_approximations.csv")
    source = "{id},made_up_12345,official,Made up,Nobody,,,2030-05-01,2030-05-31,zh,{id}.txt,Made up by a test."
    with (seeds / "sources" / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write(source.format(id="made_up_saved") + "\n" + source.format(id="made_up_unsaved") + "\n")
    with (seeds / "figures" / "printed_figures.csv").open("a", encoding="utf-8") as handle:
        for value, unit, phrase, wording in figures:
            handle.write(
                f"made_up_saved,2030-05-01,2030-05-31,,intake,各类诉求,,,items,{wording},,{value},{unit},{phrase},made_up_12345,,\n"
            )
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "made_up_saved.txt").write_text(MADE_UP_TEXT, encoding="utf-8")
    return seeds, texts


def figure_lines(seeds: Path) -> int:
    return sum(1 for _ in rows("figures/printed_figures.csv", seeds))


def test_provenance_finds_each_phrase_in_its_page_and_names_what_is_not_there(tmp_path: Path) -> None:
    seeds, texts = made_up_project(
        tmp_path,
        [
            ("12000", "件", "共受理各类诉求12000件", ""),  # right
            ("12000", "件", "共受理各类诉求 12000 件", ""),  # white space is not compared
            ("12001", "件", "共受理各类诉求12001件", ""),  # the phrase is not in the page
            ("8000", "件", "共受理各类诉求12000件", ""),  # the value is not in its phrase
            ("5.00", "%", "各类诉求12000件 … 同比上升5.00%", ""),  # parts apart, each in the page
        ],
    )
    last = figure_lines(seeds) + 1  # line 1 is the header
    checked = check_provenance(seeds, texts)
    assert [str(problem) for problem in checked.problems] == [
        (
            f"seeds/figures/printed_figures.csv, line {last - 2}, column source_phrase: "
            f"'共受理各类诉求12001件' is not in {texts / 'made_up_saved.txt'}"
        ),
        (
            f"seeds/figures/printed_figures.csv, line {last - 1}, column value_printed: "
            "'8000' ('8000') is not in its phrase '共受理各类诉求12000件'"
        ),
    ]
    assert checked.texts.present == {"made_up_saved": texts / "made_up_saved.txt"}
    assert checked.texts.missing == {"made_up_unsaved": "made_up_unsaved.txt"}
    assert (checked.rows_checked_in_phrases, checked.rows_checked_in_texts) == (5, 5)


def test_the_provenance_command_says_plainly_which_texts_are_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("dbt_project.yml", "profiles.yml"):
        shutil.copy(ROOT / name, project / name)
    seeds, texts = made_up_project(project, [("12000", "件", "共受理各类诉求12000件", "")])
    arguments = ["--project-dir", str(project), "provenance", "--texts-dir", str(texts)]
    assert main(arguments) == 0
    printed = capsys.readouterr().out
    assert "made_up_unsaved.txt (made_up_unsaved)" in printed
    assert f"of 1 sources in {texts}; 0 problems" in printed
    with (seeds / "figures" / "printed_figures.csv").open("a", encoding="utf-8") as handle:
        handle.write("made_up_saved,2030-05-01,2030-05-31,,intake,电话,,,items,,,8001,件,电话8001件,made_up_12345,,\n")
    assert main(arguments) == 1
    refused = capsys.readouterr().err
    assert f"line {figure_lines(seeds) + 1}, column source_phrase: '电话8001件' is not in" in refused
    assert main(["--project-dir", str(project), "provenance", "--texts-dir", str(tmp_path / "nowhere")]) == 1
    assert f"there is no folder {tmp_path / 'nowhere'}" in capsys.readouterr().err
