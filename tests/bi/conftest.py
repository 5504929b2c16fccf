"""One Superset for the whole BI test session: a fresh home, the committed bundle imported, stopped at the end.

Superset runs from `target/venv-superset` (`make superset-venv`) on 127.0.0.1 and a
free port; the tests talk to it over its REST API from the project's
environment. The warehouse is a scratch copy: `$HOTLINE12345_BI_WAREHOUSE`
(the file `make test` built) when it exists, else one built here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from hotline12345.project import Project
from hotline12345.publish import build_and_publish
from hotline12345.superset import SupersetClient, SupersetHome, SupersetServer, running_superset

ROOT = Path(__file__).resolve().parents[2]
SUPERSET_VENV = ROOT / "target" / "venv-superset"


def generator() -> ModuleType:
    """bi/superset/generate_bundle.py as a module: the charts and datasets the bundle is written from."""
    spec = importlib.util.spec_from_file_location("generate_bundle", ROOT / "bi" / "superset" / "generate_bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Superset:
    server: SupersetServer
    client: SupersetClient
    warehouse: Path

    def database_id(self) -> int:
        databases = self.client.listing("database")
        assert len(databases) == 1, databases
        return int(databases[0]["id"])


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory, project: Project) -> Path:
    """A warehouse only these tests use (the rebuild test replaces it)."""
    target = tmp_path_factory.mktemp("bi-warehouse") / "hotline12345.duckdb"
    prebuilt = os.environ.get("HOTLINE12345_BI_WAREHOUSE")
    if prebuilt and Path(prebuilt).is_file():
        shutil.copy(prebuilt, target)
    else:
        build_and_publish(project, target)
    return target


@pytest.fixture(scope="session")
def superset(project: Project, warehouse: Path) -> Iterator[Superset]:
    if not (SUPERSET_VENV / "bin" / "superset").is_file():
        pytest.fail(f"{SUPERSET_VENV} is missing: run `make superset-venv` (or `make bi-test`)")
    home = SupersetHome.for_project(project, home=ROOT / "target" / "superset-bi-test", venv=SUPERSET_VENV)
    with running_superset(home, warehouse) as server:
        yield Superset(server=server, client=server.client(), warehouse=warehouse)
    assert server.process is None, "the server must be stopped after the tests"


def query_warehouse(warehouse: Path, sql: str) -> list[dict[str, object]]:
    """Rows straight from the warehouse, read-only, without Superset."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cursor = connection.execute(sql)
        names = [column[0] for column in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
