-- Invariant: where a source prints every member of an exhaustive split of
-- the intake (ref_intake_dimensions) and the total it divides, the members
-- add up to that total exactly, in items, as printed (2022: 883.5 + 6708.9
-- = 3390.2 + 4202.2 = 7592.4 万件; 2020: 1001.38 + 102.56 = 1103.94 万件;
-- 2019–2021 running total: 1301 + 1833 = 3134 万件).
-- Exceptions: none on record. A split that adds up only within rounding
-- would be listed here with its figures; the audit's sum checks cover it.
--
-- One row per split that does not add up, naming the line of its total.
with

intake as (
    select * from {{ ref('fct_intake_volume') }}
),

dimensions as (
    select * from {{ ref('stg_reference__intake_dimensions') }}
),


split_sums as (
    select
        intake.platform_code,
        intake.period_code,
        intake.dimension,
        any_value(dimensions.whole_subject_code) as whole_subject_code,
        sum(intake.items) as items
    from intake
    inner join dimensions
        on
            intake.platform_code = dimensions.platform_code
            and intake.dimension = dimensions.dimension
    where dimensions.members_are_exhaustive
    group by intake.platform_code, intake.period_code, intake.dimension
    having count(*) = any_value(dimensions.member_count)
),

figures as (
    select * from {{ ref('int_report__figures') }}
    where subject_type = 'intake' and measure = 'items'
),

wholes as (
    select
        platform_code,
        period_code,
        dimension || '.' || member as subject_code,
        items
    from intake
),

broken as (
    select
        split_sums.platform_code,
        split_sums.period_code,
        split_sums.dimension,
        split_sums.whole_subject_code,
        split_sums.items as split_items,
        wholes.items as whole_items
    from split_sums
    inner join wholes
        on
            split_sums.platform_code = wholes.platform_code
            and split_sums.period_code = wholes.period_code
            and split_sums.whole_subject_code = wholes.subject_code
    where split_sums.items != wholes.items
),

-- the line of the total and the line of each member
lines as (
    select
        broken.*,
        figures.seed_name,
        figures.seed_line,
        figures.subject_code = broken.whole_subject_code as is_total
    from broken
    inner join figures
        on
            broken.platform_code = figures.platform_code
            and broken.period_code = figures.period_code
            and (
                broken.whole_subject_code = figures.subject_code
                or figures.subject_code like broken.dimension || '.%'
            )
)

select
    seed_name,
    seed_line,
    'value_printed' as seed_column,
    case
        when is_total then 'is the total of the intake split ' || dimension
        else 'is a member of the intake split ' || dimension
    end
    || ' (' || period_code || '), whose members add up to ' || split_items
    || ' items but whose total is ' || whole_items || ' items' as problem,
    platform_code,
    period_code,
    dimension,
    split_items,
    whole_items
from lines
