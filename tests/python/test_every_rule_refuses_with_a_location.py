"""Every rule in the dbt manifest, made to fail, stops the build with a message that says where.

tests/python/support/refusals.yml lists every data test, contract constraint and unit test of the manifest with the
edit that breaks it (a seed edit a person might make; for a unit test, an edit of the model it judges). The
quick test below fails as soon as the manifest holds a rule the list lacks, so a new rule cannot ship without
showing how it refuses. The slow tests make the edits, a round at a time (the edits of a round are on
different lines and models, and one build refuses them all), and check that each edit is named by its seed
file and line (and column), or, for a rule about a whole file, by the file and the missing thing; that no
failure of the build is left untraced (no bare "Got N results"); and that the published file is unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import copy_project, dbt_scratch, sha256

from hotline12345.dbt_runner import run_dbt
from hotline12345.project import Project
from hotline12345.publish import BuildFailed, build_and_publish
from hotline12345.seed_lines import trace_failures

REGISTRY = Path(__file__).parent / "support" / "refusals.yml"


def manifest_rules(manifest: dict[str, Any]) -> set[str]:
    """Every rule of the manifest, by kind and name, as refusals.yml names them."""
    rules: set[str] = set()
    for node in manifest["nodes"].values():
        if node["resource_type"] == "test":
            rules.add(f"test:{node['name']}")
        if node["resource_type"] != "model":
            continue
        for constraint in node.get("constraints") or []:
            what = constraint["expression"] if constraint["type"] == "check" else ",".join(constraint["columns"] or [])
            rules.add(f"constraint:{node['name']}:{constraint['type']}({what})")
        for column in node["columns"].values():
            for constraint in column.get("constraints") or []:
                rules.add(f"constraint:{node['name']}.{column['name']}:{constraint['type']}")
    rules |= {f"unit_test:{unit_test['name']}" for unit_test in manifest["unit_tests"].values()}
    return rules


def registry() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    return document


def test_every_rule_in_the_manifest_says_how_it_refuses(project: Project) -> None:
    """The manifest (the `project` fixture parses it) and refusals.yml list the same rules, each with an edit
    that is defined, or with the reason no edit reaches it."""
    manifest = json.loads((project.root / "target" / "manifest.json").read_text(encoding="utf-8"))
    listed = registry()
    in_manifest = manifest_rules(manifest)

    assert sorted(in_manifest - set(listed["rules"])) == [], "rules missing from tests/python/support/refusals.yml"
    assert sorted(set(listed["rules"]) - in_manifest) == [], "rules in refusals.yml that the manifest no longer has"
    for rule, breaker in listed["rules"].items():
        if isinstance(breaker, dict):
            assert breaker.get("why"), f"{rule}: neither an edit nor why no edit reaches it"
        else:
            assert breaker in listed["edits"], f"{rule}: no edit {breaker!r}"
    unreachable = [rule for rule, breaker in listed["rules"].items() if isinstance(breaker, dict)]
    assert len(unreachable) <= len(in_manifest) // 10, unreachable  # the exception, not the rule


# Seeds whose lines are kept one to a thing by a rule of their own rather than by a key (key_is_on_one_line in
# macros/generic_tests.sql, declared in the seeds' YAML), and that rule.
OWN_UNIQUENESS_RULE = {
    "printed_figures": "assert_every_printed_figure_row_is_readable: a figure an earlier line already holds",
    "printed_figure_reprints": "none: a figure printed again twice in one section is two printings (numbered)",
    "known_discrepancies": "stg_reference__known_discrepancies's contract: one row per check_id",
    "ref_aggregate_subjects": "assert_every_reference_row_is_readable: a name on two lines of a platform and type",
}


def test_every_seed_has_a_key_or_a_rule_of_its_own(project: Project) -> None:
    """A seed line repeated (a unit listed twice) is refused on the seed, naming both lines and the key, not by
    what it breaks further on; a new seed comes with its key."""
    manifest = json.loads((project.root / "target" / "manifest.json").read_text(encoding="utf-8"))
    seeds = {node["name"] for node in manifest["nodes"].values() if node["resource_type"] == "seed"}
    keyed = {
        node["attached_node"].rsplit(".", 1)[-1]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test" and (node.get("test_metadata") or {}).get("name") == "key_is_on_one_line"
    }
    assert sorted(seeds - keyed - set(OWN_UNIQUENESS_RULE)) == [], "seeds with no key_is_on_one_line test"
    assert sorted(keyed & set(OWN_UNIQUENESS_RULE)) == []
    assert set(OWN_UNIQUENESS_RULE) <= seeds


# --- the edits ---------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What the refusal of one edit must say."""

    file: str
    line: int | None
    column: str | None
    words: str


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _one_line(lines: list[str], text: str, path: Path) -> int:
    matches = [index for index, line in enumerate(lines) if text in line]
    assert len(matches) == 1, f"{text!r} is on lines {[index + 1 for index in matches]} of {path}"
    return matches[0]


def make_edit(root: Path, edit: dict[str, Any]) -> None:
    """Make one edit of refusals.yml in the project copy at `root`."""
    if "model" in edit:
        path = root / edit["model"]["path"]
        path.write_text(path.read_text(encoding="utf-8").rstrip() + f"\n{edit['model']['append']}\n", encoding="utf-8")
        return
    path = root / edit["file"]
    lines = _lines(path)
    if "replace" in edit:
        old, new = edit["replace"]
        index = _one_line(lines, old, path)
        lines[index] = lines[index].replace(old, new)
    elif "delete" in edit:
        kept = [line for line in lines if edit["delete"] not in line]
        assert len(kept) < len(lines), f"{edit['delete']!r} is not in {path}"
        lines = kept
    elif "repeat" in edit or "append" in edit:
        added = lines[_one_line(lines, edit["repeat"], path)] if "repeat" in edit else edit["append"]
        while lines and not lines[-1]:
            lines.pop()
        lines += [added, ""]
    else:
        raise AssertionError(f"refusals.yml: an edit of {edit['file']} that is not replace, delete, repeat or append")
    path.write_text("\n".join(lines), encoding="utf-8")


def expected(root: Path, edit: dict[str, Any]) -> Expected:
    """What the refusal must say of an edit, read from the edited file (after every edit of its round)."""
    wanted = edit["expect"]
    if "model" in edit:
        return Expected("", None, None, wanted["words"])
    line = None
    if wanted.get("line"):
        lines = _lines(root / edit["file"])
        if "replace" in edit:
            line = _one_line(lines, edit["replace"][1], root / edit["file"]) + 1
        else:
            line = max(index for index, text in enumerate(lines) if text) + 1
    return Expected(wanted.get("file", edit["file"]), line, wanted.get("column"), wanted["words"])


EDITS: dict[str, dict[str, Any]] = registry()["edits"]
ROUNDS = sorted({edit["round"] for edit in EDITS.values()})


@dataclass(frozen=True)
class Refusal:
    message: str
    untraced: tuple[str, ...]
    unchanged: bool
    expected: dict[str, Expected]


class Refusals:
    """Each round's edits made in a copy of the project and refused by one build (with the unit tests, where a
    round edits a model), made when a test first asks for the round: under xdist each round is a group of its own
    (see `round_group`), so that the two processes share the rounds out, and each round is built once."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory, warehouse: Path) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.warehouse = warehouse
        self.found: dict[int, Refusal] = {}

    def __getitem__(self, number: int) -> Refusal:
        if number not in self.found:
            self.found[number] = refused_round(self.tmp_path_factory, self.warehouse, number)
        return self.found[number]


@pytest.fixture(scope="module")
def refusals(tmp_path_factory: pytest.TempPathFactory, project: Project, warehouse: Path) -> Refusals:
    return Refusals(tmp_path_factory, warehouse)


def refused_round(tmp_path_factory: pytest.TempPathFactory, warehouse: Path, number: int) -> Refusal:
    """One round's edits made in a copy of the project, and what its build (or its unit tests) said."""
    copy = copy_project(tmp_path_factory.mktemp(f"round_{number}") / "project", warehouse)
    edits = {name: edit for name, edit in EDITS.items() if edit["round"] == number}
    for edit in edits.values():
        make_edit(copy.root, edit)
    published = copy.root / "warehouse" / "hotline12345.duckdb"
    before = sha256(published)
    if any("model" in edit for edit in edits.values()):
        refused = unit_tests_refused(copy, published, tmp_path_factory.mktemp(f"round_{number}_unit_tests"))
    else:
        with pytest.raises(BuildFailed) as failure:
            build_and_publish(copy, published)
        refused = failure.value
    return Refusal(
        message=str(refused),
        untraced=tuple(str(node) for node in refused.untraced),
        unchanged=sha256(published) == before,
        expected={name: expected(copy.root, edit) for name, edit in edits.items()},
    )


def unit_tests_refused(copy: Project, warehouse: Path, folder: Path) -> BuildFailed:
    """The unit tests of a copy whose models were edited, run by one `dbt test` (a build would skip a unit test
    whose model's parent failed its own), their failures traced as a build traces them."""
    database, target = dbt_scratch(folder, copy, warehouse)
    outcome = run_dbt(copy, database, "test", "--select", "test_type:unit", "--target-path", str(target))
    assert not outcome.success, "the unit tests passed on models edited to return nothing"
    # Every unit test ran to its own verdict: none was skipped for another's failure, so the round's edits, each
    # judged by its model's unit tests, cannot hide one another (they share one `dbt test`).
    assert [name for _, name, status in outcome.ran if status == "skipped"] == [], outcome.ran
    traced = trace_failures(copy, database, outcome.failures)
    return BuildFailed("the unit tests failed:", traced.problems, outcome.failures, traced.untraced)


def refusal_line(message: str, wanted: Expected) -> str | None:
    """The line of the message that names the edit as `wanted` says, if there is one."""
    for line in message.splitlines():
        text = line.removeprefix("  - ")
        if wanted.words not in text:
            continue
        if wanted.file and not text.startswith(wanted.file):
            continue
        where = text.split(": ", 1)[0]
        if wanted.line is not None and f", line {wanted.line}" not in where:
            continue
        if wanted.column is not None and not where.endswith(f", column {wanted.column}"):
            continue
        return line
    return None


def round_group(number: int) -> pytest.MarkDecorator:
    """A round's tests go to one xdist process together, which builds the round once (see conftest's work units)."""
    return pytest.mark.xdist_group(f"refusals-round-{number}")


@pytest.mark.slow
@pytest.mark.parametrize("name", [pytest.param(name, marks=round_group(EDITS[name]["round"])) for name in EDITS])
def test_each_edit_is_refused_naming_its_file_and_line_or_the_missing_thing(refusals: Refusals, name: str) -> None:
    refusal = refusals[EDITS[name]["round"]]
    wanted = refusal.expected[name]
    assert refusal_line(refusal.message, wanted), (wanted, refusal.message)


@pytest.mark.slow
@pytest.mark.parametrize("number", [pytest.param(number, marks=round_group(number)) for number in ROUNDS])
def test_no_failure_is_left_untraced_and_nothing_is_published(refusals: Refusals, number: int) -> None:
    refusal = refusals[number]
    assert refusal.unchanged, "the published warehouse changed"
    assert refusal.untraced == (), refusal.message
    assert "Got " not in refusal.message, refusal.message
