-- Invariant: every check listed in the known_discrepancies seed exists in the
-- audit and is still inconsistent. A listed check that has become consistent
-- (a seed typo fixed, a check changed) or no longer exists must be removed
-- from the seed, so that the list of findings stays true.
-- Exceptions: none.
--
-- One row per listed check that breaks it, naming its line of the seed.
with

known_discrepancies as (
    select
        check_id,
        {{ seed_line() }} as seed_line
    from {{ ref('known_discrepancies') }}
),

checks as (
    select * from {{ ref('published_figure_checks') }}
)

select
    'known_discrepancies' as seed_name,
    known_discrepancies.seed_line,
    'check_id' as seed_column,
    case
        when checks.check_id is null
            then
                'is listed, but the audit has no such check'
                || ' (published_figure_checks); remove the line'
        else
            'is listed, but the audit finds it ' || checks.status
            || ' (printed ' || coalesce(checks.published_value_as_printed, 'nothing')
            || ', possible ' || coalesce(round(checks.feasible_low, 2)::varchar, '?')
            || '–' || coalesce(round(checks.feasible_high, 2)::varchar, '?')
            || case when checks.published_unit = 'percent' then '%' else '' end
            || '); remove the line'
    end as problem,
    known_discrepancies.check_id,
    checks.status
from known_discrepancies
left join checks
    on known_discrepancies.check_id = checks.check_id
where checks.status is distinct from 'inconsistent'
