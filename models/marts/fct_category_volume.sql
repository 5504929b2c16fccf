-- The leading everyday problem categories (前十类日常问题), with the prior
-- year back-calculated from the published year-on-year change.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where subject_type = 'category' and month is null
),

pivoted as (
    select
        report_year,
        subject_code as category_code,
        any_value(subject_zh) as category_name_zh,
        any_value(subject_name_en) as category_name_en,
        any_value(list_position) as published_list_position,
        {{ pivot_figure('items', 'items') }} as items,
        {{ as_pct(pivot_figure('yoy_change_pct')) }} as yoy_change_pct
    from figures
    group by report_year, subject_code
),

final as (
    select
        report_year,
        category_code,
        category_name_zh,
        category_name_en,
        items,
        yoy_change_pct,
        {{ back_calculated_prior_items('items', 'yoy_change_pct') }} as prior_year_items,
        items - {{ back_calculated_prior_items('items', 'yoy_change_pct') }}
            as change_from_prior_year_items,
        rank() over (partition by report_year order by items desc) as rank_in_year,
        published_list_position
    from pivoted
)

select
    report_year,
    category_code,
    category_name_zh,
    category_name_en,
    items,
    yoy_change_pct,
    prior_year_items,
    change_from_prior_year_items,
    rank_in_year,
    published_list_position
from final
