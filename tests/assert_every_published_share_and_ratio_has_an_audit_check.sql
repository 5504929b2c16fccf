-- Invariant: every published share (any measure with a share denominator in
-- ref_measures) and every published multiple has exactly one audit check; a
-- share whose page does not say what it is a share of (未说明) is checked
-- with its list (share_list: the wholes every share of the list allows).
-- Exceptions: a share whose part no source prints in items cannot be
-- checked (2020: 中心城区办理量近六成, the central districts' share of the
-- dispatched items, with no district counts for 2020); it is listed by this
-- rule, not by name, and shows up in the audit when the counts arrive. A
-- multiple printed across a span or against a year no source prints (六年增长
-- 近48倍, 同比增长1.3倍) has no ratio check yet; it is listed by measure.
--
-- One row per figure that breaks it, naming its seed line.
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
        figures.measure = 'monthly_growth_multiple'
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
    select check_id from {{ ref('published_figure_checks') }}
    where check_kind in ('share', 'ratio')
),

-- a share list names the shares it checks; one row per share, so that every
-- join below is on equal keys
list_checks as (
    select
        check_id,
        unnest(share_figure_ids) as figure_id
    from {{ ref('int_audit__share_list_checks') }}
),

-- the ids a figure's own check can have
own_check_ids as (
    select
        figure_id,
        unnest(['share:' || figure_id, 'ratio:' || figure_id]) as check_id
    from checkable
),

own_checks as (
    select
        own_check_ids.figure_id,
        count(checks.check_id) as check_count
    from own_check_ids
    left join checks
        on own_check_ids.check_id = checks.check_id
    group by own_check_ids.figure_id
),

list_checks_of_unstated_shares as (
    select
        checkable.figure_id,
        count(list_checks.check_id) as check_count
    from checkable
    left join list_checks
        on
            checkable.share_of_zh = '未说明'
            and checkable.figure_id = list_checks.figure_id
    group by checkable.figure_id
)

select
    checkable.seed_name,
    checkable.seed_line,
    'measure' as seed_column,
    'is a share or multiple with ' || (own_checks.check_count + listed.check_count)
    || ' audit checks (published_figure_checks), not one' as problem,
    checkable.figure_id,
    own_checks.check_count + listed.check_count as check_count
from checkable
inner join own_checks
    on checkable.figure_id = own_checks.figure_id
inner join list_checks_of_unstated_shares as listed
    on checkable.figure_id = listed.figure_id
where own_checks.check_count + listed.check_count != 1
