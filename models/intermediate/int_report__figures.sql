-- One row per figure (platform, period, subject, measure): its canonical
-- printing. Everything that computes with figures starts here; the other
-- printings of a figure are in int_report__printings, and the audit checks
-- that they agree with this one.
with

printings as (
    select * from {{ ref('int_report__printings') }}
),

final as (
    select
        figure_id,
        seed_name,
        seed_line,
        source_id,
        platform_code,
        source_kind,
        section_zh,
        source_phrase,
        period_start,
        period_end,
        period_kind,
        period_code,
        year,
        series_start_date,
        subject_type,
        subject_code,
        subject_zh,
        subject_name_zh,
        subject_name_en,
        parent_subject_type,
        parent_code,
        parent_zh,
        population_code,
        list_position,
        measure,
        share_of_zh,
        share_of_code,
        list_group_zh,
        measure_share_denominator,
        measure_normalised_unit,
        measure_min_value,
        measure_max_value,
        measure_change_against,
        is_approximate,
        approximation_zh,
        approximation_en,
        observation_zh,
        observation_code,
        implies_annual_maximum,
        value_printed,
        unit_printed,
        value_as_printed,
        value_decimal,
        decimal_places,
        significant_unit,
        normalised_unit,
        multiplier,
        is_exact_count,
        value_normalised,
        value_low,
        value_high,
        items
    from printings
    where is_canonical
)

select * from final
