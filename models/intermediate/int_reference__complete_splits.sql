-- The splits of the intake a source says it prints whole (complete_splits):
-- every channel, every ticket type, both handling modes. The period is read
-- as the figures' periods are, and the whole the split divides resolves
-- within the platform: the name the row gives (whole_zh), or the split's
-- usual whole (ref_intake_dimensions) where it gives none. A name that does
-- not resolve leaves the whole empty, and the build names its line. A split
-- not listed here is complete only where the platform's own list of its
-- members is printed whole. A page that prints two splits of one dimension
-- (办结 / 至下月办结 beside 已解决 / 未解决) names each split's members
-- (members_zh): such a split is those members only, keyed by them
-- (split_key), and each name resolves within the platform like the whole.
with

declared as (
    -- the seed's own lines, numbered before any join (1 = the header)
    select
        {{ seed_line() }} as seed_line,
        source_id,
        platform_code,
        period_start,
        period_end,
        dimension,
        member_count,
        whole_zh,
        note,
        members_zh
    from {{ ref('complete_splits') }}
),

-- the members a split names, one row each, resolved within the platform
named as (
    select
        seed_line,
        platform_code,
        trim(unnest(string_split(members_zh, '、'))) as member_zh
    from declared
    where members_zh is not null
),

named_members as (
    select
        named.seed_line,
        named.member_zh,
        {{ resolved_subject('members', 'subject_code') }} as subject_code
    from named
    {{ join_subjects('members', 'named.platform_code', "'intake'", 'named.member_zh') }}
),

split_members as (
    select
        seed_line,
        list_sort(list(subject_code) filter (where subject_code is not null)) as member_codes,
        string_agg(split_part(subject_code, '.', 2), '+' order by subject_code) filter (
            where subject_code is not null
        ) as member_key,
        string_agg(member_zh, '、') filter (where subject_code is null) as unresolved_members_zh
    from named_members
    group by seed_line
),

dimensions as (
    select * from {{ ref('ref_intake_dimensions') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

resolved as (
    select
        -- where it is declared
        declared.seed_line,
        declared.source_id,
        sources.source_id is not null as is_known_source,

        -- the split
        declared.platform_code,
        declared.period_start as period_start_printed,
        declared.period_end as period_end_printed,
        {{ printed_period_columns('declared') }},
        declared.dimension,
        dimensions.dimension is not null as is_known_dimension,
        declared.member_count,

        -- the whole it divides
        declared.whole_zh,
        case
            when declared.whole_zh is null then dimensions.whole_subject_code
            else {{ resolved_subject('wholes', 'subject_code') }}
        end as whole_subject_code,
        declared.note,
        declared.members_zh,
        split_members.member_codes,
        split_members.unresolved_members_zh,
        -- the split's key among the dimension's splits: its members' codes
        -- (empty for every member of the dimension)
        coalesce(split_members.member_key, '') as split_key

    from declared
    left join split_members
        on declared.seed_line = split_members.seed_line
    left join sources
        on declared.source_id = sources.source_id
    left join dimensions
        on declared.dimension = dimensions.dimension
    {{ join_subjects('wholes', 'declared.platform_code', "'intake'", 'declared.whole_zh') }}
),

final as (
    select
        resolved.seed_line,
        resolved.source_id,
        resolved.is_known_source,
        resolved.platform_code,
        resolved.period_start,
        resolved.period_end,
        resolved.period_kind,
        {{ printed_period_code('resolved') }} as period_code,
        resolved.year,
        resolved.is_year_unknown,
        resolved.dimension,
        resolved.is_known_dimension,
        resolved.member_count,
        resolved.whole_zh,
        resolved.whole_subject_code,
        resolved.note,
        resolved.members_zh,
        resolved.member_codes,
        resolved.unresolved_members_zh,
        resolved.split_key
    from resolved
)

select * from final
