"""Write, audit, publish: build into a scratch file, test it, then swap it in.

The published warehouse is only ever replaced by one atomic rename of a file
that dbt built and every test passed on. A failed or killed build leaves the
published file as it was; readers holding it open keep their snapshot (on
POSIX the old file lives on until they close it), new readers see the new
one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from hotline12345.dbt_runner import NodeFailure, run_dbt
from hotline12345.project import DBT_DATABASE_NAME, Project
from hotline12345.seed_lines import Traced, trace_failures
from hotline12345.seeds import SeedProblem, validate_seeds

SCRATCH_MARKER = ".building"


class BuildFailed(Exception):
    """The build did not pass; the published warehouse is unchanged.

    Its message is one line per problem, each naming the seed file and line
    (and column), or the seed file and the missing thing; then the names of
    the rules they break. A failure that could not be traced to a seed is
    listed as dbt reported it, with the file its rule is declared in.
    """

    def __init__(
        self,
        summary: str,
        seed_problems: tuple[SeedProblem, ...] = (),
        failures: tuple[NodeFailure, ...] = (),
        untraced: tuple[NodeFailure, ...] | None = None,
    ) -> None:
        super().__init__(summary)
        self.summary = summary
        self.seed_problems = seed_problems
        self.failures = failures
        self.untraced = failures if untraced is None else untraced

    def __str__(self) -> str:
        lines = [self.summary]
        lines += [f"  - {problem}" for problem in self.seed_problems]
        traced = [failure.name for failure in self.failures if failure not in self.untraced]
        if traced:
            lines.append(f"  rules broken: {', '.join(traced)}")
        if self.untraced and self.seed_problems:
            lines.append("  not traced to a seed line:")
        lines += [f"  - {failure}" for failure in self.untraced]
        return "\n".join(lines)


@dataclass(frozen=True)
class Published:
    path: Path
    size_bytes: int
    parsed_partially: bool = False
    """dbt reused its parse of the project from target/ instead of parsing every file."""
    ran: tuple[tuple[str, str, str], ...] = ()
    """Every node the build ran: (resource type, name, status)."""


def scratch_dir(target: Path) -> Path:
    """The folder a build writes in before it publishes, beside the target: `.<stem>.building/`.

    Its name is fixed, not per process: the build lock admits one build per
    target at a time, so whatever is in it when a build takes the lock was left
    by a build that was killed.
    """
    return target.with_name(f".{target.stem}{SCRATCH_MARKER}")


def scratch_path(target: Path) -> Path:
    """The file a build writes before it is published.

    Always called `DBT_DATABASE_NAME`, whatever the target is called, so that
    dbt sees the same profile on every build and parses partially.
    """
    return scratch_dir(target) / DBT_DATABASE_NAME


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def remove_stale_scratch_files(target: Path) -> list[Path]:
    """Delete what killed builds left beside `target`. Call only while holding the build lock.

    That is the scratch folder, whatever is in it, and the per-process scratch
    files (`.<stem>.<pid>.building.duckdb`) of earlier versions whose process is gone.
    """
    removed = []
    folder = scratch_dir(target)
    if folder.is_dir():
        shutil.rmtree(folder)
        removed.append(folder)
    for candidate in target.parent.glob(f".{target.stem}.*{SCRATCH_MARKER}{target.suffix}"):
        pid_text = candidate.name[len(target.stem) + 2 :].split(".", 1)[0]
        if pid_text.isdigit() and not _pid_alive(int(pid_text)):
            _remove(candidate)
            removed.append(candidate)
    return removed


@contextlib.contextmanager
def exclusive_lock(lock_path: Path) -> Iterator[None]:
    """Held by one process at a time: it waits for the lock file `lock_path` (made if missing)."""
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_lock(target: Path) -> contextlib.AbstractContextManager[None]:
    """One build at a time per published file."""
    return exclusive_lock(target.with_name(f".{target.stem}.build.lock"))


def _seal(database: Path) -> None:
    """Checkpoint the WAL into the file and check it opens on its own."""
    with duckdb.connect(str(database)) as connection:
        connection.execute("checkpoint")
    wal = database.with_name(database.name + ".wal")
    if wal.exists():
        raise BuildFailed(f"{database} still has a write-ahead log after checkpoint")
    with open(database, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def build_arguments(*, unit_tests: bool = False) -> list[str]:
    """`dbt build` as the publishing build runs it.

    - Unit tests only when asked (see build_and_publish).
    - `--no-write-json`: the build leaves target/manifest.json,
      run_results.json and semantic_manifest.json to the commands that are
      about them (`dbt parse`, `dbt docs generate`); writing them is a tenth
      of the build. What failed is read from the run's own results.
    - `--log-level-file info`: logs/dbt.log gets a line per node rather than
      every statement dbt sends, unless $DBT_LOG_LEVEL_FILE asks otherwise
      (`DBT_LOG_LEVEL_FILE=debug make build` to see the SQL).
    """
    arguments = ["build", "--no-write-json"]
    if not unit_tests:
        arguments += ["--exclude-resource-type", "unit_test"]
    if "DBT_LOG_LEVEL_FILE" not in os.environ:
        arguments += ["--log-level-file", "info"]
    return arguments


def build_and_publish(project: Project, target: Path | None = None, *, unit_tests: bool = False) -> Published:
    """Validate the seeds, build and test everything in a scratch file, publish it.

    Every seed, model and data test runs. dbt's unit tests, which check the
    SQL of a few models on made-up rows and not the data, run only when asked
    (`unit_tests`), as dbt advises for a production build; `make test` runs
    them in pytest's one rebuild of a changed copy (tests/python/test_dbt_unit_tests.py).
    Raises BuildFailed, naming what failed, and leaves `target` untouched.
    """
    target = (target or project.published_database()).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(target):
        # Under the lock no other build is running: anything in the scratch
        # folder is a killed build's. Cleared even if this build fails early.
        remove_stale_scratch_files(target)
        problems = validate_seeds(project.seeds_dir)
        if problems:
            raise BuildFailed("the seed files are not valid:", seed_problems=tuple(problems))
        scratch = scratch_path(target)
        scratch.parent.mkdir()
        try:
            outcome = run_dbt(project, scratch, *build_arguments(unit_tests=unit_tests))
            if not outcome.success:
                summary = "dbt build failed; the published warehouse is unchanged:"
                if outcome.exception:
                    summary += f"\n  {outcome.exception}"
                traced: Traced = trace_failures(project, scratch, outcome.failures)
                raise BuildFailed(
                    summary, seed_problems=traced.problems, failures=outcome.failures, untraced=traced.untraced
                )
            _seal(scratch)
            os.replace(scratch, target)
            _fsync_dir(target.parent)
        finally:
            shutil.rmtree(scratch.parent, ignore_errors=True)
    return Published(
        path=target, size_bytes=target.stat().st_size, parsed_partially=outcome.parsed_partially, ran=outcome.ran
    )
