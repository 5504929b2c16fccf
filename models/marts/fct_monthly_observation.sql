-- Single-month figures the report gives in numbers: the whole hotline in
-- January and October, and the monthly peaks of sub-categories.
with

monthly as (
    select * from {{ ref('stg_report__figures') }}
    where month is not null and measure = 'items'
),

annual as (
    select * from {{ ref('stg_report__figures') }}
    where month is null and measure = 'items'
),

final as (
    select
        monthly.report_year,
        monthly.month,
        monthly.subject_type,
        monthly.subject_code,
        monthly.subject_zh as subject_name_zh,
        monthly.subject_name_en,
        monthly.items,
        monthly.observation_code as observation,
        monthly.observation_zh,
        {{ share_pct('monthly.items', 'annual.items') }} as share_of_annual_pct
    from monthly
    left join annual
        on
            monthly.report_year = annual.report_year
            and monthly.figure_year = annual.figure_year
            and monthly.subject_type = annual.subject_type
            and monthly.subject_code = annual.subject_code
)

select
    report_year,
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
