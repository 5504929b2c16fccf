"""A draft build: the whole build and every test, in a scratch file that is kept and never published.

`hotline12345 build --draft` is the loop of a person adding a page: it builds
into `target/draft/hotline12345.duckdb` (replaced by each draft), leaves the
published warehouse as it is, byte for byte, and prints each new finding of
the audit (a check that is inconsistent and has no row in
seeds/audit/known_discrepancies.csv yet) with the audit's own sentence and
the seed lines of the printed figures it rests on, so that the person reads
the page's findings before reviewing them. Every other rule the build
applies is applied, and its refusals are printed as the build prints them.

The draft is kept whatever happened, for querying; a draft whose dbt run
stopped part-way holds what was built before it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import DBT_DATABASE_NAME, Project
from hotline12345.publish import BuildFailed, build_arguments, exclusive_lock
from hotline12345.seed_lines import trace_failures
from hotline12345.seeds import validate_seeds

# The rule that a finding has been reviewed: in a draft its failure is the draft's output, not a refusal.
REVIEW_RULE = "assert_every_inconsistent_published_figure_is_a_known_discrepancy"
REVIEW_SEED = Path("seeds") / "audit" / "known_discrepancies.csv"


@dataclass(frozen=True)
class FigureLine:
    """A printed figure a finding rests on, where a person finds it."""

    path: Path
    line: int
    printed: str
    checked: bool
    """The figure the check is about (else one it is checked against)."""

    def __str__(self) -> str:
        role = "the value checked" if self.checked else "checked against"
        return f"{self.path}:{self.line}: {self.printed} ({role})"


@dataclass(frozen=True)
class Finding:
    check_id: str
    explanation: str
    figures: tuple[FigureLine, ...]


@dataclass(frozen=True)
class Draft:
    path: Path
    """The draft warehouse, kept for querying (absent if the seeds could not be read)."""
    findings: tuple[Finding, ...] | None = None
    """The new findings; None where the build stopped before the audit."""
    refused: BuildFailed | None = None
    """What the build would refuse besides the new findings."""

    def report(self) -> str:
        """The findings, each with its sentence and seed lines, and what to do with them."""
        if self.findings is None:
            return "no findings to show: the build stopped before the audit (its refusals say why)"
        if not self.findings:
            return "no new findings: every inconsistent check is listed in " + str(REVIEW_SEED)
        lines = [f"{len(self.findings)} new finding{'s' if len(self.findings) > 1 else ''}, not yet reviewed:"]
        for finding in self.findings:
            lines += ["", f"  {finding.check_id}", f"    {finding.explanation}"]
            lines += [f"    {figure}" for figure in finding.figures]
            if not finding.figures:
                lines.append("    (the audit names no printed figure for this kind of check)")
        lines.append(
            f"\nRead each against its page; then list its check_id in {REVIEW_SEED} (check_id, reviewed_by,"
            " review_note), or correct the seed line if it was typed wrong, and draft again."
        )
        return "\n".join(lines)


def draft_path(project: Project) -> Path:
    """Where the draft is built and kept: target/draft/, under dbt's one database name (dbt parses partially)."""
    return project.root / "target" / "draft" / DBT_DATABASE_NAME


def _remove(database: Path) -> None:
    for leftover in (database, database.with_name(database.name + ".wal")):
        leftover.unlink(missing_ok=True)


def build_draft(project: Project, *, unit_tests: bool = False) -> Draft:
    """Build and test the project into its draft file; publish nothing. The published warehouse is not opened."""
    database = draft_path(project)
    database.parent.mkdir(parents=True, exist_ok=True)
    with exclusive_lock(database.parent / ".draft.lock"):  # one draft at a time per project
        _remove(database)
        problems = validate_seeds(project.seeds_dir)
        if problems:
            return Draft(database, refused=BuildFailed("the seed files are not valid:", seed_problems=tuple(problems)))
        outcome = run_dbt(project, database, *build_arguments(unit_tests=unit_tests))
        others = tuple(failure for failure in outcome.failures if failure.name != REVIEW_RULE)
        refused = None
        if others or outcome.exception:
            summary = "the build would refuse it; the draft is kept, nothing is published:"
            if outcome.exception:
                summary += f"\n  {outcome.exception}"
            traced = trace_failures(project, database, others)
            refused = BuildFailed(summary, seed_problems=traced.problems, failures=others, untraced=traced.untraced)
        if not database.exists():
            return Draft(database, refused=refused)
        with duckdb.connect(str(database)) as connection:
            connection.execute("checkpoint")  # the draft opens on its own, read-only, with no write-ahead log
        return Draft(database, findings=new_findings(project, database), refused=refused)


_FINDINGS = """
with findings as (
    select
        check_id,
        explanation,
        source_id,
        input_figure_ids,
        substr(check_id, strpos(check_id, ':') + 1) as checked
    from audit.published_figure_checks
    where status = 'inconsistent' and not is_known_discrepancy
),

printings as (
    select
        figure_id,
        is_canonical,
        source_id,
        seed_name,
        seed_line,
        coalesce(subject_zh, '') || ' ' || value_printed || coalesce(unit_printed, '') || ' (' || measure || ')'
            as printed
    from intermediate.int_report__printings
),

-- the figure a check is about: its id begins the check's id (`share:<figure_id>`, `reprint:<figure_id>@...`),
-- printed by the check's source, and where that is a reprint, in its canonical printing too
checked as (
    select
        findings.check_id,
        printings.seed_name,
        printings.seed_line,
        printings.printed,
        true as is_checked
    from findings
    inner join printings
        on (
            findings.checked = printings.figure_id
            or starts_with(findings.checked, printings.figure_id || '.')
            or starts_with(findings.checked, printings.figure_id || '@')
        )
        and (printings.source_id = findings.source_id or printings.is_canonical)
    qualify length(printings.figure_id) = max(length(printings.figure_id)) over (partition by findings.check_id)
),

inputs as (
    select
        findings.check_id,
        printings.seed_name,
        printings.seed_line,
        printings.printed,
        false as is_checked
    from findings
    cross join unnest(string_split(findings.input_figure_ids, ', ')) as input_figures (figure_id)
    inner join printings
        on input_figures.figure_id = printings.figure_id and printings.is_canonical
),

lines as (
    select * from checked
    union
    select * from inputs
)

select
    findings.check_id,
    findings.explanation,
    list((lines.seed_name, lines.seed_line, lines.printed, lines.is_checked)
        order by not lines.is_checked, lines.seed_name, lines.seed_line)
        filter (where lines.seed_line is not null)
from findings
left join lines
    on findings.check_id = lines.check_id
group by findings.check_id, findings.explanation
order by findings.check_id
"""


def new_findings(project: Project, database: Path) -> tuple[Finding, ...] | None:
    """The draft's inconsistent checks that known_discrepancies.csv does not list, with the seed lines behind them."""
    seeds = {path.stem: path.relative_to(project.root) for path in project.seeds_dir.rglob("*.csv")}
    with duckdb.connect(str(database), read_only=True) as connection:
        try:
            rows = connection.execute(_FINDINGS).fetchall()
        except duckdb.CatalogException:
            return None  # the build stopped before the audit: its refusals say why
    findings = []
    for check_id, explanation, figures in rows:
        # a figure that is both checked and an input is listed once, as checked
        lines: dict[tuple[str, int], FigureLine] = {}
        for seed_name, seed_line, printed, checked in figures or []:
            lines.setdefault((seed_name, seed_line), FigureLine(seeds[seed_name], seed_line, printed, checked))
        findings.append(Finding(check_id, explanation, tuple(lines.values())))
    return tuple(findings)
