-- Every hotline platform the warehouse holds figures of, with the platform
-- one level up, and how much of it is on record: its sources, figures and
-- the periods they cover.
with

platforms as (
    select * from {{ ref('ref_platforms') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

figures as (
    select * from {{ ref('int_report__figures') }}
),

source_counts as (
    select
        platform_code,
        count(*) as source_count
    from sources
    group by platform_code
),

figure_counts as (
    select
        platform_code,
        count(*) as figure_count,
        min(period_start) as first_period_start,
        max(period_end) as last_period_end
    from figures
    group by platform_code
),

final as (
    select
        platforms.platform_code,
        platforms.platform_name_zh,
        platforms.platform_name_en,
        platforms.platform_level,
        platforms.parent_platform_code,
        parents.platform_name_zh as parent_platform_name_zh,
        platforms.administrative_division_code,
        platforms.region_zh,
        platforms.region_en,
        platforms.series_start_date,
        coalesce(source_counts.source_count, 0) as source_count,
        coalesce(figure_counts.figure_count, 0) as figure_count,
        figure_counts.first_period_start,
        figure_counts.last_period_end
    from platforms
    left join platforms as parents
        on platforms.parent_platform_code = parents.platform_code
    left join source_counts
        on platforms.platform_code = source_counts.platform_code
    left join figure_counts
        on platforms.platform_code = figure_counts.platform_code
)

select
    platform_code,
    platform_name_zh,
    platform_name_en,
    platform_level,
    parent_platform_code,
    parent_platform_name_zh,
    administrative_division_code,
    region_zh,
    region_en,
    series_start_date,
    source_count,
    figure_count,
    first_period_start,
    last_period_end
from final
