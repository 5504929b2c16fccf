-- One row per published percentage, rate, ratio, sum or ranking claim that
-- other printed figures let us check. A published value is `consistent` when
-- some set of true values, each within the precision of its printing, and
-- obeying the exact relations between the figures, reproduces it: that is,
-- when the published range [published_low, published_high] meets the
-- feasible range [feasible_low, feasible_high] (an empty bound is open).
-- No tolerance is added anywhere. An empty feasible range (no true values
-- obey the relations) is never consistent. A plain printing that misses only
-- because it reads as rounded, and meets the feasible range read as
-- truncated (cut after its last digit: 4.4461% printed 4.44), is
-- `truncated`: a rounding rule of its source, not an arithmetic error. Each
-- row names the source of the published value and the sources of the
-- figures it was checked against. Inconsistent rows stay here, with the
-- explanation from the known_discrepancies seed.
with

share_checks as (
    select * from {{ ref('int_audit__share_checks') }}
),

sum_checks as (
    select * from {{ ref('int_audit__sum_checks') }}
),

bound_checks as (
    select * from {{ ref('int_audit__bound_checks') }}
),

ranking_checks as (
    select * from {{ ref('int_audit__ranking_checks') }}
),

ratio_checks as (
    select * from {{ ref('int_audit__ratio_checks') }}
),

reprint_checks as (
    select * from {{ ref('int_audit__reprint_checks') }}
),

yoy_checks as (
    select * from {{ ref('int_audit__yoy_checks') }}
),

cumulative_checks as (
    select * from {{ ref('int_audit__cumulative_checks') }}
),

share_list_checks as (
    select * from {{ ref('int_audit__share_list_checks') }}
),

known_discrepancies as (
    select * from {{ ref('stg_reference__known_discrepancies') }}
),

checks as (
    select * from share_checks
    union all by name
    select * from sum_checks
    union all by name
    select * from bound_checks
    union all by name
    select * from ranking_checks
    union all by name
    select * from ratio_checks
    union all by name
    select * from reprint_checks
    union all by name
    select * from yoy_checks
    union all by name
    select * from cumulative_checks
    union all by name
    select * from share_list_checks
),

assessed as (
    select
        *,
        (feasible_high is null or published_low <= feasible_high)
        and (feasible_low is null or published_high >= feasible_low)
        and (feasible_low is null or feasible_high is null or feasible_low <= feasible_high)
            as is_consistent,
        -- the printing read as truncated: [v, v + one unit of its last digit)
        -- (a list of shares says itself whether it fits so)
        coalesce(fits_if_truncated, false)
        or coalesce(published_is_plain, false) and published_low >= 0
        and (feasible_high is null or (published_low + published_high) / 2 <= feasible_high)
        and (
            feasible_low is null
            or published_high + (published_high - published_low) / 2 >= feasible_low
        )
        and (feasible_low is null or feasible_high is null or feasible_low <= feasible_high)
            as is_consistent_if_truncated,
        -- how far apart the two ranges are (negative: by how much they overlap),
        -- relative to the published value's size
        greatest(
            coalesce(published_low - feasible_high, '-infinity'::double),
            coalesce(feasible_low - published_high, '-infinity'::double)
        ) / greatest(abs(published_high), 1e-300) as relative_gap
    from checks
),

final as (
    select
        assessed.check_id,
        assessed.check_kind,
        assessed.platform_code,
        assessed.period_code,
        assessed.year,
        assessed.source_id,
        assessed.input_source_ids,
        assessed.input_source_ids != assessed.source_id as is_cross_source,
        assessed.section_zh as section,
        assessed.subject,
        assessed.measure,
        assessed.formula,
        assessed.published_value,
        assessed.published_low,
        assessed.published_high,
        assessed.derived_value,
        assessed.feasible_low,
        assessed.feasible_high,
        case
            when assessed.is_consistent then 'consistent'
            when assessed.is_consistent_if_truncated then 'truncated'
            else 'inconsistent'
        end as status,
        known_discrepancies.check_id is not null as is_known_discrepancy,
        assessed.relative_gap,
        assessed.check_method,
        coalesce(
            known_discrepancies.explanation,
            case
                when assessed.is_consistent then 'Consistent: ' || assessed.check_method || '.'
                when assessed.is_consistent_if_truncated
                    then
                        'Truncated: ' || assessed.published_value
                        || ' is out of reach read as rounded, and within reach read as truncated '
                        || '(cut after its last digit, as some bulletins print shares): '
                        || assessed.check_method || '.'
                else
                    'NOT EXPLAINED: inconsistent and not listed in the '
                    || 'known_discrepancies seed.'
            end
        ) as explanation
    from assessed
    left join known_discrepancies
        on assessed.check_id = known_discrepancies.check_id
)

select
    check_id,
    check_kind,
    platform_code,
    period_code,
    year,
    source_id,
    input_source_ids,
    is_cross_source,
    section,
    subject,
    measure,
    formula,
    published_value,
    published_low,
    published_high,
    derived_value,
    feasible_low,
    feasible_high,
    status,
    is_known_discrepancy,
    relative_gap,
    check_method,
    explanation
from final
