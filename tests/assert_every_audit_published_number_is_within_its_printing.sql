-- Invariant: an audit check's published number is the figure its printing
-- allows: it lies within [published_low, published_high], in published_unit
-- (63.72 within 63.715–63.725 percent; 约43.8万件, 438000 within
-- 437500–438500 items; a rank's position equal to both bounds).
-- Exceptions: none; a check whose page does not state the figure (a list's
-- unstated whole) has no published number and is not held to it.
--
-- One row per check whose number falls outside its bounds, naming it.
select
    'printed_figures' as seed_name,
    null as seed_line,
    null as seed_column,
    'the audit check ' || check_id || ' publishes ' || published_number || ' '
    || published_unit || ' (printed ' || coalesce(published_value_as_printed, 'nothing')
    || '), outside the bounds of its printing, ' || published_low || '–' || published_high
        as problem,
    check_id,
    published_number,
    published_low,
    published_high
from {{ ref('published_figure_checks') }}
where
    published_number < published_low
    or published_number > published_high
