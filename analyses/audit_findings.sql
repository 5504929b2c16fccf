-- Which published figures does the audit flag, and why?
with

checks as (
    select * from {{ ref('published_figure_checks') }}
)

select
    platform_code,
    period_code,
    source_id,
    input_source_ids,
    section,
    subject_name_zh,
    measure,
    formula,
    published_value_as_printed,
    round(derived_value, 2) as derived_value,
    round(feasible_low, 2) as feasible_low,
    round(feasible_high, 2) as feasible_high,
    explanation
from checks
where status = 'inconsistent'
order by platform_code, period_code, check_id
