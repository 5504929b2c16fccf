"""What the page shows, shaped for its templates: rows of cells, chart SVGs and the source's section names.

No markup here (templates/ holds it) and nothing of one report: the section headings are the source's own
sections, read from the figures each part of the page shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from markupsafe import Markup

from hotline12345.report import charts
from hotline12345.report.formatting import pct, signed_pct, wan, wan_value, whole
from hotline12345.report.queries import ReportData, Row

UNIT_TYPE_LABELS = {
    "city_body": ("市属机构", "city bodies"),
    "state_owned_enterprise": ("国有企业", "state-owned enterprises"),
    "district": ("区", "districts"),
    "handling_unit": ("承办单位", "handling units"),
}

HOW_OBTAINED = {
    "printed": ("公布", "printed"),
    "sum_of_parts": ("分项加总", "sum of printed parts"),
    "back_calculated": ("倒推", "back-calculated"),
}

SOURCE_KINDS = {
    "annual_report": ("年度报告", "annual report"),
    "official": ("官方发布", "official page"),
    "news": ("新闻报道", "news report"),
    "secondary": ("二手资料", "secondary source"),
}

# The audit's statuses in Chinese.
STATUS_LABELS = {"consistent": "一致", "truncated": "截断", "inconsistent": "不一致"}


def check_label(check: dict[str, Any]) -> tuple[str, str]:
    """What an audit check checked, in words, from the audit's `measure` and `formula` columns: a share by its
    measure, a reprint as its measure printed again, anything else by its formula (whose left side is the
    measure, named in words where ref_measure_properties has them)."""
    measure, formula, kind = check["measure"], check["formula"], check["check_kind"]
    labelled = check["measure_label_zh"] is not None
    zh, en = (check["measure_label_zh"], check["measure_label_en"]) if labelled else (measure, measure)
    if kind == "share":
        return (zh, en) if labelled else (measure, "")
    if kind == "reprint":
        return (f"{zh}（重印）", f"{en} (printed again)") if labelled else (f"{measure} printed again", "")
    if labelled and formula.startswith(f"{measure} "):
        return (zh, en + formula[len(measure) :])
    return (formula, "")


_CHINESE_IN_BRACKETS = re.compile(r"\(([^()]*[\u4e00-\u9fff][^()]*)\)")


def described_measure(row: Row) -> tuple[str, str]:
    """A measure in the pages' words (ref_measure_properties), else in the words of its description (ref_measures):
    the Chinese terms it names in brackets, and the description."""
    if row["measure_label_zh"] is not None:
        return (str(row["measure_label_zh"]), str(row["measure_label_en"]))
    measure, description = str(row["measure"]), row["measure_description_en"]
    if not description:
        return (measure, "")
    terms = _CHINESE_IN_BRACKETS.findall(description)
    return (terms[-1] if terms else measure, description)


NO_VALUE_FITS = "无可行值 no value fits"


def interval(low: float | None, high: float | None, places: int) -> str:
    """A feasible range; an open end is shown as such; an empty one (its low end above its high end: no value
    satisfies every printed figure at once) says so rather than printing backwards."""
    if low is None and high is None:
        return ""
    if low is not None and high is not None and low > high:
        return NO_VALUE_FITS
    shown_low = f"{low:.{places}f}" if low is not None else "−∞"
    shown_high = f"{high:.{places}f}" if high is not None else "∞"
    return f"{shown_low} – {shown_high}"


@dataclass(frozen=True)
class Figure:
    figure_id: str
    value_printed: str
    unit_printed: str
    source_phrase: str
    section_zh: str
    is_approximate: bool


@dataclass(frozen=True)
class Num:
    """A number cell: `printed` (as the report prints it), `derived` (by the warehouse), or empty."""

    text: str = ""
    kind: str = ""
    title: str = ""
    figure_id: str = ""
    section_zh: str = ""


def derived(value: object) -> Num:
    return Num(str(value), "derived")


def printed(value: object) -> Num:
    return Num(str(value), "printed")


def check_subject(check: dict[str, Any]) -> str:
    """What an audit check is about, by its Chinese name (its code where no source or seed names it)."""
    return check["subject_name_zh"] or check["subject_code"] or ""


def check_published(check: dict[str, Any]) -> Num:
    """The published figure of an audit check as the page prints it; a whole the page does not state reads 未说明."""
    shown = check["published_value_as_printed"]
    return printed(shown if shown is not None else "未说明 (not stated)")


class Figures:
    """The printed figures, to show each as printed with the phrase it was read from."""

    def __init__(self, rows: Iterable[Row], checks: Iterable[Row]) -> None:
        self._figures: dict[tuple[str, str, str, str, int, int | None], Figure] = {}
        self._by_id: dict[str, Figure] = {}
        # The figures a part of the page has shown (found), so that the rest can be listed.
        self.shown: set[str] = set()
        for row in rows:
            key = (
                row["subject_type"],
                row["subject_code"],
                row["parent_code"],
                row["measure"],
                int(row["month"]),
                None if row["figure_year"] is None else int(row["figure_year"]),
            )
            if key in self._figures:  # a further printing by the report: the canonical one comes first
                continue
            self._figures[key] = self._by_id[row["figure_id"]] = Figure(
                figure_id=row["figure_id"],
                value_printed=row["value_printed"],
                unit_printed=row["unit_printed"],
                source_phrase=row["source_phrase"],
                section_zh=row["section_zh"],
                is_approximate=bool(row["is_approximate"]),
            )
        # The audit's check of a published share, by the id of the figure it checks.
        self._checks = {str(check["check_id"]).split(":", 1)[1]: check for check in checks}

    def by_id(self, figure_id: str) -> Figure | None:
        return self._by_id.get(figure_id)

    def find(
        self, subject_type: str, subject_code: str, measure: str, year: int | None, parent: str = "", month: int = 0
    ) -> Figure | None:
        found = self._figures.get((subject_type, subject_code, parent, measure, month, year))
        if found is not None:
            self.shown.add(found.figure_id)
        return found

    def cell(
        self,
        subject_type: str,
        subject_code: str,
        measure: str,
        year: int | None,
        fallback: str = "",
        parent: str = "",
        month: int = 0,
        unit: str = "",
    ) -> Num:
        """The value as printed, its source phrase on hover and the audit's verdict; else the derived fallback.

        Where the column counts in `unit` and the figure is printed in another (件 in a 万件 column), the printed
        unit is shown with it."""
        figure = self.find(subject_type, subject_code, measure, year, parent, month)
        if figure is None:
            return derived(fallback) if fallback else Num()
        return self.printed_cell(figure, unit)

    def printed_cell(self, figure: Figure, unit: str = "") -> Num:
        shown = ("约" if figure.is_approximate else "") + figure.value_printed
        if unit and figure.unit_printed != unit:
            shown += f" {figure.unit_printed}"
        hover = f"{figure.section_zh}：{figure.source_phrase}"
        kind = "printed"
        check = self._checks.get(figure.figure_id)
        if check is not None and check["status"] in ("inconsistent", "truncated"):
            kind += f" {check['status']}"
            hover += f"\n\n审计 audit: {check['explanation']}"
            if check["status"] == "inconsistent":  # a truncated share is no error: its mark is the stylesheet's
                shown += " ✗"
        return Num(shown, kind, hover, figure.figure_id, figure.section_zh)


_NUMERAL = re.compile(r"[一二三四五六七八九十]+|\d+")
_DIGITS = "一二三四五六七八九"
_NUMBERING_MARKS = "、（）().． "


def _numeral_value(numeral: str) -> int:
    """1–99 in Chinese numerals (一 … 十 … 九十九) or Arabic digits."""
    if numeral.isdigit():
        return int(numeral)
    tens, ten, units = numeral.partition("十")
    if not ten:
        return _DIGITS.index(numeral) + 1
    return (_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_DIGITS.index(units) + 1 if units else 0)


def _section_order(section: str) -> tuple[tuple[int, int | str], ...]:
    """Sections in the source's numbering: （二） before （十）; an unnumbered heading before its numbered items."""
    key: list[tuple[int, int | str]] = []
    position = 0
    for match in [*_NUMERAL.finditer(section), None]:
        start = match.start() if match else len(section)
        words = section[position:start].strip(_NUMBERING_MARKS)
        if words:
            key.append((0, words))
        if match:
            key.append((1, _numeral_value(match.group())))
            position = match.end()
    return tuple(key)


def _common_head(sections: list[str]) -> str:
    """The numbering the sections share: their common beginning, up to its last 、 or ）."""
    shared = sections[0]
    for section in sections[1:]:
        while not section.startswith(shared):
            shared = shared[:-1]
    cut = max(shared.rfind("、"), shared.rfind("）"))
    return shared[: cut + 1]


@dataclass(frozen=True)
class Heading:
    """A part of the page titled by the source's own sections its printed figures come from."""

    sections: list[str]

    @property
    def title(self) -> str:
        """One section as printed; two or three joined; more as the first … the last (the shared numbering once)."""
        if not self.sections:
            return ""
        shown = self.sections if len(self.sections) <= 3 else [self.sections[0], self.sections[-1]]
        head = _common_head(shown)
        rest = [section.removeprefix(head) or section for section in shown[1:]]
        return (" … " if len(self.sections) > 3 else " · ").join([shown[0], *rest])


def heading(cells: Iterable[Num]) -> Heading:
    sections = {cell.section_zh for cell in cells if cell.section_zh}
    return Heading(sorted(sections, key=_section_order))


@dataclass
class Part:
    """One part of the page: its anchor, the source's sections, its charts and its rows (named per part)."""

    key: str
    heading: Heading
    charts: dict[str, Markup] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)


def _svg(chart: Any, description: str) -> Markup:
    """A chart as inline SVG; vl-convert writes it, so it is markup to keep, not text to escape."""
    return Markup(charts.render_svg(chart, description))  # vl-convert escapes the text it writes into the SVG


def _numbers(rows: list[dict[str, Any]]) -> list[Num]:
    return [value for row in rows for value in row.values() if isinstance(value, Num)]


def source_hover(source: Row | None) -> str:
    """What a reader needs to find a source: title, publisher, date, address (as text, never a link)."""
    if source is None:
        return ""
    parts = [source["title"], source["publisher"], source["published_on"], source["address"]]
    return " — ".join(str(part) for part in parts if part)


@dataclass(frozen=True)
class Page:
    data: ReportData
    figures: Figures
    built_at: str
    database_name: str
    index_href: str = ""
    timeline: list[dict[str, Any]] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return self.data.year

    @property
    def prior(self) -> int | None:
        """The year before, for the figures a report prints of it (none for a period whose year is unknown)."""
        return None if self.data.year is None else self.data.year - 1

    @property
    def period(self) -> str:
        """The page's period as a reader reads it (its label, not its key)."""
        return self.data.period_label_zh

    @property
    def sources(self) -> dict[str, Row]:
        return {str(source["source_id"]): source for source in self.data["sources"]}

    def source(self, row: Row) -> dict[str, str]:
        """The source of a checked figure, and the sources it is checked against where they differ."""
        source_id = str(row["source_id"])
        inputs = str(row.get("input_source_ids") or "")
        others = [other.strip() for other in inputs.split(",") if other.strip() and other.strip() != source_id]
        return {"id": source_id, "hover": source_hover(self.sources.get(source_id)), "against": ", ".join(others)}

    def source_list(self) -> list[dict[str, Any]]:
        rows = []
        for source in self.data["sources"]:
            kind_zh, kind_en = SOURCE_KINDS.get(str(source["source_kind"]), (source["source_kind"], ""))
            by = " · ".join(str(part) for part in (source["publisher"], source["published_on"]) if part)
            rows.append({**source, "kind_zh": kind_zh, "kind_en": kind_en, "by": by})
        return rows

    def measure(self, section: str, column: str) -> tuple[str, str]:
        """The measure a column of one of the page's sections shows, and the unit it counts in
        (ref_measure_page_sections)."""
        for row in self.data["measure_page_sections"]:
            if row["page_section"] == section and row["page_column"] == column:
                return str(row["measure"]), str(row["unit_shown"])
        raise KeyError(
            f"seeds/reference/ref_measure_page_sections.csv: no row of page_section {section}, page_column {column}"
        )

    def shown(
        self,
        section: str,
        column: str,
        subject_type: str,
        subject_code: str,
        year: int | None,
        fallback: str = "",
        parent: str = "",
        month: int = 0,
    ) -> Num:
        """A column's cell: the figure as printed (Figures.cell) of the measure the column shows, else `fallback`."""
        measure, unit = self.measure(section, column)
        return self.figures.cell(subject_type, subject_code, measure, year, fallback, parent, month, unit=unit)

    def intake(self) -> Part:
        year, prior, period = self.year, self.prior, self.period
        shown = self.shown
        rows: list[dict[str, Any]] = []
        records: list[dict[str, Any]] = []
        for row in self.data["intake"]:
            code = row["subject_code"]
            rows.append(
                {
                    "name_zh": row["member_name_zh"],
                    "name_en": row["member_name_en"],
                    "count": shown("intake", "count", "intake", code, year, wan(row["items"])),
                    "yoy": shown("intake", "yoy", "intake", code, year, pct(row["yoy_change_pct"])),
                    "share": derived(pct(row["share_of_total_pct"])),
                    "share_printed": shown("intake", "share_printed", "intake", code, year),
                    "prior_items": derived(wan(row["prior_year_items"])),
                    "prior_share": derived(pct(row["prior_year_share_of_total_pct"])),
                    "prior_share_printed": (
                        shown("intake", "share_printed", "intake", code, prior) if prior is not None else Num()
                    ),
                }
            )
            label = f"{row['member_name_zh']}"
            records.append({"member": label, "period": f"{period} 公布 printed", "wan": wan_value(row["items"])})
            if row["prior_year_items"] is not None:
                records.append(
                    {
                        "member": label,
                        "period": f"{prior} 倒推 back-calculated",
                        "wan": wan_value(row["prior_year_items"]),
                    }
                )
        chart = charts.horizontal_bars(records, "member", "wan", "万件 (10,000 items)", colour="period")
        has_prior = any(row[key].text for row in rows for key in ("prior_items", "prior_share_printed", "yoy"))
        return Part(
            "intake",
            heading(_numbers(rows)),
            charts={"intake": _svg(chart, f"Intake {period}" + (f" and back-calculated {prior}" if has_prior else ""))},
            rows={"intake": rows},
            values={"series_years": len({row["year"] for row in self.data.series}), "has_prior": has_prior},
        )

    def categories(self) -> Part:
        year, prior, period = self.year, self.prior, self.period
        shown = self.shown
        rows, records = [], []
        for row in self.data["categories"]:
            code = row["category_code"]
            rows.append(
                {
                    "position": row["published_list_position"],
                    "name_zh": row["category_name_zh"],
                    "name_en": row["category_name_en"],
                    "count": shown("categories", "count", "category", code, year, wan(row["items"])),
                    "share_printed": shown("categories", "share_printed", "category", code, year),
                    "pop": shown("categories", "pop", "category", code, year),
                    "yoy": shown("categories", "yoy", "category", code, year, pct(row["yoy_change_pct"])),
                    "prior_items": derived(wan(row["prior_year_items"])),
                    "change": derived(wan(row["change_from_prior_year_items"])),
                    "rank": derived(row["rank_in_year"]),
                }
            )
            label = str(row["category_name_zh"])
            records.append({"category": label, "period": f"{period} 公布 printed", "wan": wan_value(row["items"])})
            if row["prior_year_items"] is not None:
                records.append(
                    {
                        "category": label,
                        "period": f"{prior} 倒推 back-calculated",
                        "wan": wan_value(row["prior_year_items"]),
                    }
                )
        sub_rows, sub_records = [], []
        for row in self.data["subcategories"]:
            sub_rows.append(
                {
                    "category_zh": row["category_name_zh"],
                    "category_en": row["category_name_en"],
                    "name_zh": row["subcategory_name_zh"],
                    "name_en": row["subcategory_name_en"],
                    "count": self.shown(
                        "subcategories",
                        "count",
                        "subcategory",
                        row["subcategory_code"],
                        year,
                        wan(row["items"]),
                        row["category_code"],
                    ),
                    "share": derived(pct(row["share_of_category_pct"])),
                    "rank": derived(row["rank_in_category"]),
                }
            )
            sub_records.append(
                {
                    "subcategory": f"{row['category_name_zh']} · {row['subcategory_name_zh']}",
                    "category": row["category_name_zh"],
                    "wan": wan_value(row["items"]),
                }
            )
        chart = charts.horizontal_bars(records, "category", "wan", "万件 (10,000 items)", colour="period")
        sub_chart = charts.horizontal_bars(
            sub_records, "subcategory", "wan", "万件 (10,000 items)", colour="category", stack=True, bar_height=13
        )
        return Part(
            "categories",
            heading(_numbers(rows) + _numbers(sub_rows)),
            charts={
                "categories": _svg(chart, "Ten leading categories"),
                "subcategories": _svg(sub_chart, "Sub-categories"),
            },
            rows={"categories": rows, "subcategories": sub_rows},
            values={
                "columns": {key for row in rows for key, value in row.items() if isinstance(value, Num) and value.text}
            },
        )

    def monthly(self) -> Part:
        year = self.year
        rows, records = [], []
        for row in self.data["monthly"]:
            subject_type, code, month = row["subject_type"], row["subject_code"], int(row["month"])
            parent = code.split(".", 1)[0] if subject_type == "subcategory" else ""
            rows.append(
                {
                    "name_zh": row["subject_name_zh"],
                    "name_en": row["subject_name_en"],
                    "month": month,
                    "count": self.shown("monthly", "count", subject_type, code, year, wan(row["items"]), parent, month),
                    "observation_zh": row["observation_zh"],
                    "observation_en": row["observation"],
                    "share": derived(pct(row["share_of_annual_pct"])),
                }
            )
            records.append(
                {"observation": f"{row['subject_name_zh']} {month}月", "share": float(row["share_of_annual_pct"])}
            )
        chart = charts.horizontal_bars(records, "observation", "share", "占全年 % (share of the year)")
        return Part(
            "monthly",
            heading(_numbers(rows)),
            charts={"monthly": _svg(chart, "Monthly observations")},
            rows={"monthly": rows},
        )

    def districts(self) -> Part:
        year = self.year
        shown = self.shown
        rows, records = [], []
        for row in self.data["districts"]:
            code = row["district_code"]
            rows.append(
                {
                    "code": code,
                    "rank": row["rank_by_items"],
                    "name_zh": row["district_name_zh"],
                    "name_en": row["district_name_en"],
                    "zone_zh": row["functional_zone_zh"],
                    "zone_en": row["functional_zone_en"],
                    "count": shown("districts", "count", "district", code, year, wan(row["items"])),
                    "share_printed": shown("districts", "share_printed", "district", code, year),
                    "share": derived(pct(row["share_of_districts_pct"])),
                    "department_items": shown(
                        "districts", "department_items", "district", code, year, wan(row["district_department_items"])
                    ),
                    "department_share_printed": shown("districts", "department_share_printed", "district", code, year),
                    "department_share": derived(pct(row["district_department_share_pct"])),
                    "street_items": shown(
                        "districts", "street_items", "district", code, year, wan(row["street_township_items"])
                    ),
                    "street_share_printed": shown("districts", "street_share_printed", "district", code, year),
                    "street_share": derived(pct(row["street_township_share_pct"])),
                }
            )
            name = str(row["district_name_zh"])
            for part, items in (
                ("区级部门 district departments", row["district_department_items"]),
                ("街道乡镇 streets and townships", row["street_township_items"]),
            ):
                if items is not None:
                    records.append({"district": name, "part": part, "wan": wan_value(items)})
        totals = []
        for total in self.data["district_total"]:
            totals.append(
                {
                    "district_count": total["district_count"],
                    "count": shown(
                        "district_total", "count", "district_total", "all_districts", year, wan(total["items"])
                    ),
                    "street_items": shown(
                        "district_total",
                        "street_items",
                        "district_total",
                        "all_districts",
                        year,
                        wan(total["street_township_items"]),
                    ),
                    "street_share_printed": shown(
                        "district_total", "street_share_printed", "district_total", "all_districts", year
                    ),
                    "street_share": derived(pct(total["street_township_share_pct"])),
                    "sum_of_items": derived(wan(total["sum_of_district_items"])),
                    "sum_of_street_items": derived(wan(total["sum_of_district_street_township_items"])),
                }
            )
        zones, zone_records = [], []
        for zone in self.data["zones"]:
            if zone["functional_zone_code"] is None:  # a platform whose districts have no functional zones
                continue
            zones.append(
                {
                    "name_zh": zone["functional_zone_zh"],
                    "name_en": zone["functional_zone_en"],
                    "districts_zh": zone["districts_zh"],
                    "count": derived(wan(zone["items"])),
                    "share": derived(pct(zone["share_of_districts_pct"])),
                    "department_items": derived(wan(zone["district_department_items"])),
                    "street_items": derived(wan(zone["street_township_items"])),
                }
            )
            zone_records.append({"zone": zone["functional_zone_zh"], "wan": wan_value(zone["items"])})
        chart = charts.horizontal_bars(records, "district", "wan", "万件 (10,000 items)", colour="part", stack=True)
        zone_chart = charts.horizontal_bars(zone_records, "zone", "wan", "万件 (10,000 items)", bar_height=22)
        return Part(
            "districts",
            heading(_numbers(rows) + _numbers(totals)),
            charts={
                "districts": _svg(chart, "District workload split"),
                "zones": _svg(zone_chart, "Functional zones"),
            },
            rows={"districts": rows, "totals": totals, "zones": zones},
        )

    def units(self) -> Part:
        year = self.year
        rows, records = [], []
        for row in self.data["units"]:
            zh, en = UNIT_TYPE_LABELS.get(row["unit_type"], (row["unit_type"], ""))
            rows.append(
                {
                    "type_zh": zh,
                    "type_en": en,
                    "name_zh": row["unit_name_zh"],
                    "name_en": row["unit_name_en"],
                    "count": self.shown("units", "count", row["unit_type"], row["unit_code"], year, wan(row["items"])),
                    "rank": derived(row["rank_in_unit_type"]),
                }
            )
            records.append({"unit": row["unit_name_zh"], "type": f"{zh} {en}", "wan": wan_value(row["items"])})
        chart = charts.horizontal_bars(records, "unit", "wan", "万件 (10,000 items)", colour="type", stack=True)
        return Part(
            "units",
            heading(_numbers(rows)),
            charts={"units": _svg(chart, "City bodies and state-owned enterprises")},
            rows={"units": rows},
        )

    def topics(self) -> Part:
        year = self.year
        units: dict[int, list[Row]] = {}
        for unit in self.data["topic_units"]:
            units.setdefault(int(unit["topic_no"]), []).append(unit)
        rows, records, sections = [], [], []
        total_items = 0
        for row in self.data["topics"]:
            number, code = int(row["topic_no"]), row["topic_code"]
            total_items += int(row["items"])
            top_units = []
            for unit in units.get(number, []):
                found = self.figures.find(
                    "monthly_topic_unit", unit["unit_code"], self.measure("topic_units", "count")[0], year, code
                )
                if found:
                    sections.append(Num(section_zh=found.section_zh))
                top_units.append(
                    {
                        "hover": found.source_phrase if found else "",
                        "name_zh": unit["unit_name_zh"],
                        "name_en": unit["unit_name_en"] or "",
                        "count": whole(unit["items"]),
                        "share": pct(unit["share_of_topic_pct"]),
                    }
                )
            rows.append(
                {
                    "number": number,
                    "name_zh": row["topic_name_zh"],
                    "name_en": row["topic_name_en"],
                    "count": self.shown("topics", "count", "monthly_topic", code, year, whole(row["items"])),
                    "share": derived(pct(row["share_of_topics_pct"])),
                    "units": top_units,
                }
            )
            records.append({"topic": f"{number}. {row['topic_name_zh']}", "items": int(row["items"])})
        total = {
            "count": self.shown("topics_total", "count", "monthly_topics_total", "all_monthly_topics", year),
            "sum": derived(f"{whole(total_items)} 件 = {wan(total_items)} 万件"),
        }
        chart = charts.horizontal_bars(records, "topic", "items", "件 (items)")
        return Part(
            "topics",
            heading(_numbers(rows) + _numbers([total]) + sections),
            charts={"topics": _svg(chart, "Monthly topics")},
            rows={"topics": rows, "total": [total]},
            values={"topic_count": len(records), "top_units": max((len(row["units"]) for row in rows), default=0)},
        )

    def service_quality(self) -> Part:
        rows, records = [], []
        for row in self.data["service_quality"]:
            zh, en = described_measure(row)
            whole_platform = row["subject_code"] == "city_wide"
            name_zh = zh if whole_platform else f"{row['subject_name_zh']} {zh}"
            name_en = en if whole_platform else f"{row['subject_name_en'] or row['subject_code']}: {en}"
            value = self.figures.cell("service_quality", row["subject_code"], row["measure"], self.year, unit="%")
            rows.append({"name_zh": name_zh, "name_en": name_en, "value": value})
            records.append({"rate": f"{name_zh} {en}", "pct": float(row["value_pct"])})
        chart = charts.horizontal_bars(records, "rate", "pct", "% (printed)", bar_height=26)
        return Part(
            "service-quality",
            heading(_numbers(rows)),
            charts={"service-quality": _svg(chart, "Service quality")},
            rows={"service-quality": rows},
        )

    def others(self) -> Part:
        """The printed figures of the period that no other part of the page shows, as printed."""
        rows = []
        for row in self.data["period_figures"]:
            if row["figure_id"] in self.figures.shown:
                continue
            figure = self.figures.by_id(row["figure_id"])
            if figure is None:
                continue
            label_zh, label_en = described_measure(row)
            rows.append(
                {
                    "subject_zh": row["subject_zh"],
                    "subject_en": row["subject_name_en"] or row["subject_code"],
                    "measure_zh": label_zh,
                    "measure_en": label_en,
                    "value": self.figures.printed_cell(figure),
                    "unit": figure.unit_printed,
                }
            )
        return Part("others", heading(_numbers(rows)), rows={"others": rows})

    def audit(self) -> Part:
        records, rows, labels = [], [], set()
        for check in self.data["audit_percentages"]:
            zh, en = check_label(check)
            label = f"{check['period_label_zh']} {check_subject(check)} · {zh}"
            if check["check_kind"] not in ("share", "reprint"):
                label += f" ({check['check_kind']})"
            if label in labels:
                label += f" [{check['source_id']}]"
            labels.add(label)
            low, high = check["feasible_low"], check["feasible_high"]
            status_label = STATUS_LABELS[check["status"]]
            if low is not None and high is not None and high > low:
                middle, half = (low + high) / 2, (high - low) / 2

                def position(value: float, middle: float = middle, half: float = half) -> float:
                    return round((value - middle) / half, 6)

                records.append(
                    {
                        "label": label,
                        "feasible_from": -1.0,
                        "feasible_to": 1.0,
                        "published_from": position(check["published_low"]),
                        "published_to": position(check["published_high"]),
                        "published_mid": position((check["published_low"] + check["published_high"]) / 2),
                        "status": f"{check['status']} {status_label}",
                    }
                )
            rows.append(
                {
                    "check_id": check["check_id"],
                    "status": check["status"],
                    "row_class": check["status"],
                    "period_code": check["period_code"],
                    "period": check["period_label_zh"],
                    "source": self.source(check),
                    "subject": check_subject(check),
                    "figure_zh": zh,
                    "figure_en": en,
                    "published": check_published(check),
                    "feasible": derived(interval(low, high, 3)),
                    "derived": derived(pct(check["derived_value"])),
                }
            )
        findings = []
        for check in self.data["audit_inconsistent"]:
            zh, en = check_label(check)
            findings.append(
                {
                    "check_id": check["check_id"],
                    "subject": check_subject(check),
                    "period_code": check["period_code"],
                    "period": check["period_label_zh"],
                    "source": self.source(check),
                    "figure_zh": zh,
                    "figure_en": en,
                    "published": check_published(check),
                    "feasible": derived(interval(check["feasible_low"], check["feasible_high"], 2)),
                    "status": check["status"],
                    "is_known": check["is_known_discrepancy"],
                    "explanation": check["explanation"],
                    "note": check["review_note"],
                }
            )
        share_lists = [
            {
                "check_id": check["check_id"],
                "period_code": check["period_code"],
                "period": check["period_label_zh"],
                "source": self.source(check),
                "subject": check_subject(check),
                "formula": check["formula"],
                "published": check_published(check),
                "status": check["status"],
                "explanation": check["explanation"],
                "note": check["review_note"],
            }
            for check in self.data["audit_share_lists"]
        ]
        kinds = [
            {
                "kind": kind["check_kind"],
                "checks": derived(kind["checks"]),
                "cross_source": derived(kind["cross_source"]),
                "truncated": derived(kind["truncated"]),
                "inconsistent": derived(kind["inconsistent"]),
            }
            for kind in self.data["audit_kinds"]
        ]
        drawn = {"audit": _svg(charts.audit_intervals(records), "Audit of the printed percentages")} if records else {}
        return Part(
            "audit",
            Heading([]),
            charts=drawn,
            rows={"findings": findings, "percentages": rows, "kinds": kinds, "share_lists": share_lists},
        )

    def series(self) -> Part:
        rows, records = [], []
        for row in self.data.series:
            how = str(row["how_obtained"])
            how_key = "back_calculated" if how.startswith("back_calculated") else how
            how_zh, how_en = HOW_OBTAINED.get(how_key, (how, ""))
            if how_key == "back_calculated":
                how_en = how.replace("_", " ")
            kind_zh, kind_en = SOURCE_KINDS.get(str(row["source_kind"]), (row["source_kind"], ""))
            rows.append(
                {
                    "how": how_key,
                    "how_zh": how_zh,
                    "how_en": how_en,
                    "period_code": row["period_code"],
                    "period": row["period_label_zh"],
                    "member": f"{row['dimension']}.{row['member']}",
                    "name_zh": row["member_name_zh"],
                    "name_en": row["member_name_en"],
                    "count": Num(wan(row["items"]), "printed" if how_key == "printed" else "derived"),
                    "range": derived(f"{wan(row['items_low'])}–{wan(row['items_high'])}"),
                    "share_printed": printed(pct(row["published_share_of_total_pct"])),
                    "share": derived(pct(row["share_of_total_pct"])),
                    "yoy_printed": printed(signed_pct(row["published_yoy_change_pct"])),
                    "yoy": derived(signed_pct(row["yoy_change_pct"])),
                    "source": self.source(row),
                    "kind_zh": kind_zh,
                    "kind_en": kind_en,
                }
            )
            if row["items"] is not None and row["period_kind"] != "cumulative":
                records.append(
                    {
                        "period_code": row["period_code"],
                        "period": row["period_label_zh"],
                        "period_kind": row["period_kind"],
                        "member_label": f"{row['member_name_zh']} {row['member_name_en'] or ''}".strip(),
                        "wan": wan_value(row["items"]),
                        "how_obtained": f"{how_zh} {how_en}",
                    }
                )
        chart = charts.series_chart(records)
        return Part("series", Heading([]), charts={"series": _svg(chart, "Intake series")}, rows={"series": rows})

    def parts(self) -> list[Part]:
        """The parts of the page in order, each where the platform and period have its data; the figures no part
        shows; the audit; the series only where the warehouse holds more than one year of the platform."""
        shown = [
            (self.intake, "intake"),
            (self.categories, "categories"),
            (self.monthly, "monthly"),
            (self.districts, "districts"),
            (self.units, "units"),
            (self.topics, "topics"),
            (self.service_quality, "service_quality"),
        ]
        parts = [build() for build, rows in shown if self.data[rows]]
        others = self.others()  # after the parts above: the figures none of them shows
        if others.rows["others"]:
            parts.append(others)
        parts.append(self.audit())
        if len({row["year"] for row in self.data.series}) > 1:
            parts.append(self.series())
        return parts

    def context(self) -> dict[str, Any]:
        """Everything the page template reads."""
        # dim_source titles read "中文标题 (English title)".
        title_zh, _, title_en = self.data.source_title.partition(" (")
        return {
            "title_zh": title_zh,
            "title_en": title_en.removesuffix(")"),
            "year": self.year,
            "prior": self.prior,
            "period": self.period,
            "period_en": self.data.period_label_en,
            "period_code": self.data.period_code,
            "period_kind": self.data.period_kind,
            "platform_code": self.data.platform_code,
            "platform_zh": self.data.platform_name_zh,
            "platform_en": self.data.platform_name_en,
            "index_href": self.index_href,
            "timeline": self.timeline,
            "timeline_by_kind": periods_by_kind(self.timeline),
            "platform_href": self.timeline[0]["href"] if self.timeline else "",
            "audit_of_the_period": self.data.audit_of_the_period,
            "source_id": self.data.source_id,
            "database_name": self.database_name,
            "built_at": self.built_at,
            "summary": self.data["audit_summary"][0],
            "parts": self.parts(),
            "sources": self.source_list(),
        }


def _latest_first(day: date | None) -> tuple[bool, int]:
    """A sort key putting later days first and a day not known last."""
    return (day is None, -day.toordinal() if day is not None else 0)


def periods_by_kind(entries: list[dict[str, object]]) -> list[dict[str, object]]:
    """A platform's pages (timeline's entries) as a reader scans them: one group per kind of period, in the kinds'
    order (ref_period_kinds' kind_order, through dim_period), and in each its periods latest first (by their last
    day, then their first; periods with no known days in the order the platform lists them), a period's further
    sources right after its main one."""
    first_listed: dict[object, int] = {}
    for number, entry in enumerate(entries):
        first_listed.setdefault(entry["period_code"], number)

    def within_kind(entry: dict[str, object]) -> tuple[object, ...]:
        end, start = entry["period_end"], entry["period_start"]
        assert end is None or isinstance(end, date), end
        assert start is None or isinstance(start, date), start
        return (*_latest_first(end), *_latest_first(start), first_listed[entry["period_code"]], entry["source_rank"])

    groups: dict[object, dict[str, object]] = {}
    for entry in sorted(entries, key=lambda entry: (entry["period_kind_order"] is None, entry["period_kind_order"])):
        group = groups.setdefault(
            entry["period_kind"],
            {
                "period_kind": entry["period_kind"],
                "name_zh": entry["period_kind_name_zh"] or entry["period_kind"],
                "name_en": entry["period_kind_name_en"] or "",
                "entries": [],
            },
        )
        cast(list[dict[str, object]], group["entries"]).append(entry)
    for group in groups.values():
        cast(list[dict[str, object]], group["entries"]).sort(key=within_kind)
    return list(groups.values())


PLATFORM_LEVELS = {"province": "省", "city": "市", "county": "县", "district": "区"}


def index_rows(
    entries: list[tuple[Row, Row | None, Row | None, str, list[dict[str, Any]]]],
) -> list[dict[str, Any]]:
    """The index's rows: each platform (dim_platform and its audit's counts), its latest period, the headline total
    as printed, its page's file (empty where the platform has no printed figures) and its timeline of pages."""
    rows = []
    for platform, latest, total, href, pages in entries:
        shown = ""
        if total is not None:
            shown = ("约" if total["is_approximate"] else "") + f"{total['value_printed']} {total['unit_printed']}"
        rows.append(
            {
                **platform,
                "level_zh": PLATFORM_LEVELS.get(str(platform["platform_level"]), ""),
                "period_code": latest["period_code"] if latest else "",
                "period": latest["period_label_zh"] if latest else "",
                "period_kind": latest["period_kind"] if latest else "",
                "period_kind_name_zh": latest["period_kind_name_zh"] if latest else "",
                "period_kind_name_en": latest["period_kind_name_en"] if latest else "",
                "source_id": latest["source_id"] if latest else "",
                "headline": Num(shown, "printed", str(total["source_phrase"] or ""), str(total["figure_id"]))
                if total
                else Num(),
                "checks": derived(platform["checks"]),
                "consistent": derived(platform["consistent"]),
                "truncated": derived(platform["truncated"]),
                "inconsistent": derived(platform["inconsistent"]),
                "sources": derived(platform["source_count"]),
                "href": href,
                "timeline": pages,
                "timeline_by_kind": periods_by_kind(pages),
            }
        )
    return rows
