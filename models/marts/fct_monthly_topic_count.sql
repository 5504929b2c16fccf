-- How many 每月一题 (topic of the month) problems were taken up in a period,
-- one row per printing: every source's count is kept (2023: 17 in the plan
-- of January, 18 in a later retrospective), beside the number of topics the
-- source's own table lists where it prints one.
with

printings as (
    select * from {{ ref('int_report__printings') }}
    where subject_type = 'monthly_topics_total' and {{ measure_feeds('topic_count') }}
),

topics as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        source_id,
        count(*) as topics_listed
    from {{ ref('int_report__figures') }}
    where subject_type = 'monthly_topic' and {{ measure_feeds('topics_listed') }}
    group by platform_code, period_code, period_start, period_end, source_id
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('printings') }},
        periods.period_label_zh,
        periods.period_label_en,
        printings.source_kind,
        printings.is_canonical,
        cast(printings.value_decimal as integer) as topic_count,
        topics.topics_listed,
        printings.source_phrase
    from printings
    left join topics
        on
            {{ same_period('printings', 'topics') }}
            and printings.source_id = topics.source_id
    left join periods
        on printings.period_code = periods.period_code
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
    topic_count,
    topics_listed,
    source_phrase
from final
