-- A printed value its measure cannot take: a fall of more than 100%
-- (常州 建设热线's 比去年同期下降267%), a share over 100%. The range a
-- measure's values can take is a row of ref_measures (min_value,
-- max_value). A value outside it is refused where it is read
-- (assert_every_printed_figure_row_is_readable), as a slip of the hand is,
-- unless a person has reviewed it as printed so: its check is then listed
-- in known_discrepancies, and the figure is held, and checked here, as the
-- page prints it. Only such a value makes a check; a value within its
-- measure's range claims nothing the range could refute.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

out_of_range as (
    select
        *,
        measure_min_value as min_value,
        measure_max_value as max_value
    from figures
    where
        value_high < measure_min_value
        or value_low > measure_max_value
),

checks as (
    select
        'range:' || figure_id as check_id,
        'range' as check_kind,
        platform_code,
        period_code,
        year,
        section_zh,
        subject_code,
        subject_name_zh,
        measure,
        concat_ws(
            ' and ',
            measure || ' >= ' || cast(min_value as double),
            measure || ' <= ' || cast(max_value as double)
        ) as formula,
        value_as_printed || unit_printed as published_value_as_printed,
        value_normalised as published_number,
        normalised_unit as published_unit,
        value_low as published_low,
        value_high as published_high,
        null as derived_value,
        min_value as feasible_low,
        max_value as feasible_high,
        'the range the measure''s values can take (ref_measures)' as check_method,
        source_id,
        source_id as input_source_ids,
        [figure_id] as part_figure_ids,
        'its measure (ref_measures) allows' as inputs_text
    from out_of_range
)

select
    {{ audit_check_columns() }},
    part_figure_ids,
    inputs_text
from checks
