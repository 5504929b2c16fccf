"""Layers say what they are (dbt Labs' "How we structure our dbt projects", and dbt-project-evaluator's
fct_staging_dependent_on_staging): a staging model reads seeds only; what joins several of them, or reads another
model, is intermediate (`int_`) or a mart."""

from __future__ import annotations

import json

from hotline12345.project import Project


def test_a_staging_model_reads_seeds_only(project: Project) -> None:
    manifest = json.loads((project.root / "target" / "manifest.json").read_text(encoding="utf-8"))
    staging = {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["name"].startswith("stg_")
    }
    assert len(staging) >= 5, sorted(staging)  # the reference lists, at least
    reads_more = {
        name: [parent for parent in node["depends_on"]["nodes"] if not parent.startswith("seed.")]
        for name, node in staging.items()
    }
    assert not {name: parents for name, parents in reads_more.items() if parents}


def test_each_layer_lives_in_its_folder(project: Project) -> None:
    manifest = json.loads((project.root / "target" / "manifest.json").read_text(encoding="utf-8"))
    folder_of = {
        "stg_": "models/staging/",
        "int_": "models/intermediate/",
        "fct_": "models/marts/",
        "dim_": "models/marts/",
    }
    misplaced = [
        node["original_file_path"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        for prefix, folder in folder_of.items()
        if node["name"].startswith(prefix) and not node["original_file_path"].startswith(folder)
    ]
    assert not misplaced
