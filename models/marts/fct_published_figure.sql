-- Every figure the sources print, one row per printing, normalised: the
-- place to find any printed number, with its source, its period and where it
-- stands in its source.
with

printings as (
    select * from {{ ref('int_report__printings') }}
),

periods as (
    select * from {{ ref('dim_period') }}
)

select
    printings.figure_id,
    printings.is_canonical,
    printings.platform_code,
    printings.year,
    printings.period_code,
    periods.period_label_zh,
    periods.period_label_en,
    printings.period_kind,
    printings.period_start,
    printings.period_end,
    printings.source_id,
    printings.source_kind,
    printings.section_zh,
    printings.source_phrase,
    printings.subject_type,
    printings.subject_code,
    printings.subject_zh,
    printings.subject_name_zh,
    printings.subject_name_en,
    printings.parent_code,
    printings.parent_zh,
    printings.list_position,
    printings.measure,
    printings.is_approximate,
    printings.approximation_zh,
    printings.value_printed,
    printings.value_as_printed,
    printings.unit_printed,
    printings.normalised_unit,
    cast(printings.value_normalised as decimal(24, 6)) as value_normalised,
    cast(printings.value_low as decimal(24, 6)) as value_low,
    cast(printings.value_high as decimal(24, 6)) as value_high,
    printings.items
from printings
left join periods
    on printings.period_code = periods.period_code
