-- Figures printed more than once, by one source or by several: every
-- further printing must agree with the canonical one, i.e. their printed
-- ranges must meet (696万件 and "6.96 million"; 突破1100万件 and 1103.94万件).
with

printings as (
    select * from {{ ref('int_report__printings') }}
),

canonical as (
    select * from printings
    where is_canonical
),

-- a figure printed again more than once in one section is told apart by
-- its order there (#2, #3 …)
reprints as (
    select
        *,
        {{ printing_in_section() }} as printing_in_section
    from printings
    where not is_canonical
),

final as (
    select
        {{ reprint_check_id('reprints') }} as check_id,
        'reprint' as check_kind,
        reprints.platform_code,
        reprints.period_code,
        reprints.year,
        reprints.section_zh,
        coalesce(canonical.subject_code, reprints.subject_code) as subject_code,
        coalesce(canonical.subject_name_zh, reprints.subject_zh) as subject_name_zh,
        reprints.measure,
        reprints.measure || ' = ' || reprints.measure || ' of the canonical printing' as formula,
        reprints.value_as_printed || reprints.unit_printed as published_value_as_printed,
        reprints.value_normalised as published_number,
        reprints.normalised_unit as published_unit,
        reprints.value_low as published_low,
        reprints.value_high as published_high,
        canonical.value_normalised as derived_value,
        canonical.value_low as feasible_low,
        canonical.value_high as feasible_high,
        'the canonical printing (' || canonical.value_as_printed || ' ' || canonical.unit_printed
        || ', ' || canonical.source_id || ', ' || canonical.section_zh || ') within its bounds'
            as check_method,
        reprints.source_id,
        canonical.source_id as input_source_ids,
        reprints.approximation_zh is null and not reprints.is_exact_count as published_is_plain,
        -- a count in the unit the canonical printing gives it in (件, 万件),
        -- for the audit's sentence
        case when canonical.normalised_unit in ('items', 'count') then canonical.multiplier end
            as page_multiplier,
        canonical.decimal_places as page_decimals,
        case when canonical.normalised_unit in ('items', 'count') then canonical.unit_printed end
            as page_unit_zh
    from reprints
    left join canonical
        on reprints.figure_id = canonical.figure_id
)

select
    {{ audit_check_columns() }},
    published_is_plain,
    page_multiplier,
    page_decimals,
    page_unit_zh,
    'the canonical printing allows' as inputs_text
from final
