-- The lists a source prints whole (complete_lists): every category of the
-- page with its count (汉中's sixteen kinds of letter), or every member of a
-- split of the intake (临汾's six types), so that their counts must add up to
-- the whole the row names (whole_zh, an intake figure of the platform). The
-- period is read as the figures' periods are; a name that does not resolve
-- leaves the whole empty, and the build names its line.
with

declared as (
    -- the seed's own lines, numbered before any join (1 = the header)
    select
        {{ seed_line() }} as seed_line,
        source_id,
        platform_code,
        period_start,
        period_end,
        subject_type,
        dimension,
        member_count,
        whole_zh,
        note
    from {{ ref('complete_lists') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

resolved as (
    select
        declared.seed_line,
        declared.source_id,
        sources.source_id is not null as is_known_source,
        declared.platform_code,
        declared.period_start as period_start_printed,
        declared.period_end as period_end_printed,
        {{ printed_period_columns('declared') }},
        declared.subject_type,
        declared.dimension,
        declared.member_count,
        declared.whole_zh,
        {{ resolved_subject('wholes', 'subject_code') }} as whole_subject_code,
        declared.note
    from declared
    left join sources
        on declared.source_id = sources.source_id
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
        resolved.subject_type,
        resolved.dimension,
        resolved.member_count,
        resolved.whole_zh,
        resolved.whole_subject_code,
        resolved.note
    from resolved
)

select * from final
