-- The 每月一题 (topic of the month) problems: items per topic and share of
-- all topics' items.
with

figures as (
    select * from {{ ref('int_report__figures') }}
    where subject_type = 'monthly_topic' and {{ measure_feeds() }}
),

final as (
    select
        platform_code,
        year,
        period_code,
        period_kind,
        period_start,
        period_end,
        source_id,
        list_position as topic_no,
        subject_code as topic_code,
        subject_name_zh as topic_name_zh,
        subject_name_en as topic_name_en,
        items,
        {{ share_pct('items', 'sum(items) over (partition by platform_code, period_code)') }}
            as share_of_topics_pct,
        rank() over (partition by platform_code, period_code order by items desc) as rank_by_items
    from figures
)

select
    platform_code,
    year,
    period_code,
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
