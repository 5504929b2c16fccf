"""The tests' expected figures (support/expected.py) are the sources' own: each value stands in its words, and its
words and a clause the seeds hold for that source (`source_phrase`, white space removed) stand one in the other.
The repository keeps the clauses, not the pages: each clause is checked against its page's saved text by
`hotline12345 provenance`, where the texts are saved. A figure typed wrong in expected.py fails here, not only where
a mart disagrees with it."""

from __future__ import annotations

import csv
import re
from decimal import Decimal

from conftest import ROOT
from support import expected
from support.expected import Printed

SEEDS = ROOT / "seeds"


def clauses_by_document() -> dict[str, list[str]]:
    """The clauses the figure seeds hold, by the document_file of their source."""
    with (SEEDS / "sources" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        documents = {row["source_id"]: row["document_file"] for row in csv.DictReader(handle)}
    clauses: dict[str, list[str]] = {}
    for seed in ("printed_figures.csv", "printed_figure_reprints.csv"):
        with (SEEDS / "figures" / seed).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                clauses.setdefault(documents[row["source_id"]], []).append(squeezed(row["source_phrase"]))
    return clauses


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_expected_figure_stands_in_its_words_and_its_document() -> None:
    figures = {name: value for name, value in vars(expected).items() if isinstance(value, Printed)}
    assert len(figures) >= 20, "expected.py's figures were read"
    clauses = clauses_by_document()
    wrong = []
    for name, figure in figures.items():
        words = squeezed(figure.words)
        if not any(words in clause or clause in words for clause in clauses.get(figure.document, [])):
            wrong.append(
                f"support/expected.py {name}: {figure.words!r} is in no clause the seeds hold of {figure.document}"
            )
        if figure.value.lstrip("-") + figure.unit not in words:
            wrong.append(f"support/expected.py {name}: {figure.value.lstrip('-')}{figure.unit} is not in its words")
        if figure.value.startswith("-") and not re.search("下降|减少|降低", words):
            wrong.append(f"support/expected.py {name}: a fall whose words say no fall")
    assert wrong == [], "\n".join(wrong)


def test_a_count_is_its_printed_value_times_its_unit() -> None:
    assert expected.TOTAL_2022.items == 75_924_000
    assert Printed("140.0", "万件", "", "").items == 1_400_000
    assert Printed("25560", "件", "", "").items == 25_560
    assert expected.CHAOYANG_2022_DISTRICT_DEPARTMENTS.percent_of(expected.CHAOYANG_2022) == Decimal(66)
