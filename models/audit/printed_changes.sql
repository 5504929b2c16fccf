-- One row per printed rate of change (同比, 环比, 较上周): whether the audit
-- checks it and against what. A rate is checked against the counts of the
-- two periods (`yoy`, `pop`: the compared period's count printed on the same
-- page or by another source of the same platform, subject and measure), or
-- against the change in items printed beside it (`change`). A rate no check
-- reads stays unchecked, with the reason: no source in the warehouse prints
-- the compared period's count, or none prints this period's. A change of a
-- level in its own points (a rate's change in percentage points, a score's
-- change: int_audit__level_changes) is checked against the level of this
-- period and the compared level its page prints (`points_change`,
-- `score_change`), or not, with the reason: its page prints no compared
-- level (or more than one pair to choose from), or no source prints the
-- level of its period.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

count_checks as (
    select
        check_id,
        source_id,
        input_source_ids
    from {{ ref('int_audit__yoy_checks') }}
),

change_checks as (
    select check_id
    from {{ ref('int_audit__change_checks') }}
),

level_changes as (
    select * from {{ ref('int_audit__level_changes') }}
),

level_checks as (
    select
        check_id,
        source_id,
        input_source_ids
    from {{ ref('int_audit__level_change_checks') }}
),

rates as (
    select
        *,
        measure_change_against as change_against
    from figures
    where measure_change_against is not null
),

-- the subjects and periods some source prints a count of
counted as (
    select distinct
        platform_code,
        period_code,
        subject_type,
        coalesce(parent_code, '') as parent_code,
        subject_code
    from figures
    where {{ measure_feeds('count') }}
),

rate_rows as (
    select
        rates.figure_id,
        rates.platform_code,
        rates.period_code,
        rates.source_id,
        rates.subject_type,
        rates.subject_code,
        rates.measure,
        rates.change_against,
        rates.value_as_printed || rates.unit_printed as value_as_printed,
        count_checks.check_id as count_check_id,
        change_checks.check_id as change_check_id,
        count_checks.input_source_ids as count_check_source_ids,
        coalesce(count_checks.input_source_ids != count_checks.source_id, false)
            as is_compared_on_another_source,
        case
            when
                count_checks.check_id is not null
                and count_checks.input_source_ids != count_checks.source_id
                then 'another_source'
            when count_checks.check_id is not null then 'its_page'
            when change_checks.check_id is not null then 'change_in_items'
            when counted.subject_code is not null then 'unchecked_no_compared_count'
            else 'unchecked_no_count'
        end as how_checked
    from rates
    left join count_checks
        on
            'yoy:' || rates.figure_id = count_checks.check_id
            or 'pop:' || rates.figure_id = count_checks.check_id
    left join change_checks
        on 'change:' || rates.figure_id = change_checks.check_id
    left join counted
        on
            rates.platform_code = counted.platform_code
            and rates.period_code = counted.period_code
            and rates.subject_type = counted.subject_type
            and coalesce(rates.parent_code, '') = counted.parent_code
            and rates.subject_code = counted.subject_code
),

-- each change of a level once, with its check or why it has none (the
-- columns of a rate's counts are empty)
level_rows as (
    select distinct
        level_changes.figure_id,
        level_changes.platform_code,
        level_changes.period_code,
        level_changes.source_id,
        level_changes.subject_type,
        level_changes.subject_code,
        level_changes.measure,
        level_changes.value_as_printed || level_changes.unit_printed as value_as_printed,
        coalesce(level_checks.input_source_ids != level_checks.source_id, false)
            as is_compared_on_another_source,
        level_checks.check_id as level_check_id,
        case
            when
                level_checks.check_id is not null
                and level_checks.input_source_ids != level_checks.source_id
                then 'another_source'
            when level_checks.check_id is not null then 'its_page'
            when level_changes.this_figure_id is not null then 'unchecked_no_compared_level'
            else 'unchecked_no_level'
        end as how_checked
    from level_changes
    left join level_checks
        on level_changes.check_kind || ':' || level_changes.figure_id = level_checks.check_id
),

final as (
    select * from rate_rows
    union all by name
    select * from level_rows
)

select
    figure_id,
    platform_code,
    period_code,
    source_id,
    subject_type,
    subject_code,
    measure,
    change_against,
    value_as_printed,
    count_check_id,
    change_check_id,
    level_check_id,
    count_check_source_ids,
    is_compared_on_another_source,
    how_checked
from final
