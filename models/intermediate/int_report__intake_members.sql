-- The printed full-year figures of each intake member (the whole intake and
-- its splits), one row per member: items, the year-on-year change and the
-- printed shares, each with the bounds of its printed precision. The intake
-- mart and the audit's intake bounds both start here.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where subject_type = 'intake' and month is null
),

pivoted as (
    select
        report_year,
        subject_code,
        any_value(subject_zh) as member_name_zh,
        any_value(subject_name_en) as member_name_en,

        -- items
        {{ pivot_figure('items', 'items') }} as items,
        {{ pivot_figure('items', 'value_low') }} as items_low,
        {{ pivot_figure('items', 'value_high') }} as items_high,

        -- year-on-year change
        {{ as_pct(pivot_figure('yoy_change_pct')) }} as yoy_change_pct,
        {{ pivot_figure('yoy_change_pct', 'value_low') }} as yoy_change_pct_low,
        {{ pivot_figure('yoy_change_pct', 'value_high') }} as yoy_change_pct_high,

        -- printed shares
        {{ as_pct(pivot_figure('share_of_total_pct')) }} as published_share_of_total_pct,
        {{ as_pct(pivot_figure('share_of_total_pct', years_before=1)) }}
            as published_prior_year_share_of_total_pct
    from figures
    group by report_year, subject_code
)

select
    report_year,
    subject_code,
    split_part(subject_code, '.', 1) as dimension,
    split_part(subject_code, '.', 2) as member,
    member_name_zh,
    member_name_en,
    items,
    items_low,
    items_high,
    yoy_change_pct,
    yoy_change_pct_low,
    yoy_change_pct_high,
    published_share_of_total_pct,
    published_prior_year_share_of_total_pct
from pivoted
