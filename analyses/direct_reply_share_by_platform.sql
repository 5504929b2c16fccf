-- Across hotlines: how much of its intake does each platform answer directly
-- (直接答复, the handling mode direct_reply) rather than dispatch to a
-- handling unit? For each platform, its latest period whose source prints
-- both the total and the items answered directly, and the share those make.
-- Periods differ in kind (a week, a month, a holiday, a year): the period, its
-- kind and its source say what each row compares (the label is how a reader
-- reads the period; the code is its key). A period whose year the page
-- does not print has no end date and is taken only when its platform has no
-- dated one.
with

platforms as (
    select * from {{ ref('dim_platform') }}
),

intake as (
    select * from {{ ref('fct_annual_intake') }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

printed_totals as (
    select
        platform_code,
        period_code,
        period_kind,
        period_start,
        period_end,
        source_id,
        source_kind,
        items as total_items
    from intake
    where dimension = 'total' and member = 'all' and how_obtained = 'printed'
),

printed_direct_replies as (
    select
        platform_code,
        period_code,
        source_id,
        items as direct_reply_items,
        published_share_of_total_pct as published_direct_reply_share_pct
    from intake
    where dimension = 'handling_mode' and member = 'direct_reply' and how_obtained = 'printed'
),

latest_periods as (
    select
        printed_totals.platform_code,
        printed_totals.period_code,
        printed_totals.period_kind,
        printed_totals.period_start,
        printed_totals.period_end,
        printed_totals.source_id,
        printed_totals.source_kind,
        printed_totals.total_items,
        printed_direct_replies.direct_reply_items,
        printed_direct_replies.published_direct_reply_share_pct
    from printed_totals
    inner join printed_direct_replies
        on
            printed_totals.platform_code = printed_direct_replies.platform_code
            and printed_totals.period_code = printed_direct_replies.period_code
            and printed_totals.source_id = printed_direct_replies.source_id
    qualify row_number() over (
        partition by printed_totals.platform_code
        order by
            printed_totals.period_end desc nulls last,
            printed_totals.period_start desc nulls last,
            printed_totals.period_code asc
    ) = 1
)

select
    latest_periods.platform_code,
    platforms.platform_name_zh,
    platforms.platform_level,
    latest_periods.period_code,
    periods.period_label_en,
    latest_periods.period_kind,
    latest_periods.total_items,
    latest_periods.direct_reply_items,
    round(
        latest_periods.direct_reply_items * 100.0 / latest_periods.total_items, 2
    ) as direct_reply_share_pct,
    latest_periods.published_direct_reply_share_pct,
    latest_periods.source_id,
    latest_periods.source_kind
from latest_periods
inner join platforms on latest_periods.platform_code = platforms.platform_code
inner join periods on latest_periods.period_code = periods.period_code
order by direct_reply_share_pct desc, latest_periods.platform_code asc
