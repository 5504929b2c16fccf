"""MetricFlow's `mf` command, offline and read-only: `python -m hotline12345.mf query --metrics items ...`.

dbt-metricflow's CLI asks PyPI for a newer version of itself on every call
(update_checker, one HTTPS request). This wrapper switches that check off,
keeps dbt's anonymous usage statistics off and opens the warehouse read-only
(dbt-duckdb opens it for writing, which would wait for, and lock out, every
reader of a published file; MetricFlow only reads), then hands the arguments
to `mf` unchanged. Run it from the dbt project folder after `dbt parse`, with
HOTLINE12345_DUCKDB_PATH pointing at a built warehouse. `main` may be called
more than once in one process (one MetricFlow start for many queries).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hotline12345.gc_policy import cyclic_gc_paused, run_as_command


def _no_update_check(*_args: object, **_kwargs: object) -> None:
    return None


def _read_only_connect() -> None:
    """Make dbt-duckdb's `duckdb.connect(path, read_only=False, config=...)` open database files read-only."""
    import duckdb

    connect = duckdb.connect
    if getattr(connect, "_hotline12345_read_only", False):
        return  # `main` ran before in this process

    def read_only(database: str | Path = ":memory:", read_only: bool = False, **kwargs: Any) -> Any:
        if str(database) not in ("", ":memory:") and not str(database).startswith(":memory:"):
            read_only = True
        return connect(database, read_only=read_only, **kwargs)

    read_only._hotline12345_read_only = True  # type: ignore[attr-defined]
    duckdb.connect = read_only  # type: ignore[assignment]


def main(argv: Sequence[str] | None = None) -> int:
    with cyclic_gc_paused():  # MetricFlow, like dbt, spends 8% of its time in the collector: see gc_policy.py
        return _run_mf(list(sys.argv[1:] if argv is None else argv))


def _run_mf(arguments: list[str]) -> int:
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    import update_checker

    update_checker.UpdateChecker.check = _no_update_check
    _read_only_connect()
    from dbt_metricflow.cli.main import cli

    try:
        cli.main(args=arguments, prog_name="mf", standalone_mode=True)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


if __name__ == "__main__":
    run_as_command(main)
