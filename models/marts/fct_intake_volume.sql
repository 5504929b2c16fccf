-- The hotline's intake (受理量) as a whole and split by handling mode,
-- channel and theme, with shares and back-calculated prior-year figures.
with

members as (
    select * from {{ ref('int_report__intake_members') }}
),

with_prior_year as (
    select
        *,
        {{ back_calculated_prior_items('items', 'yoy_change_pct') }} as prior_year_items
    from members
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
        with_prior_year.dimension,
        with_prior_year.member,
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
