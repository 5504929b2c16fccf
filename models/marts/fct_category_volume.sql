-- The leading problem categories (前十类日常问题) of every year a source
-- lists them, with one category code across years, the rank within the
-- year, the prior year back-calculated from a published year-on-year
-- change, and the change from the prior year on record (the latest earlier
-- year a source lists the category in). A category a page prints with its
-- share only (占24.6%) is a row with its items unknown and no rank.
with

figures as (
    select
        every_figure.*,
        uses.figure_role
    from {{ ref('int_report__figures') }} as every_figure
    -- the column each figure fills: ref_measure_uses
    left join {{ measure_uses() }} as uses
        on every_figure.measure = uses.measure
    -- a month a report singles out (年度最高) is an observation, not a listing
    where every_figure.subject_type = 'category' and every_figure.observation_code is null
),

pivoted as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        any_value(year) as year,
        any_value(period_kind) as period_kind,
        min(source_id) as source_id,
        subject_code as category_code,
        any_value(subject_name_zh) as category_name_zh,
        any_value(subject_name_en) as category_name_en,
        any_value(list_position) as published_list_position,
        {{ pivot_role('items', 'items') }} as items,
        {{ as_pct(pivot_role('published_share_of_total_pct')) }} as published_share_of_total_pct,
        {{ as_pct(pivot_role('published_yoy_change_pct')) }} as published_yoy_change_pct
    from figures
    group by platform_code, period_code, period_start, period_end, subject_code
),

-- a period with no printed year has no earlier one on record: two such
-- periods of a hotline (two holidays) have no order to read
with_prior as (
    select
        pivoted.*,
        case
            when pivoted.period_start is not null
                then lag(pivoted.year) over dated_periods_of_the_category
        end as prior_year_on_record,
        case
            when pivoted.period_start is not null
                then lag(pivoted.items) over dated_periods_of_the_category
        end as prior_year_on_record_items
    from pivoted
    window dated_periods_of_the_category as (
        partition by
            pivoted.platform_code, pivoted.period_kind, pivoted.category_code,
            pivoted.period_start is null
        order by pivoted.period_start
    )
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('with_prior') }},
        periods.period_label_zh,
        periods.period_label_en,
        with_prior.category_code,
        with_prior.category_name_zh,
        with_prior.category_name_en,
        with_prior.items,
        with_prior.published_share_of_total_pct,
        case
            when with_prior.items is not null
                then rank() over (
                    partition by with_prior.platform_code, with_prior.period_code
                    order by with_prior.items desc
                )
        end as rank_in_year,
        with_prior.published_list_position,

        -- against the prior year, back-calculated from the published change
        with_prior.published_yoy_change_pct,
        {{ back_calculated_prior_items(
            'with_prior.items', 'with_prior.published_yoy_change_pct'
        ) }} as prior_year_items,
        with_prior.items - {{ back_calculated_prior_items(
            'with_prior.items', 'with_prior.published_yoy_change_pct'
        ) }} as change_from_prior_year_items,

        -- against the prior year on record: the latest earlier year a source
        -- lists the category in
        with_prior.prior_year_on_record,
        with_prior.prior_year_on_record_items,
        with_prior.items - with_prior.prior_year_on_record_items
            as change_from_prior_year_on_record_items,
        {{ share_pct(
            'with_prior.items - with_prior.prior_year_on_record_items', 'with_prior.prior_year_on_record_items'
        ) }} as change_from_prior_year_on_record_pct
    from with_prior
    left join periods
        on with_prior.period_code = periods.period_code
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
    category_code,
    category_name_zh,
    category_name_en,
    items,
    published_share_of_total_pct,
    rank_in_year,
    published_list_position,
    published_yoy_change_pct,
    prior_year_items,
    change_from_prior_year_items,
    prior_year_on_record,
    prior_year_on_record_items,
    change_from_prior_year_on_record_items,
    change_from_prior_year_on_record_pct
from final
