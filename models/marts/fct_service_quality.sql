-- City-wide resolution (诉求解决率) and satisfaction (满意率) rates.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where subject_type = 'service_quality'
),

final as (
    select
        report_year,
        {{ as_pct(pivot_figure('resolution_rate_pct')) }} as resolution_rate_pct,
        {{ as_pct(pivot_figure('satisfaction_rate_pct')) }} as satisfaction_rate_pct
    from figures
    group by report_year
)

select
    report_year,
    resolution_rate_pct,
    satisfaction_rate_pct
from final
