-- Items dispatched to each of the 16 districts (承办量), split between the
-- district's own departments (区级部门) and its streets and townships
-- (街道乡镇), with derived shares beside the published ones.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where subject_type in ('district', 'district_total') and month is null
),

pivoted as (
    select
        report_year,
        subject_type,
        subject_code,
        any_value(subject_zh) as subject_name_zh,
        {{ pivot_figure('items', 'items') }} as items,
        {{ pivot_figure('district_department_items', 'items') }} as district_department_items,
        {{ pivot_figure('street_township_items', 'items') }} as street_township_items,
        {{ as_pct(pivot_figure('share_of_districts_pct')) }} as published_share_of_districts_pct,
        {{ as_pct(pivot_figure('district_department_share_pct')) }}
            as published_district_department_share_pct,
        {{ as_pct(pivot_figure('street_township_share_pct')) }}
            as published_street_township_share_pct
    from figures
    group by report_year, subject_type, subject_code
),

districts as (
    select * from pivoted
    where subject_type = 'district'
),

-- the published 16-district total (706 万件), the base the report's shares use
districts_total as (
    select
        report_year,
        items as districts_total_items
    from pivoted
    where subject_type = 'district_total'
),

final as (
    select
        districts.report_year,
        districts.subject_code as district_code,
        districts.subject_name_zh as district_name_zh,

        -- workload
        districts.items,
        {{ share_pct('districts.items', 'districts_total.districts_total_items') }}
            as share_of_districts_pct,
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
            partition by districts.report_year order by districts.items desc
        ) as rank_by_items

    from districts
    left join districts_total
        on districts.report_year = districts_total.report_year
)

select
    report_year,
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
