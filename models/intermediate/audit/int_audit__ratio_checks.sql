-- "单月受理量提升约八倍": the monthly intake rose from January to October by
-- about eight times. 提升 N 倍 is read as an increase by N times the starting
-- value, (October - January) / January; 约八 as the nearest whole number,
-- i.e. between 7.5 and 8.5 (the precision of the printed 八).
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where subject_type = 'intake' and subject_code = 'total.all'
),

months as (
    select
        report_year,
        min(month) filter (where observation_code = 'monthly_volume') as first_month,
        max(month) filter (where observation_code = 'annual_peak') as last_month,
        min(cast(value_low as double)) filter (where observation_code = 'monthly_volume')
            as first_month_low,
        max(cast(value_high as double)) filter (where observation_code = 'monthly_volume')
            as first_month_high,
        max(cast(items as double)) filter (where observation_code = 'monthly_volume')
            as first_month_items,
        min(cast(value_low as double)) filter (where observation_code = 'annual_peak')
            as peak_month_low,
        max(cast(value_high as double)) filter (where observation_code = 'annual_peak')
            as peak_month_high,
        max(cast(items as double)) filter (where observation_code = 'annual_peak')
            as peak_month_items
    from figures
    group by report_year
),

multiples as (
    select * from figures
    where measure = 'monthly_growth_multiple'
),

final as (
    select
        'ratio:' || multiples.figure_id as check_id,
        multiples.report_year,
        'ratio' as check_kind,
        multiples.section_zh,
        multiples.subject_zh as subject,
        'growth multiple, month ' || months.last_month || ' over month '
        || months.first_month || ': (later - earlier) / earlier' as figure,
        case when multiples.is_approximate then '约' else '' end
        || multiples.value_printed || multiples.unit_printed
            as published_value,
        cast(multiples.value_low as double) as published_low,
        cast(multiples.value_high as double) as published_high,
        (months.peak_month_items - months.first_month_items) / months.first_month_items
            as derived_value,
        (months.peak_month_low - months.first_month_high) / months.first_month_high
            as feasible_low,
        (months.peak_month_high - months.first_month_low) / months.first_month_low
            as feasible_high,
        'increase over the earlier month as a multiple of it, both months within '
        || 'their printed precision; 约 read as rounded to the printed digit' as check_method
    from multiples
    inner join months
        on multiples.report_year = months.report_year
)

select * from final
