"""Check the seed CSV files' form before dbt loads them.

Only what dbt cannot report well is checked here: a file that is not UTF-8,
a header that does not match the seed's
declared `column_types`, a row with the wrong number of fields, and a cell
that is not of its declared type (a whole number, a decimal, a date, true or
false). A byte-order mark, which Excel writes at the start of a file saved
as "CSV UTF-8", is accepted: dbt skips it when it loads the seed, and so do
the validator and the messages that quote a cell. Each problem names the seed file, the line (1 = the header) and the
column. What the values mean (known units, wordings, names, sources,
periods, required figures, agreement between printings) is for the dbt
models and tests to decide, once; a failing dbt test on a seed row is
reported with its file and line too (hotline12345.seed_lines).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from opencc import OpenCC

from hotline12345.glosses import PINYIN_GLOSS

BOM = b"\xef\xbb\xbf"
# A name on record is written in simplified characters (县公安局); a page's traditional spelling (縣公安局) is an alias.
# OpenCC's own offline dictionaries: a name that t2s leaves as it is, is simplified.
_T2S = OpenCC("t2s")
# The columns that quote a page as stored (a stored copy's pinyin glosses and all: 辦結(jié)率98%) or are prose of
# the project's own; every other column holds what the page prints read past the glosses (辦結率, 萬件, 大洼區).
_QUOTED_OR_PROSE = re.compile(r"phrase|^note$|explanation|review_note|_en$")


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
class _Declared:
    """What a seed's YAML declares: each column's type, and the columns that hold a name on record."""

    column_types: dict[str, str]
    names_on_record: frozenset[str]


def _declared(seeds_dir: Path) -> dict[str, _Declared]:
    declared: dict[str, _Declared] = {}
    for properties in sorted(seeds_dir.rglob("*.yml")):
        document = yaml.safe_load(properties.read_text(encoding="utf-8")) or {}
        for seed in document.get("seeds", []):
            declared[seed["name"]] = _Declared(
                dict(seed.get("config", {}).get("column_types", {})),
                frozenset(
                    column["name"]
                    for column in seed.get("columns", [])
                    if column.get("config", {}).get("meta", {}).get("name_on_record")
                ),
            )
    return declared


def _type_problem(value: str, declared_type: str) -> str | None:
    if value == "":
        return None
    kind = declared_type.lower()
    if kind in {"integer", "bigint"} or kind.startswith("decimal"):
        # Python reads full-width digits (１２) as numbers; DuckDB does not, nor a thousands separator.
        if any(character.isdigit() and not character.isascii() for character in value):
            return f"{value!r} has a digit that is not 0-9 (a full-width digit?); write it with 0-9"
        if "," in value:
            return f"{value!r} has a thousands separator; write the number without it"
    if kind in {"integer", "bigint"}:
        try:
            int(value)
        except ValueError:
            return f"{value!r} is not a whole number"
    elif kind.startswith("decimal"):
        try:
            if not Decimal(value).is_finite():
                return f"{value!r} is not a number"
        except InvalidOperation:
            return f"{value!r} is not a number"
    elif kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a date (YYYY-MM-DD)"
    elif kind == "boolean" and value.lower() not in {"true", "false"}:
        return f"{value!r} is not true or false"
    return None


# The declared types whose cells are checked; any other (varchar) takes every value.
_CHECKED_TYPES = ("integer", "bigint", "decimal", "date", "boolean")


def _traditional_problem(value: str) -> str | None:
    simplified = _T2S.convert(value)
    if simplified == value:
        return None
    return (
        f"{value!r} is written in traditional characters: a name on record is simplified, {simplified!r}, "
        "and the spelling a page prints is a row of seeds/reference/ref_subject_aliases.csv"
    )


def _problems_in(path: Path, declared: _Declared) -> list[SeedProblem]:
    column_types = declared.column_types
    raw = path.read_bytes()
    raw = raw.removeprefix(BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [
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
        return [SeedProblem(path, 1, None, "is empty: it needs a header line")]
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
        return problems
    checked = [
        (header.index(column), column, declared_type)
        for column, declared_type in column_types.items()
        if declared_type.lower().startswith(_CHECKED_TYPES)
    ]
    read_columns = [(index, column) for index, column in enumerate(header) if not _QUOTED_OR_PROSE.search(column)]
    names_on_record = [(header.index(column), column) for column in sorted(declared.names_on_record)]
    for values in reader:
        if not values:
            continue
        if len(values) != len(header):
            problems.append(
                SeedProblem(path, reader.line_num, None, f"has {len(values)} fields but the header has {len(header)}")
            )
            continue
        for index, column, declared_type in checked:
            message = _type_problem(values[index], declared_type)
            if message:
                problems.append(SeedProblem(path, reader.line_num, column, message))
        for index, column in read_columns:
            gloss = re.search(PINYIN_GLOSS, values[index])
            if gloss:
                problems.append(
                    SeedProblem(
                        path,
                        reader.line_num,
                        column,
                        f"{values[index]!r} keeps a stored copy's pinyin gloss {gloss.group(0)!r}: write it as read, "
                        f"{re.sub(PINYIN_GLOSS, '', values[index])!r} (only a phrase is quoted as stored)",
                    )
                )
        for index, column in names_on_record:
            message = _traditional_problem(values[index])
            if message:
                problems.append(SeedProblem(path, reader.line_num, column, message))
    return problems


def validate_seeds(seeds_dir: Path) -> list[SeedProblem]:
    """Every problem in the seed files under `seeds_dir`; empty when all is well."""
    declared = _declared(seeds_dir)
    problems: list[SeedProblem] = []
    for path in sorted(seeds_dir.rglob("*.csv")):
        if path.stem not in declared:
            problems.append(SeedProblem(path, None, None, "has no column_types declared in the seeds' YAML"))
            continue
        problems += _problems_in(path, declared[path.stem])
    missing = sorted(set(declared) - {path.stem for path in seeds_dir.rglob("*.csv")})
    problems += [SeedProblem(seeds_dir / f"{name}.csv", None, None, "is declared but missing") for name in missing]
    # Named as a person finds them from the project folder: seeds/figures/printed_figures.csv.
    return [replace(problem, path=_shown(problem.path, seeds_dir.parent)) for problem in problems]


def _shown(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def format_problems(problems: Iterable[SeedProblem]) -> str:
    return "\n".join(f"  - {problem}" for problem in problems)
