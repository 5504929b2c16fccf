"""Bad seed input stops the build with a message naming the file, line and
column, and the published warehouse stays byte-for-byte what it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import sha256

from hotline12345.cli import main
from hotline12345.project import Project
from hotline12345.publish import BuildFailed, build_and_publish

FIGURES = Path("seeds/report/report_figures.csv")
DISTRICTS = Path("seeds/reference/ref_districts.csv")


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


Breaker = Callable[[Path], tuple[Path, int | None, str | None, str]]


def not_a_number(root: Path) -> tuple[Path, int | None, str | None, str]:
    line = replace_line(root / FIGURES, ",97.1,万件,市场管理类问题 97.1 万件", ",97.l,万件,市场管理类问题 97.1 万件")
    return FIGURES, line, "value_printed", "'97.l' is not a number"


def negative_count(root: Path) -> tuple[Path, int | None, str | None, str]:
    line = replace_line(root / FIGURES, ",58.2,万件,", ",-58.2,万件,")
    return FIGURES, line, "value_printed", "below the smallest valid items"


def share_over_100(root: Path) -> tuple[Path, int | None, str | None, str]:
    line = replace_line(root / FIGURES, ",66.67,%,", ",166.67,%,")
    return FIGURES, line, "value_printed", "above the largest valid district_department_share_pct"


def unknown_unit(root: Path) -> tuple[Path, int | None, str | None, str]:
    line = replace_line(root / FIGURES, ",75.0,万件,", ",75.0,千件,")
    return FIGURES, line, "unit_printed", "'千件' is not a known unit"


def unknown_district(root: Path) -> tuple[Path, int | None, str | None, str]:
    line = replace_line(root / FIGURES, "district,东城区,,1,,items,约", "district,东城县,,1,,items,约")
    return FIGURES, line, "subject_zh", "'东城县' is not a known district name"


def unknown_category(root: Path) -> tuple[Path, int | None, str | None, str]:
    line = replace_line(root / FIGURES, "category,住房,,2,,items", "category,住宅,,2,,items")
    return FIGURES, line, "subject_zh", "'住宅' is not a known category name"


def duplicate_figure(root: Path) -> tuple[Path, int | None, str | None, str]:
    path = root / FIGURES
    first = line_of(path, "category,教育,,5,,items")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.append(lines[first - 1])
    path.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
    return FIGURES, len([line for line in lines if line]), None, f"duplicates the figure on line {first}"


def missing_required_figure(root: Path) -> tuple[Path, int | None, str | None, str]:
    path = root / FIGURES
    drop = line_of(path, "district,西城区,,2,,share_of_districts_pct")
    lines = path.read_text(encoding="utf-8").split("\n")
    del lines[drop - 1]
    path.write_text("\n".join(lines), encoding="utf-8")
    return FIGURES, None, "measure", "'share_of_districts_pct' of district 西城区 is missing"


def saved_as_gbk(root: Path) -> tuple[Path, int | None, str | None, str]:
    path = root / DISTRICTS
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    return DISTRICTS, 2, None, "is not valid UTF-8"


def byte_order_mark(root: Path) -> tuple[Path, int | None, str | None, str]:
    path = root / FIGURES
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return FIGURES, 1, None, "byte-order mark"


def missing_column(root: Path) -> tuple[Path, int | None, str | None, str]:
    path = root / DISTRICTS
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line.rsplit(",", 1)[0] if line else line for line in lines), encoding="utf-8")
    return DISTRICTS, 1, "functional_zone_code", "the column is missing from the header"


BREAKERS: list[Breaker] = [
    not_a_number,
    negative_count,
    share_over_100,
    unknown_unit,
    unknown_district,
    unknown_category,
    duplicate_figure,
    missing_required_figure,
    saved_as_gbk,
    byte_order_mark,
    missing_column,
]


@pytest.mark.parametrize("breaker", BREAKERS, ids=[breaker.__name__ for breaker in BREAKERS])
def test_bad_seed_is_refused_with_file_line_and_column(
    breaker: Breaker, project_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    seed, line, column, message = breaker(project_copy.root)

    exit_code = main(["--project-dir", str(project_copy.root), "build", "--target", str(published)])

    error = capsys.readouterr().err
    assert exit_code == 1
    problem = next((text for text in error.splitlines() if message in text), None)
    assert problem is not None, error
    assert str(project_copy.root / seed) in problem
    if line is not None:
        assert f"line {line}" in problem
    if column is not None:
        assert f"column {column}" in problem
    assert sha256(published) == before


def unlist_a_finding(known: Path) -> None:
    lines = known.read_text(encoding="utf-8").split("\n")
    known.write_text(
        "\n".join(line for line in lines if not line.startswith("share:2022.district.fengtai.")), encoding="utf-8"
    )


def list_a_consistent_check(known: Path) -> None:
    with known.open("a", encoding="utf-8") as handle:
        handle.write("share:2022.district.dongcheng.district_department_share_pct,2022,not a finding\n")


@pytest.mark.parametrize(
    ("change", "failing_test"),
    [
        (unlist_a_finding, "assert_every_inconsistent_published_figure_is_a_known_discrepancy"),
        (list_a_consistent_check, "assert_every_known_discrepancy_is_still_inconsistent"),
    ],
    ids=["unlisted finding", "listed check that is consistent"],
)
def test_the_list_of_findings_must_match_the_audit(
    project_copy: Project, change: Callable[[Path], None], failing_test: str
) -> None:
    """Seeds that validate but break an invariant fail in dbt, naming the test; nothing is published."""
    change(project_copy.root / "seeds" / "audit" / "known_discrepancies.csv")
    published = project_copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)

    with pytest.raises(BuildFailed) as failure:
        build_and_publish(project_copy, published)

    assert failing_test in {node.name for node in failure.value.failures}
    assert failing_test in str(failure.value)
    assert sha256(published) == before
    assert not list(published.parent.glob(".*.building*")), "the scratch file was left behind"
