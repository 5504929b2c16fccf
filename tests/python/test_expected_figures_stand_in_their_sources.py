"""The tests' expected figures (support/expected.py) are the sources' own: each value stands in its words, and its
words in its document (white space removed; the 2022 report's prose also without its footnote markers, lines that
hold only 1–3). A figure typed wrong in expected.py fails here, not only where a mart disagrees with it."""

from __future__ import annotations

import re
from decimal import Decimal

from conftest import ROOT
from support import expected
from support.expected import Printed

DOCUMENTS = ROOT / "source_documents"


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_expected_figure_stands_in_its_words_and_its_document() -> None:
    figures = {name: value for name, value in vars(expected).items() if isinstance(value, Printed)}
    assert len(figures) >= 20, "expected.py's figures were read"
    wrong = []
    for name, figure in figures.items():
        text = (DOCUMENTS / figure.document).read_text(encoding="utf-8")
        texts = (squeezed(text), squeezed(re.sub(r"\n\s*[1-3]\s*\n", "\n", text)))
        words = squeezed(figure.words)
        if not any(words in each for each in texts):
            wrong.append(f"support/expected.py {name}: {figure.words!r} is not in source_documents/{figure.document}")
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
