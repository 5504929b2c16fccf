"""Each description is written once: a text used twice is a `{% docs %}` block (models/docs/) or a YAML anchor.

A description is read where it is defined: a YAML alias (`- *platform_code`) is the anchored block again, not a
second definition, and a `{{ doc('…') }}` reference is not text. What is left of a description once its references
are taken out, whitespace normalised, counts if it has 25 characters or more (shorter ones, `English name.`, are
left alone). The same text in two places, two YAML files, two blocks of one file or a YAML file and a doc block, fails
the test with both places.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DBT_FOLDERS = ("models", "seeds", "analyses", "macros", "tests")
MIN_CHARS = 25
DOC_REFERENCE = re.compile(r"\{\{\s*doc\(\s*['\"][^'\"]+['\"]\s*\)\s*\}\}")
DOCS_BLOCK = re.compile(r"\{%\s*docs\s+(\w+)\s*%\}(.*?)\{%\s*enddocs\s*%\}", re.DOTALL)


def normalised(text: str) -> str:
    return " ".join(DOC_REFERENCE.sub(" ", text).split())


def yaml_descriptions(path: Path, root: Path) -> list[tuple[str, str]]:
    """(text, place) for every description written in a YAML file, an anchored block counted once."""
    found: list[tuple[str, str]] = []
    seen: set[int] = set()
    relative = path.relative_to(root)

    def walk(node: yaml.Node, where: str) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            name = next((v.value for k, v in node.value if k.value == "name" and isinstance(v, yaml.ScalarNode)), None)
            here = f"{where}.{name}" if name else where
            for key, value in node.value:
                if key.value == "description" and isinstance(value, yaml.ScalarNode):
                    found.append((value.value, f"{relative}:{value.start_mark.line + 1} ({here.lstrip('.')})"))
                else:
                    walk(value, here if name else f"{where}.{key.value}")
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, where)

    with path.open(encoding="utf-8") as file:
        root = yaml.compose(file, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, "")
    return found


def doc_block_descriptions(path: Path, root: Path) -> list[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    return [
        (
            match.group(2),
            f"{path.relative_to(root)}:{text.count(chr(10), 0, match.start()) + 1} (docs {match.group(1)})",
        )
        for match in DOCS_BLOCK.finditer(text)
    ]


def places_by_text(root: Path) -> dict[str, list[str]]:
    places: dict[str, list[str]] = defaultdict(list)
    for folder in DBT_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".yml", ".yaml"):
                found = yaml_descriptions(path, root)
            elif path.suffix == ".md":
                found = doc_block_descriptions(path, root)
            else:
                continue
            for text, place in found:
                key = normalised(text)
                if len(key) >= MIN_CHARS:
                    places[key].append(place)
    return places


def test_no_description_text_is_written_twice() -> None:
    repeated = {text: where for text, where in places_by_text(ROOT).items() if len(where) > 1}
    message = "\n".join(
        f"{text[:100]!r} is written {len(where)} times: " + "; ".join(where) for text, where in repeated.items()
    )
    assert not repeated, (
        "A description written in two places drifts; make it a {% docs %} block in models/docs/ used with doc(), "
        "or a YAML anchor:\n" + message
    )


@pytest.mark.parametrize("twice_in", ["yaml", "doc block"])
def test_a_text_written_twice_is_named_with_both_places(tmp_path: Path, twice_in: str) -> None:
    """The check itself can fail, and says where: a copy of one text in a second file is found."""
    models = tmp_path / "models"
    models.mkdir()
    text = "Canonical code of the district (dim_district)."
    (models / "a.yml").write_text(
        "x-shared:\n  - &key\n    name: district_code\n    description: " + text + "\n"
        "models:\n  - name: m\n    columns:\n      - *key\n  - name: n\n    columns:\n      - *key\n",
        encoding="utf-8",
    )
    if twice_in == "yaml":
        (models / "b.yml").write_text(
            f"models:\n  - name: o\n    columns:\n      - name: district_code\n        description: '{text}'\n",
            encoding="utf-8",
        )
    else:
        (models / "docs.md").write_text("{% docs district_code %}\n" + text + "\n{% enddocs %}\n", encoding="utf-8")
    places = places_by_text(tmp_path)[text]
    assert places[0] == "models/a.yml:4 (x-shared.district_code)"
    assert places[1] == (
        "models/b.yml:5 (models.o.district_code)" if twice_in == "yaml" else "models/docs.md:1 (docs district_code)"
    )
    assert len(places) == 2
