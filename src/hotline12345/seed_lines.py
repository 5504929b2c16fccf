"""Name the seed file and line, or the missing thing, behind every failing rule.

The rules on what a seed value means live in dbt (models, contracts
and tests), not here. This module only turns what dbt reports after a failed
build into SeedProblems a person can act on, in one form:

    seeds/figures/printed_figures.csv, line 23, column unit_printed: '千件' is not a known unit (ref_units)
    seeds/audit/known_discrepancies.csv: share:…huairou…district_department_share_pct is … not listed

There are three ways a failure is traced to its seed:

1. Located rows. A test that judges seed rows selects its failing rows, and
   every such row carries `seed_name` (the seed file's name), `seed_line`
   (1 = the header; empty for a rule about the whole file, such as a missing
   figure), `seed_column` (empty for a whole row or file) and `problem` (what
   is wrong, naming the missing thing). Every singular test of the project is
   written so; it is the one mechanism. No test stores its rows during the
   build (a table per test, empty whenever the build passes): a failed test's
   compiled select is asked again here, of the scratch file the build left.
2. Values and rows. A generic test (relationships, unique, not_null,
   accepted_values, unique_combination_of_columns) that fails on a value read
   straight from a seed names that value, and the value is found in the seed
   files: a code no reference seed has, a key printed twice, an empty cell.
   A contract constraint that fails is asked of the model's own compiled select, for
   the rows that break it, and each row is found in the seeds: a row of
   figures by its platform, period and subject (int_report__figures numbers
   every printed figure's line), another by the text it shares with a seed's
   line.
3. A unit test judges a model's SQL on made-up rows, not the seeds: its
   failure names the YAML file it is declared in and the unit test.

A failure none of these traces is counted as not traced (`Traced.untraced`)
and printed as dbt reported it; tests/python/test_every_rule_refuses_with_a_location.py
makes every rule of the manifest fail and treats that as a defect of the rule.
"""

from __future__ import annotations

import copy
import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from hotline12345.dbt_runner import Constraint, NodeFailure
from hotline12345.project import Project
from hotline12345.seeds import SeedProblem

_RELATION = re.compile(r'"\w+"\."(\w+)"')
LOCATED_COLUMNS = ("seed_name", "seed_line", "seed_column", "problem")


@dataclass(frozen=True)
class Traced:
    """What a failed build's failures come to: located seed problems, and the failures none was found for."""

    problems: tuple[SeedProblem, ...] = ()
    untraced: tuple[NodeFailure, ...] = ()


class _SeedFiles:
    """The project's seed files, read once, by name."""

    def __init__(self, project: Project) -> None:
        self.root = project.root
        self.paths = {path.stem: path for path in sorted(project.seeds_dir.rglob("*.csv"))}
        self._rows: dict[str, list[tuple[int, dict[str, str]]]] = {}
        self.searched: list[str] = list(self.paths)
        """The seeds a failure is looked for in: those upstream of the failed rule, where they are known."""
        self.compiled = project.root / "target" / "compiled"

    def within(self, names: Iterable[str]) -> _SeedFiles:
        """The same files, searched only among `names` (all of them if `names` is empty)."""
        scoped = copy.copy(self)
        wanted = [name for name in self.paths if name in set(names)]
        scoped.searched = wanted or list(self.paths)
        return scoped

    def upstream(self, model: str | None, compiled_code: str | None = None) -> set[str]:
        """The seeds `model` reads, directly or through other models, from the SQL dbt compiled for the build; none
        (search them all) where a model on the way has no compiled SQL, as its seeds are then unknown."""
        return {name for name in self.upstream_relations(model, compiled_code) if name in self.paths}

    def upstream_relations(self, model: str | None, compiled_code: str | None = None) -> set[str]:
        """The seeds and models `model` reads, directly or through other models (see `upstream`)."""
        found: set[str] = set()
        seen: set[str] = set()
        pending = [(model, compiled_code)]
        while pending:
            name, code = pending.pop()
            if code is None and name:
                path = next(iter(sorted((self.compiled).glob(f"*/models/**/{name}.sql"))), None)
                if path is None:
                    return set()
                code = path.read_text(encoding="utf-8")
            for relation in _RELATION.findall(code or ""):
                found.add(relation)
                if relation not in self.paths and relation not in seen:
                    seen.add(relation)
                    pending.append((relation, None))
        return found

    def shown(self, name: str) -> Path:
        """The seed file as a person finds it from the project folder (`seeds/figures/printed_figures.csv`)."""
        path = self.paths[name]
        try:
            return path.relative_to(self.root)
        except ValueError:
            return path

    def rows(self, name: str) -> list[tuple[int, dict[str, str]]]:
        """(line, row) of a seed file, 1 = the header; a byte-order mark is skipped, as dbt skips it."""
        if name not in self._rows:
            rows: list[tuple[int, dict[str, str]]] = []
            with self.paths[name].open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                for row in reader:
                    rows.append((reader.line_num, row))
            self._rows[name] = rows
        return self._rows[name]

    def cell(self, name: str, line: int, column: str) -> str | None:
        return next((row.get(column) for number, row in self.rows(name) if number == line), None)

    def find(self, column: str, value: str | None) -> list[tuple[str, int, str]]:
        """(seed, line, column) of every cell holding `value` (None: an empty cell) in a column called `column`.

        A column of another name is searched only when no seed has a column of that name, and only
        for a value (an empty cell is too common to mean anything there).
        """
        found = [
            (name, line, column)
            for name in self.searched
            for line, row in self.rows(name)
            if column in row and (row[column] or None) == value
        ]
        if found or value is None or any(column in rows[0][1] for rows in self._all() if rows):
            return found
        return [
            (name, line, other)
            for name in self.searched
            for line, row in self.rows(name)
            for other, cell in row.items()
            if cell == value
        ]

    def _all(self) -> Iterable[list[tuple[int, dict[str, str]]]]:
        return (self.rows(name) for name in self.searched)


def _relation(relation_name: str) -> str:
    """`"catalog"."schema"."table"` without its catalog: the scratch file's name varies."""
    parts = [part.strip('"') for part in relation_name.split(".")]
    return ".".join(f'"{part}"' for part in parts[-2:])


def _failing_rows(connection: duckdb.DuckDBPyConnection, select: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The columns and rows a failed test's select returns from the scratch file; none if it cannot be asked."""
    try:
        cursor = connection.execute(select)
        columns = [description[0] for description in cursor.description or []]
        return columns, cursor.fetchall()
    except duckdb.Error:
        return [], []


def _located(
    seeds: _SeedFiles, columns: Sequence[str], rows: Iterable[tuple[Any, ...]], rule: str
) -> list[SeedProblem]:
    """Route 1: a failed test's rows that name their seed, line, column and problem."""
    index = {name: columns.index(name) for name in LOCATED_COLUMNS}
    problems: set[SeedProblem] = set()
    for row in rows:
        seed_name, seed_line, column, problem = (row[index[name]] for name in LOCATED_COLUMNS)
        if seed_name not in seeds.paths:
            problems.add(SeedProblem(Path(str(seed_name)), None, None, f"{problem} ({rule})"))
            continue
        line = int(seed_line) if seed_line is not None else None
        value = seeds.cell(str(seed_name), line, str(column)) if line is not None and column else None
        shown = f"{value!r} " if value else ""
        problems.add(SeedProblem(seeds.shown(str(seed_name)), line, column or None, f"{shown}{problem}"))
    return sorted(problems, key=lambda problem: (str(problem.path), problem.line or 0, str(problem)))


def _by_value(seeds: _SeedFiles, column: str, values: Iterable[str | None], problem: str) -> list[SeedProblem]:
    """Route 2: the seed cells holding the values a rule failed on."""
    problems: list[SeedProblem] = []
    for value in sorted(set(values), key=lambda value: value or ""):
        for seed, line, seed_column in seeds.find(column, value):
            shown = f"{value!r} " if value is not None else ""
            problems.append(SeedProblem(seeds.shown(seed), line, seed_column, f"{shown}{problem}"))
    return problems


def _generic_test(
    seeds: _SeedFiles,
    connection: duckdb.DuckDBPyConnection,
    failure: NodeFailure,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
) -> list[SeedProblem]:
    """Route 2 for a generic test: the failing values found in the seeds, or its failing rows traced to them."""
    found = _generic_test_values(seeds, failure, columns, rows)
    if found:
        return found
    blamed = [name for name in (failure.column_name, *_WORDS.findall(str(failure.test_kwargs))) if name]
    problem = f"breaks the test {failure.name} on {failure.attached_model}"
    for values in rows[:20]:
        found += _located_row(seeds, connection, dict(zip(columns, values, strict=True)), blamed, problem)
    return list(dict.fromkeys(found))


def _generic_test_values(
    seeds: _SeedFiles, failure: NodeFailure, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> list[SeedProblem]:
    """The failing values of a generic test on a single column, found in the seeds."""
    kind, kwargs, column = failure.test_name, dict(failure.test_kwargs), failure.column_name
    model = failure.attached_model or "the model"
    if kind == "relationships" and column and "from_field" in columns:
        to = re.sub(r"ref\(['\"]([^'\"]+)['\"]\)", r"\1", str(kwargs.get("to", "")))
        values = [row[columns.index("from_field")] for row in rows]
        problem = f"is not a known {kwargs.get('field')} ({to})"
        return _by_value(seeds, column, [str(value) for value in values if value is not None], problem)
    if kind == "accepted_values" and column and "value_field" in columns:
        accepted = ", ".join(str(value) for value in kwargs.get("values", []))
        values = [str(row[columns.index("value_field")]) for row in rows]
        return _by_value(seeds, column, values, f"is not one of {accepted}")
    if kind == "unique" and column and "unique_field" in columns:
        values = [str(row[columns.index("unique_field")]) for row in rows]
        return _by_value(seeds, column, values, f"is on more than one line; {column} is unique")
    if kind == "not_null" and column:
        return _by_value(seeds, column, [None], f"is empty; {model}.{column} may not be")
    if kind == "unique_combination_of_columns":
        combination = [str(name) for name in kwargs.get("combination_of_columns", [])]
        problems: list[SeedProblem] = []
        for row in rows:
            where = [(name, row[columns.index(name)]) for name in combination if name in columns]
            found = _lines_with(seeds, where)
            shown = ", ".join(f"{name} {value!r}" for name, value in where if value is not None)
            problems += [
                SeedProblem(seeds.shown(seed), line, None, f"{shown} is on more than one line") for seed, line in found
            ]
        return problems
    return []


def _lines_with(seeds: _SeedFiles, where: Sequence[tuple[str, Any]]) -> list[tuple[str, int]]:
    """(seed, line) of the rows whose columns hold all the given values (None: empty, or a column the seed lacks)."""
    found = []
    for name in seeds.searched:
        rows = seeds.rows(name)
        header = rows[0][1] if rows else {}
        held = [(column, value) for column, value in where if column in header]
        if not held or any(value is not None for column, value in where if column not in header):
            continue
        found += [
            (name, line)
            for line, row in rows
            if all((row[column] or None) == (None if value is None else str(value)) for column, value in held)
        ]
    return found


def _located_row(
    seeds: _SeedFiles,
    connection: duckdb.DuckDBPyConnection,
    row: dict[str, Any],
    blamed: Sequence[str],
    problem: str,
    whole_key: bool = False,
    several_cells: bool = False,
) -> list[SeedProblem]:
    """The seed line(s) a row of a model comes from.

    A row that names its seed line is found by it. A row of figures (a platform,
    a period and subject codes, as every mart has) is matched against
    int_report__figures, which numbers each printed figure's line. Otherwise
    the row is matched, on the text columns it shares with a seed file, against
    that file's lines. `blamed` are the columns the rule is about, to name the seed column; with `whole_key`
    (a foreign key of several columns) only a seed holding all of them can hold the row. A key of several
    cells (`several_cells`: platform, period, parent) is no one cell's: its row is named, not a column.
    """
    if row.get("seed_name") in seeds.paths and row.get("seed_line") is not None:
        return [_at_line(seeds, str(row["seed_name"]), int(row["seed_line"]), [] if several_cells else blamed, problem)]
    text = {column: value for column, value in row.items() if isinstance(value, str) and value}
    figures = _figure_lines(seeds, connection, text, blamed, problem, None if several_cells else "value_printed")
    if figures:
        return figures
    best: list[tuple[str, int]] = []
    best_width = 0
    for name in seeds.searched:
        rows = seeds.rows(name)
        header = rows[0][1] if rows else {}
        if blamed and not (all if whole_key else any)(column in header for column in blamed):
            continue  # the seed does not hold what the rule is about
        shared = [column for column in text if column in header]
        if not shared or len(shared) < best_width:
            continue
        lines = [(name, line) for line, seed_row in rows if all(seed_row[column] == text[column] for column in shared)]
        if lines and len(shared) > best_width:
            best, best_width = lines, len(shared)
        elif lines:
            best += lines
    return [_at_line(seeds, name, line, [] if several_cells else blamed, problem) for name, line in best]


def _at_line(seeds: _SeedFiles, name: str, line: int, blamed: Sequence[str], problem: str) -> SeedProblem:
    """A problem on a seed's line, at the first blamed column the seed has, with that cell's value."""
    rows = seeds.rows(name)
    header = rows[0][1] if rows else {}
    column = next((column for column in blamed if column in header), None)
    value = seeds.cell(name, line, column) if column else None
    shown = f"{value!r} " if value else ""
    return SeedProblem(seeds.shown(name), line, column, f"{shown}{problem}")


def _figure_lines(
    seeds: _SeedFiles,
    connection: duckdb.DuckDBPyConnection,
    text: dict[str, str],
    blamed: Sequence[str],
    problem: str,
    column: str | None,
) -> list[SeedProblem]:
    """The printed figures behind a row of figures: same platform and period, a subject code of the row's.

    Of those, the figures that match the most of the row's codes (a topic's top unit: the unit as subject and
    the topic as parent), and of those the ones whose measure the rule names, if any; each named by `column`
    and its value, or by its line alone.
    """
    if "platform_code" not in text or "period_code" not in text:
        return []
    codes = [value for column, value in text.items() if column.endswith("_code") and column != "platform_code"]
    try:
        found = connection.execute(
            """
            with codes as (select unnest(?::varchar[]) as code),

            matched as (
                select
                    seed_name,
                    seed_line,
                    measure,
                    1 + (parent_code is not null and parent_code in (select code from codes))::int as matches
                from intermediate.int_report__figures
                where platform_code = ? and period_code = ? and subject_code in (select code from codes)
            )

            select seed_name, seed_line, measure
            from matched
            qualify matches = max(matches) over ()
            order by seed_name, seed_line
            """,
            [codes, text["platform_code"], text["period_code"]],
        ).fetchall()
    except duckdb.Error:
        return []
    named = [figure for figure in found if figure[2] in blamed]
    problems = []
    for name, line, _ in named or found:
        if name in seeds.paths:
            value = seeds.cell(name, int(line), column) if column else None
            shown = f"{value!r} " if value else ""
            problems.append(SeedProblem(seeds.shown(name), int(line), column, f"{shown}{problem}"))
    return problems


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WORDS = re.compile(r"[a-z_][a-z0-9_]*")


def _constraint_query(constraint: Constraint, select: str, connection: duckdb.DuckDBPyConnection) -> str | None:
    """The rows of the model's select that break the constraint; None where it cannot be asked."""
    model = f"({select}) as model_rows"
    columns = ", ".join(constraint.columns)
    if constraint.kind == "not_null" and constraint.columns:
        return f"select * from {model} where {constraint.columns[0]} is null"
    if constraint.kind in {"unique", "primary_key"} and constraint.columns:
        # as the constraint judges: a row with an empty key column is unlike every other (NULLs are distinct)
        filled = " and ".join(f"{column} is not null" for column in constraint.columns)
        return f"select * from {model} where {filled} qualify count(*) over (partition by {columns}) > 1"
    if constraint.kind == "check" and constraint.expression:
        return f"select * from {model} where not ({constraint.expression})"
    if constraint.kind == "foreign_key" and constraint.columns and constraint.to:
        relation = _referenced(constraint.to, connection)
        if relation is None:
            return None
        to_columns = ", ".join(constraint.to_columns or constraint.columns)
        return (
            f"select * from {model} where ({columns}) is not null"
            f" and ({columns}) not in (select ({to_columns}) from {relation})"
        )
    return None


def _keys(row: dict[str, Any], constraints: Sequence[Constraint]) -> list[str]:
    """The columns that say which row it is: the model's key, else its platform, period and codes."""
    for constraint in constraints:
        if constraint.kind in {"unique", "primary_key"} and len(constraint.columns) > 1:
            return [column for column in constraint.columns if column in row]
    return [column for column in row if column in {"platform_code", "period_code"} or column.endswith("_code")][:4]


def _referenced(to: str, connection: duckdb.DuckDBPyConnection) -> str | None:
    """The relation a foreign key references: as dbt compiled it (`"db"."marts"."dim_district"`) or `ref('x')`."""
    if to.startswith('"'):
        return _relation(to)
    table = re.sub(r"ref\(['\"]([^'\"]+)['\"]\)", r"\1", to)
    found = connection.execute("select table_schema from information_schema.tables where table_name = ?", [table])
    row = found.fetchone()
    return f'"{row[0]}"."{table}"' if row else None


def _describe(constraint: Constraint, model: str, row: dict[str, Any] | None = None) -> str:
    """What a row does to `model` that its constraint forbids; a foreign key names the row's key, if given."""
    columns = ", ".join(constraint.columns)
    if constraint.kind == "not_null":
        return f"leaves {model}.{columns} empty, which its contract forbids"
    if constraint.kind in {"unique", "primary_key"}:
        return f"gives {model} a second row with the same {columns}, which its contract forbids"
    if constraint.kind == "foreign_key":
        parent = _relation(constraint.to or "").split(".")[-1].strip('"')
        if row is None:
            return f"gives {model} a {columns} that {parent} does not have"
        key = ", ".join(f"{column} {row.get(column)!r}" for column in constraint.columns)
        return f"gives {model} {key}, which {parent} does not have"
    return f"breaks {model}'s rule {constraint.expression}"


def _lines_giving_key(
    seeds: _SeedFiles,
    connection: duckdb.DuckDBPyConnection,
    failure: NodeFailure,
    row: dict[str, Any],
    constraint: Constraint,
) -> list[SeedProblem]:
    """The seed lines behind a key a model holds twice (a unique constraint), each named with the others.

    Looked for in the tables upstream of the model that number their seed's lines (`seed_line`) and hold every
    column of the key: the first that holds the row's key on two lines or more names them. Its seed is its
    `seed_name` where it has one, else the upstream seed whose header shares the most of its columns.
    """
    key = {column: row.get(column) for column in constraint.columns}
    if not key or any(value is None for value in key.values()):
        return []
    upstream = seeds.upstream_relations(failure.name, failure.compiled_code) - set(seeds.paths)
    tables = connection.execute(
        "select table_schema, table_name, list(column_name) from information_schema.columns"
        " where table_name in (select unnest(?::varchar[])) group by all order by table_name",
        [sorted(upstream)],
    ).fetchall()
    shown = ", ".join(f"{column} {value!r}" for column, value in key.items())
    for schema, table, columns in tables:
        if "seed_line" not in columns or not set(key) <= set(columns):
            continue
        where = " and ".join(f"{column} = ?" for column in key)
        name = "seed_name" if "seed_name" in columns else "null"
        found = connection.execute(
            f'select distinct {name}, seed_line from "{schema}"."{table}" where {where} order by 2',
            list(key.values()),
        ).fetchall()
        if len(found) < 2:
            continue
        problems = []
        for seed, line in found:
            seed = seed or _seed_of(seeds, table, columns)
            if seed not in seeds.paths:
                break
            others = ", ".join(str(other) for _, other in found if other != line)
            problems.append(
                SeedProblem(
                    seeds.shown(seed),
                    int(line),
                    constraint.columns[0] if len(constraint.columns) == 1 else None,
                    f"gives {failure.name} the {shown} that line {others} gives it too; its contract allows one row"
                    f" per {', '.join(constraint.columns)}",
                )
            )
        else:
            return problems
    return []


def _seed_of(seeds: _SeedFiles, table: str, columns: Sequence[str]) -> str | None:
    """The seed a model numbers the lines of: of the seeds upstream of it, the one whose header it shares most."""
    best = max(
        seeds.upstream(table),
        key=lambda name: (len(set(columns) & set(seeds.rows(name)[0][1] if seeds.rows(name) else ())), name),
        default=None,
    )
    return best


def _constraint(seeds: _SeedFiles, connection: duckdb.DuckDBPyConnection, failure: NodeFailure) -> list[SeedProblem]:
    """Route 2 for an enforced contract constraint: the model's own select, asked for the rows that break it."""
    if not failure.compiled_code:
        return []
    problems: list[SeedProblem] = []
    for constraint in failure.constraints:
        query = _constraint_query(constraint, failure.compiled_code, connection)
        if query is None:
            continue
        try:
            cursor = connection.execute(query)
        except duckdb.Error:
            continue
        names = [description[0] for description in cursor.description or []]
        blamed = [*constraint.columns, *_WORDS.findall(constraint.expression or "")]
        for values in cursor.fetchmany(20):
            row = dict(zip(names, values, strict=True))
            if constraint.kind in {"unique", "primary_key"}:
                found = _lines_giving_key(seeds, connection, failure, row, constraint)
                if found:
                    problems += found
                    continue
            found = _located_row(
                seeds,
                connection,
                row,
                blamed,
                _describe(constraint, failure.name, row),
                whole_key=constraint.kind == "foreign_key",
                several_cells=constraint.kind in {"foreign_key", "unique", "primary_key"}
                and len(constraint.columns) > 1,
            )
            if not found and failure.original_file_path:
                # No seed line holds the row: it is made by the model's SQL, which is where to look.
                keys = dict.fromkeys((*constraint.columns, *_keys(row, failure.constraints)))
                shown = ", ".join(f"{column} {row[column]!r}" for column in keys)
                found = [
                    SeedProblem(
                        Path(failure.original_file_path),
                        None,
                        None,
                        f"the row with {shown} {_describe(constraint, failure.name)}; no seed line holds it,"
                        " so the model's SQL made it",
                    )
                ]
            problems += found
    return list(dict.fromkeys(problems))


def trace_failures(project: Project, database: Path, failed: Iterable[NodeFailure]) -> Traced:
    """Every failure of a build traced to its seed file and line, or the missing thing, where it can be."""
    every_seed = _SeedFiles(project)
    problems: list[SeedProblem] = []
    untraced: list[NodeFailure] = []
    failures = list(failed)
    connection = duckdb.connect(str(database), read_only=True) if database.exists() else None
    try:
        for failure in failures:
            found: list[SeedProblem] = []
            seeds = every_seed.within(
                every_seed.upstream(failure.attached_model or failure.name, failure.compiled_code)
            )
            if failure.resource_type == "test" and failure.compiled_code and connection is not None:
                columns, rows = _failing_rows(connection, failure.compiled_code)
                if all(name in columns for name in LOCATED_COLUMNS):
                    found = _located(seeds, columns, rows, failure.name)
                elif failure.test_name:
                    found = _generic_test(seeds, connection, failure, columns, rows)
            elif failure.resource_type == "unit_test" and failure.original_file_path:
                first_line = _ANSI.sub("", next(iter(failure.message.splitlines()), failure.status))
                found = [
                    SeedProblem(Path(failure.original_file_path), None, None, f"unit test {failure.name}: {first_line}")
                ]
            elif failure.resource_type == "model" and connection is not None and "Constraint Error" in failure.message:
                found = _constraint(seeds, connection, failure)
            if found:
                problems += found
            else:
                untraced.append(failure)
    finally:
        if connection is not None:
            connection.close()
    return Traced(tuple(dict.fromkeys(problems)), tuple(untraced))
