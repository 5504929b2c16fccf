-- The splits of the intake for each platform, with how many members each
-- has in the platform's own list: a split is fully printed when a source
-- prints that many of its members. Members of the shared vocabulary are not
-- counted (a platform prints only some of them); a source that prints such a
-- split completely says so in source_coverage.
with

dimensions as (
    select * from {{ ref('ref_intake_dimensions') }}
),

members as (
    select * from {{ ref('ref_intake_members') }}
),

platforms as (
    select * from {{ ref('ref_platforms') }}
),

member_counts as (
    select
        platform_code,
        dimension,
        count(distinct member) as member_count
    from members
    where platform_code is not null
    group by platform_code, dimension
),

joined as (
    select
        -- ids
        platforms.platform_code,
        dimensions.dimension,

        -- what it divides
        dimensions.dimension_name_en,
        dimensions.whole_subject_code,
        dimensions.members_are_exhaustive,
        coalesce(member_counts.member_count, 0) as member_count

    from dimensions
    cross join platforms
    left join member_counts
        on
            platforms.platform_code = member_counts.platform_code
            and dimensions.dimension = member_counts.dimension
)

select * from joined
