-- A platform's districts combined: the published totals beside the sums of
-- the printed district figures, and the streets' and townships' share.
with

district_figures as (
    select * from {{ ref('int_report__district_figures') }}
),

published as (
    select * from district_figures
    where subject_type = 'district_total'
),

summed as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        count(*) as district_count,
        sum(items) as sum_of_district_items,
        sum(street_township_items) as sum_of_district_street_township_items
    from district_figures
    where subject_type = 'district'
    group by platform_code, period_code, period_start, period_end
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('published') }},
        periods.period_label_zh,
        periods.period_label_en,
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
        on {{ same_period('published', 'summed') }}
    left join periods
        on published.period_code = periods.period_code
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
    district_count,
    items,
    sum_of_district_items,
    street_township_items,
    sum_of_district_street_township_items,
    street_township_share_pct,
    published_street_township_share_pct
from final
