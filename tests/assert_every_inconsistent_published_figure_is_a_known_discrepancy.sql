-- Invariant: every published figure the audit finds inconsistent with the
-- report's own counts is listed, with a written explanation, in the
-- known_discrepancies seed.
-- Exceptions: none. A new finding is added to the seed with its explanation;
-- it is never hidden by a tolerance.
--
-- One row per finding that is not listed, naming the check the seed lacks.
select
    'known_discrepancies' as seed_name,
    null as seed_line,
    null as seed_column,
    check_id
    || ' is inconsistent (printed ' || coalesce(published_value, 'nothing')
    || ', possible ' || coalesce(round(feasible_low, 2)::varchar, '?')
    || '–' || coalesce(round(feasible_high, 2)::varchar, '?')
    || case when ends_with(coalesce(published_value, ''), '%') then '%' else '' end
    || ') and not listed; add it with its explanation' as problem,
    check_id,
    published_value,
    feasible_low,
    feasible_high
from {{ ref('published_figure_checks') }}
where status = 'inconsistent' and not is_known_discrepancy
