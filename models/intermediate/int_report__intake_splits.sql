-- Every split of the intake printed for a platform and period: how many of
-- its members are known, whether they are the whole of it, and the whole
-- they divide. A split is complete where the source says it prints the
-- split whole (complete_splits), or where every member of the platform's own
-- list of an exhaustive split is known (the splits ref_platform_splits
-- lists for the platform). A page that prints two splits of one dimension
-- (办结 / 至下月办结 beside 已解决 / 未解决) declares each by its members:
-- each is a split of its own (split_key: its members), complete where all
-- of them are printed, and the dimension's other splits leave them out. The
-- sum checks and the shares' rests read this.
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

-- a split declared by its members (two splits of one dimension on a page)
member_splits as (
    select
        platform_code,
        period_code,
        dimension,
        split_key,
        member_codes,
        member_count,
        whole_subject_code
    from declared
    where split_key != ''
),

-- the members of the whole dimension: those no member split names
printed as (
    select
        intake_series.platform_code,
        intake_series.period_code,
        intake_series.dimension,
        count(*) as known_member_count
    from intake_series
    where
        not exists (
            select 1
            from member_splits
            where
                member_splits.platform_code = intake_series.platform_code
                and member_splits.period_code = intake_series.period_code
                and list_contains(member_splits.member_codes, intake_series.subject_code)
        )
    group by intake_series.platform_code, intake_series.period_code, intake_series.dimension
),

dimension_splits as (
    select
        printed.platform_code,
        printed.period_code,
        printed.dimension,
        '' as split_key,
        cast(null as varchar[]) as member_codes,
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
            and declared.split_key = ''
),

-- each split declared by its members: complete where every member it names
-- is printed
named_splits as (
    select
        member_splits.platform_code,
        member_splits.period_code,
        member_splits.dimension,
        member_splits.split_key,
        member_splits.member_codes,
        count(intake_series.subject_code) as known_member_count,
        count(intake_series.subject_code) = any_value(member_splits.member_count)
        and any_value(member_splits.member_count) = len(member_splits.member_codes) as is_complete,
        true as is_declared_complete,
        coalesce(
            any_value(member_splits.whole_subject_code), any_value(dimensions.whole_subject_code)
        ) as whole_subject_code
    from member_splits
    inner join dimensions
        on
            member_splits.platform_code = dimensions.platform_code
            and member_splits.dimension = dimensions.dimension
    left join intake_series
        on
            member_splits.platform_code = intake_series.platform_code
            and member_splits.period_code = intake_series.period_code
            and list_contains(member_splits.member_codes, intake_series.subject_code)
    group by
        member_splits.platform_code,
        member_splits.period_code,
        member_splits.dimension,
        member_splits.split_key,
        member_splits.member_codes
),

final as (
    select * from dimension_splits
    union all
    select * from named_splits
)

select
    platform_code,
    period_code,
    dimension,
    split_key,
    member_codes,
    known_member_count,
    is_complete,
    is_declared_complete,
    whole_subject_code
from final
