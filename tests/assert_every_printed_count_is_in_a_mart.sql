-- Invariant: every count the report prints (in 万件 or 件) can be found, in
-- items, in the wide fact table for its subject: intake, categories,
-- sub-categories, monthly observations, districts, handling units, 每月一题
-- topics and their top units.
-- Exceptions: totals with no member rows of their own (the 16 districts'
-- 706 万件 and 253.6 万件, the 每月一题 total 42.9 万件) are in
-- fct_published_figure and are checked by the audit.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where
        normalised_unit = 'items'
        and subject_type not in ('district_total', 'monthly_topics_total')
),

mart_counts as (
    select report_year, 'intake' as subject_type, dimension || '.' || member as subject_code,
        null as month, 'items' as measure, items
    from {{ ref('fct_intake_volume') }}
    union all
    select report_year, subject_type, subject_code, month, 'items', items
    from {{ ref('fct_monthly_observation') }}
    union all
    select report_year, 'category', category_code, null, 'items', items
    from {{ ref('fct_category_volume') }}
    union all
    select report_year, 'subcategory', subcategory_code, null, 'items', items
    from {{ ref('fct_subcategory_volume') }}
    union all
    select report_year, 'district', district_code, null, 'items', items
    from {{ ref('fct_district_workload') }}
    union all
    select report_year, 'district', district_code, null, 'district_department_items',
        district_department_items
    from {{ ref('fct_district_workload') }}
    union all
    select report_year, 'district', district_code, null, 'street_township_items',
        street_township_items
    from {{ ref('fct_district_workload') }}
    union all
    select report_year, unit_type, unit_code, null, 'items', items
    from {{ ref('fct_handling_unit_workload') }}
    union all
    select report_year, 'monthly_topic', topic_code, null, 'items', items
    from {{ ref('fct_monthly_topic') }}
    union all
    select report_year, 'monthly_topic_unit', topic_code || '/' || unit_code, null, 'items', items
    from {{ ref('fct_monthly_topic_top_unit') }}
)

select
    figures.figure_id,
    figures.items
from figures
left join mart_counts
    on
        figures.report_year = mart_counts.report_year
        and figures.subject_type = mart_counts.subject_type
        and case
            when figures.subject_type = 'monthly_topic_unit'
                then figures.parent_code || '/' || figures.subject_code
            else figures.subject_code
        end = mart_counts.subject_code
        and coalesce(figures.month, 0) = coalesce(mart_counts.month, 0)
        and figures.measure = mart_counts.measure
        and figures.items = mart_counts.items
where mart_counts.items is null
