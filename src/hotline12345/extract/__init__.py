"""`hotline12345 extract`: a bulletin's text to candidate rows of the printed-figures seed, offline and deterministic.

`extract_document` reads a source document and returns the rows in the seed's own columns (read from the seed
file's header) and the names not on record, as rows of the reference seeds they belong in. `score` compares the
rows with the hand transcription (score.py).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from hotline12345.extract.extractor import Extraction, Extractor, Figure
from hotline12345.extract.references import load_references, read_csv

FIGURES_SEED = Path("figures") / "printed_figures.csv"
SOURCES_SEED = Path("sources") / "sources.csv"
OBSERVATIONS_SEED = Path("reference") / "ref_monthly_observations.csv"


class UnknownSource(LookupError):
    """The source id is not in seeds/sources/sources.csv and no platform was given."""


@dataclass(frozen=True)
class Proposal:
    """The candidate figure rows (in the seed's columns) and the proposed new reference rows, by seed."""

    columns: list[str]
    rows: list[dict[str, str]]
    new_names: dict[str, tuple[list[str], list[dict[str, str]]]]


def sources(seeds_dir: Path) -> dict[str, dict[str, str]]:
    return {row["source_id"]: row for row in read_csv(seeds_dir / SOURCES_SEED)[1]}


def extract_text(
    text: str,
    seeds_dir: Path,
    source_id: str,
    platform_code: str | None = None,
    source: dict[str, str] | None = None,
    as_new: bool = False,
) -> Proposal:
    """The rows `text` proposes for `source_id`, its names looked up in `seeds_dir`; `source` is the source's row
    when it is not in seeds_dir's sources.csv (a transcription kept in another folder); `as_new`: without the names
    registered for the source's platform itself (references.load_references)."""
    source = source or sources(seeds_dir).get(source_id)
    if source is None and not platform_code:
        raise UnknownSource(
            f"{source_id!r} is not in {seeds_dir / SOURCES_SEED}: add its row there first, or give --platform"
        )
    source = source or {}
    platform = platform_code or source.get("platform_code", "")
    references = load_references(seeds_dir, platform, as_new)
    observations = [row["observation_zh"] for row in read_csv(seeds_dir / OBSERVATIONS_SEED)[1]]
    extraction: Extraction = Extractor(references, observations).extract(text)
    columns = read_csv(seeds_dir / FIGURES_SEED)[0]
    common = {
        "source_id": source_id,
        "period_start": source.get("covers_period_start", ""),
        "period_end": source.get("covers_period_end", ""),
        "platform_code": platform,
    }
    rows = [_row(columns, common, figure) for figure in extraction.figures]
    new_names = {
        seed: (references.columns.get(seed, list(found[0])), found)
        for seed, found in sorted(extraction.new_names.items())
    }
    return Proposal(columns, rows, new_names)


def _row(columns: list[str], common: dict[str, str], figure: Figure) -> dict[str, str]:
    values = common | {
        "section_zh": figure.section,
        "subject_type": figure.subject_type,
        "subject_zh": figure.subject,
        "parent_zh": figure.parent,
        "list_position": figure.list_position,
        "measure": figure.measure,
        "approximation_zh": figure.wording,
        "observation_zh": figure.observation,
        "value_printed": figure.value_printed,
        "unit_printed": figure.unit,
        "source_phrase": figure.phrase,
        "share_of_zh": "",
    }
    return {column: values.get(column, "") for column in columns}


def extract_document(
    path: Path,
    seeds_dir: Path,
    source_id: str,
    platform_code: str | None = None,
    source: dict[str, str] | None = None,
    as_new: bool = False,
) -> Proposal:
    return extract_text(path.read_text(encoding="utf-8"), seeds_dir, source_id, platform_code, source, as_new)


def write_rows(handle: object, columns: list[str], rows: list[dict[str, str]]) -> None:
    writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")  # type: ignore[arg-type]
    writer.writeheader()
    writer.writerows(rows)
