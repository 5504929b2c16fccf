-- Claims that a printed whole is at least (or at most) something its printed
-- parts imply: named parts never exceed their whole, and a month called the
-- year's highest is at least the monthly average. feasible_low / feasible_high
-- bound the whole; an empty bound is unbounded on that side.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

annual_items as (
    select * from figures
    where month is null and measure = 'items'
),

monthly as (
    select * from figures
    where month is not null and measure = 'items'
),

-- every set of printed parts that lies inside a printed whole, keyed by the
-- whole's figure_id: the whole is at least the sum of the parts' lows
part_sets as (
    -- the named sub-categories (主要反映…) of a category, and the top three
    -- handling units of a 每月一题 topic
    select
        parents.figure_id as whole_figure_id,
        'named_' || parts.subject_type || '_sum' as check_suffix,
        'items >= sum of the ' || count(*) || ' named '
        || parts.subject_type || ' items' as figure,
        sum(cast(parts.items as double)) as items,
        sum(cast(parts.value_low as double)) as items_low
    from annual_items as parts
    inner join annual_items as parents
        on
            parts.report_year = parents.report_year
            and parts.parent_subject_type = parents.subject_type
            and parts.parent_code = parents.subject_code
    where parts.subject_type in ('subcategory', 'monthly_topic_unit')
    group by parents.figure_id, parts.subject_type

    union all

    -- the ten leading everyday categories exclude epidemic-related items, so
    -- together with them they are part of the whole intake
    select
        wholes.figure_id as whole_figure_id,
        'leading_categories_and_covid' as check_suffix,
        'items >= ten leading categories + epidemic-related items' as figure,
        sum(cast(parts.items as double)) as items,
        sum(cast(parts.value_low as double)) as items_low
    from annual_items as parts
    inner join annual_items as wholes
        on
            parts.report_year = wholes.report_year
            and wholes.subject_code = 'total.all'
    where
        parts.subject_type = 'category'
        or parts.subject_code = 'theme.covid_related'
    group by wholes.figure_id

    union all

    -- the 16 districts, city bodies and state-owned enterprises handle part
    -- of the dispatched items (派单办理)
    select
        wholes.figure_id as whole_figure_id,
        'named_handling_units' as check_suffix,
        'items >= 16 districts + named city bodies + named state-owned enterprises'
            as figure,
        sum(cast(parts.items as double)) as items,
        sum(cast(parts.value_low as double)) as items_low
    from annual_items as parts
    inner join annual_items as wholes
        on
            parts.report_year = wholes.report_year
            and wholes.subject_code = 'handling_mode.dispatched'
    where parts.subject_type in ('district_total', 'city_body', 'state_owned_enterprise')
    group by wholes.figure_id

    union all

    -- the printed months of a subject are part of its year
    select
        wholes.figure_id as whole_figure_id,
        'printed_months_sum' as check_suffix,
        'items >= items of month '
        || string_agg(cast(parts.month as varchar), ' + ' order by parts.month) as figure,
        sum(cast(parts.items as double)) as items,
        sum(cast(parts.value_low as double)) as items_low
    from monthly as parts
    inner join annual_items as wholes
        on
            parts.report_year = wholes.report_year
            and parts.subject_type = wholes.subject_type
            and parts.subject_code = wholes.subject_code
    group by wholes.figure_id
),

at_least_parts_checks as (
    select
        'bound:' || wholes.figure_id || '.' || part_sets.check_suffix as check_id,
        wholes.report_year,
        'bound' as check_kind,
        wholes.section_zh,
        wholes.subject_zh as subject,
        part_sets.figure,
        wholes.value_printed || ' ' || wholes.unit_printed as published_value,
        cast(wholes.value_low as double) as published_low,
        cast(wholes.value_high as double) as published_high,
        part_sets.items as derived_value,
        part_sets.items_low as feasible_low,
        cast(null as double) as feasible_high,
        'the whole is at least the sum of the lows of its printed parts' as check_method
    from part_sets
    inner join annual_items as wholes
        on part_sets.whole_figure_id = wholes.figure_id
),

-- a month called the year's highest holds at least a twelfth of the year
peak_month_checks as (
    select
        'bound:' || monthly.figure_id || '.peak_at_least_average' as check_id,
        annual.report_year,
        'bound' as check_kind,
        monthly.section_zh,
        monthly.subject_zh as subject,
        'items <= 12 x the items of month ' || monthly.month
        || ' (' || monthly.observation_zh || ')' as figure,
        annual.value_printed || ' ' || annual.unit_printed as published_value,
        cast(annual.value_low as double) as published_low,
        cast(annual.value_high as double) as published_high,
        12.0 * monthly.items as derived_value,
        cast(null as double) as feasible_low,
        12.0 * cast(monthly.value_high as double) as feasible_high,
        'a month the report calls the year''s highest holds at least a twelfth of the year'
            as check_method
    from monthly
    inner join annual_items as annual
        on
            monthly.report_year = annual.report_year
            and monthly.subject_type = annual.subject_type
            and monthly.subject_code = annual.subject_code
    where monthly.implies_annual_maximum
),

final as (
    select * from at_least_parts_checks
    union all
    select * from peak_month_checks
)

select * from final
