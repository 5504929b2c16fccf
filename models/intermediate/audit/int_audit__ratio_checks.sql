-- Growth multiples of one month over another ("单月受理量提升约八倍": the
-- monthly intake rose from January to October by about eight times). 提升 N
-- 倍 is read as an increase by N times the starting value, (later - earlier)
-- / earlier; the earlier month is the one the source gives as a plain
-- monthly volume, the later its annual peak; both within their printed
-- bounds, and the multiple within the bounds of its wording (约八 → 7.5–8.5).
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

monthly as (
    select * from figures
    where period_kind = 'month' and {{ measure_feeds('monthly_count') }}
),

multiples as (
    select * from figures
    where {{ measure_feeds('published_multiple') }}
),

months as (
    select
        multiples.figure_id,
        arg_min(monthly.period_code, monthly.period_start) filter (
            where monthly.observation_code = 'monthly_volume'
        ) as first_month,
        arg_max(monthly.period_code, monthly.period_start) filter (
            where monthly.observation_code = 'annual_peak'
        ) as last_month,
        min(cast(monthly.value_low as double)) filter (
            where monthly.observation_code = 'monthly_volume'
        )
            as first_month_low,
        max(cast(monthly.value_high as double)) filter (
            where monthly.observation_code = 'monthly_volume'
        )
            as first_month_high,
        max(cast(monthly.items as double)) filter (
            where monthly.observation_code = 'monthly_volume'
        )
            as first_month_items,
        min(cast(monthly.value_low as double)) filter (
            where monthly.observation_code = 'annual_peak'
        )
            as peak_month_low,
        max(cast(monthly.value_high as double)) filter (
            where monthly.observation_code = 'annual_peak'
        )
            as peak_month_high,
        max(cast(monthly.items as double)) filter (where monthly.observation_code = 'annual_peak')
            as peak_month_items,
        list(distinct monthly.source_id) as source_ids
    from multiples
    inner join monthly
        on
            multiples.platform_code = monthly.platform_code
            and multiples.subject_type = monthly.subject_type
            and multiples.subject_code = monthly.subject_code
            and multiples.period_start <= monthly.period_start
            and multiples.period_end >= monthly.period_end
    group by multiples.figure_id
),

final as (
    select
        'ratio:' || multiples.figure_id as check_id,
        'ratio' as check_kind,
        multiples.platform_code,
        multiples.period_code,
        multiples.year,
        multiples.section_zh,
        multiples.subject_code,
        multiples.subject_name_zh,
        multiples.measure,
        multiples.measure
        || ' = (items (' || months.last_month || ') - items (' || months.first_month || '))'
        || ' / items (' || months.first_month || ')' as formula,
        multiples.value_as_printed || multiples.unit_printed as published_value_as_printed,
        multiples.value_normalised as published_number,
        multiples.normalised_unit as published_unit,
        multiples.value_low as published_low,
        multiples.value_high as published_high,
        (months.peak_month_items - months.first_month_items) / months.first_month_items
            as derived_value,
        (months.peak_month_low - months.first_month_high) / months.first_month_high
            as feasible_low,
        (months.peak_month_high - months.first_month_low) / months.first_month_low
            as feasible_high,
        'increase over the earlier month as a multiple of it, both months within '
        || 'their printed bounds; the wording read as in ref_approximations' as check_method,
        multiples.source_id,
        {{ source_id_list('months.source_ids') }} as input_source_ids
    from multiples
    inner join months
        on multiples.figure_id = months.figure_id
)

select {{ audit_check_columns() }}
from final
