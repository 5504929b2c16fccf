"""`make` installs the pinned versions of requirements.lock, then the package with --no-deps: a dependency that
pyproject.toml declares and the lock does not pin is missing on a fresh machine, though a developer's environment
(where it was installed by hand) has it. Every declared dependency, the dev extras with them, is pinned."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT
from packaging.requirements import Requirement
from packaging.version import Version


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def _locked() -> dict[str, tuple[int, Version]]:
    pins: dict[str, tuple[int, Version]] = {}
    for number, line in enumerate((ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[_name(name)] = (number, Version(version))
    return pins


def test_every_declared_dependency_is_pinned_in_the_lock_at_a_version_it_allows() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    locked = _locked()
    problems = []
    for text in declared:
        requirement = Requirement(text)
        pin = locked.get(_name(requirement.name))
        if pin is None:
            problems.append(f"pyproject.toml declares {text!r}; requirements.lock pins no {requirement.name}")
        elif not requirement.specifier.contains(pin[1], prereleases=True):
            problems.append(f"requirements.lock, line {pin[0]}: {requirement.name}=={pin[1]} is outside {text!r}")
    assert not problems, "\n".join(problems)
