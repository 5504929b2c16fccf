"""dbt's unit tests (the `unit_tests:` beside the models' YAML) all run and pass.

They check the SQL of a few models on made-up rows, not the data, so the
publishing build leaves them out (as dbt advises for production) and `make
test` runs them in pytest, in the session's one rebuild of a changed copy of
the project (support/rebuild_under_readers.py: `build_and_publish(...,
unit_tests=True)`), rather than in a dbt run of their own: the rebuild's made-up
rows and rewordings change seeds only, not the SQL the unit tests judge.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.rebuild_under_readers import RebuildUnderReaders

from hotline12345.project import Project

pytestmark = pytest.mark.slow


def unit_tests_in_yaml(models: Path) -> set[str]:
    """The name of every unit test the models' YAML files define, read from the files themselves."""
    names: set[str] = set()
    for path in sorted(models.rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names |= {test["name"] for test in document.get("unit_tests") or []}
    return names


def test_every_unit_test_runs_and_passes(project: Project, rebuild_under_readers: RebuildUnderReaders) -> None:
    defined = unit_tests_in_yaml(project.root / "models")
    assert len(defined) >= 4, defined  # at least the four written with the audit and staging models

    build = rebuild_under_readers.build
    assert build.parsed_partially
    unit_tests = {name: status for kind, name, status in build.ran if kind == "unit_test"}
    assert set(unit_tests) == defined
    assert set(unit_tests.values()) == {"pass"}
