-- The intake as a series: one row per platform, period and member for every
-- year (and part-year) any source speaks of, with the best-known items, the
-- bounds they are known within, how they were obtained (printed,
-- sum_of_parts, back_calculated_from_<period>), from which source, and the
-- year-on-year change computed from consecutive years wherever both exist.
-- Cumulative totals are in fct_period_volume.
with

intake_series as (
    select * from {{ ref('int_report__intake_series') }}
    where is_best and period_kind != 'cumulative'
),

members as (
    select * from {{ ref('int_report__intake_members') }}
),

member_names as (
    select * from {{ ref('stg_reference__intake_members') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

totals as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        items as total_items
    from intake_series
    where subject_code = 'total.all'
),

with_prior_year as (
    select
        this.*,
        earlier.items as prior_year_items
    from intake_series as this
    left join intake_series as earlier
        on
            this.platform_code = earlier.platform_code
            and this.subject_code = earlier.subject_code
            and {{ date_shifted('this.period_start', -1, 'year') }} = earlier.period_start
            and {{ date_shifted('this.period_end', -1, 'year') }} = earlier.period_end
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
        with_prior_year.dimension,
        with_prior_year.member,
        member_names.member_name_zh,
        member_names.member_name_en,

        -- items, and how they are known
        with_prior_year.items,
        cast(floor(with_prior_year.items_low) as bigint) as items_low,
        cast(ceil(with_prior_year.items_high) as bigint) as items_high,
        with_prior_year.how_obtained,
        with_prior_year.source_ids as source_id,
        sources.source_kind,

        -- shares
        {{ share_pct('with_prior_year.items', 'totals.total_items') }} as share_of_total_pct,
        members.published_share_of_total_pct,

        -- change against the year before
        with_prior_year.prior_year_items,
        {{ share_pct('with_prior_year.items - with_prior_year.prior_year_items',
            'with_prior_year.prior_year_items') }} as yoy_change_pct,
        members.published_yoy_change_pct

    from with_prior_year
    left join member_names
        on
            with_prior_year.dimension = member_names.dimension
            and with_prior_year.member = member_names.member
    left join totals
        on {{ same_period('with_prior_year', 'totals') }}
    left join members
        on
            {{ same_period('with_prior_year', 'members') }}
            and with_prior_year.subject_code = members.subject_code
    left join sources
        on with_prior_year.source_ids = sources.source_id
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
    dimension,
    member,
    member_name_zh,
    member_name_en,
    items,
    items_low,
    items_high,
    how_obtained,
    source_id,
    source_kind,
    share_of_total_pct,
    published_share_of_total_pct,
    prior_year_items,
    yoy_change_pct,
    published_yoy_change_pct
from final
