-- The 每月一题 (topic of the month) problems: items per topic and share of
-- all topics' items.
with

figures as (
    select * from {{ ref('int_report__figures') }}
    where subject_type = 'monthly_topic' and {{ measure_feeds() }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('figures') }},
        periods.period_label_zh,
        periods.period_label_en,
        figures.list_position as topic_no,
        figures.subject_code as topic_code,
        figures.subject_name_zh as topic_name_zh,
        figures.subject_name_en as topic_name_en,
        figures.items,
        {{ share_pct(
            'figures.items',
            'sum(figures.items) over (partition by figures.platform_code, figures.period_code)'
        ) }}
            as share_of_topics_pct,
        rank() over (
            partition by figures.platform_code, figures.period_code
            order by figures.items desc
        ) as rank_by_items
    from figures
    left join periods
        on figures.period_code = periods.period_code
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
    topic_no,
    topic_code,
    topic_name_zh,
    topic_name_en,
    items,
    share_of_topics_pct,
    rank_by_items
from final
