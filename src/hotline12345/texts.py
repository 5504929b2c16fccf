"""Where a user keeps the texts of the pages the seeds were transcribed from: a local folder git ignores.

The repository keeps figures, the clause each is printed in, and each source's address, title and dates; never a
copy of a page written by others. A user who has saved a page's text puts it in this folder, under the file name its
row in seeds/sources/sources.csv gives (`document_file`, by custom `<source_id>.txt`). `extract`, `extract-score`
and `provenance` read the folder where it is: `--texts-dir`, else $HOTLINE12345_TEXTS_DIR, else source_documents/
in the project (ignored by git but for its README).
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

TEXTS_DIR_ENV = "HOTLINE12345_TEXTS_DIR"
DEFAULT_TEXTS_DIR = "source_documents"
SOURCES_SEED = Path("sources") / "sources.csv"
TEXT_FILE_COLUMN = "document_file"


def texts_dir(project_root: Path, given: Path | None = None) -> Path:
    """The folder of saved texts: the one given, else $HOTLINE12345_TEXTS_DIR, else source_documents/."""
    if given is not None:
        return given
    from_environment = os.environ.get(TEXTS_DIR_ENV, "")
    return Path(from_environment) if from_environment else project_root / DEFAULT_TEXTS_DIR


@dataclass(frozen=True)
class SavedTexts:
    """Each source's text file in a folder: the sources whose text is there, and those whose text is not."""

    folder: Path
    present: dict[str, Path]
    missing: dict[str, str]  # source_id -> the file name it would be saved under

    def describe_missing(self) -> str:
        """One line saying plainly which texts are not there, or '' when none is missing."""
        if not self.missing:
            return ""
        if not self.folder.is_dir():
            return (
                f"there is no folder {self.folder}: no source's text is there ({len(self.missing)} sources); "
                f"save the pages' texts there, or point --texts-dir (or ${TEXTS_DIR_ENV}) at them"
            )
        listed = ", ".join(f"{name} ({source_id})" for source_id, name in sorted(self.missing.items()))
        return f"{len(self.missing)} of {len(self.missing) + len(self.present)} sources' texts are not in {self.folder}: {listed}"


def read_sources(seeds_dir: Path) -> dict[str, dict[str, str]]:
    with (seeds_dir / SOURCES_SEED).open(encoding="utf-8", newline="") as handle:
        return {row["source_id"]: row for row in csv.DictReader(handle)}


def saved_texts(seeds_dir: Path, folder: Path, source_ids: set[str] | None = None) -> SavedTexts:
    """Which of the sources (all of sources.csv, or `source_ids`) have their text saved in `folder`."""
    present: dict[str, Path] = {}
    missing: dict[str, str] = {}
    for source_id, row in sorted(read_sources(seeds_dir).items()):
        if source_ids is not None and source_id not in source_ids:
            continue
        name = row[TEXT_FILE_COLUMN]
        path = folder / name
        if path.is_file():
            present[source_id] = path
        else:
            missing[source_id] = name
    return SavedTexts(folder, present, missing)
