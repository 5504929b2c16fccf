-- The printed figures of each intake member (the whole intake and its
-- splits), one row per platform, period and member: items, the
-- year-on-year change and the printed shares, each with the bounds of its
-- printing and the figure it comes from. The intake marts and the audit
-- start here.
with

figures as (
    select
        every_figure.*,
        uses.figure_role
    from {{ ref('int_report__figures') }} as every_figure
    -- the column each figure fills: ref_measure_uses
    left join {{ measure_uses() }} as uses
        on every_figure.measure = uses.measure
    where every_figure.subject_type = 'intake'
),

pivoted as (
    select
        platform_code,
        period_code,
        any_value(period_start) as period_start,
        any_value(period_end) as period_end,
        any_value(period_kind) as period_kind,
        any_value(year) as year,
        subject_code,
        any_value(subject_name_zh) as member_name_zh,
        any_value(subject_name_en) as member_name_en,
        any_value(section_zh) as section_zh,

        -- items
        {{ pivot_role('items', 'items') }} as items,
        {{ pivot_role('items', 'value_low') }} as items_low,
        {{ pivot_role('items', 'value_high') }} as items_high,
        {{ pivot_role('items', 'figure_id') }} as items_figure_id,
        {{ pivot_role('items', 'source_id') }} as items_source_id,

        -- forecast
        {{ pivot_role('forecast_items', 'items') }} as forecast_items,

        -- year-on-year change
        {{ as_pct(pivot_role('published_yoy_change_pct')) }} as published_yoy_change_pct,
        {{ pivot_role('published_yoy_change_pct', 'value_low') }} as published_yoy_change_pct_low,
        {{ pivot_role('published_yoy_change_pct', 'value_high') }} as published_yoy_change_pct_high,
        {{ pivot_role('published_yoy_change_pct', 'figure_id') }} as yoy_figure_id,
        {{ pivot_role('published_yoy_change_pct', 'source_id') }} as yoy_source_id,

        -- printed shares
        {{ as_pct(pivot_role('published_share_of_total_pct')) }} as published_share_of_total_pct
    from figures
    group by platform_code, period_code, subject_code
)

select
    platform_code,
    period_start,
    period_end,
    period_kind,
    period_code,
    year,
    subject_code,
    split_part(subject_code, '.', 1) as dimension,
    split_part(subject_code, '.', 2) as member,
    member_name_zh,
    member_name_en,
    section_zh,
    items,
    items_low,
    items_high,
    items_figure_id,
    items_source_id,
    forecast_items,
    published_yoy_change_pct,
    published_yoy_change_pct_low,
    published_yoy_change_pct_high,
    yoy_figure_id,
    yoy_source_id,
    published_share_of_total_pct
from pivoted
