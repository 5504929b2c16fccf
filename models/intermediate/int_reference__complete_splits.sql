-- The splits of the intake a source says it prints whole (complete_splits):
-- every channel, every ticket type, both handling modes. The period is read
-- as the figures' periods are, and the whole the split divides resolves
-- within the platform: the name the row gives (whole_zh), or the split's
-- usual whole (ref_intake_dimensions) where it gives none. A name that does
-- not resolve leaves the whole empty, and the build names its line. A split
-- not listed here is complete only where the platform's own list of its
-- members is printed whole.
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
        note
    from {{ ref('complete_splits') }}
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
        declared.note

    from declared
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
        resolved.note
    from resolved
)

select * from final
