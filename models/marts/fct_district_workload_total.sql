-- The 16 districts combined (十六区): the published totals beside the sums of
-- the printed district figures, and the streets' and townships' share.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where subject_type = 'district_total' and month is null
),

districts as (
    select * from {{ ref('fct_district_workload') }}
),

published as (
    select
        report_year,
        {{ pivot_figure('items', 'items') }} as items,
        {{ pivot_figure('street_township_items', 'items') }} as street_township_items,
        {{ as_pct(pivot_figure('street_township_share_pct')) }}
            as published_street_township_share_pct
    from figures
    group by report_year
),

summed as (
    select
        report_year,
        count(*) as district_count,
        sum(items) as sum_of_district_items,
        sum(street_township_items) as sum_of_district_street_township_items
    from districts
    group by report_year
),

final as (
    select
        published.report_year,
        summed.district_count,
        published.items,
        cast(summed.sum_of_district_items as bigint) as sum_of_district_items,
        published.street_township_items,
        cast(summed.sum_of_district_street_township_items as bigint)
            as sum_of_district_street_township_items,
        {{ share_pct('published.street_township_items', 'published.items') }}
            as street_township_share_pct,
        published.published_street_township_share_pct
    from published
    left join summed
        on published.report_year = summed.report_year
)

select
    report_year,
    district_count,
    items,
    sum_of_district_items,
    street_township_items,
    sum_of_district_street_township_items,
    street_township_share_pct,
    published_street_township_share_pct
from final
