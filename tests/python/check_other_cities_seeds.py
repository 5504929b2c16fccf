"""Check the seed rows transcribed from ../shared/sources/other-cities.md (issue 16).

A stand-alone script (not collected by pytest): `python3 tests/python/check_other_cities_seeds.py`.
It reads only the seed CSVs and source_documents/, and reports each problem as
"<seed file>:<line>: <column>: <what is wrong>". Exit status 1 when a problem is
found; warnings (things the lead's models decide) do not fail it.

Checks, for every row of printed_figures.csv and printed_figure_reprints.csv whose
source is not Beijing's:
- the source is in sources.csv, its document exists, and every fragment of the
  source_phrase (split on …) stands in the document with white space removed;
- the value, with its wording where the wording stands (before, or after the value
  or after the value and its unit: 4500多万件, 80%以上), stands in the phrase, and
  so does the unit (a bare count of 件 in a table may go without it);
- the platform is in ref_platforms; the subject resolves in the reference seeds for
  its platform or in the shared vocabulary (empty platform_code), and so does its
  parent where the subject type has a parent type;
- measure, unit and wording are in their reference seeds; share_of_zh is only given
  for a share measure and names an intake figure of the platform (or 未说明);
- no two rows of printed_figures have the same platform, period, subject type,
  subject (as resolved), parent and measure; every reprint has its canonical row.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DOCS = ROOT / "source_documents"
problems: list[str] = []
warnings: list[str] = []


def rows(rel: str) -> list[tuple[int, dict[str, str]]]:
    with (SEEDS / rel).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


sources = {r["source_id"]: r for _, r in rows("sources/sources.csv")}
platforms = {r["platform_code"]: r for _, r in rows("reference/ref_platforms.csv")}
measures = {r["measure"]: r for _, r in rows("reference/ref_measures.csv")}
units = {r["unit_printed"]: r for _, r in rows("reference/ref_units.csv")}
wordings = {r["approximation_zh"]: r for _, r in rows("reference/ref_approximations.csv")}
subject_types = {r["subject_type"]: r for _, r in rows("reference/ref_subject_types.csv")}
dimensions = {r["dimension"] for _, r in rows("reference/ref_intake_dimensions.csv")}

# name -> code, per (platform, subject type); platform "" is the shared vocabulary
names: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
for line, r in rows("reference/ref_intake_members.csv"):
    if r["dimension"] not in dimensions:
        problems.append(
            f"reference/ref_intake_members.csv:{line}: dimension: {r['dimension']!r} is not in ref_intake_dimensions"
        )
    names[(r["platform_code"], "intake")][r["subject_zh"]] = f"{r['dimension']}.{r['member']}"
for _, r in rows("reference/ref_categories.csv"):
    kind = "category" if r["category_level"] == "1" else "subcategory"
    names[(r["platform_code"], kind)][r["category_name_zh"]] = r["category_code"]
for _, r in rows("reference/ref_districts.csv"):
    names[(r["platform_code"], "district")][r["district_name_zh"]] = r["district_code"]
for _, r in rows("reference/ref_handling_units.csv"):
    names[(r["platform_code"], r["unit_type"])][r["unit_name_zh"]] = r["unit_code"]
for _, r in rows("reference/ref_aggregate_subjects.csv"):
    names[(r["platform_code"], r["subject_type"])][r["subject_zh"]] = r["subject_code"]
for line, r in rows("reference/ref_platforms.csv"):
    if r["parent_platform_code"] and r["parent_platform_code"] not in platforms:
        problems.append(
            f"reference/ref_platforms.csv:{line}: parent_platform_code: {r['parent_platform_code']!r} is unknown"
        )
for table in (
    "ref_categories",
    "ref_districts",
    "ref_handling_units",
    "ref_aggregate_subjects",
    "ref_intake_members",
    "ref_monthly_topics",
    "ref_functional_zones",
):
    for line, r in rows(f"reference/{table}.csv"):
        if r["platform_code"] and r["platform_code"] not in platforms:
            problems.append(
                f"reference/{table}.csv:{line}: platform_code: {r['platform_code']!r} is not in ref_platforms"
            )


def resolve(platform: str, subject_type: str, name: str) -> str | None:
    return names[(platform, subject_type)].get(name) or names[("", subject_type)].get(name)


def printed_forms(row: dict[str, str]) -> list[str]:
    value, wording, unit = row["value_printed"].lstrip("-"), row["approximation_zh"], row["unit_printed"]
    if not wording:
        return [value]
    if wordings.get(wording, {}).get("printed_position") == "after":
        return [
            value + wording,
            value + unit + wording,
            value + unit[:-1] + wording + unit[-1:] if unit else value + wording,
        ]
    # 约占49.11%: the wording stands before 占 (share of)
    return [wording + value, wording + "占" + value]


def check(rel: str, line: int, row: dict[str, str], canonical: bool) -> tuple[str, ...] | None:
    where = f"figures/{rel}:{line}"
    source = sources.get(row["source_id"])
    if source is None:
        problems.append(f"{where}: source_id: {row['source_id']!r} is not in sources.csv")
        return None
    document = DOCS / source["document_file"]
    if not document.is_file():
        problems.append(f"{where}: source_id: document {source['document_file']} is missing")
        return None
    text = squeeze(document.read_text(encoding="utf-8"))
    phrase = squeeze(row["source_phrase"])
    for fragment in phrase.split("…"):
        if fragment not in text:
            problems.append(f"{where}: source_phrase: {fragment!r} is not in {source['document_file']}")
    if not any(form in phrase for form in printed_forms(row)):
        problems.append(f"{where}: value_printed: {printed_forms(row)[0]!r} is not in its phrase {phrase!r}")
    unit_forms = [row["unit_printed"]] + [
        row["unit_printed"][:-1] + w + row["unit_printed"][-1:] for w in ("多", "餘", "余")
    ]
    if not any(u in phrase for u in unit_forms) and row["unit_printed"] != "件":
        problems.append(f"{where}: unit_printed: {row['unit_printed']!r} is not in its phrase")
    platform = row.get("platform_code") or source["platform_code"]
    if platform not in platforms:
        problems.append(f"{where}: platform_code: {platform!r} is not in ref_platforms")
    subject_type = row["subject_type"]
    if subject_type not in subject_types:
        problems.append(f"{where}: subject_type: {subject_type!r} is not in ref_subject_types")
        return None
    code = resolve(platform, subject_type, row["subject_zh"])
    if code is None:
        problems.append(f"{where}: subject_zh: {row['subject_zh']!r} is not a {subject_type} of {platform} nor shared")
    parent_type = subject_types[subject_type]["parent_subject_type"]
    if row["parent_zh"]:
        if not parent_type:
            problems.append(f"{where}: parent_zh: {subject_type} has no parent type, but {row['parent_zh']!r} is given")
        elif resolve(platform, parent_type, row["parent_zh"]) is None:
            problems.append(f"{where}: parent_zh: {row['parent_zh']!r} is not a {parent_type} of {platform}")
    measure = measures.get(row["measure"])
    if measure is None:
        problems.append(f"{where}: measure: {row['measure']!r} is not in ref_measures")
    unit = units.get(row["unit_printed"])
    if unit is None:
        problems.append(f"{where}: unit_printed: {row['unit_printed']!r} is not in ref_units")
    elif measure and unit["normalised_unit"] != measure["normalised_unit"]:
        warnings.append(
            f"{where}: unit_printed: {row['unit_printed']!r} normalises to {unit['normalised_unit']}, "
            f"measure {row['measure']} to {measure['normalised_unit']}"
        )
    if row["approximation_zh"] not in wordings:
        problems.append(f"{where}: approximation_zh: {row['approximation_zh']!r} is not in ref_approximations")
    share_of = row.get("share_of_zh", "")
    if share_of:
        if measure and not measure["share_denominator"]:
            problems.append(f"{where}: share_of_zh: given for {row['measure']}, which is not a share")
        elif share_of != "未说明" and resolve(platform, "intake", share_of) is None:
            problems.append(f"{where}: share_of_zh: {share_of!r} is not an intake name of {platform}")
    if not row["period_start"] or not row["period_end"]:
        warnings.append(f"{where}: period: no {'start' if not row['period_start'] else 'end'} printed")
    parent_code = (
        resolve(platform, parent_type, row["parent_zh"]) if row["parent_zh"] and parent_type else row["parent_zh"]
    )
    return (
        platform,
        row["period_start"],
        row["period_end"],
        subject_type,
        code or row["subject_zh"],
        parent_code or "",
        row["measure"],
    )


BEIJING = {sid for sid, s in sources.items() if s["platform_code"] == "beijing_12345"}
keys: dict[tuple[str, ...], int] = {}
for line, row in rows("figures/printed_figures.csv"):
    if row["source_id"] in BEIJING:
        continue
    key = check("printed_figures.csv", line, row, True)
    if key in keys:
        problems.append(
            f"figures/printed_figures.csv:{line}: the figure {key} is also on line {keys[key]} (a reprint?)"
        )
    elif key:
        keys[key] = line
for line, row in rows("figures/printed_figure_reprints.csv"):
    if row["source_id"] in BEIJING:
        continue
    key = check("printed_figure_reprints.csv", line, row, False)
    if key and key not in keys:
        problems.append(f"figures/printed_figure_reprints.csv:{line}: no canonical row in printed_figures for {key}")

for line, row in rows("sources/source_coverage.csv"):
    if row["source_id"] not in sources:
        problems.append(f"sources/source_coverage.csv:{line}: source_id: {row['source_id']!r} is unknown")
for sid, source in sources.items():
    if not (DOCS / source["document_file"]).is_file():
        problems.append(f"sources/sources.csv: {sid}: document {source['document_file']} is missing")
    if source["platform_code"] not in platforms:
        problems.append(f"sources/sources.csv: {sid}: platform_code {source['platform_code']!r} is unknown")

for warning in warnings:
    print("warning:", warning)
for problem in problems:
    print(problem)
print(f"{len(problems)} problems, {len(warnings)} warnings")
sys.exit(1 if problems else 0)
