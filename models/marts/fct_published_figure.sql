-- Every figure the sources print, one row per printing, normalised: the
-- place to find any printed number, with its source, its period and where it
-- stands in its source.
with

printings as (
    select * from {{ ref('int_report__printings') }}
)

select
    figure_id,
    is_canonical,
    platform_code,
    year,
    period_code,
    period_kind,
    period_start,
    period_end,
    source_id,
    source_kind,
    section_zh,
    source_phrase,
    subject_type,
    subject_code,
    subject_zh,
    subject_name_zh,
    subject_name_en,
    parent_code,
    parent_zh,
    list_position,
    measure,
    is_approximate,
    approximation_zh,
    value_printed,
    value_as_printed,
    unit_printed,
    normalised_unit,
    cast(value_normalised as decimal(24, 6)) as value_normalised,
    cast(value_low as decimal(24, 6)) as value_low,
    cast(value_high as decimal(24, 6)) as value_high,
    items
from printings
