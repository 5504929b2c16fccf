-- The feasible range of every intake member's items, for the report year as
-- printed, and for the prior year as back-calculated from the published
-- year-on-year change: prior = items / (1 + yoy / 100), so
-- prior_low = items_low / (1 + yoy_high / 100) and
-- prior_high = items_high / (1 + yoy_low / 100).
with

members as (
    select * from {{ ref('int_report__intake_members') }}
),

report_year_bounds as (
    select
        report_year,
        report_year as figure_year,
        dimension,
        subject_code,
        member_name_zh as subject_zh,
        cast(items as double) as items,
        cast(items_low as double) as items_low,
        cast(items_high as double) as items_high
    from members
),

prior_year_bounds as (
    select
        report_year,
        report_year - 1 as figure_year,
        dimension,
        subject_code,
        member_name_zh as subject_zh,
        items * 100.0 / (100 + yoy_change_pct) as items,
        items_low * 100.0 / (100 + yoy_change_pct_high) as items_low,
        items_high * 100.0 / (100 + yoy_change_pct_low) as items_high
    from members
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
        dimension,
        subject_code,
        subject_zh,
        items,
        items_low,
        items_high
    from unioned
)

select * from final
