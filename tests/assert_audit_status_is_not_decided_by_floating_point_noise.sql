-- Invariant: the checks whose feasible range is worked out by division
-- (shares, ratios, year-on-year rates, back-calculated prior years) are computed in IEEE double
-- precision, with a relative error around 1e-15. None of them may sit so
-- close to the edge of its published range (within 1e-12 of the published
-- value) that this error could decide its status; if one ever does, it
-- needs exact rational arithmetic, not a tolerance.
-- Exceptions: none. Checks on exact integers (counts, ranks) are exempt by
-- construction: they touch exactly and are compared exactly.
--
-- One row per such check, naming it; the figures behind it are in its id.
select
    'printed_figures' as seed_name,
    null as seed_line,
    null as seed_column,
    'the audit check ' || check_id || ' (printed ' || published_value_as_printed
    || ') sits within 1e-12 of the edge of its range;'
    || ' it needs exact arithmetic, not a tolerance' as problem,
    check_id,
    relative_gap
from {{ ref('published_figure_checks') }}
where
    check_kind in ('share', 'ratio', 'derived_sum', 'yoy', 'cumulative')
    and abs(relative_gap) < 1e-12
