-- Single-month figures a report singles out with an observation (单月受理量,
-- 年度最高 …): the whole hotline in January and October, and the monthly peaks
-- of sub-categories. A monthly bulletin's own figures are in the series marts.
with

monthly as (
    select * from {{ ref('int_report__figures') }}
    where period_kind = 'month' and {{ measure_feeds() }} and observation_code is not null
),

annual as (
    select * from {{ ref('int_report__figures') }}
    where period_kind = 'year' and {{ measure_feeds() }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('monthly') }},
        periods.period_label_zh,
        periods.period_label_en,
        month(monthly.period_start) as month,
        monthly.subject_type,
        monthly.subject_code,
        monthly.subject_name_zh,
        monthly.subject_name_en,
        monthly.items,
        monthly.observation_code as observation,
        monthly.observation_zh,
        {{ share_pct('monthly.items', 'annual.items') }} as share_of_annual_pct
    from monthly
    left join annual
        on
            monthly.platform_code = annual.platform_code
            and monthly.year = annual.year
            and monthly.subject_type = annual.subject_type
            and monthly.subject_code = annual.subject_code
    left join periods
        on monthly.period_code = periods.period_code
)

select
    platform_code,
    year,
    period_code,
    period_label_zh,
    period_label_en,
    period_kind,
    period_start,
    period_end,
    source_id,
    month,
    subject_type,
    subject_code,
    subject_name_zh,
    subject_name_en,
    items,
    observation,
    observation_zh,
    share_of_annual_pct
from final
