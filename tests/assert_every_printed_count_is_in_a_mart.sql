-- Invariant: every count any source prints (in 万件, 亿件, million or 件)
-- can be found, in items, in the wide fact table for its subject and period:
-- intake (and its forecasts and running totals), categories, sub-categories,
-- monthly observations, districts, handling units, 每月一题 topics and their
-- top units.
-- Exceptions: counts of what has no wide mart of its own are in
-- fct_published_figure only, and the audit checks them where it can: the
-- 每月一题 total (42.9 万件); the parts printed under one intake figure or
-- category (intake_part, category_channel) and a platform's resources
-- (platform_resource); and measures no wide mart carries (items answered
-- directly or transferred by a unit, daily averages, changes in items).
{%- set wide_mart_measures = [
    'items', 'forecast_items', 'district_department_items', 'street_township_items'
] %}
{%- set no_wide_mart = [
    'monthly_topics_total', 'intake_part', 'category_channel', 'platform_resource'
] %}
--
-- One row per count that breaks it, naming its seed line.
with

figures as (
    select * from {{ ref('int_report__figures') }}
    where
        normalised_unit = 'items'
        and subject_type not in ('{{ no_wide_mart | join("', '") }}')  -- noqa: LT05
        and measure in ('{{ wide_mart_measures | join("', '") }}')  -- noqa: LT05
),

intake as (
    select * from {{ ref('fct_intake_volume') }}
),

period_volume as (
    select * from {{ ref('fct_period_volume') }}
    where is_canonical
),

monthly as (
    select * from {{ ref('fct_monthly_observation') }}
),

categories as (
    select * from {{ ref('fct_category_volume') }}
),

subcategories as (
    select * from {{ ref('fct_subcategory_volume') }}
),

districts as (
    select * from {{ ref('fct_district_workload') }}
),

districts_total as (
    select * from {{ ref('fct_district_workload_total') }}
),

handling_units as (
    select * from {{ ref('fct_handling_unit_workload') }}
),

topics as (
    select * from {{ ref('fct_monthly_topic') }}
),

topic_units as (
    select * from {{ ref('fct_monthly_topic_top_unit') }}
),

{% set mart_counts = [
    ("intake", "'intake'", "dimension || '.' || member", "'items'", "items"),
    ("period_volume", "'intake'", "dimension || '.' || member", "measure", "items"),
    ("monthly", "subject_type", "subject_code", "'items'", "items"),
    ("categories", "'category'", "category_code", "'items'", "items"),
    ("subcategories", "'subcategory'", "subcategory_code", "'items'", "items"),
    ("districts", "'district'", "district_code", "'items'", "items"),
    ("districts", "'district'", "district_code", "'district_department_items'",
        "district_department_items"),
    ("districts", "'district'", "district_code", "'street_township_items'",
        "street_township_items"),
    ("districts_total", "'district_total'", "'all_districts'", "'items'", "items"),
    ("districts_total", "'district_total'", "'all_districts'", "'street_township_items'",
        "street_township_items"),
    ("handling_units", "unit_type", "unit_code", "'items'", "items"),
    ("topics", "'monthly_topic'", "topic_code", "'items'", "items"),
    ("topic_units", "'monthly_topic_unit'", "topic_code || '/' || unit_code", "'items'",
        "items"),
] %}

mart_counts as (
    {% for relation, subject_type, subject_code, measure, items in mart_counts %}
        select
            platform_code,
            period_code,
            {{ subject_type }} as subject_type,
            {{ subject_code }} as subject_code,
            {{ measure }} as measure,
            {{ items }} as items
        from {{ relation }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select
    figures.seed_name,
    figures.seed_line,
    'value_printed' as seed_column,
    'is a count (' || figures.items || ' items)'
    || ' that no mart holds for its subject and period' as problem,
    figures.figure_id,
    figures.items
from figures
left join mart_counts
    on
        figures.platform_code = mart_counts.platform_code
        and figures.period_code = mart_counts.period_code
        and figures.subject_type = mart_counts.subject_type
        and case
            when figures.subject_type = 'monthly_topic_unit'
                then figures.parent_code || '/' || figures.subject_code
            else figures.subject_code
        end = mart_counts.subject_code
        and figures.measure = mart_counts.measure
        and figures.items = mart_counts.items
where mart_counts.items is null
