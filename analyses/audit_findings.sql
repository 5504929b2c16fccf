-- Which published figures does the audit flag, and why?
with

checks as (
    select * from {{ ref('published_figure_checks') }}
)

select
    report_year,
    section,
    subject,
    figure,
    published_value,
    round(derived_value, 2) as derived_value,
    round(feasible_low, 2) as feasible_low,
    round(feasible_high, 2) as feasible_high,
    explanation
from checks
where status = 'inconsistent'
order by report_year, check_id
