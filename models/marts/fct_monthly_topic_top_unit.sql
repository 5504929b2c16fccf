-- The three handling units with the most items for each 每月一题 topic
-- (承办量前三位的单位).
with

figures as (
    select * from {{ ref('int_report__figures') }}
    where subject_type = 'monthly_topic_unit' and {{ measure_feeds() }}
),

topics as (
    select * from {{ ref('fct_monthly_topic') }}
),

handling_units as (
    select * from {{ ref('stg_reference__handling_units') }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('figures') }},
        periods.period_label_zh,
        periods.period_label_en,
        topics.topic_no,
        figures.parent_code as topic_code,
        figures.list_position as unit_rank,
        figures.subject_code as unit_code,
        figures.subject_name_zh as unit_name_zh,
        handling_units.unit_type,
        figures.items,
        {{ share_pct('figures.items', 'topics.items') }} as share_of_topic_pct
    from figures
    left join topics
        on
            {{ same_period('figures', 'topics') }}
            and figures.parent_code = topics.topic_code
    left join handling_units
        on
            figures.platform_code = handling_units.platform_code
            and figures.subject_code = handling_units.unit_code
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
    unit_rank,
    unit_code,
    unit_name_zh,
    unit_type,
    items,
    share_of_topic_pct
from final
