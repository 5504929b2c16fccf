-- Invariant: every published figure the audit finds inconsistent with the
-- report's own counts has been reviewed by a person: it is listed in the
-- known_discrepancies seed (the audit writes its explanation itself; the
-- seed adds who read it and, where there is one, a note).
-- Exceptions: none. A new finding is read and added to the seed; it is never
-- hidden by a tolerance.
--
-- One row per finding that is not listed, naming the check the seed lacks.
select
    'known_discrepancies' as seed_name,
    null as seed_line,
    null as seed_column,
    check_id
    || ' is inconsistent (printed ' || coalesce(published_value_as_printed, 'nothing')
    || ', possible ' || coalesce(round(feasible_low, 2)::varchar, '?')
    || '–' || coalesce(round(feasible_high, 2)::varchar, '?')
    || case when published_unit = 'percent' then '%' else '' end
    || ') and not listed: ' || explanation
    || ' Review it and list it (check_id, reviewed_by, review_note)' as problem,
    check_id,
    published_value_as_printed,
    feasible_low,
    feasible_high
from {{ ref('published_figure_checks') }}
where status = 'inconsistent' and not is_known_discrepancy
