-- A daily average (日均) against the count it averages and the days of its
-- period: 东海's 410 a day in 2020 against its 149,497 items over 366 days.
-- The average can be anything from the count's low to its high over the
-- number of days, counted inclusively; the printed average is consistent
-- when its printed range meets that range (an average printed in 件 is
-- rounded, not exact: 410 is 405–415). Only a dated period has a number
-- of days: a period whose page prints no year, or no end, is not checked.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

-- the days of the period, counted inclusively
averages as (
    select
        *,
        datediff('day', period_start, period_end) + 1 as day_count,
        significant_unit * multiplier / 2 as half_unit
    from figures
    where
        {{ measure_feeds('average') }}
        and period_start is not null
        and period_end is not null
),

counts as (
    select *
    from figures
    where {{ measure_feeds('count') }}
),

checks as (
    select
        'average:' || averages.figure_id as check_id,
        'average' as check_kind,
        averages.platform_code,
        averages.period_code,
        averages.year,
        averages.section_zh,
        averages.subject_code,
        averages.subject_name_zh,
        averages.measure,
        averages.measure || ' = ' || counts.measure || ' / ' || averages.day_count || ' days'
            as formula,
        averages.value_as_printed || averages.unit_printed as published_value_as_printed,
        averages.value_normalised as published_number,
        averages.normalised_unit as published_unit,
        -- an average is not a count: printed in 件 it is rounded like any
        -- plain number, to half a unit of its last significant digit
        case
            when averages.is_exact_count
                then averages.value_normalised - averages.half_unit
            else averages.value_low
        end as published_low,
        case
            when averages.is_exact_count
                then averages.value_normalised + averages.half_unit
            else averages.value_high
        end as published_high,
        counts.value_normalised / averages.day_count as derived_value,
        cast(counts.value_low as double) / averages.day_count as feasible_low,
        cast(counts.value_high as double) / averages.day_count as feasible_high,
        'the printed count, within its printed bounds, '
        || 'over the days of the period counted inclusively'
            as check_method,
        averages.source_id,
        {{ source_id_list('[averages.source_id, counts.source_id]') }} as input_source_ids,
        [counts.figure_id] as part_figure_ids,
        [averages.figure_id] as whole_figure_ids,
        'the count (' || counts.value_as_printed || counts.unit_printed || ' over '
        || averages.day_count || ' days) allows' as inputs_text
    from averages
    inner join counts
        on
            {{ same_subject('averages', 'counts') }}
)

select
    {{ audit_check_columns() }},
    part_figure_ids,
    whole_figure_ids,
    inputs_text
from checks
