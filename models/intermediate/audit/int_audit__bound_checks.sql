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

-- the named sub-categories (主要反映…) of a category, and the top three
-- handling units of a 每月一题 topic, are part of their parent's items
named_part_sums as (
    select
        report_year,
        subject_type,
        parent_subject_type,
        parent_code,
        count(*) as part_count,
        sum(cast(items as double)) as items,
        sum(cast(value_low as double)) as items_low
    from annual_items
    where subject_type in ('subcategory', 'monthly_topic_unit')
    group by report_year, subject_type, parent_subject_type, parent_code
),

named_part_checks as (
    select
        'bound:' || parents.figure_id || '.named_' || parts.subject_type || '_sum' as check_id,
        parents.report_year,
        'bound' as check_kind,
        parents.section_zh,
        parents.subject_zh as subject,
        'items >= sum of the ' || parts.part_count || ' named '
        || parts.subject_type || ' items' as figure,
        parents.value_printed || ' ' || parents.unit_printed as published_value,
        cast(parents.value_low as double) as published_low,
        cast(parents.value_high as double) as published_high,
        parts.items as derived_value,
        parts.items_low as feasible_low,
        cast(null as double) as feasible_high,
        'the whole is at least the sum of the lows of its named parts' as check_method
    from annual_items as parents
    inner join named_part_sums as parts
        on
            parents.report_year = parts.report_year
            and parents.subject_type = parts.parent_subject_type
            and parents.subject_code = parts.parent_code
),

-- the ten leading everyday categories exclude epidemic-related items, so
-- together with them they are part of the whole intake
total_intake as (
    select * from annual_items
    where subject_type = 'intake' and subject_code = 'total.all'
),

everyday_and_covid as (
    select
        report_year,
        sum(cast(items as double)) as items,
        sum(cast(value_low as double)) as items_low
    from annual_items
    where
        subject_type = 'category'
        or (subject_type = 'intake' and subject_code = 'theme.covid_related')
    group by report_year
),

-- the 16 districts, city bodies and state-owned enterprises handle part of
-- the dispatched items (派单办理)
dispatched as (
    select * from annual_items
    where subject_type = 'intake' and subject_code = 'handling_mode.dispatched'
),

handling_units as (
    select
        report_year,
        sum(cast(items as double)) as items,
        sum(cast(value_low as double)) as items_low
    from annual_items
    where subject_type in ('district_total', 'city_body', 'state_owned_enterprise')
    group by report_year
),

whole_intake_checks as (
    select
        'bound:' || total_intake.figure_id || '.leading_categories_and_covid' as check_id,
        total_intake.report_year,
        'bound' as check_kind,
        total_intake.section_zh,
        total_intake.subject_zh as subject,
        'items >= ten leading categories + epidemic-related items' as figure,
        total_intake.value_printed || ' ' || total_intake.unit_printed as published_value,
        cast(total_intake.value_low as double) as published_low,
        cast(total_intake.value_high as double) as published_high,
        everyday_and_covid.items as derived_value,
        everyday_and_covid.items_low as feasible_low,
        cast(null as double) as feasible_high,
        'the whole is at least the sum of the lows of its named parts' as check_method
    from total_intake
    inner join everyday_and_covid
        on total_intake.report_year = everyday_and_covid.report_year

    union all

    select
        'bound:' || dispatched.figure_id || '.named_handling_units' as check_id,
        dispatched.report_year,
        'bound' as check_kind,
        dispatched.section_zh,
        dispatched.subject_zh as subject,
        'items >= 16 districts + named city bodies + named state-owned enterprises'
            as figure,
        dispatched.value_printed || ' ' || dispatched.unit_printed as published_value,
        cast(dispatched.value_low as double) as published_low,
        cast(dispatched.value_high as double) as published_high,
        handling_units.items as derived_value,
        handling_units.items_low as feasible_low,
        cast(null as double) as feasible_high,
        'the whole is at least the sum of the lows of its named parts' as check_method
    from dispatched
    inner join handling_units
        on dispatched.report_year = handling_units.report_year
),

-- single months: the printed months of a subject are part of its year, and
-- a month called the year's highest is at least a twelfth of the year
monthly as (
    select * from figures
    where month is not null and measure = 'items'
),

monthly_sums as (
    select
        report_year,
        subject_type,
        subject_code,
        string_agg(cast(month as varchar), ' + ' order by month) as months,
        sum(cast(items as double)) as items,
        sum(cast(value_low as double)) as items_low
    from monthly
    group by report_year, subject_type, subject_code
),

monthly_checks as (
    select
        'bound:' || annual.figure_id || '.printed_months_sum' as check_id,
        annual.report_year,
        'bound' as check_kind,
        annual.section_zh,
        annual.subject_zh as subject,
        'items >= items of month ' || monthly_sums.months as figure,
        annual.value_printed || ' ' || annual.unit_printed as published_value,
        cast(annual.value_low as double) as published_low,
        cast(annual.value_high as double) as published_high,
        monthly_sums.items as derived_value,
        monthly_sums.items_low as feasible_low,
        cast(null as double) as feasible_high,
        'the year is at least the sum of the lows of its printed months' as check_method
    from annual_items as annual
    inner join monthly_sums
        on
            annual.report_year = monthly_sums.report_year
            and annual.subject_type = monthly_sums.subject_type
            and annual.subject_code = monthly_sums.subject_code

    union all

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
    select * from named_part_checks
    union all
    select * from whole_intake_checks
    union all
    select * from monthly_checks
)

select * from final
