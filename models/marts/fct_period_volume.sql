-- Every printed volume of the intake over a period other than a calendar
-- year (half-years, January–November, running totals since the platform's
-- series start) and every forecast, one row per printing: every source's
-- figure is kept, with whether it is the canonical printing.
with

printings as (
    select intake_printings.*
    from {{ ref('int_report__printings') }} as intake_printings
    -- the measures this mart reads, and a period kind each leaves out
    -- (ref_measure_uses: a year's items are in fct_annual_intake)
    inner join {{ measure_uses() }} as uses
        on intake_printings.measure = uses.measure
    where
        intake_printings.subject_type = 'intake'
        and (
            uses.excluded_period_kind is null
            or intake_printings.period_kind != uses.excluded_period_kind
        )
),

member_names as (
    select * from {{ ref('stg_reference__intake_members') }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('printings') }},
        periods.period_label_zh,
        periods.period_label_en,
        printings.source_kind,
        printings.is_canonical,
        split_part(printings.subject_code, '.', 1) as dimension,
        split_part(printings.subject_code, '.', 2) as member,
        member_names.member_name_zh,
        member_names.member_name_en,
        printings.measure,
        printings.subject_zh as printed_name,
        printings.value_as_printed,
        printings.unit_printed,
        printings.approximation_en,
        printings.items,
        cast(floor(printings.value_low) as bigint) as items_low,
        cast(ceil(printings.value_high) as bigint) as items_high,
        printings.source_phrase
    from printings
    left join member_names
        on
            split_part(printings.subject_code, '.', 1) = member_names.dimension
            and split_part(printings.subject_code, '.', 2) = member_names.member
    left join periods
        on printings.period_code = periods.period_code
)

select
    platform_code,
    year,
    period_code,
    period_label_zh,
    period_label_en,
    period_kind,
    period_start,
    period_end,
    source_id,
    source_kind,
    is_canonical,
    dimension,
    member,
    member_name_zh,
    member_name_en,
    measure,
    printed_name,
    value_as_printed,
    unit_printed,
    approximation_en,
    items,
    items_low,
    items_high,
    source_phrase
from final
