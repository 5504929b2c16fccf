-- The source documents, with the platform each reports on.
with

sources as (
    select * from {{ ref('sources') }}
),

platforms as (
    select * from {{ ref('ref_platforms') }}
),

period_names as (
    select * from {{ ref('source_period_names') }}
),

joined as (
    select
        -- ids
        sources.source_id,
        sources.platform_code,

        -- what it is
        sources.source_kind,
        sources.title,
        sources.publisher,
        sources.address,
        sources.published_on,
        sources.language,
        sources.document_file,
        sources.note,

        -- the period it reports on
        sources.covers_period_start,
        sources.covers_period_end,
        period_names.period_name_zh,
        period_names.period_name_en,

        -- the platform
        platforms.platform_name_zh,
        platforms.platform_name_en,
        platforms.platform_level,
        platforms.series_start_date

    from sources
    left join platforms
        on sources.platform_code = platforms.platform_code
    left join period_names
        on sources.source_id = period_names.source_id
)

select * from joined
