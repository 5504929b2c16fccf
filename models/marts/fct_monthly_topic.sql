-- The 每月一题 (topic of the month) problems: items per topic and share of
-- all topics' items.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where subject_type = 'monthly_topic' and measure = 'items'
),

final as (
    select
        report_year,
        list_position as topic_no,
        subject_code as topic_code,
        subject_zh as topic_name_zh,
        subject_name_en as topic_name_en,
        items,
        {{ share_pct('items', 'sum(items) over (partition by report_year)') }}
            as share_of_topics_pct,
        rank() over (partition by report_year order by items desc) as rank_by_items
    from figures
)

select
    report_year,
    topic_no,
    topic_code,
    topic_name_zh,
    topic_name_en,
    items,
    share_of_topics_pct,
    rank_by_items
from final
