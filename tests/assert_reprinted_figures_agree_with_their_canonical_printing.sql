-- Invariant: a figure the report prints twice (朝阳区 140.0 万件 and 约 140
-- 万件) is printed consistently: the canonical printing exists, and the two
-- printings' ranges (each value ± half a unit of its last digit) meet.
-- Exceptions: none.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

reprints as (
    select * from {{ ref('stg_report__figure_reprints') }}
)

select
    reprints.subject_zh,
    reprints.measure,
    reprints.value_printed as reprinted_value,
    figures.value_printed as canonical_value
from reprints
left join figures
    on
        reprints.report_year = figures.report_year
        and reprints.figure_year = figures.figure_year
        and reprints.subject_type = figures.subject_type
        and reprints.subject_zh = figures.subject_zh
        and coalesce(reprints.parent_zh, '') = coalesce(figures.parent_zh, '')
        and coalesce(reprints.month, 0) = coalesce(figures.month, 0)
        and reprints.measure = figures.measure
where
    figures.figure_id is null
    or reprints.value_low > figures.value_high
    or reprints.value_high < figures.value_low
    -- the canonical printing is the more precise one
    or reprints.decimal_places > figures.decimal_places
