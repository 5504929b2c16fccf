{{ config(store_failures=true, meta={
    'seed_column': 'value_printed',
    'problem': "is not in the unit or range of its measure (ref_measures)",
}) }}
-- Invariant: every printing's unit normalises to the unit its measure is
-- counted in (a share is in % or 成, a count in 万件/亿件/million/件), and its
-- value lies in the measure's valid range (a share is 0–100, a count is not
-- negative; a year-on-year rate has no upper bound: +2503.79% is real).
-- Exceptions: none.
with

printings as (
    select * from {{ ref('stg_report__printings') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
)

select
    printings.seed_name,
    printings.seed_line,
    printings.figure_id,
    printings.value_printed,
    printings.unit_printed,
    measures.normalised_unit as expected_unit,
    measures.min_value,
    measures.max_value
from printings
inner join measures
    on printings.measure = measures.measure
where
    printings.normalised_unit is distinct from measures.normalised_unit
    or printings.value_normalised < measures.min_value
    or printings.value_normalised > measures.max_value
