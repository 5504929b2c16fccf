-- Printed wholes against the sum of their printed parts. The sum of parts
-- can be anything from the sum of the parts' lows to the sum of their highs;
-- the whole is consistent when its own printed range meets that range.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where month is null
),

intake_bounds as (
    select * from {{ ref('int_audit__intake_bounds') }}
),

-- a split of the intake (handling mode, channel) adds up to the total, in
-- the report year as printed and in the back-calculated prior year
intake_splits as (
    select
        report_year,
        figure_year,
        dimension,
        string_agg(subject_zh, ' + ' order by subject_code) as parts_zh,
        sum(items) as items,
        sum(items_low) as items_low,
        sum(items_high) as items_high
    from intake_bounds
    where dimension in ('handling_mode', 'channel')
    group by report_year, figure_year, dimension
),

intake_checks as (
    select
        'sum:' || splits.report_year || '.intake.' || splits.dimension
        || case
            when splits.figure_year != splits.report_year
                then '.fy' || splits.figure_year
            else ''
        end as check_id,
        splits.report_year,
        case
            when splits.figure_year = splits.report_year then 'sum'
            else 'prior_year_sum'
        end as check_kind,
        '一、总体情况' as section_zh,
        totals.subject_zh as subject,
        'items (' || splits.figure_year || ') = ' || splits.parts_zh as figure,
        case
            when splits.figure_year = splits.report_year
                then cast(totals.items / 10000 as varchar) || ' 万件'
            else 'back-calculated from the total and its year-on-year change'
        end as published_value,
        totals.items_low as published_low,
        totals.items_high as published_high,
        splits.items as derived_value,
        splits.items_low as feasible_low,
        splits.items_high as feasible_high,
        case
            when splits.figure_year = splits.report_year
                then 'sum of the printed parts, each within its printed precision'
            else
                'sum of the parts'' prior-year items back-calculated from their '
                || 'year-on-year changes, against the total''s'
        end as check_method
    from intake_splits as splits
    inner join intake_bounds as totals
        on
            splits.report_year = totals.report_year
            and splits.figure_year = totals.figure_year
            and totals.subject_code = 'total.all'
),

-- districts: each district's departments + streets = the district; the 16
-- districts (and their streets) add up to the printed totals
district_figures as (
    select * from figures
    where subject_type in ('district', 'district_total')
),

district_part_sums as (
    select
        report_year,
        subject_code,
        sum(cast(items as double)) as items,
        sum(cast(value_low as double)) as items_low,
        sum(cast(value_high as double)) as items_high
    from district_figures
    where
        subject_type = 'district'
        and measure in ('district_department_items', 'street_township_items')
    group by report_year, subject_code
),

district_split_checks as (
    select
        'sum:' || wholes.figure_id as check_id,
        wholes.report_year,
        'sum' as check_kind,
        wholes.section_zh,
        wholes.subject_zh as subject,
        'items = district_department_items + street_township_items' as figure,
        wholes.value_printed || ' ' || wholes.unit_printed as published_value,
        cast(wholes.value_low as double) as published_low,
        cast(wholes.value_high as double) as published_high,
        parts.items as derived_value,
        parts.items_low as feasible_low,
        parts.items_high as feasible_high,
        'sum of the printed parts, each within its printed precision' as check_method
    from district_figures as wholes
    inner join district_part_sums as parts
        on
            wholes.report_year = parts.report_year
            and wholes.subject_code = parts.subject_code
    where wholes.subject_type = 'district' and wholes.measure = 'items'
),

district_measure_sums as (
    select
        report_year,
        measure,
        count(*) as district_count,
        sum(cast(items as double)) as items,
        sum(cast(value_low as double)) as items_low,
        sum(cast(value_high as double)) as items_high
    from district_figures
    where subject_type = 'district'
    group by report_year, measure
),

district_total_checks as (
    select
        'sum:' || wholes.figure_id as check_id,
        wholes.report_year,
        'sum' as check_kind,
        wholes.section_zh,
        wholes.subject_zh as subject,
        wholes.measure || ' = sum over the ' || parts.district_count || ' districts' as figure,
        wholes.value_printed || ' ' || wholes.unit_printed as published_value,
        cast(wholes.value_low as double) as published_low,
        cast(wholes.value_high as double) as published_high,
        parts.items as derived_value,
        parts.items_low as feasible_low,
        parts.items_high as feasible_high,
        'sum of the printed district figures, each within its printed precision' as check_method
    from district_figures as wholes
    inner join district_measure_sums as parts
        on
            wholes.report_year = parts.report_year
            and wholes.measure = parts.measure
    where
        wholes.subject_type = 'district_total'
        and wholes.measure in ('items', 'street_township_items')
),

-- 每月一题: the topics add up to the printed total, and there are as many
-- topics as the report says
topic_sums as (
    select
        report_year,
        'items' as measure,
        sum(cast(items as double)) as derived
    from figures
    where subject_type = 'monthly_topic' and measure = 'items'
    group by report_year

    union all

    select
        report_year,
        'topic_count' as measure,
        count(*) as derived
    from figures
    where subject_type = 'monthly_topic' and measure = 'items'
    group by report_year
),

topic_total_checks as (
    select
        'sum:' || wholes.figure_id as check_id,
        wholes.report_year,
        case wholes.measure when 'topic_count' then 'count' else 'sum' end as check_kind,
        wholes.section_zh,
        wholes.subject_zh as subject,
        case wholes.measure
            when 'topic_count' then 'number of topics in the table'
            else 'items = sum of the topics'' totals'
        end as figure,
        wholes.value_printed || ' ' || wholes.unit_printed as published_value,
        cast(wholes.value_low as double) as published_low,
        cast(wholes.value_high as double) as published_high,
        topic_sums.derived as derived_value,
        topic_sums.derived as feasible_low,
        topic_sums.derived as feasible_high,
        'the topics'' exact counts (件) from the table' as check_method
    from figures as wholes
    inner join topic_sums
        on
            wholes.report_year = topic_sums.report_year
            and wholes.measure = topic_sums.measure
    where wholes.subject_type = 'monthly_topics_total'
),

final as (
    select * from intake_checks
    union all
    select * from district_split_checks
    union all
    select * from district_total_checks
    union all
    select * from topic_total_checks
)

select * from final
