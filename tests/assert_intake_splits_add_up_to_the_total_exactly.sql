-- Invariant: each split of the intake (handling mode: dispatched + direct
-- reply; channel: phone + online) adds up to the total intake exactly, in
-- items, as the report prints them (883.5 + 6708.9 = 3390.2 + 4202.2 =
-- 7592.4 万件).
-- Exceptions: none in the 2022 report.
with

intake as (
    select * from {{ ref('fct_intake_volume') }}
),

split_sums as (
    select
        report_year,
        dimension,
        sum(items) as items
    from intake
    where dimension in ('handling_mode', 'channel')
    group by report_year, dimension
),

totals as (
    select
        report_year,
        items
    from intake
    where dimension = 'total'
)

select
    split_sums.report_year,
    split_sums.dimension,
    split_sums.items as split_items,
    totals.items as total_items
from split_sums
left join totals
    on split_sums.report_year = totals.report_year
where split_sums.items is distinct from totals.items
