"""Every macro of macros/*.sql is documented in macros/_macros.yml: what it does, and each argument of its signature,
in order, with a type and a description (dbt docs lists them under "Macros")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT

from hotline12345.project import Project

DEFINITION = re.compile(r"\{%-?\s*(macro|test)\s+(\w+)\s*\(([^)]*)\)")
# {% materialization table, adapter='duckdb', supported_languages=[...] %}: dbt names the macro after the
# materialization and its adapter, and takes its keywords but the adapter as the macro's arguments
MATERIALIZATION = re.compile(r"\{%-?\s*materialization\s+(\w+)\s*,([^%]*)%\}")


def _signatures() -> dict[str, list[str]]:
    """Each macro's name in dbt's manifest, with its arguments' names as its Jinja definition declares them."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "macros").glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        for kind, name, arguments in DEFINITION.findall(text):
            names = [argument.split("=")[0].strip() for argument in arguments.split(",") if argument.strip()]
            found[f"test_{name}" if kind == "test" else name] = names
        for name, keywords in MATERIALIZATION.findall(text):
            given = re.findall(r"(\w+)\s*=", keywords)
            adapter = re.search(r"adapter\s*=\s*'(\w+)'", keywords)
            found[f"materialization_{name}_{adapter.group(1) if adapter else 'default'}"] = [
                keyword for keyword in given if keyword != "adapter"
            ]
    return found


SIGNATURES = _signatures()


def test_the_signatures_are_read() -> None:
    # the pattern must find the macros it is about, with their arguments, or every case below would be vacuous
    assert SIGNATURES["share_pct"] == ["part", "whole"]
    assert SIGNATURES["test_unique_combination_of_columns"] == ["model", "combination_of_columns"]
    assert SIGNATURES["materialization_table_duckdb"] == ["supported_languages"]
    assert len(SIGNATURES) >= 40, sorted(SIGNATURES)


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_each_macro_is_documented_with_its_arguments(project: Project, name: str) -> None:
    manifest = json.loads((project.root / "target" / "manifest.json").read_text(encoding="utf-8"))
    macro = manifest["macros"][f"macro.hotline12345.{name}"]
    assert Path(macro["patch_path"] or "").name == "_macros.yml", f"{name} is not in macros/_macros.yml"
    assert macro["description"].strip(), f"{name} has no description"
    documented = [argument["name"] for argument in macro["arguments"]]
    assert documented == SIGNATURES[name], f"{name}: documented {documented}, declared {SIGNATURES[name]}"
    for argument in macro["arguments"]:
        assert argument["type"] and argument["description"].strip(), f"{name}: {argument['name']} lacks a type or words"
