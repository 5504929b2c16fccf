"""Shared fixtures: the project, a built warehouse, and copies to break."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hotline12345.project import Project
from hotline12345.publish import build_and_publish

ROOT = Path(__file__).resolve().parents[2]
COPY_IGNORE = shutil.ignore_patterns(".venv", ".git", "target", "logs", "export", "*.duckdb", "*.wal", "__pycache__")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory, project: Project) -> Path:
    """The warehouse built from the committed seeds into a temporary file, through dbtRunner."""
    target = tmp_path_factory.mktemp("warehouse") / "hotline12345.duckdb"
    build_and_publish(project, target)
    return target


@pytest.fixture()
def project_copy(tmp_path: Path, warehouse: Path) -> Iterator[Project]:
    """A copy of the project, with a published warehouse in place, to break on purpose."""
    root = tmp_path / "project"
    shutil.copytree(ROOT, root, ignore=COPY_IGNORE)
    (root / "warehouse").mkdir(exist_ok=True)
    shutil.copy(warehouse, root / "warehouse" / "hotline12345.duckdb")
    yield Project(root)
