-- Resolution (诉求解决率) and satisfaction (满意率) rates, city-wide or for a
-- theme, one row per platform, period, subject and source: every source's
-- printing is kept, so that sources that disagree (or round differently)
-- stand side by side.
with

printings as (
    select
        every_figure.*,
        uses.figure_role
    from {{ ref('int_report__printings') }} as every_figure
    -- the column each figure fills: ref_measure_uses
    left join {{ measure_uses() }} as uses
        on every_figure.measure = uses.measure
    where every_figure.subject_type = 'service_quality'
),

rates as (
    select
        platform_code,
        any_value(year) as year,
        period_code,
        any_value(period_kind) as period_kind,
        period_start,
        period_end,
        source_id,
        any_value(source_kind) as source_kind,
        bool_and(is_canonical) as is_canonical,
        subject_code,
        any_value(subject_name_zh) as subject_name_zh,
        any_value(subject_name_en) as subject_name_en,
        {{ as_pct(pivot_role('published_resolution_rate_pct')) }}
            as published_resolution_rate_pct,
        {{ as_pct(pivot_role('published_satisfaction_rate_pct')) }}
            as published_satisfaction_rate_pct
    from printings
    group by platform_code, period_code, period_start, period_end, source_id, subject_code
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        rates.platform_code,
        rates.year,
        rates.period_code,
        periods.period_label_zh,
        periods.period_label_en,
        rates.period_kind,
        rates.period_start,
        rates.period_end,
        rates.source_id,
        rates.source_kind,
        rates.is_canonical,
        rates.subject_code,
        rates.subject_name_zh,
        rates.subject_name_en,
        rates.published_resolution_rate_pct,
        rates.published_satisfaction_rate_pct
    from rates
    left join periods
        on rates.period_code = periods.period_code
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
    source_kind,
    is_canonical,
    subject_code,
    subject_name_zh,
    subject_name_en,
    published_resolution_rate_pct,
    published_satisfaction_rate_pct
from final
