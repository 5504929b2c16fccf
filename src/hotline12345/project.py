"""Where the dbt project and the published warehouse live."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATABASE_PATH_ENV = "HOTLINE12345_DUCKDB_PATH"
DEFAULT_DATABASE = Path("warehouse") / "hotline12345.duckdb"
# The one name dbt ever sees a database file by (the profile's `path`, which
# dbt hashes to decide whether it may reuse its parse of the project). Every
# dbt run of the package shows dbt a file of this name in its own folder.
DBT_DATABASE_NAME = "hotline12345.duckdb"


class ProjectNotFound(FileNotFoundError):
    """No dbt project at or above the folder a command starts from."""


def find_project_dir(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (default: cwd) holding dbt_project.yml."""
    here = (start or Path.cwd()).resolve()
    if start is not None and not here.is_dir():
        raise ProjectNotFound(f"the project folder {here} does not exist")
    for folder in (here, *here.parents):
        if (folder / "dbt_project.yml").is_file():
            return folder
    raise ProjectNotFound(f"no dbt_project.yml at or above {here}, so this is not the project folder")


@dataclass(frozen=True)
class Project:
    """A checkout of the dbt project and the warehouse file it publishes."""

    root: Path

    @classmethod
    def discover(cls, start: Path | None = None) -> Project:
        return cls(find_project_dir(start))

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    def published_database(self) -> Path:
        """The published warehouse: $HOTLINE12345_DUCKDB_PATH, else warehouse/hotline12345.duckdb."""
        configured = os.environ.get(DATABASE_PATH_ENV)
        path = Path(configured) if configured else DEFAULT_DATABASE
        return path if path.is_absolute() else self.root / path
