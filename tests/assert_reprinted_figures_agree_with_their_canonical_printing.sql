-- Invariant: a figure the report prints twice (朝阳区 140.0 万件 and 约 140
-- 万件) is printed consistently: every reprint has an audit check, the
-- canonical printing exists, and the two printings' ranges (each value ± half
-- a unit of its last digit) meet.
-- Exceptions: none.
with

reprints as (
    select * from {{ ref('stg_report__figure_reprints') }}
),

checks as (
    select * from {{ ref('published_figure_checks') }}
    where check_kind = 'reprint'
),

counted as (
    select
        (select count(*) from reprints) as reprint_count,
        (select count(*) from checks) as check_count
)

select
    checks.check_id,
    checks.published_value,
    checks.status
from checks
where checks.status != 'consistent' or checks.feasible_low is null

union all

select
    'reprints without a check' as check_id,
    cast(reprint_count - check_count as varchar) as published_value,
    null as status
from counted
where reprint_count != check_count
