-- Every figure the report prints, one row each, normalised: the place to
-- find any printed number, with where it stands in the report.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
)

select
    figure_id,
    report_year,
    figure_year,
    section_zh,
    source_phrase,
    subject_type,
    subject_code,
    subject_zh,
    subject_name_en,
    parent_code,
    parent_zh,
    list_position,
    month,
    measure,
    is_approximate,
    value_printed,
    unit_printed,
    normalised_unit,
    cast(value_normalised as decimal(24, 6)) as value_normalised,
    cast(value_low as decimal(24, 6)) as value_low,
    cast(value_high as decimal(24, 6)) as value_high,
    items
from figures
