"""`hotline12345 provenance`: every figure of the seeds stands in its page's text, next to its subject.

Two checks, each a problem naming the seed file, line and column:

- a figure's value (with its approximation wording on the side ref_approximations puts it) is printed in its
  `source_phrase`, and its unit too: this needs no page and runs on every row;
- every `source_phrase` (of the figures, the reprints, the ranking claims and the part claims) stands in its page's
  text, a ` … ` in it separating parts that stand apart; and a 每月一题 table's units follow their topic. These need
  the page: they run on the sources whose text is saved in the texts folder (texts.py), and the sources whose text
  is not there are named, not skipped in silence.

Texts are compared with white space removed (a PDF's text breaks lines anywhere), and once more without the lines
that hold only a footnote marker (1–3), which a PDF's extraction leaves in its prose.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hotline12345.glosses import PINYIN_GLOSS
from hotline12345.texts import SavedTexts, saved_texts

FIGURE_SEEDS = ("figures/printed_figures.csv", "figures/printed_figure_reprints.csv")
CLAIM_SEEDS = ("figures/printed_ranking_claims.csv", "figures/printed_part_claims.csv")
APPROXIMATIONS_SEED = "reference/ref_approximations.csv"
FOOTNOTE_LINE = re.compile(r"\n\s*[1-3]\s*\n")
# A wording printed before the value may have a one-character verb between (约占49.11%, 約佔); one printed after
# it may have the unit, or the unit's first part, between (80%以上, 2.9万多件, 2.9萬餘件).
VERB_BETWEEN = r"[^\d.,，、；;。:：|\s]?"
TOPIC_TYPE, TOPIC_UNIT_TYPE, TOPIC_COUNT_MEASURE = "monthly_topic", "monthly_topic_unit", "topic_count"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seed_rows(seeds_dir: Path, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) of a seed file, line 1 being the header."""
    with (seeds_dir / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            yield reader.line_num, row


def wording_positions(seeds_dir: Path) -> dict[str, str]:
    return {row["approximation_zh"]: row["printed_position"] for _, row in seed_rows(seeds_dir, APPROXIMATIONS_SEED)}


def printed_pattern(row: dict[str, str], positions: dict[str, str]) -> str:
    """The figure as it reads, as a regular expression: the value (its sign only where the phrase prints a minus
    sign; 上升/下降 say it otherwise), with its wording on the side ref_approximations puts it."""
    value = re.escape(row["value_printed"].lstrip("-"))
    wording = row["approximation_zh"]
    if not wording:
        return value
    if positions.get(wording) == "after":
        unit = squeeze(row["unit_printed"])
        unit_parts = "|".join(re.escape(unit[:end]) for end in range(len(unit), 0, -1))
        return f"{value}(?:{unit_parts})?{re.escape(wording)}" if unit else value + re.escape(wording)
    return re.escape(wording) + VERB_BETWEEN + value


def figure_in_its_phrase(row: dict[str, str], positions: dict[str, str]) -> tuple[str, str] | None:
    """(column, what is wrong) when the row's value, wording or unit is not printed in its phrase; else None."""
    wording = row["approximation_zh"]
    if wording and wording not in positions:
        return "approximation_zh", f"{wording!r} is not in {APPROXIMATIONS_SEED}"
    phrase = squeeze(row["source_phrase"])
    # a seed's fields read past a stored copy's pinyin glosses (萬件 for 萬(wàn)件, 超過60 for 超過(guò)60), as extract
    # reads them; its phrase is quoted as stored, glosses and all
    read = re.sub(PINYIN_GLOSS, "", phrase)
    pattern = printed_pattern(row, positions)
    if not re.search(pattern, phrase) and not re.search(pattern, read):
        return "value_printed", f"{row['value_printed']!r} ({pattern!r}) is not in its phrase {phrase!r}"
    # the unit follows the value, or stands once for a list ("(万件)… 市场管理 98"), or holds a wording printed
    # after the value within it (2.9万多件); a table of counts prints bare numbers of 件
    unit = squeeze(row["unit_printed"])
    within = read.replace(wording, "", 1) if wording else read
    if unit in phrase or unit in read or unit in within or unit == "件":
        return None
    return "unit_printed", f"{unit!r} is not in its phrase {phrase!r}"


def page_texts(path: Path) -> tuple[str, str]:
    """The page's text without white space, and once more without its footnote-marker lines."""
    text = path.read_text(encoding="utf-8")
    return squeeze(text), squeeze(FOOTNOTE_LINE.sub("\n", text))


def phrase_in_its_page(phrase: str, texts: tuple[str, ...]) -> str | None:
    """The first part of the phrase (split at …) that stands in none of the texts, or None."""
    for fragment in squeeze(phrase).split("…"):
        if not any(fragment in text for text in texts):
            return fragment
    return None


@dataclass(frozen=True)
class Problem:
    seed: str
    line: int
    column: str
    problem: str

    def __str__(self) -> str:
        return f"seeds/{self.seed}, line {self.line}, column {self.column}: {self.problem}"


@dataclass(frozen=True)
class Provenance:
    problems: list[Problem]
    texts: SavedTexts
    rows_checked_in_texts: int
    rows_checked_in_phrases: int


def topic_table_problems(seeds_dir: Path, texts: dict[str, tuple[str, str]]) -> list[Problem]:
    """每月一题 tables: each topic's total follows its name and its top units follow it, and a source that prints
    the number of topics lists exactly that many."""
    seed = FIGURE_SEEDS[0]
    figures = list(seed_rows(seeds_dir, seed))
    problems: list[Problem] = []
    tables = sorted(
        {(row["source_id"], row["period_start"]) for _, row in figures if row["subject_type"] == TOPIC_TYPE}
    )
    for source_id, period_start in tables:
        if source_id not in texts:
            continue
        table = [
            (line, row) for line, row in figures if (row["source_id"], row["period_start"]) == (source_id, period_start)
        ]
        topics = [(line, row) for line, row in table if row["subject_type"] == TOPIC_TYPE]
        for line, count in table:
            if count["measure"] == TOPIC_COUNT_MEASURE and int(count["value_printed"]) != len(topics):
                problems.append(
                    Problem(
                        seed, line, "value_printed", f"{count['value_printed']} topics printed, {len(topics)} listed"
                    )
                )
        text = texts[source_id][0]
        for line, topic in topics:
            opening = f"{topic['list_position']}{topic['subject_zh']}{topic['value_printed']}"
            start = text.find(opening)
            if start < 0:
                problems.append(Problem(seed, line, "subject_zh", f"{opening!r} is not in {source_id}'s text"))
                continue
            units = sorted(
                (
                    row
                    for _, row in table
                    if row["subject_type"] == TOPIC_UNIT_TYPE and row["parent_zh"] == topic["subject_zh"]
                ),
                key=lambda unit: int(unit["list_position"]),
            )
            expected = "".join(f"{unit['subject_zh']}{unit['value_printed']}" for unit in units)
            if expected not in text[start:] or not text[start:].split(expected, 1)[0].endswith(topic["value_printed"]):
                problems.append(
                    Problem(
                        seed,
                        line,
                        "subject_zh",
                        f"the units of {topic['subject_zh']} do not follow it in {source_id}'s text",
                    )
                )
    return problems


def check_provenance(seeds_dir: Path, folder: Path) -> Provenance:
    """Every figure in its phrase; every phrase in its page, for the pages saved in `folder`."""
    positions = wording_positions(seeds_dir)
    saved = saved_texts(seeds_dir, folder)
    texts = {source_id: page_texts(path) for source_id, path in saved.present.items()}
    known = set(saved.present) | set(saved.missing)
    problems: list[Problem] = []
    in_texts = in_phrases = 0
    for seed in (*FIGURE_SEEDS, *CLAIM_SEEDS):
        for line, row in seed_rows(seeds_dir, seed):
            if row["source_id"] not in known:
                problems.append(
                    Problem(seed, line, "source_id", f"{row['source_id']!r} is not in seeds/sources/sources.csv")
                )
                continue
            if seed in FIGURE_SEEDS:
                in_phrases += 1
                wrong = figure_in_its_phrase(row, positions)
                if wrong:
                    problems.append(Problem(seed, line, *wrong))
            if row["source_id"] in texts:
                in_texts += 1
                missing = phrase_in_its_page(row["source_phrase"], texts[row["source_id"]])
                if missing is not None:
                    problems.append(
                        Problem(seed, line, "source_phrase", f"{missing!r} is not in {saved.present[row['source_id']]}")
                    )
    problems.extend(topic_table_problems(seeds_dir, texts))
    return Provenance(problems, saved, in_texts, in_phrases)


def report(provenance: Provenance) -> str:
    """What was checked, where the texts were looked for, and which sources' texts are not there."""
    saved = provenance.texts
    lines = [str(problem) for problem in provenance.problems]
    lines.append(
        f"{provenance.rows_checked_in_phrases} figures checked against their phrases; "
        f"{provenance.rows_checked_in_texts} phrases checked against the texts of {len(saved.present)} sources "
        f"in {saved.folder}; {len(provenance.problems)} problems"
    )
    if saved.missing:
        lines.append("not checked against their pages: " + saved.describe_missing())
    return "\n".join(lines)
