-- Every printed change of a level in its own points (int_audit__level_changes:
-- a rate's change in percentage points, kind `points_change`; a score's
-- change, kind `score_change`) against the two levels it is the difference
-- of: change = level of this period - the compared level, so the feasible
-- range is this_low - compared_high to this_high - compared_low, each level
-- within the bounds of its printing (int_report__figures' value_low and
-- value_high: the one rounding rule), the difference taken in decimals. Only
-- a change with exactly one pair of levels is checked.
with

pairs as (
    select * from {{ ref('int_audit__level_changes') }}
    where pairs_found = 1
),

final as (
    select
        check_kind || ':' || figure_id as check_id,
        check_kind,
        platform_code,
        period_code,
        year,
        section_zh,
        subject_code,
        subject_name_zh,
        measure,
        measure || ' = level (this period) - level (the compared period)' as formula,
        value_as_printed || unit_printed as published_value_as_printed,
        value_normalised as published_number,
        normalised_unit as published_unit,
        value_low as published_low,
        value_high as published_high,
        this_value - compared_value as derived_value,
        -- in decimals, so that the difference is exact before it is a double
        this_low - compared_high as feasible_low,
        this_high - compared_low as feasible_high,
        'this period''s level (' || this_as_printed || ', as ' || this_source_id
        || ' prints it) less the compared one (' || compared_as_printed || ', as ' || source_id
        || ' prints it), both within their bounds; the change ' || {{ read_as_printed() }}
            as check_method,
        source_id,
        {{ source_id_list('[this_source_id, source_id]') }} as input_source_ids,
        [this_figure_id] as this_figure_ids,
        [compared_figure_id] as prior_figure_ids,
        'the two printed levels (this period''s ' || this_as_printed || ' as ' || this_source_id
        || ' prints it, the compared ' || compared_as_printed || ' as ' || source_id
        || ' prints it) allow' as inputs_text
    from pairs
)

select
    {{ audit_check_columns() }},
    this_figure_ids,
    prior_figure_ids,
    inputs_text
from final
