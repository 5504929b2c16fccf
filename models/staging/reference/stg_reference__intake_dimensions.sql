-- The splits of the intake, with how many members each has: a split is
-- fully printed when a source prints that many of its members.
with

dimensions as (
    select * from {{ ref('ref_intake_dimensions') }}
),

members as (
    select * from {{ ref('ref_intake_members') }}
),

member_counts as (
    select
        dimension,
        count(distinct member) as member_count
    from members
    group by dimension
),

joined as (
    select
        -- ids
        dimensions.dimension,

        -- what it divides
        dimensions.dimension_name_en,
        dimensions.whole_subject_code,
        dimensions.members_are_exhaustive,
        coalesce(member_counts.member_count, 0) as member_count

    from dimensions
    left join member_counts
        on dimensions.dimension = member_counts.dimension
)

select * from joined
