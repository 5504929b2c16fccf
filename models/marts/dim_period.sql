-- Every period a figure covers, one row per key (period_code), with the label
-- a reader sees: the one home of the rule that turns a key into its words.
-- A dated period reads by its kind ("2022年", "2024年9月", "2024年上半年",
-- "2024年第三季度", or its days: "2024-03-15 至 03-22"); a period whose
-- page prints no year reads by its printed days and says so ("11月1日–11月30日
-- （年份未印出）"), with the name its page gives the period where it gives
-- one ("端午小长假（年份未印出）"); a period from a dated day whose end is not
-- printed reads from that day and says its end is the page's publication
-- at the latest ("2021-10-10起（截止日未印出，至迟至发布日 …）"). A key no rule reads
-- is shown as it is, so a new shape of key is seen, not hidden.
with

printings as (
    select * from {{ ref('int_report__printings') }}
),

-- the intake series adds the years before a printed year-on-year change
intake_series as (
    select * from {{ ref('int_report__intake_series') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

kinds as (
    select * from {{ ref('ref_period_kinds') }}
),

-- every key once: a dated key is any source's; a key without a year is its
-- source's, and reads by the days it prints (`--11-01`, read as days of the
-- leap year 2000 for their month and day only)
dated as (
    select
        *,
        period_start is not null and period_end is not null as is_dated,
        case
            when starts_with(period_start_printed, '--')
                then {{ year_less_date('period_start_printed', '2000') }}
        end as start_day,
        case
            when starts_with(period_end_printed, '--')
                then {{ year_less_date('period_end_printed', '2000') }}
        end as end_day
    from printings
),

keys as (
    select distinct
        period_code,
        period_kind,
        period_start,
        period_end,
        year,
        is_dated,
        case when not is_dated then period_start_printed end as period_start_printed,
        case when not is_dated then period_end_printed end as period_end_printed,
        case when not is_dated then source_id end as source_id,
        case when not is_dated then start_day end as start_day,
        case when not is_dated then end_day end as end_day
    from dated
    union distinct
    select
        period_code,
        period_kind,
        period_start,
        period_end,
        year,
        true as is_dated,
        null as period_start_printed,
        null as period_end_printed,
        null as source_id,
        null as start_day,
        null as end_day
    from intake_series
    where period_start is not null and period_end is not null
),

-- the words of a key's parts: a dated key as a run of days, its first day
-- and its last without the year it shares with the first (none for a single
-- day); a year-less key's printed days
parts as (
    select
        keys.*,
        strftime(keys.period_start, '%Y-%m-%d') as range_start,
        case
            when keys.period_end = keys.period_start then null
            when year(keys.period_end) = year(keys.period_start)
                then strftime(keys.period_end, '%m-%d')
            else strftime(keys.period_end, '%Y-%m-%d')
        end as range_end,
        strftime(keys.start_day, '%-m月%-d日') as start_day_zh,
        strftime(keys.end_day, '%-m月%-d日') as end_day_zh,
        strftime(keys.start_day, '%-d %b') as start_day_en,
        strftime(keys.end_day, '%-d %b') as end_day_en
    from keys
),

-- a dated key in the words of its kind (`ref_period_kinds`: a strftime
-- format with the parts strftime has no word for); a year-less key by its
-- printed days, or by the name its page gives the period
-- (`source_period_names`), saying the year is not printed
labelled as (
    select
        parts.*,
        coalesce(
            case
                when parts.is_dated
                    then {{ period_words('parts', 'kinds.label_zh_format') }}
                when parts.start_day_zh is not null and parts.end_day_zh is not null
                    then
                        coalesce(sources.period_name_zh || '：', '')
                        || parts.start_day_zh || '–' || parts.end_day_zh || '（年份未印出）'
                when parts.start_day_zh is not null
                    then
                        coalesce(sources.period_name_zh || '：', '')
                        || parts.start_day_zh || '起（年份未印出）'
                when parts.end_day_zh is not null
                    then
                        coalesce(sources.period_name_zh || '：', '')
                        || '至' || parts.end_day_zh || '（年份未印出）'
                -- a dated start whose end the page does not print: the end is
                -- the day the page was published at the latest, where known
                when parts.period_start is not null and parts.period_end_printed is null
                    then
                        parts.range_start || '起（截止日未印出'
                        || coalesce('，至迟至发布日 ' || strftime(sources.published_on, '%Y-%m-%d'), '')
                        || '）'
                when parts.period_start_printed is null and parts.period_end_printed is null
                    then coalesce(sources.period_name_zh || '（年份未印出）', '日期未印出')
            end,
            parts.period_code
        ) as period_label_zh,
        coalesce(
            case
                when parts.is_dated
                    then {{ period_words('parts', 'kinds.label_en_format') }}
                when parts.start_day_en is not null and parts.end_day_en is not null
                    then
                        coalesce(sources.period_name_en || ': ', '')
                        || parts.start_day_en || ' – ' || parts.end_day_en
                        || ' (year not printed)'
                when parts.start_day_en is not null
                    then
                        coalesce(sources.period_name_en || ': ', '')
                        || 'from ' || parts.start_day_en || ' (year not printed)'
                when parts.end_day_en is not null
                    then
                        coalesce(sources.period_name_en || ': ', '')
                        || 'to ' || parts.end_day_en || ' (year not printed)'
                when parts.period_start is not null and parts.period_end_printed is null
                    then
                        'from ' || parts.range_start || ' (end not printed'
                        || coalesce(
                            '; at most to its publication, '
                            || strftime(sources.published_on, '%Y-%m-%d'),
                            ''
                        )
                        || ')'
                when parts.period_start_printed is null and parts.period_end_printed is null
                    then
                        coalesce(
                            sources.period_name_en || ' (year not printed)', 'dates not printed'
                        )
            end,
            parts.period_code
        ) as period_label_en,
        kinds.kind_name_zh as period_kind_name_zh,
        kinds.kind_name_en as period_kind_name_en,
        kinds.kind_order as period_kind_order,
        sources.platform_code
    from parts
    left join kinds
        on parts.period_kind = kinds.period_kind
    left join sources
        on parts.source_id = sources.source_id
),

final as (
    select
        labelled.period_code,
        labelled.platform_code,
        labelled.source_id,
        labelled.period_kind,
        labelled.period_kind_name_zh,
        labelled.period_kind_name_en,
        labelled.period_kind_order,
        labelled.period_start,
        labelled.period_end,
        labelled.year,
        labelled.period_label_zh,
        labelled.period_label_en
    from labelled
)

select
    period_code,
    platform_code,
    source_id,
    period_kind,
    period_kind_name_zh,
    period_kind_name_en,
    period_kind_order,
    period_start,
    period_end,
    year,
    period_label_zh,
    period_label_en
from final
