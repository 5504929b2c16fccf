"""dbt's unit tests (the `unit_tests:` beside the models' YAML) all run and pass.

They check the SQL of a few models on made-up rows, not the data, so the
publishing build leaves them out (as dbt advises for production) and `make
test` runs them here, in a pytest worker beside the other tests, rather than
in its build step. dbt needs the tested models' parents to exist to read their
column types, so they run against a copy of the session's warehouse, with
target/ of their own (the project's partial parse copied into it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import dbt_scratch

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import Project

pytestmark = pytest.mark.slow


def unit_tests_in_yaml(models: Path) -> set[str]:
    """The name of every unit test the models' YAML files define, read from the files themselves."""
    names: set[str] = set()
    for path in sorted(models.rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names |= {test["name"] for test in document.get("unit_tests") or []}
    return names


def test_every_unit_test_runs_and_passes(project: Project, warehouse: Path, tmp_path: Path) -> None:
    defined = unit_tests_in_yaml(project.root / "models")
    assert len(defined) >= 4, defined  # at least the four written with the audit and staging models

    database, target = dbt_scratch(tmp_path, project, warehouse)
    outcome = run_dbt(
        project, database, "test", "--select", "test_type:unit", "--target-path", str(target), "--no-write-json"
    )

    assert outcome.success, (outcome.exception, [str(failure) for failure in outcome.failures])
    assert outcome.parsed_partially, outcome.full_parse_reasons
    unit_tests = {name: status for kind, name, status in outcome.ran if kind == "unit_test"}
    assert set(unit_tests) == defined
    assert set(unit_tests.values()) == {"pass"}
