"""The reference seeds, read as data: names of subjects for one platform, measures, units and wordings.

A platform's names are its own rows and the shared rows (platform_code empty); a platform's own row wins over a
shared row of the same name. Which column of which seed holds a name, and what subject type it gives, follows the
seeds' layout (the same union as models/intermediate/int_reference__subjects.sql makes).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from hotline12345.extract.vocabulary import ANY_HOTLINE_NUMBER, SUBJECT_TYPE_BY_NAME, MeasureCue, name_key, simplified

# The words that name each measure, beside ref_measures.csv: a tab-separated file, not a seed (a pattern holds commas).
MEASURE_CUES_FILE = Path("reference") / "ref_measures_printed_cues.tsv"


@dataclass(frozen=True)
class Name:
    """A printed name on record: what it is, its code, and the seed it comes from."""

    name_zh: str
    subject_type: str
    code: str
    parent_zh: str
    seed: str


@dataclass
class References:
    platform_code: str
    names: dict[str, list[Name]] = field(default_factory=dict)
    measures: dict[str, dict[str, str]] = field(default_factory=dict)
    units: dict[str, dict[str, str]] = field(default_factory=dict)
    wordings: dict[str, dict[str, str]] = field(default_factory=dict)
    subject_types: dict[str, dict[str, str]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    aggregates: list[Name] = field(default_factory=list)
    cues: list[MeasureCue] = field(default_factory=list)
    # the platform's own hotline number (12345, 12319), from its code (nanning_12319) or its name on record; '' when
    # neither names one
    hotline_number: str = ""
    # the platform's own names on record (常州市城乡建设局建设热线), simplified: a line they hold is the platform's own
    platform_names: list[str] = field(default_factory=list)
    # the numbers of the hotlines of the platform's place on record (12345 and 12319 for sanmenxia)
    held_numbers: set[str] = field(default_factory=set)

    def measure_of_kind(self, kind: str) -> str:
        """The measure of the first cue of `kind` (count: a plain count's; share: a table's share column's)."""
        return next((cue.measure for cue in self.cues if cue.kind == kind), "")

    by_key: dict[str, list[Name]] = field(default_factory=dict)

    def lookup(self, name_zh: str) -> list[Name]:
        """The names on record printed so, then those of other subject types that differ only by traditional
        characters or pinyin glosses (諮詢類 is 咨询类; 辦結(jié) is 办结), the one in simplified characters first; within
        each, the platform's own names before the shared vocabulary's."""
        exact = self.names.get(name_zh, [])
        key = name_key(name_zh)
        spelled_otherwise = [
            name
            for name in sorted(self.by_key.get(key, []), key=lambda name: name.name_zh != key)
            if not any(found.subject_type == name.subject_type for found in exact)
        ]
        return exact + spelled_otherwise

    def child_type(self, subject_type: str) -> str:
        """The subject type whose parent type is `subject_type` (subcategory for category), or ''."""
        if not subject_type:
            return ""  # a heading not on record has no type, and so no child type
        for child, row in self.subject_types.items():
            if row.get("parent_subject_type") == subject_type:
                return child
        return ""

    def measures_of_unit(self, normalised_unit: str) -> list[str]:
        return [measure for measure, row in self.measures.items() if row["normalised_unit"] == normalised_unit]


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _for_platform(rows: list[dict[str, str]], platform_code: str, as_new: bool = False) -> list[dict[str, str]]:
    """Rows usable by the platform: its own first, then the shared vocabulary; the shared vocabulary only `as_new`
    (the names a new user of a platform not yet on record has)."""
    own = [row for row in rows if row.get("platform_code", "") == platform_code and not as_new]
    shared = [row for row in rows if row.get("platform_code", "") == ""]
    return own + shared


def _own(row: dict[str, str]) -> bool:
    return row.get("platform_code", "") != ""


def load_references(seeds_dir: Path, platform_code: str, as_new: bool = False) -> References:
    """The names, measures, units and wordings usable on `platform_code`; `as_new`: without the names registered
    for the platform itself (its districts, units, categories, members and aggregates), as a new user meets a page
    of a platform not yet on record."""
    reference_dir = seeds_dir / "reference"
    references = References(platform_code)
    tables: dict[str, list[dict[str, str]]] = {}
    for path in sorted(reference_dir.glob("ref_*.csv")):
        columns, rows = read_csv(path)
        references.columns[path.stem] = columns
        tables[path.stem] = rows

    own_names: set[Name] = set()

    def add(name_zh: str, subject_type: str, code: str, parent_zh: str, seed: str, own: bool) -> None:
        # a name of the platform's own list comes before the shared vocabulary's of the same spelling or key (盘锦's
        # 已办结 of a channel before the shared 已办结), whichever seed holds it
        if not name_zh:
            return
        entries = references.names.setdefault(name_zh, [])
        if not any(entry.subject_type == subject_type for entry in entries):
            name = Name(name_zh, subject_type, code, parent_zh, seed)
            for listed in (entries, references.by_key.setdefault(name_key(name_zh), [])):
                listed.insert(sum(entry in own_names for entry in listed) if own else len(listed), name)
            if own:
                own_names.add(name)

    categories = _for_platform(tables.get("ref_categories", []), platform_code, as_new)
    category_names = {row["category_code"]: row["category_name_zh"] for row in categories}
    for row in categories:
        if row.get("category_level") == "2":
            parent = category_names.get(row.get("parent_category_code", ""), "")
            add(row["category_name_zh"], "subcategory", row["category_code"], parent, "ref_categories", _own(row))
        else:
            add(row["category_name_zh"], "category", row["category_code"], "", "ref_categories", _own(row))
    for row in _for_platform(tables.get("ref_intake_members", []), platform_code, as_new):
        add(row["subject_zh"], "intake", f"{row['dimension']}.{row['member']}", "", "ref_intake_members", _own(row))
    for row in _for_platform(tables.get("ref_districts", []), platform_code, as_new):
        add(row["district_name_zh"], "district", row["district_code"], "", "ref_districts", _own(row))
    for row in _for_platform(tables.get("ref_handling_units", []), platform_code, as_new):
        add(row["unit_name_zh"], row["unit_type"], row["unit_code"], "", "ref_handling_units", _own(row))
    for row in _for_platform(tables.get("ref_monthly_topics", []), platform_code, as_new):
        add(row["topic_name_zh"], "monthly_topic", row["topic_code"], "", "ref_monthly_topics", _own(row))
    aggregates = _for_platform(tables.get("ref_aggregate_subjects", []), platform_code, as_new)
    for row in aggregates:
        add(row["subject_zh"], row["subject_type"], row["subject_code"], "", "ref_aggregate_subjects", _own(row))
    # the shared vocabulary's own subject for the platform as a whole (全市) comes before a platform's special ones
    for row in sorted(aggregates, key=lambda row: row.get("platform_code", "") != ""):
        references.aggregates.append(
            Name(row["subject_zh"], row["subject_type"], row["subject_code"], "", "ref_aggregate_subjects")
        )
    for row in _for_platform(tables.get("ref_functional_zones", []), platform_code, as_new):
        add(
            row["functional_zone_zh"],
            "functional_zone",
            row["functional_zone_code"],
            "",
            "ref_functional_zones",
            _own(row),
        )

    references.measures = {row["measure"]: row for row in tables.get("ref_measures", [])}
    references.units = {row["unit_printed"]: row for row in tables.get("ref_units", [])}
    references.wordings = {row["approximation_zh"]: row for row in tables.get("ref_approximations", [])}
    references.subject_types = {row["subject_type"]: row for row in tables.get("ref_subject_types", [])}
    references.cues = read_cues(seeds_dir / MEASURE_CUES_FILE)
    platform_names = [
        row["platform_name_zh"] for row in tables.get("ref_platforms", []) if row["platform_code"] == platform_code
    ]
    number = next(
        (found for text in [platform_code, *platform_names] if (found := re.search(ANY_HOTLINE_NUMBER, text))), None
    )
    references.hotline_number = number[0] if number else ""
    references.platform_names = [simplified(name) for name in platform_names]
    place = platform_code.split("_")[0]
    # every line a platform of the place names on record (三亚市12345政府服务热线 (with the 12301 tourism line))
    references.held_numbers = {
        found[0]
        for row in tables.get("ref_platforms", [])
        if row["platform_code"].split("_")[0] == place
        for found in re.finditer(ANY_HOTLINE_NUMBER, row["platform_code"] + row["platform_name_zh"])
    } | ({references.hotline_number} - {""})
    return references


def read_cues(path: Path) -> list[MeasureCue]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            MeasureCue(row["cue_pattern"], row["cue_kind"], row["measure"], row["description_en"])
            for row in csv.DictReader(handle, delimiter="\t")
        ]


# The seed a new name of a subject type is proposed for, and how its row is filled.
SEED_OF_SUBJECT_TYPE = {
    "category": "ref_categories",
    "subcategory": "ref_categories",
    "intake": "ref_intake_members",
    "district": "ref_districts",
    "monthly_topic": "ref_monthly_topics",
    "functional_zone": "ref_functional_zones",
}
AGGREGATES_SEED = "ref_aggregate_subjects"


def likely_subject_type(references: References, name_zh: str) -> str:
    """The subject type a name not on record is proposed as, by how it ends (vocabulary.SUBJECT_TYPE_BY_NAME),
    where ref_subject_types knows that type; '' when nothing fits."""
    plain = name_key(name_zh)
    for pattern, subject_type in SUBJECT_TYPE_BY_NAME:
        if re.search(pattern, plain) and subject_type in references.subject_types:
            return subject_type
    return ""


def seed_of_subject_type(references: References, subject_type: str) -> str:
    """The reference seed a name of `subject_type` belongs in: its own seed, the aggregate subjects (the types
    ref_aggregate_subjects holds: 全市, district totals, intake parts …), the handling units, else the intake."""
    if subject_type in SEED_OF_SUBJECT_TYPE:
        return SEED_OF_SUBJECT_TYPE[subject_type]
    aggregate_types = {name.subject_type for name in references.aggregates}
    if subject_type in aggregate_types:
        return AGGREGATES_SEED
    return "ref_handling_units" if subject_type else "ref_intake_members"


def new_name_row(references: References, name_zh: str, subject_type: str, parent_zh: str) -> tuple[str, dict[str, str]]:
    """A reference row proposing `name_zh`, in the columns of the seed its subject type belongs to.

    Codes and English names are left for the reviewer: a code is never guessed.
    """
    subject_type = subject_type or likely_subject_type(references, name_zh)
    seed = seed_of_subject_type(references, subject_type)
    row = {column: "" for column in references.columns.get(seed, [])}
    row["platform_code"] = references.platform_code
    if seed == AGGREGATES_SEED:
        row["subject_type"] = subject_type
        row["subject_zh"] = name_zh
        return seed, row
    if seed == "ref_categories":
        row["category_name_zh"] = name_zh
        row["category_level"] = "2" if subject_type == "subcategory" else "1"
        parents = [entry for entry in references.lookup(parent_zh) if entry.subject_type == "category"]
        row["parent_category_code"] = parents[0].code if parents else ""
    elif seed == "ref_intake_members":
        row["subject_zh"] = name_zh
        row["member_name_zh"] = name_zh
    elif seed == "ref_districts":
        row["district_name_zh"] = name_zh
    elif seed == "ref_monthly_topics":
        row["topic_name_zh"] = name_zh
    elif seed == "ref_functional_zones":
        row["functional_zone_zh"] = name_zh
    else:
        row["unit_name_zh"] = name_zh
        row["unit_type"] = subject_type
    return seed, row
