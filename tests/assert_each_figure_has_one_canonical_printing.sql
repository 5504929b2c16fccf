-- Invariant: a figure (platform, period, subject, measure) has one canonical
-- printing in printed_figures; every further printing, by the same source or
-- another, is in printed_figure_reprints, where the audit compares it.
-- Exceptions: none.
with

canonical as (
    select * from {{ ref('int_report__printings') }}
    where is_canonical
),

with_first_line as (
    select
        seed_name,
        seed_line,
        figure_id,
        min(seed_line) over (partition by figure_id) as first_line
    from canonical
)

select
    seed_name,
    seed_line,
    'measure' as seed_column,
    'prints a figure (platform, period, subject, measure) that an earlier line already holds;'
    || ' a further printing belongs in printed_figure_reprints' as problem,
    figure_id,
    first_line
from with_first_line
where seed_line != first_line
