"""The report page: one self-contained HTML file, every number read from the warehouse."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hotline12345.report import charts
from hotline12345.report.formatting import pct, signed_pct, text, wan, wan_value, whole
from hotline12345.report.queries import ReportData, Row

# Fonts that draw Chinese on each platform, then the generic families.
FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)

CSS = """
:root { --ink: #1b1f24; --muted: #5b6570; --rule: #d5dbe1; --printed: #1f4e79; --derived: #5b6570;
        --bad: #c0392b; --bad-bg: #fdecea; --ok: #2e7d32; }
* { box-sizing: border-box; }
body { font-family: FONT_STACK; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 1.5rem 2rem 4rem;
       line-height: 1.5; font-size: 15px; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
.en { color: var(--muted); font-weight: normal; font-size: .85em; margin-left: .4em; }
p.note, .meta { color: var(--muted); font-size: .88rem; }
nav ol { columns: 2; font-size: .9rem; padding-left: 1.2rem; }
.summary { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
.summary div { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .9rem; min-width: 9.5rem; }
.summary b { display: block; font-size: 1.6rem; line-height: 1.2; }
.summary .bad { border-color: var(--bad); background: var(--bad-bg); }
.legend span { margin-right: 1.2rem; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .86rem; margin: .6rem 0 1rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .45rem; vertical-align: top; }
th { text-align: left; background: #f3f5f7; font-weight: 600; }
th .en, td .en { display: block; margin-left: 0; font-size: .8em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.printed { color: var(--printed); font-weight: 600; }
td.source { overflow-wrap: anywhere; max-width: 13rem; font-size: .8rem; }
td.derived { color: var(--derived); font-style: italic; }
td[title] { cursor: help; text-decoration: underline dotted #9aa5b1; text-underline-offset: 3px; }
tr.total td { border-top: 2px solid var(--ink); font-weight: 600; }
td.inconsistent, tr.inconsistent td { background: var(--bad-bg); }
td.inconsistent { color: var(--bad); }
.status-inconsistent { color: var(--bad); font-weight: 700; }
.status-consistent { color: var(--ok); }
.how-printed { color: var(--printed); font-weight: 600; }
.how-sum_of_parts { color: #8a5a00; }
.how-back_calculated { color: var(--derived); font-style: italic; }
.tag { display: inline-block; border-radius: 3px; padding: 0 .3rem; font-size: .78em; border: 1px solid currentColor; }
footer { margin-top: 3rem; color: var(--muted); font-size: .82rem; border-top: 1px solid var(--rule); }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  section { break-before: page; }
  section#intake { break-before: auto; }
  figure, tr { break-inside: avoid; }
  td[title] { text-decoration: none; }
  a { color: inherit; text-decoration: none; }
}
""".replace("FONT_STACK", FONT_STACK)

MEASURE_LABELS = {
    "share_of_total_pct": ("占全部受理量比例", "share of all items"),
    "share_of_districts_pct": ("占十六区承办量比例", "share of the 16 districts' workload"),
    "district_department_share_pct": ("区级部门承办占比", "district departments' share"),
    "street_township_share_pct": ("街道乡镇承办占比", "streets' and townships' share"),
    "yoy_change_pct": ("同比变化", "year-on-year change"),
    "share_of_online_pct": ("占网络渠道比例", "share of online items"),
    "resolution_rate_pct": ("诉求解决率", "resolution rate"),
    "satisfaction_rate_pct": ("满意率", "satisfaction rate"),
}


def measure_label(figure: str) -> tuple[str, str]:
    """The audit's `figure` in words: a known measure, or what the audit says (e.g. `… printed again`)."""
    measure, _, rest = figure.partition(" ")
    if measure in MEASURE_LABELS:
        zh, en = MEASURE_LABELS[measure]
        if rest == "printed again":
            return (f"{zh}（重印）", f"{en} (printed again)")
        return (zh, f"{en} {rest}" if rest else en)
    return (figure, "")


def interval(low: float | None, high: float | None, places: int) -> str:
    """A feasible range; an open end is shown as such."""
    if low is None and high is None:
        return ""
    shown_low = f"{low:.{places}f}" if low is not None else "−∞"
    shown_high = f"{high:.{places}f}" if high is not None else "∞"
    return f"{shown_low} – {shown_high}"


def source_hover(source: Row | None) -> str:
    """What a reader needs to find a source: title, publisher, date, address (as text, never a link)."""
    if source is None:
        return ""
    parts = [source["title"], source["publisher"], source["published_on"], source["address"]]
    return " — ".join(str(part) for part in parts if part)


def source_cell(check: Row, sources: dict[str, Row]) -> str:
    """The source of a checked figure, and the sources it is checked against where they differ."""
    source_id = str(check["source_id"])
    shown = f'<span title="{text(source_hover(sources.get(source_id)))}">{text(source_id)}</span>'
    inputs = str(check.get("input_source_ids") or "")
    others = [other.strip() for other in inputs.split(",") if other.strip() and other.strip() != source_id]
    if others:
        shown += f'<span class="en">against 对照 {text(", ".join(others))}</span>'
    return shown


UNIT_TYPE_LABELS = {
    "city_body": ("市属机构", "city bodies"),
    "state_owned_enterprise": ("国有企业", "state-owned enterprises"),
    "district": ("区", "districts"),
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


def bilingual(zh: object, en: object) -> str:
    return f'{text(zh)}<span class="en">{text(en)}</span>' if en else text(zh)


@dataclass(frozen=True)
class Figure:
    figure_id: str
    value_printed: str
    unit_printed: str
    source_phrase: str
    section_zh: str
    is_approximate: bool


class Figures:
    """The printed figures, to show each as printed with the phrase it was read from."""

    def __init__(self, rows: Iterable[Row], checks: Iterable[Row]) -> None:
        self._figures: dict[tuple[str, str, str, str, int, int], Figure] = {}
        for row in rows:
            key = (
                row["subject_type"],
                row["subject_code"],
                row["parent_code"],
                row["measure"],
                int(row["month"]),
                int(row["figure_year"]),
            )
            if key in self._figures:  # a further printing by the report: the canonical one comes first
                continue
            self._figures[key] = Figure(
                figure_id=row["figure_id"],
                value_printed=row["value_printed"],
                unit_printed=row["unit_printed"],
                source_phrase=row["source_phrase"],
                section_zh=row["section_zh"],
                is_approximate=bool(row["is_approximate"]),
            )
        # The audit's check of a published share, by the id of the figure it checks.
        self._checks = {str(check["check_id"]).split(":", 1)[1]: check for check in checks}

    def find(
        self, subject_type: str, subject_code: str, measure: str, year: int, parent: str = "", month: int = 0
    ) -> Figure | None:
        return self._figures.get((subject_type, subject_code, parent, measure, month, year))

    def cell(
        self,
        subject_type: str,
        subject_code: str,
        measure: str,
        year: int,
        fallback: str = "",
        parent: str = "",
        month: int = 0,
    ) -> str:
        """A table cell with the value as printed, its source phrase on hover and the audit's verdict."""
        figure = self.find(subject_type, subject_code, measure, year, parent, month)
        if figure is None:
            return f'<td class="num derived">{text(fallback)}</td>' if fallback else '<td class="num"></td>'
        shown = ("约" if figure.is_approximate else "") + figure.value_printed
        hover = f"{figure.section_zh}：{figure.source_phrase}"
        classes = "num printed"
        check = self._checks.get(figure.figure_id)
        if check is not None and check["status"] == "inconsistent":
            classes += " inconsistent"
            hover += f"\n\n审计 audit: {check['explanation']}"
            shown += " ✗"
        return f'<td class="{classes}" title="{text(hover)}" data-figure="{text(figure.figure_id)}">{text(shown)}</td>'


def td(value: str, kind: str = "derived") -> str:
    return f'<td class="num {kind}">{text(value)}</td>'


def th(zh: str, en: str = "", numeric: bool = False) -> str:
    css = ' class="num"' if numeric else ""
    return f"<th{css}>{bilingual(zh, en)}</th>"


def table(headers: Iterable[str], rows: Iterable[str], table_id: str = "") -> str:
    identifier = f' id="{table_id}"' if table_id else ""
    body = "\n".join(rows)
    return f"<table{identifier}>\n<thead><tr>{''.join(headers)}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{caption}</figcaption></figure>"


def section(section_id: str, zh: str, en: str, body: Iterable[str]) -> str:
    return f'<section id="{section_id}">\n<h2>{bilingual(zh, en)}</h2>\n' + "\n".join(body) + "\n</section>"


@dataclass(frozen=True)
class Page:
    data: ReportData
    figures: Figures
    built_at: str
    database_name: str

    @property
    def year(self) -> int:
        return self.data.year

    @property
    def sources(self) -> dict[str, Row]:
        return {str(source["source_id"]): source for source in self.data["sources"]}

    def source_list(self) -> str:
        rows = []
        for source in self.data["sources"]:
            kind_zh, kind_en = SOURCE_KINDS.get(str(source["source_kind"]), (source["source_kind"], ""))
            by = " · ".join(str(part) for part in (source["publisher"], source["published_on"]) if part)
            rows.append(
                f'<tr id="source-{text(source["source_id"])}">'
                f'<td class="source">{text(source["source_id"])}</td>'
                f"<td>{bilingual(kind_zh, kind_en)}</td>"
                f'<td>{text(source["title"])}<span class="en">{text(by)}</span></td>'
                f'<td class="source">{text(source["address"])}</td>'
                "</tr>"
            )
        return (
            '<h3 id="sources">来源<span class="en">Sources on record (addresses as text; the page fetches nothing)</span>'
            "</h3>"
            + table([th("来源", "source"), th("类型", "kind"), th("标题", "title"), th("地址", "address")], rows)
        )

    def intake(self) -> str:
        year, prior = self.year, self.year - 1
        rows = []
        chart_records: list[dict[str, Any]] = []
        for row in self.data["intake"]:
            code = row["subject_code"]
            cell = self.figures.cell
            rows.append(
                "<tr>"
                f"<td>{bilingual(row['member_name_zh'], row['member_name_en'])}</td>"
                + cell("intake", code, "items", year, wan(row["items"]))
                + cell("intake", code, "yoy_change_pct", year, pct(row["yoy_change_pct"]))
                + td(pct(row["share_of_total_pct"]))
                + cell("intake", code, "share_of_total_pct", year)
                + td(wan(row["prior_year_items"]))
                + td(pct(row["prior_year_share_of_total_pct"]))
                + cell("intake", code, "share_of_total_pct", prior)
                + "</tr>"
            )
            label = f"{row['member_name_zh']}"
            chart_records.append({"member": label, "period": f"{year} 公布 printed", "wan": wan_value(row["items"])})
            if row["prior_year_items"] is not None:
                chart_records.append(
                    {
                        "member": label,
                        "period": f"{prior} 倒推 back-calculated",
                        "wan": wan_value(row["prior_year_items"]),
                    }
                )
        headers = [
            th("项目", "item"),
            th(f"{year} 万件", "printed", True),
            th("同比 %", "year on year, printed", True),
            th("占比 % 推算", "share, derived", True),
            th("占比 % 公布", "share, printed", True),
            th(f"{prior} 万件 倒推", "back-calculated", True),
            th(f"{prior} 占比 % 推算", "share, derived", True),
            th(f"{prior} 占比 % 公布", "share, printed", True),
        ]
        chart = charts.horizontal_bars(chart_records, "member", "wan", "万件 (10,000 items)", colour="period")
        return section(
            "intake",
            "一、受理总体情况",
            f"Intake in {year}",
            [
                figure(
                    charts.render_svg(chart, f"Intake {year} and back-calculated {prior}"),
                    f"{year} 受理量与倒推的 {prior} 年受理量（万件）· Items received in {year} and the {prior} figures "
                    "back-calculated from them and the printed year-on-year rates.",
                ),
                table(headers, rows, "intake-table"),
                (
                    f'<p class="note">{prior} 年数字由 {year} 年数字与公布的同比增幅倒推：items ÷ (1 + 同比/100)。'
                    f"The report prints no {prior} counts; they are worked out from the {year} counts and rates."
                    + (
                        f' 其他来源公布的 {prior} 年数字见<a href="#series">历年受理量</a>。 What other sources print '
                        f'for {prior} is in <a href="#series">the series</a>.'
                        if len({row["year"] for row in self.data.series}) > 1
                        else ""
                    )
                    + "</p>"
                ),
            ],
        )

    def categories(self) -> str:
        year, prior = self.year, self.year - 1
        rows, records = [], []
        for row in self.data["categories"]:
            code = row["category_code"]
            rows.append(
                "<tr>"
                f'<td class="num">{row["published_list_position"]}</td>'
                f"<td>{bilingual(row['category_name_zh'], row['category_name_en'])}</td>"
                + self.figures.cell("category", code, "items", year, wan(row["items"]))
                + self.figures.cell("category", code, "yoy_change_pct", year, pct(row["yoy_change_pct"]))
                + td(wan(row["prior_year_items"]))
                + td(wan(row["change_from_prior_year_items"]))
                + td(str(row["rank_in_year"]))
                + "</tr>"
            )
            label = str(row["category_name_zh"])
            records.append({"category": label, "period": f"{year} 公布 printed", "wan": wan_value(row["items"])})
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
                "<tr>"
                f"<td>{bilingual(row['category_name_zh'], row['category_name_en'])}</td>"
                f"<td>{bilingual(row['subcategory_name_zh'], row['subcategory_name_en'])}</td>"
                + self.figures.cell(
                    "subcategory", row["subcategory_code"], "items", year, wan(row["items"]), row["category_code"]
                )
                + td(pct(row["share_of_category_pct"]))
                + td(str(row["rank_in_category"]))
                + "</tr>"
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
        return section(
            "categories",
            "二、前十类日常问题",
            "The ten leading everyday problem categories",
            [
                figure(
                    charts.render_svg(chart, "Ten leading categories"),
                    f"前十类问题 {year} 年受理量与倒推的 {prior} 年（万件）· Items per category, {year} as printed "
                    f"and {prior} back-calculated.",
                ),
                table(
                    [
                        th("序", "#", True),
                        th("类别", "category"),
                        th(f"{year} 万件", "printed", True),
                        th("同比 %", "printed", True),
                        th(f"{prior} 万件 倒推", "back-calculated", True),
                        th("变化 万件", "change, derived", True),
                        th("排名", "rank, derived", True),
                    ],
                    rows,
                    "categories-table",
                ),
                '<h3 id="subcategories">主要子类问题<span class="en">Sub-categories named for each category</span></h3>',
                figure(
                    charts.render_svg(sub_chart, "Sub-categories"),
                    "各类别列出的五个子类（万件）· The five sub-categories the report names for each category.",
                ),
                table(
                    [
                        th("类别", "category"),
                        th("子类", "sub-category"),
                        th("万件", "printed", True),
                        th("占类别 %", "share of category, derived", True),
                        th("类内排名", "rank, derived", True),
                    ],
                    sub_rows,
                    "subcategories-table",
                ),
            ],
        )

    def monthly(self) -> str:
        year = self.year
        rows, records = [], []
        for row in self.data["monthly"]:
            subject_type, code, month = row["subject_type"], row["subject_code"], int(row["month"])
            parent = code.split(".", 1)[0] if subject_type == "subcategory" else ""
            rows.append(
                "<tr>"
                f"<td>{bilingual(row['subject_name_zh'], row['subject_name_en'])}</td>"
                f'<td class="num">{month} 月</td>'
                + self.figures.cell(subject_type, code, "items", year, wan(row["items"]), parent, month)
                + f'<td>{text(row["observation_zh"])}<span class="en">{text(row["observation"])}</span></td>'
                + td(pct(row["share_of_annual_pct"]))
                + "</tr>"
            )
            records.append(
                {
                    "observation": f"{row['subject_name_zh']} {month}月",
                    "share": float(row["share_of_annual_pct"]),
                }
            )
        chart = charts.horizontal_bars(records, "observation", "share", "占全年 % (share of the year)")
        return section(
            "monthly",
            "单月观察",
            "Monthly observations",
            [
                figure(
                    charts.render_svg(chart, "Monthly observations"),
                    "报告点名的月份占该项全年的比例（%，推算）· The months the report names, as a share of the "
                    "subject's year (derived; one month of twelve is 8.33%).",
                ),
                table(
                    [
                        th("对象", "subject"),
                        th("月份", "month", True),
                        th("万件", "printed", True),
                        th("报告表述", "what the report says"),
                        th("占全年 %", "share of year, derived", True),
                    ],
                    rows,
                    "monthly-table",
                ),
            ],
        )

    def districts(self) -> str:
        year = self.year
        rows, records = [], []
        cell = self.figures.cell
        for row in self.data["districts"]:
            code = row["district_code"]
            rows.append(
                f'<tr data-district="{text(code)}">'
                f'<td class="num">{row["rank_by_items"]}</td>'
                f"<td>{bilingual(row['district_name_zh'], row['district_name_en'])}</td>"
                f"<td>{bilingual(row['functional_zone_zh'], row['functional_zone_en'])}</td>"
                + cell("district", code, "items", year, wan(row["items"]))
                + cell("district", code, "share_of_districts_pct", year)
                + td(pct(row["share_of_districts_pct"]))
                + cell("district", code, "district_department_items", year, wan(row["district_department_items"]))
                + cell("district", code, "district_department_share_pct", year)
                + td(pct(row["district_department_share_pct"]))
                + cell("district", code, "street_township_items", year, wan(row["street_township_items"]))
                + cell("district", code, "street_township_share_pct", year)
                + td(pct(row["street_township_share_pct"]))
                + "</tr>"
            )
            name = str(row["district_name_zh"])
            records.append(
                {
                    "district": name,
                    "part": "区级部门 district departments",
                    "wan": wan_value(row["district_department_items"]),
                }
            )
            records.append(
                {
                    "district": name,
                    "part": "街道乡镇 streets and townships",
                    "wan": wan_value(row["street_township_items"]),
                }
            )
        for total in self.data["district_total"]:
            rows.append(
                '<tr class="total">'
                '<td></td><td>十六区合计<span class="en">16 districts, printed total</span></td><td></td>'
                + cell("district_total", "all_districts", "items", year, wan(total["items"]))
                + "<td></td><td></td><td></td><td></td><td></td>"
                + cell(
                    "district_total",
                    "all_districts",
                    "street_township_items",
                    year,
                    wan(total["street_township_items"]),
                )
                + cell("district_total", "all_districts", "street_township_share_pct", year)
                + td(pct(total["street_township_share_pct"]))
                + "</tr>"
            )
            rows.append(
                '<tr class="total">'
                '<td></td><td>各区之和<span class="en">sum of the printed districts</span></td><td></td>'
                + td(wan(total["sum_of_district_items"]))
                + "<td></td><td></td><td></td><td></td><td></td>"
                + td(wan(total["sum_of_district_street_township_items"]))
                + "<td></td><td></td></tr>"
            )
        zone_rows, zone_records = [], []
        for zone in self.data["zones"]:
            zone_rows.append(
                "<tr>"
                f"<td>{bilingual(zone['functional_zone_zh'], zone['functional_zone_en'])}</td>"
                f"<td>{text(zone['districts_zh'])}</td>"
                + td(wan(zone["items"]))
                + td(pct(zone["share_of_districts_pct"]))
                + td(wan(zone["district_department_items"]))
                + td(wan(zone["street_township_items"]))
                + "</tr>"
            )
            zone_records.append({"zone": zone["functional_zone_zh"], "wan": wan_value(zone["items"])})
        chart = charts.horizontal_bars(records, "district", "wan", "万件 (10,000 items)", colour="part", stack=True)
        zone_chart = charts.horizontal_bars(zone_records, "zone", "wan", "万件 (10,000 items)", bar_height=22)
        return section(
            "districts",
            "三、（一）十六区承办情况",
            "The sixteen districts",
            [
                figure(
                    charts.render_svg(chart, "District workload split"),
                    "各区承办量：区级部门与街道乡镇（万件）· Items handled by each district, split between its "
                    "departments and its streets and townships.",
                ),
                table(
                    [
                        th("序", "rank", True),
                        th("区", "district"),
                        th("功能区", "functional zone"),
                        th("万件", "printed", True),
                        th("占十六区 % 公布", "share, printed", True),
                        th("推算", "derived", True),
                        th("区级部门 万件", "departments", True),
                        th("占比 % 公布", "printed", True),
                        th("推算", "derived", True),
                        th("街道乡镇 万件", "streets & townships", True),
                        th("占比 % 公布", "printed", True),
                        th("推算", "derived", True),
                    ],
                    rows,
                    "districts-table",
                ),
                (
                    '<p class="note">✗ 标出的公布占比无法由公布的件数在任何舍入下得到（见审计）。'
                    "A ✗ marks a printed share that no rounding of the printed counts can reproduce; hover it for "
                    'the audit\'s explanation, or see <a href="#audit">the audit</a>.</p>'
                ),
                '<h3 id="zones">功能区<span class="en">Functional zones (derived from the districts)</span></h3>',
                figure(charts.render_svg(zone_chart, "Functional zones"), "各功能区承办量（万件，推算）"),
                table(
                    [
                        th("功能区", "zone"),
                        th("区", "districts"),
                        th("万件", "derived", True),
                        th("占十六区 %", "share, derived", True),
                        th("区级部门 万件", "derived", True),
                        th("街道乡镇 万件", "derived", True),
                    ],
                    zone_rows,
                    "zones-table",
                ),
            ],
        )

    def units(self) -> str:
        year = self.year
        rows, records = [], []
        for row in self.data["units"]:
            zh, en = UNIT_TYPE_LABELS.get(row["unit_type"], (row["unit_type"], ""))
            rows.append(
                "<tr>"
                f"<td>{bilingual(zh, en)}</td>"
                f"<td>{bilingual(row['unit_name_zh'], row['unit_name_en'])}</td>"
                + self.figures.cell(row["unit_type"], row["unit_code"], "items", year, wan(row["items"]))
                + td(str(row["rank_in_unit_type"]))
                + "</tr>"
            )
            records.append({"unit": row["unit_name_zh"], "type": f"{zh} {en}", "wan": wan_value(row["items"])})
        chart = charts.horizontal_bars(records, "unit", "wan", "万件 (10,000 items)", colour="type", stack=True)
        return section(
            "units",
            "三、（二）（三）市属机构与国有企业",
            "City bodies and state-owned enterprises",
            [
                figure(
                    charts.render_svg(chart, "City bodies and state-owned enterprises"),
                    "报告点名的市属机构与国有企业承办量（万件）· The city bodies and state-owned enterprises the "
                    "report names, with their items.",
                ),
                table(
                    [th("类型", "type"), th("单位", "unit"), th("万件", "printed", True), th("排名", "rank", True)],
                    rows,
                    "units-table",
                ),
            ],
        )

    def topics(self) -> str:
        year = self.year
        units: dict[int, list[Row]] = {}
        for unit in self.data["topic_units"]:
            units.setdefault(int(unit["topic_no"]), []).append(unit)
        rows, records = [], []
        total_items = 0
        for row in self.data["topics"]:
            number, code = int(row["topic_no"]), row["topic_code"]
            total_items += int(row["items"])
            unit_cells = []
            for unit in units.get(number, []):
                figure_ = self.figures.find("monthly_topic_unit", unit["unit_code"], "items", year, code)
                hover = f' title="{text(figure_.source_phrase)}"' if figure_ else ""
                unit_cells.append(
                    f"<td{hover}>{text(unit['unit_name_zh'])} <b>{whole(unit['items'])}</b>"
                    f'<span class="en">{text(unit["unit_name_en"])} · {pct(unit["share_of_topic_pct"])}%</span></td>'
                )
            unit_cells += ["<td></td>"] * (3 - len(unit_cells))
            rows.append(
                "<tr>"
                f'<td class="num">{number}</td>'
                f"<td>{bilingual(row['topic_name_zh'], row['topic_name_en'])}</td>"
                + self.figures.cell("monthly_topic", code, "items", year, whole(row["items"]))
                + td(pct(row["share_of_topics_pct"]))
                + "".join(unit_cells)
                + "</tr>"
            )
            records.append({"topic": f"{number}. {row['topic_name_zh']}", "items": int(row["items"])})
        rows.append(
            '<tr class="total"><td></td><td>合计<span class="en">total: printed, and the sum of the table</span></td>'
            + self.figures.cell("monthly_topics_total", "all_monthly_topics", "items", year)
            + td(f"{whole(total_items)} 件 = {wan(total_items)} 万件")
            + "<td></td><td></td><td></td></tr>"
        )
        chart = charts.horizontal_bars(records, "topic", "items", "件 (items)")
        return section(
            "topics",
            "三、（四）“每月一题”",
            "The topic-of-the-month problems (每月一题)",
            [
                figure(
                    charts.render_svg(chart, "Monthly topics"),
                    f"{year} 年 {len(records)} 个“每月一题”问题的诉求量（件）· Items for each of the "
                    f"{len(records)} topic-of-the-month problems, in the order they ran.",
                ),
                table(
                    [
                        th("序号", "no.", True),
                        th("问题", "topic"),
                        th("件", "printed", True),
                        th("占比 %", "share of topics, derived", True),
                        th("承办量第一", "top unit"),
                        th("第二", "second"),
                        th("第三", "third"),
                    ],
                    rows,
                    "topics-table",
                ),
            ],
        )

    def service_quality(self) -> str:
        year = self.year
        rows, records = [], []
        for row in self.data["service_quality"]:
            for measure, zh, en in (
                ("resolution_rate_pct", "诉求解决率", "resolution rate"),
                ("satisfaction_rate_pct", "满意率", "satisfaction rate"),
            ):
                rows.append(
                    f"<tr><td>{bilingual(zh, en)}</td>"
                    + self.figures.cell("service_quality", "city_wide", measure, year, pct(row[measure]))
                    + "</tr>"
                )
                records.append({"rate": f"{zh} {en}", "pct": float(row[measure])})
        chart = charts.horizontal_bars(records, "rate", "pct", "% (printed)", bar_height=26)
        return section(
            "service-quality",
            "服务质量",
            "Service quality",
            [
                figure(charts.render_svg(chart, "Service quality"), "全市诉求解决率与满意率（%，公布）"),
                table([th("指标", "measure"), th("%", "printed", True)], rows, "service-quality-table"),
            ],
        )

    def audit_summary(self) -> str:
        summary = self.data["audit_summary"][0]
        cards = [
            ("checks", "审计检查", "checks", summary["checks"], ""),
            ("consistent", "一致", "consistent", summary["consistent"], ""),
            (
                "inconsistent",
                "不一致",
                "inconsistent",
                summary["inconsistent"],
                "bad" if summary["inconsistent"] else "",
            ),
            ("listed", "已列明的已知差异", "listed as known", summary["listed"], ""),
        ]
        items = "".join(
            f'<div class="{css}" id="summary-{key}"><b>{value}</b>{text(zh)}<span class="en">{text(en)}</span></div>'
            for key, zh, en, value, css in cards
        )
        unexplained = int(summary["unexplained"])
        warning = (
            f'<p class="status-inconsistent">{unexplained} inconsistent checks are not explained.</p>'
            if unexplained
            else ""
        )
        return f'<div class="summary" id="audit-summary">{items}</div>{warning}'

    def audit(self) -> str:
        records, rows, labels = [], [], set()
        for check in self.data["audit_percentages"]:
            zh, en = measure_label(check["figure"])
            label = f"{check['period_code']} {check['subject']} · {zh}"
            if check["check_kind"] not in ("share", "reprint"):
                label += f" ({check['check_kind']})"
            if label in labels:
                label += f" [{check['source_id']}]"
            labels.add(label)
            low, high = check["feasible_low"], check["feasible_high"]
            inconsistent = check["status"] == "inconsistent"
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
                        "status": "inconsistent 不一致" if inconsistent else "consistent 一致",
                    }
                )
            rows.append(
                f'<tr class="{"inconsistent" if inconsistent else "consistent"}" data-check="{text(check["check_id"])}">'
                f"<td>{text(check['period_code'])}</td>"
                f'<td class="source">{source_cell(check, self.sources)}</td>'
                f"<td>{text(check['subject'])}</td>"
                f"<td>{bilingual(zh, en)}</td>"
                + td(str(check["published_value"]), "printed")
                + td(interval(low, high, 3))
                + td(pct(check["derived_value"]))
                + f'<td class="status-{check["status"]}">{text(check["status"])}</td>'
                + "</tr>"
            )
        finding_rows = [
            f'<tr class="inconsistent finding" data-check="{text(check["check_id"])}">'
            f"<td>{text(check['subject'])}</td>"
            f"<td>{text(check['period_code'])}</td>"
            f'<td class="source">{source_cell(check, self.sources)}</td>'
            f"<td>{bilingual(*measure_label(check['figure']))}</td>"
            + td(str(check["published_value"]), "printed")
            + td(interval(check["feasible_low"], check["feasible_high"], 2))
            + f"<td>{'已列明 listed' if check['is_known_discrepancy'] else '<b>未解释 NOT EXPLAINED</b>'}</td>"
            f"<td>{text(check['explanation'])}</td></tr>"
            for check in self.data["audit_inconsistent"]
        ]
        kinds = [
            f"<tr><td>{text(kind['check_kind'])}</td>"
            + td(str(kind["checks"]))
            + td(str(kind["cross_source"]))
            + td(str(kind["inconsistent"]))
            + "</tr>"
            for kind in self.data["audit_kinds"]
        ]
        summary = self.data["audit_summary"][0]
        chart = charts.audit_intervals(records)
        return section(
            "audit",
            "审计：公布的数字是否相互吻合",
            "The audit: do the printed figures follow from each other?",
            [
                (
                    '<p class="note">每个百分比的可行区间由其输入数字的印刷精度（末位半个单位）与精确关系（部分之和等于整体）'
                    "决定，不设容差。 Each bar is the range the other printed figures allow (each known to half a unit "
                    "of its last printed digit, parts adding up to their whole); the mark is the printed value with "
                    "its own half-unit range. A mark off the bar is a published figure no rounding reproduces. "
                    f"The audit covers every source on record ({summary['sources']} sources; "
                    f"{summary['cross_source']} checks set one source against another).</p>"
                ),
                self.audit_summary(),
                figure(
                    charts.render_svg(chart, "Audit of the printed percentages"),
                    "横轴以可行区间为尺：−1 为下限，+1 为上限。 The axis is scaled to each check's feasible range "
                    "(−1 its low end, +1 its high end; values beyond ±3 are drawn at the edge); the table gives "
                    "the absolute values.",
                ),
                '<h3 id="findings">不一致的公布数字<span class="en">Inconsistent published figures</span></h3>',
                table(
                    [
                        th("对象", "subject"),
                        th("期间", "period"),
                        th("来源", "source"),
                        th("数字", "figure"),
                        th("公布", "printed", True),
                        th("可行区间", "feasible", True),
                        th("状态", "listed?"),
                        th("解释", "explanation"),
                    ],
                    finding_rows,
                    "findings-table",
                ),
                '<h3 id="percentage-checks">全部百分比检查<span class="en">Every checked percentage</span></h3>',
                table(
                    [
                        th("期间", "period"),
                        th("来源", "source"),
                        th("对象", "subject"),
                        th("数字", "figure"),
                        th("公布", "printed", True),
                        th("可行区间 %", "feasible", True),
                        th("按面值推算 %", "derived at face value", True),
                        th("结论", "status"),
                    ],
                    rows,
                    "percentage-checks-table",
                ),
                '<h3 id="check-kinds">按类型<span class="en">All checks by kind</span></h3>',
                table(
                    [
                        th("类型", "kind"),
                        th("检查", "checks", True),
                        th("跨来源", "across sources", True),
                        th("不一致", "inconsistent", True),
                    ],
                    kinds,
                ),
            ],
        )

    def series(self) -> str:
        rows, records = [], []
        for row in self.data.series:
            how = str(row["how_obtained"])
            how_key = "back_calculated" if how.startswith("back_calculated") else how
            how_zh, how_en = HOW_OBTAINED.get(how_key, (how, ""))
            if how_key == "back_calculated":
                how_en = how.replace("_", " ")
            kind_zh, kind_en = SOURCE_KINDS.get(str(row["source_kind"]), (row["source_kind"], ""))
            rows.append(
                f'<tr class="how-{how_key}" data-period="{text(row["period_code"])}"'
                f' data-member="{text(row["dimension"])}.{text(row["member"])}">'
                f"<td>{text(row['period_code'])}</td>"
                f"<td>{bilingual(row['member_name_zh'], row['member_name_en'])}</td>"
                + td(wan(row["items"]), "printed" if how_key == "printed" else "derived")
                + td(f"{wan(row['items_low'])}–{wan(row['items_high'])}")
                + td(pct(row["published_share_of_total_pct"]), "printed")
                + td(pct(row["share_of_total_pct"]))
                + td(signed_pct(row["published_yoy_change_pct"]), "printed")
                + td(signed_pct(row["yoy_change_pct"]))
                + f'<td class="how-{how_key}"><span class="tag">{text(how_zh)}</span>'
                f'<span class="en">{text(how_en)}</span></td>'
                f'<td class="source">{source_cell(row, self.sources)}'
                f'<span class="en">{text(kind_zh)} {text(kind_en)}</span></td>'
                "</tr>"
            )
            if row["items"] is not None and row["period_kind"] != "cumulative":
                records.append(
                    {
                        "period_code": row["period_code"],
                        "period_kind": row["period_kind"],
                        "member_label": f"{row['member_name_zh']} {row['member_name_en'] or ''}".strip(),
                        "wan": wan_value(row["items"]),
                        "how_obtained": f"{how_zh} {how_en}",
                    }
                )
        chart = charts.series_chart(records)
        return section(
            "series",
            "历年受理量",
            "Intake by year",
            [
                figure(
                    charts.render_svg(chart, "Intake series"),
                    "历年总量与渠道（万件）；点的形状表示数字的来历。 Totals and channels by period; the point shape "
                    "says whether a figure was printed, summed from printed parts or back-calculated; lines join whole years "
                    "only, and cumulative totals are in the table only.",
                ),
                table(
                    [
                        th("期间", "period"),
                        th("项目", "item"),
                        th("万件", "items", True),
                        th("区间", "range", True),
                        th("占比 % 公布", "printed", True),
                        th("推算", "derived", True),
                        th("同比 % 公布", "printed", True),
                        th("推算", "derived", True),
                        th("来历", "how obtained"),
                        th("来源", "source"),
                    ],
                    rows,
                    "series-table",
                ),
            ],
        )

    def render(self) -> str:
        builders: list[tuple[str, str, Callable[[], str]]] = [
            ("intake", "受理总体情况 Intake", self.intake),
            ("categories", "前十类问题 Categories", self.categories),
            ("monthly", "单月观察 Monthly observations", self.monthly),
            ("districts", "十六区 Districts", self.districts),
            ("units", "市属机构与国有企业 City bodies and SOEs", self.units),
            ("topics", "每月一题 Topics of the month", self.topics),
            ("service-quality", "服务质量 Service quality", self.service_quality),
            ("audit", "审计 Audit", self.audit),
        ]
        series_years = {row["year"] for row in self.data.series}
        if len(series_years) > 1:
            builders.append(("series", "历年 Series", self.series))
            series_note = ""
        else:
            series_note = (
                "<p>历年序列：仓库只有一个年度，故无序列一节。 The warehouse holds one year, so there is no series "
                "section (it appears once marts.fct_annual_intake holds more than one year).</p>"
            )
        sections = [build() for _, _, build in builders]
        toc = "".join(f'<li><a href="#{key}">{text(label)}</a></li>' for key, label, _ in builders)
        year = self.year
        # dim_source titles read "中文标题 (English title)".
        title_zh, _, title_en = self.data.source_title.partition(" (")
        title_en = title_en.removesuffix(")")
        return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(title_zh)} · {text(title_en or title_zh)}, regenerated from the warehouse</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{text(title_zh)}<span class="en">{text(title_en)}{", " if title_en else ""}regenerated from the warehouse</span></h1>
<p class="meta" id="build-info">来源 source: {text(self.data.source_id)} · {year} ·
数据仓库 warehouse: {text(self.database_name)} · 构建时间 built {text(self.built_at)}</p>
<p class="legend"><span class="printed" style="color:var(--printed);font-weight:600">粗体蓝：报告公布的数字
（悬停可见原文） printed in the report (hover for the phrase)</span> <span style="color:var(--derived);
font-style:italic">斜体灰：由仓库推算 derived in the warehouse</span> <span class="status-inconsistent">✗ 审计不一致
inconsistent in the audit</span></p>
{self.audit_summary()}
<nav><ol>{toc}</ol></nav>
</header>
<main>
{chr(10).join(sections)}
</main>
<footer><p>每个数字均读自数据仓库（marts 与 audit.published_figure_checks）；图表由 Vega-Lite 离线渲染为 SVG。
Every number is read from the warehouse (the marts and audit.published_figure_checks); charts are Vega-Lite rendered
offline to SVG. 万件 = 10,000 items.</p>{series_note}
{self.source_list()}</footer>
</body>
</html>
"""
