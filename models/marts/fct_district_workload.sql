-- Items dispatched to each district (承办量), split between the district's
-- own departments (区级部门) and its streets and townships (街道乡镇), with
-- derived shares beside the published ones, per platform and period. A
-- source that prints only some districts' totals (2019) gives rows with the
-- split empty; a district printed without its total (only what it answered
-- directly and transferred) is in fct_published_figure only.
with

district_figures as (
    select * from {{ ref('int_report__district_figures') }}
),

districts as (
    select * from district_figures
    where subject_type = 'district' and items is not null
),

-- the published 16-district total (706 万件), the base the shares use
districts_total as (
    select * from district_figures
    where subject_type = 'district_total'
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('districts') }},
        periods.period_label_zh,
        periods.period_label_en,
        districts.subject_code as district_code,
        districts.subject_name_zh as district_name_zh,

        -- workload
        districts.items,
        {{ share_pct('districts.items', 'districts_total.items') }} as share_of_districts_pct,
        districts.published_share_of_districts_pct,

        -- district departments
        districts.district_department_items,
        {{ share_pct('districts.district_department_items', 'districts.items') }}
            as district_department_share_pct,
        districts.published_district_department_share_pct,

        -- streets and townships
        districts.street_township_items,
        {{ share_pct('districts.street_township_items', 'districts.items') }}
            as street_township_share_pct,
        districts.published_street_township_share_pct,

        rank() over (
            partition by districts.platform_code, districts.period_code
            order by districts.items desc
        ) as rank_by_items

    from districts
    left join districts_total
        on {{ same_period('districts', 'districts_total') }}
    left join periods
        on districts.period_code = periods.period_code
)

select
    platform_code,
    year,
    period_code,
    period_label_zh,
    period_label_en,
    period_kind,
    period_start,
    period_end,
    source_id,
    district_code,
    district_name_zh,
    items,
    share_of_districts_pct,
    published_share_of_districts_pct,
    district_department_items,
    district_department_share_pct,
    published_district_department_share_pct,
    street_township_items,
    street_township_share_pct,
    published_street_township_share_pct,
    rank_by_items
from final
