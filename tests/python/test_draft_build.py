"""`hotline12345 build --draft`, the loop of a person adding a page (issue 25, item 6), run as a person runs it.

A copy of the project gets the made-up city's page (support/made_up_platform.py) with one share typed wrong:
电话 600 of 1,000 件 printed as 61.00%, which no true counts give. Nobody has reviewed that finding yet. The
draft must print it with the audit's sentence and the seed lines of the figures it rests on, leave the published
file as it was, byte for byte, keep its own file for querying, and exit 3 (only findings to review).
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from conftest import copy_project, sha256
from support.made_up_platform import MADE_UP_PLATFORM, add_a_made_up_platform

from hotline12345.project import Project

FIGURES = Path("seeds/figures/printed_figures.csv")
WRONG_SHARE = ('share_of_total_pct,,,60.00,%,"电话600件,占60.00%"', 'share_of_total_pct,,,61.00,%,"电话600件,占61.00%"')
FINDING = f"share:{MADE_UP_PLATFORM}.2025.intake.channel.phone.share_of_total_pct"


@dataclass(frozen=True)
class Drafted:
    root: Path
    returncode: int
    stdout: str
    stderr: str
    published_before: str
    published_after: str


def line_of(path: Path, text: str) -> int:
    """The line (1 = the header) of the one line of `path` holding `text`."""
    lines = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    assert len(lines) == 1, (text, lines)
    return lines[0]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory, project: Project, warehouse: Path) -> Drafted:
    copy = copy_project(tmp_path_factory.mktemp("draft") / "project", warehouse)
    add_a_made_up_platform(copy.root)
    figures = copy.root / FIGURES
    text = figures.read_text(encoding="utf-8")
    assert text.count(WRONG_SHARE[0]) == 1
    figures.write_text(text.replace(*WRONG_SHARE), encoding="utf-8")
    published = copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    done = subprocess.run(
        [sys.executable, "-m", "hotline12345.cli", "build", "--draft"],
        cwd=copy.root,
        capture_output=True,
        text=True,
        check=False,
    )
    return Drafted(copy.root, done.returncode, done.stdout, done.stderr, before, sha256(published))


@pytest.mark.slow
def test_the_draft_prints_the_new_finding_with_its_sentence_and_seed_lines(drafted: Drafted) -> None:
    assert drafted.returncode == 3, drafted.stderr[-3000:]
    assert "build --draft:" not in drafted.stderr  # nothing else refused
    out = drafted.stdout[drafted.stdout.index("new finding") :]
    block = out[out.index(FINDING) :].split("\n\n")[0]
    # the audit's own sentence, as published_figure_checks writes it in the draft
    with duckdb.connect(str(drafted.root / "target" / "draft" / "hotline12345.duckdb"), read_only=True) as draft:
        sentence = draft.execute(
            "select explanation from audit.published_figure_checks where check_id = ?", [FINDING]
        ).fetchone()
    assert sentence is not None and sentence[0].startswith(
        "虚构市12345热线, 2025, 电话 (share of all items): printed 61.00%"
    )
    assert f"\n    {sentence[0]}\n" in block, block
    figures = drafted.root / FIGURES
    checked = line_of(figures, "占61.00%")
    total = line_of(figures, ",受理总量,,,items,,,1000,件,")
    phone, online = line_of(figures, ",电话,,,items,,,600,件,"), line_of(figures, ",网络,,,items,,,400,件,")
    assert f"{FIGURES}:{checked}: 电话 61.00% (share_of_total_pct) (the value checked)" in block, block
    for line, printed in ((total, "受理总量 1000件"), (phone, "电话 600件"), (online, "网络 400件")):
        assert f"{FIGURES}:{line}: {printed} (items) (checked against)" in block, block


@pytest.mark.slow
def test_the_draft_publishes_nothing_and_keeps_its_file_for_querying(drafted: Drafted) -> None:
    assert drafted.published_after == drafted.published_before
    kept = re.search(r"the draft, kept for querying \(nothing published\): (\S+)", drafted.stdout)
    assert kept, drafted.stdout[-2000:]
    draft = Path(kept.group(1))
    assert draft == drafted.root / "target" / "draft" / "hotline12345.duckdb"
    with duckdb.connect(str(draft), read_only=True) as connection:
        found = connection.execute(
            "select status, is_known_discrepancy from audit.published_figure_checks where check_id = ?", [FINDING]
        ).fetchall()
        platforms = connection.execute(
            "select count(*) from marts.dim_platform where platform_code = ?", [MADE_UP_PLATFORM]
        ).fetchone()
    assert found == [("inconsistent", False)]
    assert platforms == (1,)
