-- The district figures pivoted once: per platform, source period and
-- district (or the platform's districts combined), the items handled, the split
-- between district departments and streets/townships, and the printed
-- shares, each with its printed bounds and figure id. The district marts and
-- the audit's district checks all read this model.
with

figures as (
    select
        every_figure.*,
        uses.figure_role
    from {{ ref('int_report__figures') }} as every_figure
    -- the column each figure fills: ref_measure_uses
    left join {{ measure_uses() }} as uses
        on every_figure.measure = uses.measure
    where every_figure.subject_type in ('district', 'district_total')
),

pivoted as (
    select
        platform_code,
        period_code,
        any_value(period_start) as period_start,
        any_value(period_end) as period_end,
        any_value(period_kind) as period_kind,
        any_value(year) as year,
        subject_type,
        subject_code,
        any_value(subject_name_zh) as subject_name_zh,
        any_value(section_zh) as section_zh,
        min(source_id) as source_id,

        -- items handled
        {{ pivot_role('items', 'items') }} as items,
        {{ pivot_role('items', 'cast(value_low as double)') }} as items_low,
        {{ pivot_role('items', 'cast(value_high as double)') }} as items_high,
        {{ pivot_role('items', 'figure_id') }} as items_figure_id,

        -- district departments
        {{ pivot_role('district_department_items', 'items') }} as district_department_items,
        {{ pivot_role('district_department_items', 'cast(value_low as double)') }}
            as district_department_items_low,
        {{ pivot_role('district_department_items', 'cast(value_high as double)') }}
            as district_department_items_high,
        {{ pivot_role('district_department_items', 'figure_id') }}
            as district_department_figure_id,

        -- streets and townships
        {{ pivot_role('street_township_items', 'items') }} as street_township_items,
        {{ pivot_role('street_township_items', 'cast(value_low as double)') }}
            as street_township_items_low,
        {{ pivot_role('street_township_items', 'cast(value_high as double)') }}
            as street_township_items_high,
        {{ pivot_role('street_township_items', 'figure_id') }} as street_township_figure_id,

        -- printed shares
        {{ as_pct(pivot_role('published_share_of_districts_pct')) }}
            as published_share_of_districts_pct,
        {{ as_pct(pivot_role('published_district_department_share_pct')) }}
            as published_district_department_share_pct,
        {{ as_pct(pivot_role('published_street_township_share_pct')) }}
            as published_street_township_share_pct
    from figures
    group by platform_code, period_code, subject_type, subject_code
)

select
    platform_code,
    period_start,
    period_end,
    period_kind,
    period_code,
    year,
    source_id,
    subject_type,
    subject_code,
    subject_name_zh,
    section_zh,
    items,
    items_low,
    items_high,
    items_figure_id,
    district_department_items,
    district_department_items_low,
    district_department_items_high,
    district_department_figure_id,
    street_township_items,
    street_township_items_low,
    street_township_items_high,
    street_township_figure_id,
    published_share_of_districts_pct,
    published_district_department_share_pct,
    published_street_township_share_pct
from pivoted
