-- The source documents figures are read from, with how many figures each
-- prints.
with

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

printings as (
    select * from {{ ref('int_report__printings') }}
),

figure_counts as (
    select
        source_id,
        count(*) as printed_figures,
        count(*) filter (where is_canonical) as canonical_figures
    from printings
    group by source_id
)

select
    sources.source_id,
    sources.platform_code,
    sources.platform_name_zh,
    sources.platform_name_en,
    sources.source_kind,
    sources.title,
    sources.publisher,
    sources.address,
    sources.published_on,
    sources.covers_period_start,
    sources.covers_period_end,
    sources.language,
    sources.document_file,
    sources.note,
    coalesce(figure_counts.printed_figures, 0) as printed_figures,
    coalesce(figure_counts.canonical_figures, 0) as canonical_figures
from sources
left join figure_counts
    on sources.source_id = figure_counts.source_id
