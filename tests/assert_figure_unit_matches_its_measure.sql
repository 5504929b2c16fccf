-- Invariant: a figure's printed unit normalises to the unit its measure is
-- counted in (a share is in %, a count in 万件/件), and its value lies in the
-- measure's valid range (a share is 0–100, a count is not negative; a
-- year-on-year rate has no upper bound: +2503.79% is real).
-- Exceptions: none.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
)

select
    figures.figure_id,
    figures.value_printed,
    figures.unit_printed,
    measures.normalised_unit as expected_unit,
    measures.min_value,
    measures.max_value
from figures
inner join measures
    on figures.measure = measures.measure
where
    figures.normalised_unit is distinct from measures.normalised_unit
    or figures.value_normalised < measures.min_value
    or figures.value_normalised > measures.max_value
