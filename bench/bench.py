"""`make bench`: the build step of `make build` and `hotline12345 analysis`, timed against dbt's floor.

Then the site: `make report`'s command on the build's warehouse, timed once (it takes minutes), and the size of what it
writes (every page, the largest, the index, the comparison and the map).

Its last section is not a timing: `hotline12345 extract-score`, the extractor's recall and precision against the
hand transcription, next to the issue's targets.

dbt's floor is what dbt needs for the smallest real project: one seed, one
model, in this virtual environment, through dbtRunner, from a fresh process,
with the same profile settings (DuckDB, 2 threads). The steps are timed in
turn, several rounds, alternating which goes first, after one untimed round
so that every step starts from the state a developer's second run finds (a
saved partial parse, compiled analyses). It prints the median of each step
and its ratio to the floor's median. With --make-test it then times a warm
`make test` twice (nothing changed; the dbt build due), each against floors
run next to it.

The build writes to a temporary file, never to the published warehouse, but
like `make build` it uses the project's target/ folder.

At scale: the same build of a scratch copy of the project whose seeds hold
1,000 made-up report-years more (--made-up-years): the 2022 annual report's
rows (its source, coverage, figures, ranking claims and its listed findings)
copied under made-up source ids and years, about 270,000 figures. The years
are two apart (3001, 3003, ...), so that no copy is another's prior year:
each is audited as the 2022 report is, and finds what it finds.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ANALYSIS = "district_street_township_share"
BUILD_STEP = "hotline12345 build (make build's build step)"
MADE_UP_FROM = ("bj12345_annual_report_2022", "2022")
MADE_UP_FIRST_YEAR = 3001
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "target", "logs", "export", "warehouse", "*.duckdb", "*.wal")

FLOOR_FILES = {
    "dbt_project.yml": 'name: floor\nversion: "1.0.0"\nconfig-version: 2\nprofile: floor\n',
    "profiles.yml": "floor:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: floor.duckdb\n"
    "      threads: 2\n",
    "seeds/one_seed.csv": "id,name\n1,one\n2,two\n",
    "models/one_model.sql": "select id, name from {{ ref('one_seed') }}\n",
}
# The floor runs as our CLI does: a Python process that calls dbtRunner.
FLOOR_RUN = (
    "import sys\n"
    "from dbt.cli.main import dbtRunner\n"
    "result = dbtRunner().invoke(['build', '--project-dir', sys.argv[1], '--profiles-dir', sys.argv[1]])\n"
    "sys.exit(0 if result.success else 1)\n"
)
# The same floor with the collector as the package's commands run it (gc_policy.py: off, heap frozen before exit),
# to show how much of the build's distance to the floor that policy, not the project, accounts for.
FLOOR_RUN_GC_POLICY = (
    "import gc, sys\n"
    "gc.disable()\n"
    "from dbt.cli.main import dbtRunner\n"
    "result = dbtRunner().invoke(['build', '--project-dir', sys.argv[1], '--profiles-dir', sys.argv[1]])\n"
    "gc.freeze()\n"
    "sys.exit(0 if result.success else 1)\n"
)


def write_floor_project(folder: Path, size: dict[str, int] | None = None) -> None:
    """dbt's floor project; with `size`, as many trivial seeds, table models, data tests and hooks as the build has
    (each model selects from a seed, each test from a model), to show what dbt itself needs for that many nodes."""
    for name, text in FLOOR_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    if not size:
        return
    seeds, models = max(size.get("seeds", 1), 1), max(size.get("table models", 1), 1)
    for index in range(1, seeds):
        (folder / "seeds" / f"seed_{index}.csv").write_text(FLOOR_FILES["seeds/one_seed.csv"], encoding="utf-8")
    for index in range(1, models):
        seed = "one_seed" if index % seeds == 0 else f"seed_{index % seeds}"
        (folder / "models" / f"model_{index}.sql").write_text(
            f"select id, name from {{{{ ref('{seed}') }}}}\n", encoding="utf-8"
        )
    (folder / "tests").mkdir(exist_ok=True)
    for index in range(size.get("data tests", 0)):
        model = "one_model" if index % models == 0 else f"model_{index % models}"
        (folder / "tests" / f"test_{index}.sql").write_text(
            f"select id from {{{{ ref('{model}') }}}} where id is null\n", encoding="utf-8"
        )
    hooks = "".join("  - select 1\n" for _ in range(size.get("project hook", 0) + size.get("project hooks", 0)))
    if hooks:
        with (folder / "dbt_project.yml").open("a", encoding="utf-8") as handle:
            handle.write(f"on-run-end:\n{hooks}")


def build_size(output: str) -> dict[str, int]:
    """The node counts of dbt's last line about a run: `Finished running 1 project hook, 23 seeds, ...`."""
    found = re.search(r"Finished running (.+?) in ", output)
    if not found:
        raise SystemExit(f"no node counts in the build's output:\n{output[-2000:]}")
    counts = (part.strip().split(" ", 1) for part in found.group(1).split(","))
    return {kind: int(number) for number, kind in counts}


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _append(path: Path, columns: list[str], rows: list[dict[str, str]]) -> int:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        path.write_text(text + "\n", encoding="utf-8")
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, columns, lineterminator="\n").writerows(rows)
    return len(rows)


def add_made_up_report_years(root: Path, count: int) -> int:
    """Seed rows only: `count` copies of the 2022 report under made-up source ids and years, in the project at
    `root`. Returns the number of figure rows added."""
    source_id, year = MADE_UP_FROM
    seeds = root / "seeds"
    years = [str(MADE_UP_FIRST_YEAR + 2 * index) for index in range(count)]

    def copies(rows: list[dict[str, str]], dated: tuple[str, ...], made_up: str, new_year: str) -> list[dict[str, str]]:
        return [
            row
            | {"source_id": made_up}
            | {column: row[column].replace(year, new_year, 1) for column in dated if row.get(column)}
            for row in rows
        ]

    figures = 0
    for relative, dated in (
        ("sources/sources.csv", ("published_on", "covers_period_start", "covers_period_end", "document_file")),
        ("sources/source_coverage.csv", ()),
        ("figures/printed_figures.csv", ("period_start", "period_end")),
        ("figures/printed_ranking_claims.csv", ("period_start", "period_end")),
    ):
        columns, rows = _read(seeds / relative)
        own = [row for row in rows if row["source_id"] == source_id]
        added = [row for new_year in years for row in copies(own, dated, f"made_up_report_{new_year}", new_year)]
        if relative == "sources/sources.csv":
            # a file name of its own for each (document_file is unique); no text is saved under it
            added = [row | {"document_file": f"made_up_report_{row['covers_period_end'][:4]}.txt"} for row in added]
        count_added = _append(seeds / relative, columns, added)
        if relative == "figures/printed_figures.csv":
            figures = count_added
    platform = next(
        row["platform_code"] for row in _read(seeds / "sources" / "sources.csv")[1] if row["source_id"] == source_id
    )
    columns, findings = _read(seeds / "audit" / "known_discrepancies.csv")
    marker = f".{year}."
    own_findings = [row for row in findings if f"{platform}{marker}" in row["check_id"]]
    _append(
        seeds / "audit" / "known_discrepancies.csv",
        columns,
        [
            row | {"check_id": row["check_id"].replace(marker, f".{new_year}.", 1)}
            for new_year in years
            for row in own_findings
        ],
    )
    return figures


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of `command`."""
    environment = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    environment.pop("HOTLINE12345_DUCKDB_PATH", None)
    cpu = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return elapsed, _children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument(
        "--make-test",
        action="store_true",
        help="then time one warm `make test` (after one untimed run) against floors run around it",
    )
    parser.add_argument(
        "--made-up-years",
        type=int,
        default=1000,
        help="also time the build with this many made-up copies of the 2022 report in the seeds (default 1000; 0: not)",
    )
    parser.add_argument("--no-site", action="store_true", help="leave out the site's time and size (make report)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hotline12345-bench-") as scratch:
        floor_dir = Path(scratch) / "floor"
        write_floor_project(floor_dir)
        warehouse = Path(scratch) / "warehouse" / "hotline12345.duckdb"
        analysis = [str(BIN / "hotline12345"), "--project-dir", str(ROOT), "analysis", ANALYSIS]
        analysis += ["--database", str(warehouse)]
        compiled = ROOT / "target" / "hotline12345" / "analyses" / f"{ANALYSIS}.json"

        def floor() -> tuple[float, float]:
            return timed([sys.executable, "-c", FLOOR_RUN, str(floor_dir)], cwd=floor_dir)

        def floor_gc_policy() -> tuple[float, float]:
            return timed([sys.executable, "-c", FLOOR_RUN_GC_POLICY, str(floor_dir)], cwd=floor_dir)

        # The same floor with as many nodes as the build has: what dbt itself needs for a project of this size.
        build_command = [str(BIN / "hotline12345"), "--project-dir", str(ROOT), "build", "--target", str(warehouse)]
        first_build = subprocess.run(build_command, cwd=ROOT, capture_output=True, text=True, check=False)
        if first_build.returncode != 0:
            raise SystemExit(f"hotline12345 build failed:\n{first_build.stdout[-2000:]}{first_build.stderr}")
        size = build_size(first_build.stdout)
        sized_floor_dir = Path(scratch) / "floor_at_size"
        write_floor_project(sized_floor_dir, size)

        def floor_at_size() -> tuple[float, float]:
            return timed([sys.executable, "-c", FLOOR_RUN, str(sized_floor_dir)], cwd=sized_floor_dir)

        def build() -> tuple[float, float]:
            return timed(build_command, ROOT)

        def analysis_compiled() -> tuple[float, float]:
            return timed(analysis, ROOT)

        def analysis_compiling() -> tuple[float, float]:
            compiled.unlink(missing_ok=True)
            return timed(analysis, ROOT)

        steps: dict[str, Callable[[], tuple[float, float]]] = {
            "dbt floor (1 seed, 1 model: dbt build)": floor,
            "dbt floor, collector as in gc_policy.py": floor_gc_policy,
            BUILD_STEP: build,
            f"dbt floor at the build's size ({', '.join(f'{n} {kind}' for kind, n in size.items())}; trivial)": (
                floor_at_size
            ),
            "hotline12345 analysis (compiled SQL kept)": analysis_compiled,
            "hotline12345 analysis (compiles first)": analysis_compiling,
        }
        if arguments.made_up_years:
            at_scale = Path(scratch) / "at_scale"
            shutil.copytree(ROOT, at_scale, ignore=COPY_IGNORE)
            figures = add_made_up_report_years(at_scale, arguments.made_up_years)
            at_scale_warehouse = Path(scratch) / "at_scale_warehouse" / "hotline12345.duckdb"

            def build_at_scale() -> tuple[float, float]:
                command = [str(BIN / "hotline12345"), "--project-dir", str(at_scale), "build"]
                return timed([*command, "--target", str(at_scale_warehouse)], at_scale)

            name = f"hotline12345 build, {arguments.made_up_years:,} report-years more ({figures:,} figures)"
            steps[name] = build_at_scale
        print(f"warming up (one untimed round), then {arguments.runs} timed rounds ...", flush=True)
        for step in steps.values():
            step()
        times: dict[str, list[float]] = {name: [] for name in steps}
        cpu: dict[str, list[float]] = {name: [] for name in steps}
        for round_number in range(arguments.runs):
            order = list(steps.items())
            if round_number % 2:
                order.reverse()
            for name, step in order:
                wall, seconds = step()
                times[name].append(wall)
                cpu[name].append(seconds)
            print(f"  round {round_number + 1}: " + ", ".join(f"{times[n][-1]:.1f}s" for n in steps), flush=True)
        make_tests: dict[str, tuple[float, float, float, float]] = {}
        if arguments.make_test:
            # The third target: `make test` on a warm environment (lint stamps, partial parse and the cached
            # DuckDB 1.3.0 environment in place), after one untimed run. Timed twice: as it is (nothing changed, so
            # make skips the dbt build as it skips the linters), and with the scratch warehouse made older than its
            # inputs (as after an edit to a model: the build runs). Each takes a minute, in which this machine's speed
            # drifts by a fifth, so each is set against the median of the three floors run just before and the three
            # just after it, not against the rounds above.
            make = ["make", "--no-print-directory", "-C", str(ROOT), "test"]
            scratch_warehouse = ROOT / "target" / "scratch" / "hotline12345.duckdb"
            print("then make test: one untimed run; floors, make test, floors, make test with a rebuild, floors ...")
            timed(make, ROOT)
            floors = [floor() for _ in range(3)]
            for name, rebuild in (("make test (warm, nothing changed)", False), ("make test (warm, build runs)", True)):
                if rebuild:
                    os.utime(scratch_warehouse, (0, 0))
                wall, seconds = timed(make, ROOT)
                after = [floor() for _ in range(3)]
                around = floors + after
                floors = after
                make_tests[name] = (
                    wall,
                    seconds,
                    statistics.median(run[0] for run in around),
                    statistics.median(run[1] for run in around),
                )
        # The site while the build's warehouse is still there; printed with the rest below.
        site = [] if arguments.no_site else site_section(warehouse, Path(scratch) / "report")
    floor_name = next(iter(steps))
    floor_wall, floor_cpu = statistics.median(times[floor_name]), statistics.median(cpu[floor_name])
    width = max(len(name) for name in [*steps, *make_tests])
    print(f"\nmedians of {arguments.runs} runs ({os.cpu_count()} CPUs); CPU = user + system seconds of the process")
    print(f"  {'':<{width}}  {'wall':>7}  {'ratio':>6}  {'CPU':>7}  {'ratio':>6}")
    for name in steps:
        wall, seconds = statistics.median(times[name]), statistics.median(cpu[name])
        print(
            f"  {name:<{width}}  {wall:6.2f}s  {wall / floor_wall:5.2f}x  {seconds:6.2f}s  {seconds / floor_cpu:5.2f}x"
        )
    sized = next(name for name in steps if name.startswith("dbt floor at the build's size"))
    print(
        f"  the build is {statistics.median(times[BUILD_STEP]) / statistics.median(times[sized]):.2f}x wall and "
        f"{statistics.median(cpu[BUILD_STEP]) / statistics.median(cpu[sized]):.2f}x CPU of dbt's floor at its size"
    )
    for name, (wall, seconds, around_wall, around_cpu) in make_tests.items():
        print(
            f"  {name:<{width}}  {wall:6.2f}s  {wall / around_wall:5.2f}x  {seconds:6.2f}s  {seconds / around_cpu:5.2f}x"
        )
        print(f"  {'':<{width}}  (against the floors run around it: {around_wall:.2f}s wall, {around_cpu:.2f}s CPU)")
    print("\n".join(site))
    extraction_section()
    return 0


def site_section(warehouse: Path, out_dir: Path) -> list[str]:
    """`make report`'s command (`hotline12345 report --index`) on the build's warehouse, timed once, and what it
    writes: the number of pages and their bytes, the largest, and the index's, the comparison's and the map's."""
    command = [str(BIN / "hotline12345"), "--project-dir", str(ROOT), "report", "--database", str(warehouse)]
    wall, seconds = timed([*command, "--index", "--out-dir", str(out_dir)], ROOT)
    sizes = {str(path.relative_to(out_dir)): path.stat().st_size for path in out_dir.rglob("*.html")}
    total = sum(sizes.values())
    largest = max(sizes, key=lambda name: sizes[name])
    return [
        f"\nthe site (make report: hotline12345 report --index), timed once: {wall:.1f}s wall, {seconds:.1f}s CPU",
        f"  {len(sizes):,} pages, {total / 1e6:.1f} MB in all, {total / len(sizes) / 1e3:.0f} kB a page on average",
        f"  largest: {largest}, {sizes[largest] / 1e3:.0f} kB",
        *(f"  {name}: {sizes.get(name, 0) / 1e3:.0f} kB" for name in ("index.html", "comparison.html", "map.html")),
    ]


def extraction_section() -> None:
    """`hotline12345 extract-score`: the extractor against the hand transcription, per source and in total. The
    issue's targets: on the 2022 report value+unit recall >= 0.95, full-row recall and precision >= 0.80; on the
    other hotlines' bulletins at least as good. It reads the pages' texts where the user saved them
    ($HOTLINE12345_TEXTS_DIR, else source_documents/): the repository holds none, so a clone without them gets the
    command's word that they are not there, not a score."""
    command = [str(BIN / "hotline12345"), "--project-dir", str(ROOT), "extract-score"]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    print(f"\nextraction against the hand transcription (hotline12345 extract-score, {wall:.1f}s)")
    print("  targets: 2022 report value+unit recall >= 0.95, full-row recall and precision >= 0.80; others as good")
    for line in [*result.stdout.splitlines(), *result.stderr.splitlines()]:
        print(f"  {line}")


if __name__ == "__main__":
    raise SystemExit(main())
