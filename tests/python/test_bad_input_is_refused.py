"""Bad seed input stops the build with a message naming the file, line and
column, and the published warehouse stays byte-for-byte what it was.

Malformed files (encoding, header, a cell of the wrong type, a full-width
digit or a thousands separator in a number) are refused by the seed
validator before dbt runs, one copy each. What a spreadsheet writes and is
not wrong (a byte-order mark, CRLF line ends) builds, in the session's one rebuild
(support/rebuild_under_readers.py). Values that are well
formed but wrong are refused by dbt's rules, each naming its seed line or
the missing thing: every rule of the manifest is made to fail in
test_every_rule_refuses_with_a_location.py, a few builds for all of them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from conftest import sha256
from support.rebuild_under_readers import SAVED_AS_EXCEL_CSV_UTF8, SAVED_WITH_CRLF, RebuildUnderReaders

from hotline12345 import publish
from hotline12345.cli import main
from hotline12345.project import Project
from hotline12345.seeds import validate_seeds

FIGURES = Path("seeds/figures/printed_figures.csv")
DISTRICTS = Path("seeds/reference/ref_districts.csv")
SOURCES = Path("seeds/sources/sources.csv")


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the one line containing `old`; return its 1-based line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    matches = [index for index, line in enumerate(lines) if old in line]
    assert len(matches) == 1, f"{old!r} is on lines {matches}"
    lines[matches[0]] = lines[matches[0]].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return matches[0] + 1


# (seed file, line or None, column or None, words the message must contain)
Expected = tuple[Path, int | None, str | None, str]
Breaker = Callable[[Path], Expected]


# --- malformed files: the validator, before dbt --------------------------------


def saved_as_gbk(root: Path) -> Expected:
    path = root / DISTRICTS
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    return DISTRICTS, 2, None, "is not valid UTF-8"


def full_width_digit(root: Path) -> Expected:
    line = replace_line(root / FIGURES, "category,住房,,2,items", "category,住房,,２,items")
    return FIGURES, line, "list_position", "'２' has a digit that is not 0-9"


def thousands_separator(root: Path) -> Expected:
    path = root / Path("seeds/sources/source_coverage.csv")
    line = replace_line(
        path, "bj12345_annual_report_2022,category,items,10,", 'bj12345_annual_report_2022,category,items,"1,0",'
    )
    return Path("seeds/sources/source_coverage.csv"), line, "expected_subject_count", "'1,0' has a thousands separator"


def missing_column(root: Path) -> Expected:
    path = root / DISTRICTS
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line.rsplit(",", 1)[0] if line else line for line in lines), encoding="utf-8")
    return DISTRICTS, 1, "functional_zone_code", "the column is missing from the header"


def not_a_date(root: Path) -> Expected:
    # a column declared `date` (a figure's period_end is text, for the year-less --03-22: refusals.yml's round 3)
    path = root / SOURCES
    lines = path.read_text(encoding="utf-8").split("\n")
    line = next(index for index, text in enumerate(lines) if text.startswith("bj12345_annual_report_2022,"))
    assert lines[line].count(",2022-12-31,") == 1, lines[line]
    lines[line] = lines[line].replace(",2022-12-31,", ",2022-12-32,")
    path.write_text("\n".join(lines), encoding="utf-8")
    return SOURCES, line + 1, "covers_period_end", "'2022-12-32' is not a date (YYYY-MM-DD)"


def not_a_whole_number(root: Path) -> Expected:
    line = replace_line(root / FIGURES, "category,住房,,2,items", "category,住房,,二,items")
    return FIGURES, line, "list_position", "'二' is not a whole number"


def pinyin_gloss_in_a_name(root: Path) -> Expected:
    # a name copied with a stored copy's gloss (卫生(wèi)健康类): the seed holds it as read, its phrase as stored
    line = replace_line(root / FIGURES, "category,住房,,2,items", "category,住(zhù)房,,2,items")
    return FIGURES, line, "subject_zh", "keeps a stored copy's pinyin gloss '(zhù)': write it as read, '住房'"


def traditional_name_on_record(root: Path) -> Expected:
    # a name on record copied in a stored copy's traditional characters: it is on record simplified, its spelling an alias
    line = replace_line(root / DISTRICTS, ",朝阳区,", ",朝陽區,")
    return (
        DISTRICTS,
        line,
        "district_name_zh",
        "'朝陽區' is written in traditional characters: a name on record is simplified, '朝阳区'",
    )


MALFORMED: list[Breaker] = [
    saved_as_gbk,
    missing_column,
    not_a_date,
    not_a_whole_number,
    full_width_digit,
    thousands_separator,
    pinyin_gloss_in_a_name,
    traditional_name_on_record,
]


@pytest.mark.parametrize("breaker", MALFORMED, ids=[breaker.__name__ for breaker in MALFORMED])
def test_a_malformed_seed_is_refused_with_file_line_and_column(
    breaker: Breaker, project_copy: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    expected = breaker(project_copy.root)

    def dbt_started(*arguments: object) -> None:
        raise AssertionError(f"dbt was started ({arguments[2:]}): the validator let the malformed seed through")

    monkeypatch.setattr(publish, "run_dbt", dbt_started)  # refused before dbt runs, as the build's first step

    exit_code = main(["--project-dir", str(project_copy.root), "build", "--target", str(published)])

    assert exit_code == 1
    assert_named(capsys.readouterr().err, project_copy.root, expected)
    assert sha256(published) == before


def assert_named(error: str, root: Path, expected: Expected) -> None:
    """Some line of the error names the message with its file, line and column."""
    seed, line, column, message = expected
    candidates = [text for text in error.splitlines() if message in text]
    assert candidates, error
    where = [str(seed)]
    where += [f"line {line}"] if line is not None else []
    where += [f"column {column}"] if column is not None else []
    assert any(all(part in text for part in where) for text in candidates), (where, candidates)


# --- spreadsheet habits that are not errors: the session's one rebuild ------------


def test_a_seed_saved_by_excel_as_csv_utf8_or_with_crlf_line_ends_builds(
    rebuild_under_readers: RebuildUnderReaders,
) -> None:
    """Excel's "CSV UTF-8" starts the file with a byte-order mark and ends its lines with CRLF; both are
    accepted (dbt skips the mark when it loads a seed, and so do the validator and the refusal messages),
    and the warehouse built from them holds the same figures, each on the line it stands on. The session's
    one rebuild (support/rebuild_under_readers.py) saved printed_figures.csv so and ref_districts.csv with
    CRLF line ends, after its made-up year and platform were added to them."""
    figures = rebuild_under_readers.root / SAVED_AS_EXCEL_CSV_UTF8
    districts = rebuild_under_readers.root / SAVED_WITH_CRLF
    assert figures.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in figures.read_bytes()
    assert b"\r\n" in districts.read_bytes() and b"\n" not in districts.read_bytes().replace(b"\r\n", b"")
    assert validate_seeds(rebuild_under_readers.root / "seeds") == []

    with duckdb.connect(str(rebuild_under_readers.published), read_only=True) as connection:
        lines = connection.execute(
            "select seed_line, source_phrase from intermediate.int_report__printings"
            " where seed_name = 'printed_figures' order by seed_line"
        ).fetchall()
        districts_built = connection.execute("select count(*) from marts.dim_district").fetchone()
    district_rows = len([line for line in districts.read_bytes().split(b"\r\n")[1:] if line.strip()])
    rows = list(csv.reader(io.StringIO(figures.read_bytes().decode("utf-8-sig"), newline="")))
    phrase = rows[0].index("source_phrase")
    assert [(line, row[phrase]) for line, row in enumerate(rows[1:], 2) if row] == lines
    assert districts_built == (district_rows,)
