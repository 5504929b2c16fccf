-- The hotline's intake (受理量) as a whole and split by handling mode,
-- channel and theme, with shares and back-calculated prior-year figures.
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
        {{ pivot_figure('items', 'items') }} as items,
        {{ as_pct(pivot_figure('yoy_change_pct')) }} as yoy_change_pct,
        {{ as_pct(pivot_figure('share_of_total_pct')) }} as published_share_of_total_pct,
        {{ as_pct(pivot_figure('share_of_total_pct', years_before=1)) }}
            as published_prior_year_share_of_total_pct
    from figures
    group by report_year, subject_code
),

with_prior_year as (
    select
        *,
        {{ back_calculated_prior_items('items', 'yoy_change_pct') }} as prior_year_items
    from pivoted
),

totals as (
    select
        report_year,
        items as total_items,
        prior_year_items as total_prior_year_items
    from with_prior_year
    where subject_code = 'total.all'
),

final as (
    select
        with_prior_year.report_year,
        split_part(with_prior_year.subject_code, '.', 1) as dimension,
        split_part(with_prior_year.subject_code, '.', 2) as member,
        with_prior_year.member_name_zh,
        with_prior_year.member_name_en,

        -- this year
        with_prior_year.items,
        {{ share_pct('with_prior_year.items', 'totals.total_items') }} as share_of_total_pct,
        with_prior_year.published_share_of_total_pct,
        with_prior_year.yoy_change_pct,

        -- prior year, back-calculated from the year-on-year change
        with_prior_year.prior_year_items,
        {{ share_pct('with_prior_year.prior_year_items', 'totals.total_prior_year_items') }}
            as prior_year_share_of_total_pct,
        with_prior_year.published_prior_year_share_of_total_pct

    from with_prior_year
    left join totals
        on with_prior_year.report_year = totals.report_year
)

select
    report_year,
    dimension,
    member,
    member_name_zh,
    member_name_en,
    items,
    share_of_total_pct,
    published_share_of_total_pct,
    yoy_change_pct,
    prior_year_items,
    prior_year_share_of_total_pct,
    published_prior_year_share_of_total_pct
from final
