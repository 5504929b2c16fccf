-- The splits of the intake for each platform, with how many members each
-- has where the platform's own list of the split is the whole of it
-- (ref_platform_splits): in any period, that many
-- members known are the whole split. Elsewhere the count is 0, and a source
-- that prints a split whole says so (complete_splits).
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

whole_lists as (
    select * from {{ ref('ref_platform_splits') }}
),

member_counts as (
    select
        members.platform_code,
        members.dimension,
        count(distinct members.member) as member_count
    from members
    inner join whole_lists
        on
            members.platform_code = whole_lists.platform_code
            and members.dimension = whole_lists.dimension
    group by members.platform_code, members.dimension
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
