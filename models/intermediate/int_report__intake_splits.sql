-- Every split of the intake printed for a platform and period: how many of
-- its members are known, whether they are the whole of it, and the whole
-- they divide. A split is complete where the source says it prints the
-- split whole (complete_splits), or where every member of the platform's own
-- list of an exhaustive split is known (the splits ref_platform_splits
-- lists for the platform). The sum checks and the shares' rests read this.
with

intake_series as (
    select * from {{ ref('int_report__intake_series') }}
    where is_best and dimension != 'total'
),

dimensions as (
    select * from {{ ref('stg_reference__intake_dimensions') }}
),

declared as (
    select * from {{ ref('int_reference__complete_splits') }}
),

printed as (
    select
        platform_code,
        period_code,
        dimension,
        count(*) as known_member_count
    from intake_series
    group by platform_code, period_code, dimension
),

final as (
    select
        printed.platform_code,
        printed.period_code,
        printed.dimension,
        printed.known_member_count,
        coalesce(
            declared.member_count = printed.known_member_count
            or (
                dimensions.members_are_exhaustive
                and dimensions.member_count = printed.known_member_count
            ),
            false
        ) as is_complete,
        declared.source_id is not null as is_declared_complete,
        coalesce(declared.whole_subject_code, dimensions.whole_subject_code) as whole_subject_code
    from printed
    inner join dimensions
        on
            printed.platform_code = dimensions.platform_code
            and printed.dimension = dimensions.dimension
    left join declared
        on
            printed.platform_code = declared.platform_code
            and printed.period_code = declared.period_code
            and printed.dimension = declared.dimension
)

select
    platform_code,
    period_code,
    dimension,
    known_member_count,
    is_complete,
    is_declared_complete,
    whole_subject_code
from final
