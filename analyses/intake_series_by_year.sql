-- How did each hotline's intake and its channels change over its years and
-- half-years on record (Beijing's from the start of the 接诉即办 reform), and
-- how is each figure known (printed, summed from its channels,
-- back-calculated from the next year's rate), from which source?
with

series as (
    select * from {{ ref('fct_annual_intake') }}
)

select
    platform_code,
    period_code,
    member,
    member_name_en,
    items,
    items_low,
    items_high,
    how_obtained,
    source_id,
    source_kind,
    yoy_change_pct,
    published_yoy_change_pct
from series
where dimension in ('total', 'channel') and period_kind in ('year', 'half_year')
order by platform_code, member, period_start, period_end, source_id
