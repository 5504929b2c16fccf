-- The feasible range of every intake member's items, for the report year as
-- printed, and for the prior year as back-calculated from the published
-- year-on-year change: prior = items / (1 + yoy / 100), so
-- prior_low = items_low / (1 + yoy_high / 100) and
-- prior_high = items_high / (1 + yoy_low / 100).
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where subject_type = 'intake' and month is null
),

pivoted as (
    select
        report_year,
        subject_code,
        any_value(subject_zh) as subject_zh,
        {{ pivot_figure('items', 'items') }} as items,
        {{ pivot_figure('items', 'value_low') }} as items_low,
        {{ pivot_figure('items', 'value_high') }} as items_high,
        {{ pivot_figure('yoy_change_pct') }} as yoy_change_pct,
        {{ pivot_figure('yoy_change_pct', 'value_low') }} as yoy_change_pct_low,
        {{ pivot_figure('yoy_change_pct', 'value_high') }} as yoy_change_pct_high
    from figures
    group by report_year, subject_code
),

report_year_bounds as (
    select
        report_year,
        report_year as figure_year,
        subject_code,
        subject_zh,
        cast(items as double) as items,
        cast(items_low as double) as items_low,
        cast(items_high as double) as items_high
    from pivoted
),

prior_year_bounds as (
    select
        report_year,
        report_year - 1 as figure_year,
        subject_code,
        subject_zh,
        items * 100.0 / (100 + yoy_change_pct) as items,
        items_low * 100.0 / (100 + yoy_change_pct_high) as items_low,
        items_high * 100.0 / (100 + yoy_change_pct_low) as items_high
    from pivoted
    where yoy_change_pct is not null
),

unioned as (
    select * from report_year_bounds
    union all
    select * from prior_year_bounds
),

final as (
    select
        report_year,
        figure_year,
        split_part(subject_code, '.', 1) as dimension,
        subject_code,
        subject_zh,
        items,
        items_low,
        items_high
    from unioned
)

select * from final
