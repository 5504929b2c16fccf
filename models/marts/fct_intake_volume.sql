-- The hotline's intake (受理量) as a whole and split by handling mode,
-- channel, theme and the other splits the sources print, per platform and
-- period as printed, with shares of the period's total and the prior year
-- back-calculated from the published year-on-year change.
with

members as (
    select * from {{ ref('int_report__intake_members') }}
    where items is not null
),

intake_series as (
    select * from {{ ref('int_report__intake_series') }}
    where is_best
),

with_prior_year as (
    select
        *,
        {{ back_calculated_prior_items('items', 'published_yoy_change_pct') }} as prior_year_items
    from members
),

-- the period's total: printed, or the sum of an exhaustive printed split
totals as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        items as total_items
    from intake_series
    where subject_code = 'total.all' and how_obtained in ('printed', 'sum_of_parts')
),

prior_year_totals as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        prior_year_items as total_prior_year_items
    from with_prior_year
    where subject_code = 'total.all'
),

-- a share of the prior year as some source prints it, moved on a year
prior_year_published as (
    select
        platform_code,
        {{ date_shifted('period_start', 1, 'year') }} as period_start,
        {{ date_shifted('period_end', 1, 'year') }} as period_end,
        subject_code,
        published_share_of_total_pct
    from members
    where period_start is not null
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        with_prior_year.platform_code,
        with_prior_year.year,
        with_prior_year.period_code,
        periods.period_label_zh,
        periods.period_label_en,
        with_prior_year.period_kind,
        with_prior_year.period_start,
        with_prior_year.period_end,
        with_prior_year.items_source_id as source_id,
        with_prior_year.dimension,
        with_prior_year.member,
        with_prior_year.member_name_zh,
        with_prior_year.member_name_en,

        -- this period
        with_prior_year.items,
        {{ share_pct('with_prior_year.items', 'totals.total_items') }} as share_of_total_pct,
        with_prior_year.published_share_of_total_pct,
        with_prior_year.published_yoy_change_pct,

        -- the same period a year earlier, back-calculated from the change
        with_prior_year.prior_year_items,
        {{ share_pct(
            'with_prior_year.prior_year_items', 'prior_year_totals.total_prior_year_items'
        ) }}
            as prior_year_share_of_total_pct,
        prior_year_published.published_share_of_total_pct
            as published_prior_year_share_of_total_pct

    from with_prior_year
    left join totals
        on {{ same_period('with_prior_year', 'totals') }}
    left join prior_year_totals
        on {{ same_period('with_prior_year', 'prior_year_totals') }}
    left join prior_year_published
        on
            {{ same_dated_period('with_prior_year', 'prior_year_published') }}
            and with_prior_year.subject_code = prior_year_published.subject_code
    left join periods
        on with_prior_year.period_code = periods.period_code
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
    dimension,
    member,
    member_name_zh,
    member_name_en,
    items,
    share_of_total_pct,
    published_share_of_total_pct,
    published_yoy_change_pct,
    prior_year_items,
    prior_year_share_of_total_pct,
    published_prior_year_share_of_total_pct
from final
