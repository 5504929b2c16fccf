"""The numbers the README and docs/ state are generated (`hotline12345 refresh-docs`), never typed.

Every part of README.md and docs/*.md between `<!-- generated: NAME -->` and `<!-- /generated: NAME -->` must be
what its template gives on the warehouse the suite built, the dbt manifest and the suite as pytest collects it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, suite_counts

from hotline12345 import generated_docs
from hotline12345.project import Project

pytestmark = pytest.mark.slow


def test_every_generated_part_is_up_to_date(project: Project, warehouse: Path) -> None:
    # the suite's count as this run collected it, where it collected the whole suite; else as pytest collects it
    context = generated_docs.facts(project.root, warehouse, pytest_counts=suite_counts())
    stale = generated_docs.stale(project.root, context)
    assert not stale, "\n".join(str(block) for block in stale)


def test_the_readme_states_its_counts_in_generated_parts() -> None:
    names = {match["name"] for match in generated_docs.BLOCK.finditer((ROOT / "README.md").read_text("utf-8"))}
    assert {"summary", "tests", "questions"} <= names


def test_a_count_that_changed_makes_its_part_stale(tmp_path: Path, project: Project, warehouse: Path) -> None:
    context = generated_docs.facts(project.root, warehouse, pytest_counts={"pytest_cases": 1, "pytest_functions": 1})
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text(
        "intro\n<!-- generated: summary -->\n<!-- /generated: summary -->\nend\n", encoding="utf-8"
    )
    assert [block.name for block in generated_docs.stale(tmp_path, context)] == ["summary"]
    generated_docs.write(tmp_path, context)
    written = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert f"{context['printed_figures']:,} printed figures" in written
    assert written.startswith("intro\n") and written.endswith("end\n")
    assert generated_docs.stale(tmp_path, context) == []
    changed = {**context, "printed_figures": context["printed_figures"] + 1}
    assert [block.name for block in generated_docs.stale(tmp_path, changed)] == ["summary"]


def test_each_out_of_sample_score_is_the_one_its_section_of_the_scores_records() -> None:
    # docs/extract-scores-out-of-sample.csv holds each batch's first score; its section of docs/extract-scores.md holds
    # extract-score's own output, whose total line must print the same hand rows, proposals and three ratios
    scores = (ROOT / "docs" / "extract-scores.md").read_text(encoding="utf-8")
    sections = {
        heading: body
        for heading, body in re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", scores, flags=re.MULTILINE | re.DOTALL)
    }
    batches = generated_docs.extract_batch_facts(ROOT)["extract_batches"]
    assert batches
    for batch in batches:
        assert batch["section"] in sections, f"{batch['batch']}: no section titled {batch['section']!r}"
        totals = re.findall(
            r"^total\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", sections[batch["section"]], re.MULTILINE
        )
        printed = [
            (int(hand), int(proposed), recall, whole, precision) for hand, proposed, recall, whole, precision in totals
        ]
        expected = (
            batch["hand_rows"],
            batch["proposals"],
            f"{batch['values_recall']:.3f}",
            f"{batch['whole_row_recall']:.3f}",
            f"{batch['precision']:.3f}",
        )
        assert expected in printed, f"{batch['batch']}: {expected} is not a total line of its section: {printed}"
