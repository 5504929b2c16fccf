-- Every printed change of a level in its own points (a rate's change in
-- percentage points, 比今年上半年平均接通率98.12%高出0.66个百分点; a score's
-- change, 较上月提高0.05分), with the two levels it is the difference of,
-- where they are printed: one row per change and pair of levels (one row
-- with empty levels where there is none). Which measures are changes and
-- which are levels is data (ref_measure_uses: the change's role is the kind
-- of its check); which level a change is of is macros/audit.sql's
-- level_of_change. The level of this period is the level of the change's
-- own period, by any source (its own first), or, for a change over a span
-- of years (由92%提升至94.8%), the level its own page prints for the period
-- that ends the span. The compared level is printed by the change's own
-- page, since only the page says in words which period it compares with
-- (比去年, 比今年上半年, 较上月): a level of the same subject of another
-- period, earlier where both are dated, the one that starts the span for a
-- span. int_audit__level_change_checks checks a change with exactly one
-- pair; printed_changes says why another is not checked.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

changes as (
    select
        figures.*,
        uses.figure_role as check_kind
    from figures
    inner join {{ measure_uses() }} as uses
        on figures.measure = uses.measure
    where uses.figure_role in ('points_change', 'score_change')
),

levels as (
    select * from figures
    where {{ measure_feeds('level') }}
),

-- the level of the change's period, by any source, its own first
this_levels as (
    select
        changes.figure_id as change_figure_id,
        levels.*
    from changes
    inner join levels
        on
            {{ level_of_change('changes', 'levels') }}
            and (
                changes.period_code = levels.period_code
                or (
                    changes.period_kind = 'cumulative'
                    and changes.source_id = levels.source_id
                    and changes.period_end = levels.period_end
                )
            )
    qualify
        rank() over (
            partition by changes.figure_id
            order by levels.source_id = changes.source_id desc
        ) = 1
),

-- each change with the level of this period and the compared level the
-- change's page prints (none, one, or more than one pair)
pairs as (
    select
        changes.*,
        this_levels.figure_id as this_figure_id,
        this_levels.period_code as this_period_code,
        this_levels.source_id as this_source_id,
        this_levels.value_as_printed || this_levels.unit_printed as this_as_printed,
        this_levels.value_normalised as this_value,
        this_levels.value_low as this_low,
        this_levels.value_high as this_high,
        compared.figure_id as compared_figure_id,
        compared.period_code as compared_period_code,
        compared.value_as_printed || compared.unit_printed as compared_as_printed,
        compared.value_normalised as compared_value,
        compared.value_low as compared_low,
        compared.value_high as compared_high,
        count(compared.figure_id) over (partition by changes.figure_id) as pairs_found
    from changes
    left join this_levels
        on changes.figure_id = this_levels.change_figure_id
    left join levels as compared
        on
            {{ level_of_change('changes', 'compared') }}
            and changes.source_id = compared.source_id
            and this_levels.period_code != compared.period_code
            and changes.period_code != compared.period_code
            and coalesce(this_levels.period_start > compared.period_end, true)
            and (
                changes.period_kind != 'cumulative'
                or changes.period_start = compared.period_start
            )
),

final as (
    select
        figure_id,
        check_kind,
        platform_code,
        period_code,
        year,
        section_zh,
        subject_type,
        subject_code,
        subject_name_zh,
        measure,
        source_id,
        value_as_printed,
        unit_printed,
        value_normalised,
        normalised_unit,
        value_low,
        value_high,
        decimal_places,
        this_figure_id,
        this_period_code,
        this_source_id,
        this_as_printed,
        this_value,
        this_low,
        this_high,
        compared_figure_id,
        compared_period_code,
        compared_as_printed,
        compared_value,
        compared_low,
        compared_high,
        pairs_found
    from pairs
)

select * from final
