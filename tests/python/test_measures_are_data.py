"""A measure is data, never a code in SQL (issue 23, item 1): what a measure is made of (its part, rest and whole), the
models it feeds and the column or part it has there live in seeds/reference (ref_measures, ref_measure_properties,
ref_measure_uses), and every model reads them there. So no `.sql` file under models/ or macros/ quotes a code of
ref_measures: a `case` ladder over measures, a `where measure = '…'` or a pivot keyed on a code fails here, named by
file, line and column.

What is not a measure code although it is spelled like one, and is therefore left alone:
- YAML and Markdown (model and seed docs, the semantic models' filters): they describe a measure by name, they do not
  decide what a model computes. Only `.sql` is read.
- A role of ref_measure_uses (`figure_role`) in the file of the model the seed row names, on a line that picks a figure
  by its role (`pivot_role(`, `measure_feeds(`, `measure_of(` or `figure_role`): it is the name of the column the data
  maps a measure to (a district's `district_department_items` column), and which measure fills it is the seed's.
- A code that is also a unit (`items` is a measure and the unit of counts, ref_measures.normalised_unit), on a line
  that does not name `measure`: there it is the unit (`normalised_unit = 'items'`, `audit_range(…, "'items'")`).

And the other way round: every role a model picks by name is one the seed gives that model, or the column would be
silently empty."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

from conftest import ROOT

SEEDS = Path("seeds") / "reference"
ROLE_CALL = re.compile(r"\b(?:pivot_role|measure_feeds|measure_of)\(\s*'(\w+)'")
ROLE_LINE = re.compile(r"\b(?:pivot_role|measure_feeds|measure_of)\(|\bfigure_role\b")
MEASURE_WORD = re.compile(r"\bmeasure\b")


def _rows(root: Path, seed: str) -> list[dict[str, str]]:
    with (root / SEEDS / seed).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _sql_files(root: Path) -> list[Path]:
    return sorted(path for folder in ("models", "macros") for path in (root / folder).rglob("*.sql"))


def quoted_measure_codes(root: Path) -> list[str]:
    """Every quoted code of ref_measures in the SQL of models/ and macros/ that is not exempt (see the module's
    docstring), as `file:line:column: 'code'`."""
    measures = _rows(root, "ref_measures.csv")
    codes = {row["measure"] for row in measures}
    units = {row["normalised_unit"] for row in measures}
    roles: dict[str, set[str]] = {}
    for row in _rows(root, "ref_measure_uses.csv"):
        roles.setdefault(row["model_name"], set()).add(row["figure_role"])
    alternatives = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    quoted = re.compile(rf"""(['"])({alternatives})\1""")
    found = []
    for path in _sql_files(root):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in quoted.finditer(line):
                code = match.group(2)
                if code in roles.get(path.stem, set()) and ROLE_LINE.search(line):
                    continue
                if code in units and not MEASURE_WORD.search(line):
                    continue
                found.append(f"{path.relative_to(root)}:{number}:{match.start() + 1}: {match.group(0)}")
    return found


def roles_not_in_the_seed(root: Path) -> list[str]:
    """Every role a model picks by name (`pivot_role('…')`, `measure_feeds('…')`, `measure_of('…')`) that
    ref_measure_uses does not give that model, as `file:line:column: role`."""
    roles = {(row["model_name"], row["figure_role"]) for row in _rows(root, "ref_measure_uses.csv")}
    found = []
    for path in _sql_files(root):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in ROLE_CALL.finditer(line):
                if (path.stem, match.group(1)) not in roles:
                    found.append(f"{path.relative_to(root)}:{number}:{match.start(1) + 1}: {match.group(1)}")
    return found


def test_no_sql_quotes_a_measure_code() -> None:
    assert quoted_measure_codes(ROOT) == []


def test_every_role_a_model_picks_is_in_ref_measure_uses() -> None:
    assert roles_not_in_the_seed(ROOT) == []


def _scratch_copy(tmp_path: Path) -> Path:
    for folder in ("models", "macros"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / SEEDS).mkdir(parents=True)
    for seed in ("ref_measures.csv", "ref_measure_uses.csv"):
        shutil.copy(ROOT / SEEDS / seed, tmp_path / SEEDS / seed)
    return tmp_path


def test_a_quoted_measure_code_is_found_by_file_line_and_column(tmp_path: Path) -> None:
    root = _scratch_copy(tmp_path)
    mart = root / "models" / "marts" / "fct_service_quality.sql"
    lines = mart.read_text(encoding="utf-8").splitlines()
    lines[0] = "-- where measure = 'satisfaction_rate_pct'"
    lines.append("-- case measure when 'items' then 1 end")
    mart.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert quoted_measure_codes(root) == [
        "models/marts/fct_service_quality.sql:1:20: 'satisfaction_rate_pct'",
        f"models/marts/fct_service_quality.sql:{len(lines)}:22: 'items'",
    ]


def test_a_role_the_seed_does_not_give_the_model_is_found(tmp_path: Path) -> None:
    root = _scratch_copy(tmp_path)
    mart = root / "models" / "marts" / "fct_monthly_topic.sql"
    text = mart.read_text(encoding="utf-8")
    assert "measure_feeds()" in text
    mart.write_text(text.replace("measure_feeds()", "measure_feeds('published_items')", 1), encoding="utf-8")
    (found,) = roles_not_in_the_seed(root)
    assert found.startswith("models/marts/fct_monthly_topic.sql:") and found.endswith(": published_items")
