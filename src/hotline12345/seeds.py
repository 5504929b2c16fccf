"""Check the seed CSV files before dbt loads them.

dbt would stop on most bad input too, but with a message about a table, not
about the line of the file a person has to fix. Each problem found here names
the seed file, the line (1 = the header) and the column, and says what is
wrong. The declared columns and their types come from the seeds' YAML
(`column_types`), the known units, measures, ranges and names from the
reference seeds: nothing is restated here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

BOM = b"\xef\xbb\xbf"
CHINESE_DIGITS = "一二三四五六七八九十"

# Which reference seed column holds the printed names of each subject type.
# stg_reference__subjects makes the same lookup for dbt; a pytest test checks
# that the two agree on every name.
SUBJECT_NAME_SOURCES: dict[str, tuple[tuple[str, str, dict[str, str]], ...]] = {
    "category": (("ref_categories", "category_name_zh", {"category_level": "1"}),),
    "subcategory": (("ref_categories", "category_name_zh", {"category_level": "2"}),),
    "intake": (("ref_intake_members", "subject_zh", {}),),
    "district": (("ref_districts", "district_name_zh", {}),),
    "city_body": (("ref_handling_units", "unit_name_zh", {"unit_type": "city_body"}),),
    "state_owned_enterprise": (("ref_handling_units", "unit_name_zh", {"unit_type": "state_owned_enterprise"}),),
    "monthly_topic": (("ref_monthly_topics", "topic_name_zh", {}),),
    "monthly_topic_unit": (
        ("ref_districts", "district_name_zh", {}),
        ("ref_handling_units", "unit_name_zh", {}),
    ),
    "service_quality": (("ref_aggregate_subjects", "subject_zh", {"subject_type": "service_quality"}),),
    "district_total": (("ref_aggregate_subjects", "subject_zh", {"subject_type": "district_total"}),),
    "monthly_topics_total": (("ref_aggregate_subjects", "subject_zh", {"subject_type": "monthly_topics_total"}),),
}
FIGURE_KEY = ("report_year", "figure_year", "subject_type", "subject_zh", "parent_zh", "month", "measure")
PRINTED_FIGURE_SEEDS = ("report_figures", "report_figure_reprints")


@dataclass(frozen=True)
class SeedProblem:
    """One thing wrong in a seed file, where a person can find it."""

    path: Path
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SeedFile:
    name: str
    path: Path
    column_types: dict[str, str]
    rows: list[tuple[int, dict[str, str]]]


def _declared_column_types(seeds_dir: Path) -> dict[str, dict[str, str]]:
    declared: dict[str, dict[str, str]] = {}
    for properties in sorted(seeds_dir.rglob("*.yml")):
        document = yaml.safe_load(properties.read_text(encoding="utf-8")) or {}
        for seed in document.get("seeds", []):
            declared[seed["name"]] = dict(seed.get("config", {}).get("column_types", {}))
    return declared


def parse_printed_number(printed: str) -> Decimal | None:
    """The value a printed figure stands for, as stg_report__figures reads it."""
    try:
        value = Decimal(printed)
    except InvalidOperation:
        if len(printed) == 1 and printed in CHINESE_DIGITS:
            return Decimal(CHINESE_DIGITS.index(printed) + 1)
        return None
    return value if value.is_finite() else None


def _type_problem(value: str, declared_type: str) -> str | None:
    if value == "":
        return None
    kind = declared_type.lower()
    if kind == "integer":
        try:
            int(value)
        except ValueError:
            return f"{value!r} is not a whole number"
    elif kind.startswith("decimal"):
        if parse_printed_number(value) is None:
            return f"{value!r} is not a number"
    elif kind == "boolean" and value.lower() not in {"true", "false"}:
        return f"{value!r} is not true or false"
    return None


def _read(name: str, path: Path, column_types: dict[str, str]) -> tuple[SeedFile | None, list[SeedProblem]]:
    raw = path.read_bytes()
    if raw.startswith(BOM):
        return None, [
            SeedProblem(path, 1, None, "starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            SeedProblem(
                path,
                line,
                None,
                f"is not valid UTF-8 (byte {error.start}); it may have been saved as GBK: save it as UTF-8",
            )
        ]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return None, [SeedProblem(path, 1, None, "is empty: it needs a header line")]
    problems = [
        SeedProblem(path, 1, column, "the column is missing from the header")
        for column in column_types
        if column not in header
    ]
    problems += [
        SeedProblem(path, 1, column, "the column is not declared in the seed's column_types")
        for column in header
        if column not in column_types
    ]
    if problems:
        return None, problems
    rows: list[tuple[int, dict[str, str]]] = []
    for values in reader:
        line = reader.line_num
        if not values:
            continue
        if len(values) != len(header):
            problems.append(SeedProblem(path, line, None, f"has {len(values)} fields but the header has {len(header)}"))
            continue
        row = dict(zip(header, values, strict=True))
        for column, declared_type in column_types.items():
            message = _type_problem(row[column], declared_type)
            if message:
                problems.append(SeedProblem(path, line, column, message))
        rows.append((line, row))
    return SeedFile(name, path, column_types, rows), problems


def _lookup(seeds: dict[str, SeedFile], seed: str, column: str) -> dict[str, dict[str, str]]:
    return {row[column]: row for _, row in seeds[seed].rows}


def _known_names(seeds: dict[str, SeedFile]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for subject_type, sources in SUBJECT_NAME_SOURCES.items():
        names[subject_type] = {
            row[column]
            for seed, column, where in sources
            for _, row in seeds[seed].rows
            if all(row.get(key) == value for key, value in where.items())
        }
    return names


def _check_printed_figures(seed: SeedFile, seeds: dict[str, SeedFile]) -> Iterator[SeedProblem]:
    units = _lookup(seeds, "ref_units", "unit_printed")
    measures = _lookup(seeds, "ref_measures", "measure")
    names = _known_names(seeds)
    first_line: dict[tuple[str, ...], int] = {}
    for line, row in seed.rows:
        value = parse_printed_number(row["value_printed"])
        if value is None:
            yield SeedProblem(seed.path, line, "value_printed", f"{row['value_printed']!r} is not a number")
        unit = units.get(row["unit_printed"])
        if unit is None:
            known = ", ".join(sorted(units))
            yield SeedProblem(seed.path, line, "unit_printed", f"{row['unit_printed']!r} is not a known unit ({known})")
        measure = measures.get(row["measure"])
        if measure is None:
            yield SeedProblem(seed.path, line, "measure", f"{row['measure']!r} is not a known measure (ref_measures)")
        if unit is not None and measure is not None:
            if unit["normalised_unit"] != measure["normalised_unit"]:
                yield SeedProblem(
                    seed.path,
                    line,
                    "unit_printed",
                    f"{row['measure']} is counted in {measure['normalised_unit']}, "
                    f"but {row['unit_printed']!r} is {unit['normalised_unit']}",
                )
            elif value is not None:
                normalised = value * Decimal(unit["multiplier"])
                if measure["min_value"] and normalised < Decimal(measure["min_value"]):
                    yield SeedProblem(
                        seed.path,
                        line,
                        "value_printed",
                        f"{row['value_printed']} is below the smallest valid {row['measure']} "
                        f"({measure['min_value']} {measure['normalised_unit']})",
                    )
                if measure["max_value"] and normalised > Decimal(measure["max_value"]):
                    yield SeedProblem(
                        seed.path,
                        line,
                        "value_printed",
                        f"{row['value_printed']} is above the largest valid {row['measure']} "
                        f"({measure['max_value']} {measure['normalised_unit']})",
                    )
        subject_type = row["subject_type"]
        if subject_type not in names:
            yield SeedProblem(seed.path, line, "subject_type", f"{subject_type!r} is not a known subject type")
        elif row["subject_zh"] not in names[subject_type]:
            yield SeedProblem(
                seed.path,
                line,
                "subject_zh",
                f"{row['subject_zh']!r} is not a known {subject_type} name (add it to the reference seeds)",
            )
        key = tuple(row[column] for column in FIGURE_KEY)
        if key in first_line:
            yield SeedProblem(
                seed.path, line, None, f"duplicates the figure on line {first_line[key]} ({', '.join(key)})"
            )
        else:
            first_line[key] = line


def _check_required_figures(seed: SeedFile, seeds: dict[str, SeedFile]) -> Iterator[SeedProblem]:
    required: dict[str, set[str]] = {}
    for _, row in seeds["ref_required_measures"].rows:
        required.setdefault(row["subject_type"], set()).add(row["measure"])
    present: dict[tuple[str, str, str, str], set[str]] = {}
    for _, row in seed.rows:
        if row["month"] or row["figure_year"] != row["report_year"]:
            continue
        key = (row["report_year"], row["subject_type"], row["subject_zh"], row["parent_zh"])
        present.setdefault(key, set()).add(row["measure"])
    for year in sorted({row["report_year"] for _, row in seed.rows}):
        for district in _lookup(seeds, "ref_districts", "district_name_zh"):
            present.setdefault((year, "district", district, ""), set())
    for (year, subject_type, subject, parent), measures in sorted(present.items()):
        for measure in sorted(required.get(subject_type, set()) - measures):
            of = f" of {parent}" if parent else ""
            yield SeedProblem(
                seed.path,
                None,
                "measure",
                f"the {year} figure {measure!r} of {subject_type} {subject}{of} is missing",
            )


def validate_seeds(seeds_dir: Path) -> list[SeedProblem]:
    """Every problem in the seed files under `seeds_dir`; empty when all is well."""
    declared = _declared_column_types(seeds_dir)
    problems: list[SeedProblem] = []
    seeds: dict[str, SeedFile] = {}
    for path in sorted(seeds_dir.rglob("*.csv")):
        name = path.stem
        if name not in declared:
            problems.append(SeedProblem(path, None, None, "has no column_types declared in the seeds' YAML"))
            continue
        seed, found = _read(name, path, declared[name])
        problems += found
        if seed is not None:
            seeds[name] = seed
    missing = sorted(set(declared) - {path.stem for path in seeds_dir.rglob("*.csv")})
    problems += [SeedProblem(seeds_dir / f"{name}.csv", None, None, "is declared but missing") for name in missing]
    if problems:
        return problems
    for name in PRINTED_FIGURE_SEEDS:
        problems += _check_printed_figures(seeds[name], seeds)
    problems += _check_required_figures(seeds["report_figures"], seeds)
    return problems


def format_problems(problems: Iterable[SeedProblem]) -> str:
    return "\n".join(f"  - {problem}" for problem in problems)


def known_subject_names(seeds_dir: Path) -> set[tuple[str, str]]:
    """(subject_type, printed name) pairs the reference seeds define."""
    declared = _declared_column_types(seeds_dir)
    seeds: dict[str, SeedFile] = {}
    for path in sorted(seeds_dir.rglob("*.csv")):
        seed, problems = _read(path.stem, path, declared[path.stem])
        if problems or seed is None:
            raise ValueError(format_problems(problems))
        seeds[path.stem] = seed
    return {(subject_type, name) for subject_type, names in _known_names(seeds).items() for name in names}
