-- Invariant: every published share (any measure with a share denominator in
-- ref_measures) and every published multiple has exactly one audit check.
-- Exceptions: a share whose part no source prints in items cannot be
-- checked (2020: 中心城区办理量近六成, the central districts' share of the
-- dispatched items, with no district counts for 2020); it is listed by this
-- rule, not by name, and shows up in the audit when the counts arrive.
--
-- One row per figure that breaks it, naming its seed line.
{{ config(store_failures=true) }}
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
),

checkable as (
    select figures.*
    from figures
    left join measures
        on figures.measure = measures.measure
    where
        figures.normalised_unit = 'multiple'
        or (
            measures.share_denominator is not null
            and exists (
                select 1
                from figures as parts
                where
                    parts.platform_code = figures.platform_code
                    and parts.period_code = figures.period_code
                    and parts.subject_type = figures.subject_type
                    and parts.subject_code = figures.subject_code
                    and parts.normalised_unit = 'items'
            )
        )
),

checks as (
    select * from {{ ref('published_figure_checks') }}
    where check_kind in ('share', 'ratio')
)

select
    checkable.seed_name,
    checkable.seed_line,
    'measure' as seed_column,
    'is a share or multiple with ' || count(checks.check_id)
    || ' audit checks (published_figure_checks), not one' as problem,
    checkable.figure_id,
    count(checks.check_id) as check_count
from checkable
left join checks
    on checks.check_id in ('share:' || checkable.figure_id, 'ratio:' || checkable.figure_id)
group by checkable.seed_name, checkable.seed_line, checkable.figure_id
having count(checks.check_id) != 1
