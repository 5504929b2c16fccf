-- Invariant: every published share (any measure ending in _share_pct or
-- share_of_…_pct) and every published multiple has exactly one audit check.
-- Exceptions: none; a share the audit cannot check would be a gap in it.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where
        measure like '%share%pct'
        or normalised_unit = 'multiple'
),

checks as (
    select * from {{ ref('published_figure_checks') }}
    where check_kind in ('share', 'ratio')
)

select
    figures.figure_id,
    count(checks.check_id) as check_count
from figures
left join checks
    on checks.check_id in ('share:' || figures.figure_id, 'ratio:' || figures.figure_id)
group by figures.figure_id
having count(checks.check_id) != 1
