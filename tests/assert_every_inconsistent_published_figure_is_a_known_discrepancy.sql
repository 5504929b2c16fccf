-- Invariant: every published figure the audit finds inconsistent with the
-- report's own counts is listed, with a written explanation, in the
-- known_discrepancies seed.
-- Exceptions: none. A new finding is added to the seed with its explanation;
-- it is never hidden by a tolerance.
select
    check_id,
    published_value,
    feasible_low,
    feasible_high
from {{ ref('published_figure_checks') }}
where status = 'inconsistent' and not is_known_discrepancy
