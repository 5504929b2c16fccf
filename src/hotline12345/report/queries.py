"""Every query the report page and the index run, in one place, so a schema change is one edit.

A page shows one platform and one period: the source that prints the most figures of them (its platform, period
and source are data; nothing platform- or year-specific is written here). Without a platform or period, the page
is the latest annual report that prints the district breakdown. The audit and the series are the platform's own.
The index lists every platform in marts.dim_platform with its latest period.

Each query reads its relation for the whole site at once, each row under the key of the page (or platform) it
belongs to: its `key_` columns, named after the parameters of a page (`key_platform`, `key_period`, `key_source`,
`key_audit_period`). SiteData runs each query once, when first asked, and hands each page its rows from memory: a
statement costs milliseconds however few rows it returns, and the whole site is a few thousand rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import duckdb

Row = dict[str, Any]

# The latest annual report: the newest full year an annual report prints the district breakdown for.
REPORT_SELECTION = """
    select w.platform_code, w.year, w.period_code, w.source_id, s.title, d.period_label_zh, d.period_label_en
    from marts.fct_district_workload as w
    inner join marts.dim_source as s on w.source_id = s.source_id
    inner join marts.dim_period as d on w.period_code = d.period_code
    where s.source_kind = 'annual_report' and w.period_kind = 'year'
    group by all
    order by w.year desc, w.platform_code, w.source_id
    limit 1
"""

# The periods of each platform, latest first: a period with its headline total printed (the intake
# total) before one without, a period of the platform's bulletins before a running total (cumulative), then by the
# last day they cover (a period with no known dates last), the first, and the most printed figures; each with the
# source printing the most of its figures in their canonical printing (a repost's is not), then the most of them
# (`source_rank` 1), and after it each other source that prints figures of the period.
PRINTINGS = """
    with figures as (
        select platform_code, period_code, period_label_zh, period_label_en, period_kind, year, period_start,
               period_end, source_id, count(*) as figure_count,
               count(*) filter (where is_canonical) as canonical_count
        from marts.fct_published_figure
        group by all
    ),

    periods as (
        select platform_code, period_code, period_label_zh, period_label_en, period_kind, year, period_start,
               period_end, source_id,
               sum(figure_count) over (partition by platform_code, period_code) as figure_count,
               row_number() over (
                   partition by platform_code, period_code order by canonical_count desc, figure_count desc, source_id
               ) as source_rank
        from figures
    ),

    totals as (
        select distinct platform_code, period_code
        from marts.fct_published_figure
        where subject_type = 'intake' and subject_code = 'total.all' and measure = 'items'
    )

    select p.platform_code as key_platform, p.period_code, p.period_label_zh, p.period_label_en, p.period_kind,
           d.period_kind_name_zh, d.period_kind_name_en, d.period_kind_order, p.period_start, p.period_end, p.year,
           p.source_id, s.title, p.source_rank
    from periods as p
    inner join marts.dim_source as s on p.source_id = s.source_id
    inner join marts.dim_period as d on p.period_code = d.period_code
    left join totals as t on p.platform_code = t.platform_code and p.period_code = t.period_code
    order by t.period_code is null, p.period_kind = 'cumulative', p.period_end desc nulls last,
             p.period_start desc nulls last, p.figure_count desc, p.period_code, p.source_rank
"""

# Every platform for the index: what dim_platform says of it, its audit's counts and its child platforms.
INDEX_PLATFORMS = """
    with checks as (
        select platform_code, count(*) as checks,
               count(*) filter (where status = 'consistent') as consistent,
               count(*) filter (where status = 'truncated') as truncated,
               count(*) filter (where status = 'inconsistent') as inconsistent
        from audit.published_figure_checks
        group by platform_code
    )

    select p.platform_code, p.platform_name_zh, p.platform_name_en, p.platform_level, p.parent_platform_code,
           p.parent_platform_name_zh, p.administrative_division_code, p.region_zh, p.region_en, p.source_count, p.figure_count,
           coalesce(c.checks, 0) as checks, coalesce(c.consistent, 0) as consistent,
           coalesce(c.truncated, 0) as truncated, coalesce(c.inconsistent, 0) as inconsistent
    from marts.dim_platform as p
    left join checks as c on p.platform_code = c.platform_code
    order by p.platform_code
"""

# Every page a platform, period and source can have (each printing of figures), with the period's year and kind.
PAGES = """
    pages as (
        select distinct platform_code, period_code, source_id, year, period_kind
        from marts.fct_published_figure
    )
"""

# A page's headline total as printed: the intake total's items of its period, the canonical printing first, then
# the page's source's.
HEADLINE = """
    with PAGES

    select p.platform_code as key_platform, p.period_code as key_period, p.source_id as key_source, f.figure_id,
           f.value_printed, f.unit_printed, coalesce(f.is_approximate, false) as is_approximate, f.source_phrase,
           f.value_normalised as items
    from pages as p
    inner join marts.fct_published_figure as f on p.platform_code = f.platform_code and p.period_code = f.period_code
    where f.subject_type = 'intake' and f.subject_code = 'total.all' and f.measure = 'items'
    qualify row_number() over (
        partition by p.platform_code, p.period_code, p.source_id
        order by f.is_canonical desc, f.source_id = p.source_id desc, f.figure_id
    ) = 1
""".replace("PAGES", PAGES.strip())

# Rows of one report, under its platform, period and source.
OF_THE_REPORT = "platform_code as key_platform, period_code as key_period, source_id as key_source"

# Each query returns a total order within each page's rows; the audit queries cover every source and year.
SECTION_QUERIES: dict[str, str] = {
    # The report's printings (canonical first) of the page's period, of the single months it names (with the
    # month; 0 for the page's own period) and of other years (the year before); not of its other periods (a
    # running total the source prints beside a half-year is another figure of the same subject and year).
    "figures": """
        with PAGES

        select p.platform_code as key_platform, p.period_code as key_period, p.source_id as key_source, f.figure_id,
               f.year as figure_year, f.section_zh, f.source_phrase, f.subject_type, f.subject_code,
               coalesce(f.parent_code, '') as parent_code,
               case
                   when f.period_kind = 'month' and f.period_code <> p.period_code then month(f.period_start) else 0
               end as month,
               f.measure, f.value_printed, f.unit_printed, coalesce(f.is_approximate, false) as is_approximate
        from pages as p
        inner join marts.fct_published_figure as f
            on p.platform_code = f.platform_code and p.source_id = f.source_id
               and (
                   f.period_code = p.period_code
                   or (f.period_kind = 'month' and f.period_start is not null)
                   or (f.period_kind = 'year' and f.year is distinct from p.year)
               )
        order by f.is_canonical desc, f.figure_id, f.section_zh, f.source_phrase
    """,
    "intake": """
        select OF_THE_REPORT, dimension, member, dimension || '.' || member as subject_code, member_name_zh,
               member_name_en, items, share_of_total_pct, published_share_of_total_pct,
               published_yoy_change_pct as yoy_change_pct, prior_year_items, prior_year_share_of_total_pct,
               published_prior_year_share_of_total_pct
        from marts.fct_intake_volume
        order by case dimension when 'total' then 1 when 'handling_mode' then 2 when 'channel' then 3 else 4 end,
                 dimension, items desc, member
    """,
    "categories": """
        select OF_THE_REPORT, category_code, category_name_zh, category_name_en, items,
               published_yoy_change_pct as yoy_change_pct, prior_year_items,
               change_from_prior_year_items, rank_in_year, published_list_position
        from marts.fct_category_volume
        -- a category printed with its share and no count has no items to chart
        where items is not null
        order by published_list_position, category_code
    """,
    "subcategories": """
        select s.platform_code as key_platform, s.period_code as key_period, s.source_id as key_source,
               s.category_code, c.category_name_zh, c.category_name_en, c.published_list_position as category_position,
               s.subcategory_code, s.subcategory_name_zh, s.subcategory_name_en, s.items, s.share_of_category_pct,
               s.rank_in_category, s.published_list_position
        from marts.fct_subcategory_volume as s
        inner join marts.fct_category_volume as c
            on s.platform_code = c.platform_code and s.period_code = c.period_code and s.source_id = c.source_id
               and s.category_code = c.category_code
        order by c.published_list_position, s.published_list_position, s.subcategory_code
    """,
    # The months of a year's page: its source's printings of the year's single months.
    "monthly": """
        with PAGES

        select p.platform_code as key_platform, p.period_code as key_period, p.source_id as key_source, m.month,
               m.subject_type, m.subject_code, m.subject_name_zh, m.subject_name_en, m.items, m.observation,
               m.observation_zh, m.share_of_annual_pct
        from pages as p
        inner join marts.fct_monthly_observation as m
            on p.platform_code = m.platform_code and p.year = m.year and p.source_id = m.source_id
        where m.period_kind = 'month' and p.period_kind = 'year'
        order by m.subject_type, m.subject_code, m.month
    """,
    "districts": """
        select w.platform_code as key_platform, w.period_code as key_period, w.source_id as key_source,
               w.district_code, w.district_name_zh, d.district_name_en, d.functional_zone_code, d.functional_zone_zh,
               d.functional_zone_en, d.functional_zone_order, w.items, w.share_of_districts_pct,
               w.published_share_of_districts_pct, w.district_department_items, w.district_department_share_pct,
               w.published_district_department_share_pct, w.street_township_items, w.street_township_share_pct,
               w.published_street_township_share_pct, w.rank_by_items
        from marts.fct_district_workload as w
        inner join marts.dim_district as d on w.platform_code = d.platform_code and w.district_code = d.district_code
        order by w.rank_by_items, w.district_code
    """,
    "district_total": """
        select OF_THE_REPORT, district_count, items, sum_of_district_items, street_township_items,
               sum_of_district_street_township_items, street_township_share_pct, published_street_township_share_pct
        from marts.fct_district_workload_total
    """,
    "zones": """
        select w.platform_code as key_platform, w.period_code as key_period, w.source_id as key_source,
               d.functional_zone_code, d.functional_zone_zh, d.functional_zone_en, d.functional_zone_order,
               count(*) as district_count, string_agg(w.district_name_zh, '、' order by w.rank_by_items) as districts_zh,
               sum(w.items) as items, sum(w.district_department_items) as district_department_items,
               sum(w.street_township_items) as street_township_items,
               100.0 * sum(w.items) / any_value(t.items) as share_of_districts_pct
        from marts.fct_district_workload as w
        inner join marts.dim_district as d on w.platform_code = d.platform_code and w.district_code = d.district_code
        inner join marts.fct_district_workload_total as t
            on w.platform_code = t.platform_code and w.period_code = t.period_code and w.source_id = t.source_id
        group by w.platform_code, w.period_code, w.source_id, d.functional_zone_code, d.functional_zone_zh,
                 d.functional_zone_en, d.functional_zone_order
        order by d.functional_zone_order, d.functional_zone_code
    """,
    "units": """
        select OF_THE_REPORT, unit_type, unit_code, unit_name_zh, unit_name_en, items, rank_in_unit_type
        from marts.fct_handling_unit_workload
        where unit_type <> 'district'
        order by unit_type, rank_in_unit_type, unit_code
    """,
    "topics": """
        select OF_THE_REPORT, topic_no, topic_code, topic_name_zh, topic_name_en, items, share_of_topics_pct,
               rank_by_items
        from marts.fct_monthly_topic
        order by topic_no
    """,
    "topic_units": """
        select t.platform_code as key_platform, t.period_code as key_period, t.source_id as key_source, t.topic_no,
               t.topic_code, t.unit_rank, t.unit_code, t.unit_name_zh, u.unit_name_en, t.unit_type, t.items,
               t.share_of_topic_pct
        from marts.fct_monthly_topic_top_unit as t
        left join marts.dim_handling_unit as u on t.platform_code = u.platform_code and t.unit_code = u.unit_code
        order by t.topic_no, t.unit_rank
    """,
    # Every printed rate of the report's service quality (what a bulletin prints varies: resolution, satisfaction,
    # on-time completion, direct reply ...), with the measure's description.
    "service_quality": """
        select f.platform_code as key_platform, f.period_code as key_period, f.source_id as key_source,
               f.subject_code, f.subject_name_zh, f.subject_name_en, f.measure, m.measure_description_en,
               l.measure_label_zh, l.measure_label_en, f.value_normalised as value_pct
        from marts.fct_published_figure as f
        left join raw.ref_measures as m on f.measure = m.measure
        left join (
            select measure, label_zh as measure_label_zh, label_en as measure_label_en
            from raw.ref_measure_properties
        ) as l on f.measure = l.measure
        where f.subject_type = 'service_quality' and f.normalised_unit = 'percent' and f.is_canonical
        order by f.subject_code <> 'city_wide', f.subject_code, f.list_position nulls last, f.measure
    """,
    # Every printed figure of the report's period, for the part that shows those no other part shows.
    "period_figures": """
        select f.platform_code as key_platform, f.period_code as key_period, f.source_id as key_source,
               f.figure_id, f.subject_code, coalesce(f.subject_name_zh, f.subject_zh) as subject_zh,
               f.subject_name_en, f.measure, m.measure_description_en, l.measure_label_zh, l.measure_label_en
        from marts.fct_published_figure as f
        left join raw.ref_measures as m on f.measure = m.measure
        left join (
            select measure, label_zh as measure_label_zh, label_en as measure_label_en
            from raw.ref_measure_properties
        ) as l on f.measure = l.measure
        where f.is_canonical
        order by f.figure_id
    """,
    # Which measure each column of the page's sections shows, and in which unit (the same on every page).
    "measure_page_sections": """
        select page_section, page_column, measure, coalesce(unit_shown, '') as unit_shown
        from raw.ref_measure_page_sections
        order by page_section, page_column
    """,
    # The platform's sources: its own, and each that prints figures of it.
    "sources": """
        with of_the_platform as (
            select platform_code, source_id from marts.dim_source
            union
            select platform_code, source_id from marts.fct_published_figure
        )

        select o.platform_code as key_platform, s.source_id, s.source_kind, s.title, s.publisher, s.address,
               cast(s.published_on as varchar) as published_on, s.covers_period_start, s.covers_period_end
        from of_the_platform as o
        inner join marts.dim_source as s on o.source_id = s.source_id
        order by s.covers_period_start, s.covers_period_end, s.source_id
    """,
    # The audit's counts of each platform (zeros for one it has no check of).
    "audit_summary": """
        select p.platform_code as key_platform, count(c.check_id) as checks,
               count(*) filter (where c.status = 'consistent') as consistent,
               count(*) filter (where c.status = 'truncated') as truncated,
               count(*) filter (where c.status = 'inconsistent') as inconsistent,
               count(*) filter (where c.is_known_discrepancy) as listed,
               count(*) filter (where c.status = 'inconsistent' and not c.is_known_discrepancy) as unexplained,
               count(*) filter (where c.is_cross_source) as cross_source,
               count(distinct c.source_id) as sources
        from marts.dim_platform as p
        left join audit.published_figure_checks as c on p.platform_code = c.platform_code
        group by p.platform_code
    """,
    "audit_kinds": """
        select platform_code as key_platform, check_kind, count(*) as checks,
               count(*) filter (where status = 'truncated') as truncated,
               count(*) filter (where status = 'inconsistent') as inconsistent,
               count(*) filter (where is_cross_source) as cross_source
        from audit.published_figure_checks
        group by platform_code, check_kind
        order by check_kind
    """,
    # Every checked percentage of every source: the published value is a number in percent.
    "audit_percentages": """
        with AUDIT_SCOPES

        select OF_THE_AUDIT, check_id, check_kind, year, period_code, period_label_zh, period_label_en, source_id,
               input_source_ids, is_cross_source, section, subject_code, subject_name_zh, measure, formula,
               published_value_as_printed, published_low, published_high, derived_value, feasible_low, feasible_high,
               status, is_known_discrepancy, check_method, explanation, review_note, measure_label_zh, measure_label_en
        from audit_scopes
        inner join audit.published_figure_checks as c ON_THE_AUDIT
        left join (
            select measure, label_zh as measure_label_zh, label_en as measure_label_en
            from raw.ref_measure_properties
        ) as labels using (measure)
        where published_unit = 'percent'
        order by status desc, year desc, source_id, subject_name_zh, check_id
    """,
    # Every check of a list of shares against one whole, with what it found.
    "audit_share_lists": """
        with AUDIT_SCOPES

        select OF_THE_AUDIT, check_id, period_code, period_label_zh, period_label_en, source_id, input_source_ids,
               section, subject_code, subject_name_zh, measure, formula, published_value_as_printed, status,
               is_known_discrepancy, explanation, review_note
        from audit_scopes
        inner join audit.published_figure_checks as c ON_THE_AUDIT
        where check_kind = 'share_list'
        order by period_code, source_id, check_id
    """,
    "audit_inconsistent": """
        with AUDIT_SCOPES

        select OF_THE_AUDIT, check_id, check_kind, year, period_code, period_label_zh, period_label_en, source_id,
               input_source_ids, section, subject_code, subject_name_zh, measure, formula, published_value_as_printed,
               derived_value, feasible_low, feasible_high, status, is_known_discrepancy, explanation, review_note,
               measure_label_zh, measure_label_en
        from audit_scopes
        inner join audit.published_figure_checks as c ON_THE_AUDIT
        left join (
            select measure, label_zh as measure_label_zh, label_en as measure_label_en
            from raw.ref_measure_properties
        ) as labels using (measure)
        where status <> 'consistent'
        order by year desc, source_id, subject_name_zh, check_id
    """,
}
# The checks a page lists: the platform's (its own page: scope_period null), or on a page of one of its periods
# beside the platform's own page, that period's (`audit_period`).
AUDIT_SCOPES = """
    audit_scopes as (
        select platform_code as scope_platform, period_code as scope_period from audit.published_figure_checks
        union
        select platform_code as scope_platform, null as scope_period from audit.published_figure_checks
    )
"""
OF_THE_AUDIT = "scope_platform as key_platform, scope_period as key_audit_period"
ON_THE_AUDIT = "on scope_platform = c.platform_code and c.period_code = coalesce(scope_period, c.period_code)"
SECTION_QUERIES = {
    name: sql.replace("OF_THE_REPORT", OF_THE_REPORT)
    .replace("PAGES", PAGES.strip())
    .replace("AUDIT_SCOPES", AUDIT_SCOPES.strip())
    .replace("OF_THE_AUDIT", OF_THE_AUDIT)
    .replace("ON_THE_AUDIT", ON_THE_AUDIT)
    for name, sql in SECTION_QUERIES.items()
}

# The series: present only once the warehouse has marts.fct_annual_intake (issue 6).
SERIES_TABLE = ("marts", "fct_annual_intake")
SERIES_QUERY = """
    select platform_code as key_platform, year, period_code, period_label_zh, period_label_en, period_kind, dimension,
           member, member_name_zh, member_name_en, items, items_low, items_high, how_obtained, source_id, source_kind,
           published_share_of_total_pct, share_of_total_pct, published_yoy_change_pct, yoy_change_pct
    from marts.fct_annual_intake
    where dimension in ('total', 'channel') and period_kind <> 'month'
    order by period_start, period_end, dimension <> 'total', dimension, member, source_id
"""

# Every query SiteData runs, by name: the page's sections, and what the index and the choice of a page read.
SITE_QUERIES: dict[str, str] = {
    **SECTION_QUERIES,
    "platforms": INDEX_PLATFORMS,
    "printings": PRINTINGS,
    "headline": HEADLINE,
    "series": SERIES_QUERY,
}
# A query's columns named `key_<parameter>` say whose rows a row is; they are not handed to the page.
KEY_PREFIX = "key_"


@dataclass(frozen=True)
class ReportData:
    """What the page shows, as rows read from the warehouse."""

    platform_code: str
    platform_name_zh: str
    platform_name_en: str
    year: int | None
    period_code: str
    period_label_zh: str
    period_label_en: str
    period_kind: str
    source_id: str
    source_title: str
    sections: dict[str, list[Row]]
    series: list[Row] = field(default_factory=list)
    audit_of_the_period: bool = False

    def __getitem__(self, name: str) -> list[Row]:
        return self.sections[name]


def _rows(connection: duckdb.DuckDBPyConnection, sql: str, parameters: dict[str, object] | None = None) -> list[Row]:
    named = set(re.findall(r"\$(\w+)", sql))
    used = {key: value for key, value in (parameters or {}).items() if key in named}
    cursor = connection.execute(sql, used)
    columns = [description[0] for description in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def _has_table(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    found = connection.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, table]
    ).fetchone()
    return bool(found and found[0])


class SiteData:
    """The site's rows, each of SITE_QUERIES run once (when first asked for) over the whole warehouse and kept in
    memory under its `key_` columns; `rows` hands a page the rows under its key, in the query's order."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection
        self._read: dict[str, tuple[list[str], dict[tuple[object, ...], list[Row]]]] = {}
        self._has_series = _has_table(connection, *SERIES_TABLE)

    def _keyed(self, name: str) -> tuple[list[str], dict[tuple[object, ...], list[Row]]]:
        if name not in self._read:
            keyed: dict[tuple[object, ...], list[Row]] = {}
            if name == "series" and not self._has_series:
                self._read[name] = (["platform"], keyed)
                return self._read[name]
            cursor = self.connection.execute(SITE_QUERIES[name])
            columns = [description[0] for description in cursor.description]
            keys = [number for number, column in enumerate(columns) if column.startswith(KEY_PREFIX)]
            shown = [number for number in range(len(columns)) if number not in keys]
            for values in cursor.fetchall():
                key = tuple(values[number] for number in keys)
                keyed.setdefault(key, []).append({columns[number]: values[number] for number in shown})
            self._read[name] = ([columns[number].removeprefix(KEY_PREFIX) for number in keys], keyed)
        return self._read[name]

    def rows(self, name: str, parameters: dict[str, object] | None = None) -> list[Row]:
        """The rows of query `name` under the key `parameters` give (a page's platform, period, source, audit
        period: as many as the query's key names), each a fresh dict."""
        names, keyed = self._keyed(name)
        key = tuple((parameters or {})[parameter] for parameter in names)
        return [dict(row) for row in keyed.get(key, [])]


def platform_printings(site: SiteData, platform: str) -> list[Row]:
    """Every period and source the warehouse holds printed figures of for `platform`, latest period first, each
    period's main source (`source_rank` 1) first."""
    return site.rows("printings", {"platform": platform})


def platform_periods(site: SiteData, platform: str) -> list[Row]:
    """The periods the warehouse holds printed figures of for `platform`, latest first, each with its source."""
    return [row for row in platform_printings(site, platform) if row["source_rank"] == 1]


def platforms(site: SiteData) -> list[Row]:
    return site.rows("platforms")


def headline(site: SiteData, platform: str, period: str, source: str) -> Row | None:
    found = site.rows("headline", {"platform": platform, "period": period, "source": source})
    return found[0] if found else None


def _select(site: SiteData, platform: str | None, period: str | None, source: str | None = None) -> Row:
    """The page's platform, year, period (its code, labels and kind), source and title; ValueError, saying what
    exists, if none."""
    if platform is None and period is None:
        found = _rows(site.connection, REPORT_SELECTION)
        if not found:
            raise ValueError("the warehouse holds no annual report with district figures, so there is nothing to show")
        return {**found[0], "period_kind": "year", "title": found[0]["title"] or found[0]["source_id"]}
    if platform is None:
        raise ValueError("--period needs --platform (a period code names a period of one platform)")
    known = [str(row["platform_code"]) for row in platforms(site)]
    if platform not in known:
        raise ValueError(f"no platform {platform!r} in marts.dim_platform; known: {', '.join(known)}")
    printings = platform_printings(site, platform)
    periods = [row for row in printings if row["source_rank"] == 1]
    if not periods:
        raise ValueError(f"the warehouse holds no printed figures of {platform}")
    chosen: Row | None = periods[0]
    if period is not None:
        chosen = next(
            (
                row
                for row in (printings if source else periods)
                if row["period_code"] == period and (source is None or row["source_id"] == source)
            ),
            None,
        )
    if chosen is None:
        listed = "; ".join(str(row["period_code"]) for row in periods)
        raise ValueError(f"{platform} has no figures for the period {period!r}; its periods: {listed}")
    return {**chosen, "platform_code": platform, "title": chosen["title"] or chosen["source_id"]}


def load_report_data(
    connection: duckdb.DuckDBPyConnection | SiteData,
    platform: str | None = None,
    period: str | None = None,
    source: str | None = None,
    audit_of_the_period: bool = False,
    printing: Row | None = None,
) -> ReportData:
    """Read every section of the page of `platform` and `period` (default: the latest annual report), as `source`
    prints it (default: the source printing the most of its figures); the audit's checks listed are the platform's,
    or with `audit_of_the_period` the period's (its counts stay the platform's). The index, which has read the
    platform's printings already, hands the page's one over as `printing` (a row of platform_printings with its
    platform_code), and the page is not looked up again. Given a connection rather than the SiteData of the pages
    written beside this one, every relation is read afresh for this page."""
    site = connection if isinstance(connection, SiteData) else SiteData(connection)
    if printing is None:
        chosen = _select(site, platform, period, source)
    else:
        chosen = {**printing, "title": printing["title"] or printing["source_id"]}
    platform, year, period = str(chosen["platform_code"]), chosen["year"], str(chosen["period_code"])
    period_kind, source = str(chosen["period_kind"]), str(chosen["source_id"])
    parameters: dict[str, object] = {
        "platform": platform,
        "period": period,
        "source": source,
        "audit_period": period if audit_of_the_period else None,
    }
    sections = {name: site.rows(name, parameters) for name in SECTION_QUERIES}
    series = site.rows("series", parameters)
    names = next((row for row in platforms(site) if row["platform_code"] == platform), None)
    return ReportData(
        platform_code=platform,
        platform_name_zh=str(names["platform_name_zh"] if names else platform),
        platform_name_en=str((names["platform_name_en"] if names else "") or ""),
        year=None if year is None else int(year),
        period_code=period,
        period_label_zh=str(chosen["period_label_zh"]),
        period_label_en=str(chosen["period_label_en"]),
        period_kind=period_kind,
        source_id=source,
        source_title=str(chosen["title"]),
        sections=sections,
        series=series,
        audit_of_the_period=audit_of_the_period,
    )


# The comparison of hotlines: for each platform and kind of period, its latest printing (the period ending last, a
# period with no known dates last; its main source) of a dimension's shares of the total ($dimension) ...
COMPARED_SHARES = """
    with printed as (
        select distinct platform_code, period_code, period_kind, period_end, source_id
        from marts.fct_intake_volume
        where dimension = $dimension and share_of_total_pct is not null
    ),

    printings as (
        select platform_code, period_code, source_id,
               row_number() over (
                   partition by platform_code, period_kind
                   order by period_end desc nulls last, period_code desc, source_id
               ) as recency
        from printed
    )

    select v.platform_code, p.platform_name_zh, p.platform_name_en, v.period_code, d.period_label_zh,
           d.period_label_en, v.period_kind, d.period_kind_name_zh, d.period_kind_name_en, v.source_id, v.member, v.member_name_zh, v.member_name_en, v.items,
           v.share_of_total_pct, v.published_share_of_total_pct
    from marts.fct_intake_volume as v
    inner join marts.dim_period as d on v.period_code = d.period_code
    inner join printings as r
        on v.platform_code = r.platform_code and v.period_code = r.period_code and v.source_id = r.source_id
    inner join marts.dim_platform as p on v.platform_code = p.platform_code
    where v.dimension = $dimension and v.share_of_total_pct is not null and r.recency = 1
    order by v.period_kind, v.platform_code, v.items desc, v.member
"""

# ... and of a rate of the whole platform ($measure: a subject that is no dimension's member), as printed.
COMPARED_RATES = """
    with printed as (
        select figure_id, platform_code, period_code, period_label_zh, period_label_en, period_kind, period_end,
               source_id, subject_code,
               coalesce(subject_name_zh, subject_zh) as subject_zh, value_printed, unit_printed, value_normalised,
               row_number() over (
                   partition by platform_code, period_kind
                   order by period_end desc nulls last, period_code desc, subject_code <> 'city_wide', subject_code,
                            is_canonical desc, source_id, figure_id
               ) as recency
        from marts.fct_published_figure
        where measure = $measure and normalised_unit = 'percent' and subject_code not like '%.%'
    )

    select f.figure_id, f.platform_code, p.platform_name_zh, p.platform_name_en, f.period_code, f.period_label_zh,
           f.period_label_en, f.period_kind, d.period_kind_name_zh, d.period_kind_name_en, f.source_id, f.subject_zh,
           f.value_printed, f.unit_printed, f.value_normalised
    from printed as f
    inner join marts.dim_platform as p on f.platform_code = p.platform_code
    inner join marts.dim_period as d on f.period_code = d.period_code
    where f.recency = 1
    order by f.period_kind, f.value_normalised desc, f.platform_code
"""


def compared(connection: duckdb.DuckDBPyConnection, compared_as: str, code: str) -> list[Row]:
    """Every platform's latest printing of a compared dimension's shares or rate, by kind of period."""
    if compared_as == "share_of_total":
        return _rows(connection, COMPARED_SHARES, {"dimension": code})
    return _rows(connection, COMPARED_RATES, {"measure": code})
