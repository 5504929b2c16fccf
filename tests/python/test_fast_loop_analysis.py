"""`hotline12345 analysis`: compiled once, answered from DuckDB, printed as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from hotline12345 import analyses
from hotline12345.analyses import run_analysis
from hotline12345.cli import main
from hotline12345.project import Project

QUESTION = "district_street_township_share"
# 密云区: 11 万件 of its 20.9 万件 by streets and townships, the largest share (see test_publishing)
MIYUN_ITEMS = 209_000
MIYUN_STREET_SHARE = Decimal(110_000) / Decimal(209_000) * 100


def cli(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def display_columns(text: str) -> list[str]:
    """One entry per terminal column: a wide (CJK) character fills two."""
    columns: list[str] = []
    for character in text:
        columns += [character, ""] if unicodedata.east_asian_width(character) in "WF" else [character]
    return columns


def test_table_is_aligned_in_terminal_columns(
    project: Project, warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "--project-dir", str(project.root), "analysis", QUESTION, "--database", str(warehouse))
    assert code == 0, err
    header, rule, *rows = out.splitlines()
    # the rule under the header marks each column's span; every cell must lie inside its span
    spans, start = [], None
    for position, character in enumerate(rule + " "):
        if character == "-" and start is None:
            start = position
        elif character != "-" and start is not None:
            spans.append((start, position))
            start = None
    cells = [["".join(display_columns(line)[a:b]).strip() for a, b in spans] for line in [header, *rows]]
    expected = run_analysis(project, QUESTION, warehouse)
    assert cells[0] == expected.columns
    assert len(rows) == len(expected.rows) >= 16
    for cell_row, row in zip(cells[1:], expected.rows, strict=True):
        assert cell_row == ["" if value is None else str(value) for value in row]
    first = dict(zip(cells[0], cells[1], strict=True))
    assert first["district_name_zh"] == "密云区"
    assert first["items"] == str(MIYUN_ITEMS)
    # numbers are right-aligned: the items column's last character is under the rule's last dash
    items = cells[0].index("items")
    assert display_columns(rows[0])[spans[items][1] - 1] == str(MIYUN_ITEMS)[-1]


def test_csv_has_a_header_and_one_line_per_row(
    project: Project, warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(
        capsys,
        "--project-dir",
        str(project.root),
        "analysis",
        QUESTION,
        "--database",
        str(warehouse),
        "--format",
        "csv",
    )
    assert code == 0, err
    header, *rows = list(csv.reader(io.StringIO(out)))
    assert "district_name_zh" in header and "street_township_share_pct" in header
    assert len(rows) == len(run_analysis(project, QUESTION, warehouse).rows) >= 16
    first = dict(zip(header, rows[0], strict=True))
    assert first["district_name_zh"] == "密云区"
    assert abs(Decimal(first["street_township_share_pct"]) - MIYUN_STREET_SHARE) < Decimal("0.0001")


def test_json_is_a_list_of_objects_with_numbers_as_numbers(
    project: Project, warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(
        capsys,
        "--project-dir",
        str(project.root),
        "analysis",
        QUESTION,
        "--database",
        str(warehouse),
        "--format",
        "json",
    )
    assert code == 0, err
    records = json.loads(out)
    assert len(records) == len(run_analysis(project, QUESTION, warehouse).rows) >= 16
    first = records[0]
    assert first["district_name_zh"] == "密云区"
    assert first["items"] == MIYUN_ITEMS and isinstance(first["items"], int)
    assert isinstance(first["street_township_share_pct"], float)
    assert abs(first["street_township_share_pct"] - float(MIYUN_STREET_SHARE)) < 0.0001


def test_piped_into_head_it_stops_quietly(project: Project, warehouse: Path) -> None:
    """`hotline12345 analysis ... | head -1`: the reader is gone before anything is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "hotline12345.cli", "--project-dir", str(project.root)]
            + ["analysis", QUESTION, "--database", str(warehouse)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=300,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr


def test_a_missing_warehouse_is_reported_without_a_traceback(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.duckdb"
    code, out, err = cli(capsys, "--project-dir", str(project.root), "analysis", QUESTION, "--database", str(missing))
    assert code == 1
    assert str(missing) in err and out == ""


class DbtWasCalled(Exception):
    pass


def test_an_analysis_is_compiled_again_only_when_what_it_depends_on_changes(
    project_copy: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_copy.root
    published = root / "warehouse" / "hotline12345.duckdb"
    probe = root / "analyses" / "fast_loop_probe.sql"
    # Beijing's 16 districts (十六区); other platforms list their own
    districts = "from {{ ref('dim_district') }} where platform_code = 'beijing_12345'"
    probe.write_text(f"select count(*) as districts {districts}\n", encoding="utf-8")
    arguments = ["--project-dir", str(root), "analysis", "fast_loop_probe", "--database", str(published)]

    code, out, err = cli(capsys, *arguments, "--format", "csv")
    assert (code, out) == (0, "districts\n16\n"), err
    probe.write_text(f"select 2 * count(*) as districts {districts}\n", encoding="utf-8")
    code, out, err = cli(capsys, *arguments, "--format", "csv")
    assert (code, out) == (0, "districts\n32\n"), "a changed analysis is compiled again"

    def no_dbt(project: Project, name: str) -> str:
        raise DbtWasCalled(name)

    monkeypatch.setattr(analyses, "_dbt_compile", no_dbt)
    assert run_analysis(project_copy, "fast_loop_probe", published).rows == [(32,)], "unchanged: dbt is not run"
    with (root / "macros" / "ref.sql").open("a", encoding="utf-8") as macros:
        macros.write("\n{# a change to a macro #}\n")
    with pytest.raises(DbtWasCalled):
        run_analysis(project_copy, "fast_loop_probe", published)
