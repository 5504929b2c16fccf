"""Bad seed input stops the build with a message naming the file, line and
column, and the published warehouse stays byte-for-byte what it was.

Malformed files (encoding, header, a cell of the wrong type) are refused by
the seed validator before dbt runs, one copy each. Values that are well
formed but wrong (an unknown source, unit, wording or name, a period that
ends before it starts, a running total that does not start at its series
start, a duplicate figure, a reprint that disagrees) are refused by dbt's
tests, which name the seed line of the row; those cases are put into one
copy of the project together, on different lines, and refused by one build.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_project, sha256

from hotline12345.cli import main
from hotline12345.project import Project
from hotline12345.publish import BuildFailed, build_and_publish

FIGURES = Path("seeds/figures/printed_figures.csv")
REPRINTS = Path("seeds/figures/printed_figure_reprints.csv")
DISTRICTS = Path("seeds/reference/ref_districts.csv")
KNOWN = Path("seeds/audit/known_discrepancies.csv")


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the one line containing `old`; return its 1-based line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    matches = [index for index, line in enumerate(lines) if old in line]
    assert len(matches) == 1, f"{old!r} is on lines {matches}"
    lines[matches[0]] = lines[matches[0]].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return matches[0] + 1


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


# (seed file, line or None, column or None, words the message must contain)
Expected = tuple[Path, int | None, str | None, str]
Breaker = Callable[[Path], Expected]


# --- malformed files: the validator, before dbt --------------------------------


def saved_as_gbk(root: Path) -> Expected:
    path = root / DISTRICTS
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    return DISTRICTS, 2, None, "is not valid UTF-8"


def byte_order_mark(root: Path) -> Expected:
    path = root / FIGURES
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return FIGURES, 1, None, "byte-order mark"


def missing_column(root: Path) -> Expected:
    path = root / DISTRICTS
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line.rsplit(",", 1)[0] if line else line for line in lines), encoding="utf-8")
    return DISTRICTS, 1, "functional_zone_code", "the column is missing from the header"


def not_a_date(root: Path) -> Expected:
    line = replace_line(
        root / FIGURES,
        "elib_2024_first_half_2024,2024-01-01,2024-06-30",
        "elib_2024_first_half_2024,2024-01-01,2024-06-31",
    )
    return FIGURES, line, "period_end", "'2024-06-31' is not a date"


def not_a_whole_number(root: Path) -> Expected:
    line = replace_line(root / FIGURES, "category,住房,,2,items", "category,住房,,二,items")
    return FIGURES, line, "list_position", "'二' is not a whole number"


MALFORMED: list[Breaker] = [saved_as_gbk, byte_order_mark, missing_column, not_a_date, not_a_whole_number]


@pytest.mark.parametrize("breaker", MALFORMED, ids=[breaker.__name__ for breaker in MALFORMED])
def test_a_malformed_seed_is_refused_with_file_line_and_column(
    breaker: Breaker, project_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    expected = breaker(project_copy.root)

    exit_code = main(["--project-dir", str(project_copy.root), "build", "--target", str(published)])

    assert exit_code == 1
    assert_named(capsys.readouterr().err, project_copy.root, expected)
    assert sha256(published) == before


def assert_named(error: str, root: Path, expected: Expected) -> None:
    """Some line of the error names the message with its file, line and column."""
    seed, line, column, message = expected
    candidates = [text for text in error.splitlines() if message in text]
    assert candidates, error
    where = [str(root / seed)]
    where += [f"line {line}"] if line is not None else []
    where += [f"column {column}"] if column is not None else []
    assert any(all(part in text for part in where) for text in candidates), (where, candidates)


# --- wrong values: dbt's tests, one build -------------------------------------


def not_a_number(root: Path) -> Expected:
    line = replace_line(root / FIGURES, ",97.1,万件,市场管理类问题 97.1 万件", ",97.l,万件,市场管理类问题 97.1 万件")
    return FIGURES, line, "value_printed", "'97.l' is not a number"


def negative_count(root: Path) -> Expected:
    line = replace_line(root / FIGURES, ",58.2,万件,", ",-58.2,万件,")
    return FIGURES, line, "value_printed", "is not in the unit or range of its measure"


def share_over_100(root: Path) -> Expected:
    line = replace_line(root / FIGURES, ",66.67,%,", ",166.67,%,")
    return FIGURES, line, "value_printed", "'166.67' is not in the unit or range of its measure"


def unknown_unit(root: Path) -> Expected:
    line = replace_line(root / FIGURES, ",75.0,万件,", ",75.0,千件,")
    return FIGURES, line, "unit_printed", "'千件' is not a known unit"


def unknown_district(root: Path) -> Expected:
    line = replace_line(root / FIGURES, "district,东城区,,1,items,约", "district,东城县,,1,items,约")
    return FIGURES, line, "subject_zh", "'东城县' is not a known name"


def unknown_category(root: Path) -> Expected:
    line = replace_line(root / FIGURES, "category,住房,,2,items", "category,住宅,,2,items")
    return FIGURES, line, "subject_zh", "'住宅' is not a known name"


def unknown_source(root: Path) -> Expected:
    line = replace_line(
        root / FIGURES,
        "yybnet_2019_07_30_first_half_2019,2019-01-01,2019-06-30,摘录,intake,市民来电",
        "yybnet_2019_07_31,2019-01-01,2019-06-30,摘录,intake,市民来电",
    )
    return FIGURES, line, "source_id", "'yybnet_2019_07_31' is not a known source"


def unknown_wording(root: Path) -> Expected:
    line = replace_line(root / FIGURES, ",items,近,,450,万件,", ",items,将近,,450,万件,")
    return FIGURES, line, "approximation_zh", "'将近' is not a known wording"


def period_ends_before_it_starts(root: Path) -> Expected:
    line = replace_line(
        root / FIGURES, "axdbkk_hotline_history,2023-01-01,2023-12-31", "axdbkk_hotline_history,2023-01-01,2022-12-31"
    )
    return FIGURES, line, "period_end", "ends before the period starts"


def running_total_not_from_the_series_start(root: Path) -> Expected:
    line = replace_line(
        root / FIGURES,
        "elib_2024_first_half_2024,2019-01-01,2024-06-30",
        "elib_2024_first_half_2024,2019-07-01,2024-06-30",
    )
    return FIGURES, line, "period_start", "must start at the platform's series start"


def duplicate_figure(root: Path) -> Expected:
    path = root / FIGURES
    first = line_of(path, "category,教育,,5,items")
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines.append(lines[first - 1])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return FIGURES, len(lines), "measure", "an earlier line already holds"


def missing_required_figure(root: Path) -> Expected:
    path = root / FIGURES
    drop = line_of(path, "district,西城区,,2,share_of_districts_pct")
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[drop - 1]
    path.write_text("\n".join(lines), encoding="utf-8")
    return Path(), None, None, "assert_every_subject_has_its_required_figures"


WRONG_VALUES: list[Breaker] = [
    not_a_number,
    negative_count,
    share_over_100,
    unknown_unit,
    unknown_district,
    unknown_category,
    unknown_source,
    unknown_wording,
    period_ends_before_it_starts,
    running_total_not_from_the_series_start,
    duplicate_figure,  # last: it appends a line
]


@pytest.fixture(scope="module")
def refused_wrong_values(
    tmp_path_factory: pytest.TempPathFactory, project: Project, warehouse: Path
) -> tuple[Path, list[Expected], str, int, bool]:
    project_copy = copy_project(tmp_path_factory.mktemp("wrong_values") / "project", warehouse)
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    expected = [breaker(project_copy.root) for breaker in WRONG_VALUES]
    error = io.StringIO()
    with contextlib.redirect_stderr(error):
        exit_code = main(["--project-dir", str(project_copy.root), "build", "--target", str(published)])
    return project_copy.root, expected, error.getvalue(), exit_code, sha256(published) == before


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(WRONG_VALUES)), ids=[breaker.__name__ for breaker in WRONG_VALUES])
def test_a_wrong_value_is_refused_by_dbt_naming_its_seed_line(
    refused_wrong_values: tuple[Path, list[Expected], str, int, bool], index: int
) -> None:
    root, expected, error, exit_code, unchanged = refused_wrong_values
    assert exit_code == 1
    assert unchanged, "the published warehouse changed"
    _, line, _, message = expected[index]
    if line is None:
        assert message in error, error
    else:
        assert_named(error, root, expected[index])


# --- findings: the audit, one build -------------------------------------------


def reprint_disagrees(root: Path) -> Expected:
    line = replace_line(root / REPRINTS, ",6.96,million,", ",7.96,million,")
    return REPRINTS, line, "value_printed", "does not agree with the canonical printing"


def unlist_a_finding(root: Path) -> Expected:
    path = root / KNOWN
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line for line in lines if ".2022.district.fengtai." not in line), encoding="utf-8")
    return Path(), None, None, "assert_every_inconsistent_published_figure_is_a_known_discrepancy"


def list_a_consistent_check(root: Path) -> Expected:
    with (root / KNOWN).open("a", encoding="utf-8") as handle:
        handle.write("share:beijing_12345.2022.district.dongcheng.district_department_share_pct,not a finding\n")
    return Path(), None, None, "assert_every_known_discrepancy_is_still_inconsistent"


@pytest.mark.slow
def test_findings_must_match_the_list_reprints_agree_and_coverage_holds(project_copy: Project) -> None:
    """Seeds that validate but break an invariant downstream of staging (a figure a source covers
    is missing, a reprint disagrees, the list of findings does not match the audit) fail in dbt,
    naming the test (and, for a reprint, its seed line); nothing is published and no scratch
    file is left."""
    changes = (missing_required_figure, reprint_disagrees, unlist_a_finding, list_a_consistent_check)
    expected = [change(project_copy.root) for change in changes]
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)

    with pytest.raises(BuildFailed) as failure:
        build_and_publish(project_copy, published)

    message = str(failure.value)
    failed = {node.name for node in failure.value.failures}
    assert_named(message, project_copy.root, expected[1])
    assert "assert_reprinted_figures_agree_with_their_canonical_printing" in failed
    for _, _, _, test_name in (expected[0], *expected[2:]):
        assert test_name in failed
        assert test_name in message
    assert sha256(published) == before
    assert not list(published.parent.glob(".*.building*")), "the scratch file was left behind"
