-- Every (part, whole) pair of printed figures that a check of another kind
-- already reads together: a share of the whole (the part's share is printed
-- too), a sum or coverage of a split, a list printed whole, the named parts
-- a whole is at least. A part within its whole (int_audit__part_within_whole_checks)
-- is not checked again where one of these reads it: a claim is counted once.
with

share_checks as (
    select
        part_figure_ids,
        whole_figure_ids
    from {{ ref('int_audit__share_checks') }}
),

sum_checks as (
    select
        part_figure_ids,
        whole_figure_ids
    from {{ ref('int_audit__sum_checks') }}
),

coverage_checks as (
    select
        part_figure_ids,
        whole_figure_ids
    from {{ ref('int_audit__coverage_checks') }}
),

list_sum_checks as (
    select
        part_figure_ids,
        whole_figure_ids
    from {{ ref('int_audit__list_sum_checks') }}
),

bound_checks as (
    select
        part_figure_ids,
        whole_figure_ids
    from {{ ref('int_audit__bound_checks') }}
),

checks as (
    select
        'share' as check_kind,
        part_figure_ids,
        whole_figure_ids
    from share_checks
    union all
    select
        'sum' as check_kind,
        part_figure_ids,
        whole_figure_ids
    from sum_checks
    union all
    select
        'coverage' as check_kind,
        part_figure_ids,
        whole_figure_ids
    from coverage_checks
    union all
    select
        'list_sum' as check_kind,
        part_figure_ids,
        whole_figure_ids
    from list_sum_checks
    union all
    select
        'bound' as check_kind,
        part_figure_ids,
        whole_figure_ids
    from bound_checks
),

parts as (
    select
        check_kind,
        unnest(part_figure_ids) as part_figure_id,
        whole_figure_ids
    from checks
    where part_figure_ids is not null and whole_figure_ids is not null
),

pairs as (
    select
        check_kind,
        part_figure_id,
        unnest(whole_figure_ids) as whole_figure_id
    from parts
)

select distinct
    part_figure_id,
    whole_figure_id,
    check_kind
from pairs
where part_figure_id is not null and whole_figure_id is not null
