-- The splits of the intake a source says it prints whole (complete_splits):
-- every channel, every ticket type, both handling modes. The period is read
-- as the figures' periods are, and the whole the split divides resolves
-- within the platform (the split's usual whole, ref_intake_dimensions, where
-- the row names none). A split not listed here is complete only where the
-- platform's own list of its members is printed whole.
with

declared as (
    select * from {{ ref('complete_splits') }}
),

dimensions as (
    select * from {{ ref('ref_intake_dimensions') }}
),

final as (
    select
        -- where it is declared
        declared.source_id,
        1 + row_number() over () as seed_line,

        -- the split
        declared.platform_code,
        {{ printed_period_columns('declared') }},
        declared.dimension,
        dimensions.dimension is not null as is_known_dimension,
        declared.member_count,

        -- the whole it divides
        declared.whole_zh,
        coalesce({{ resolved_subject('wholes', 'subject_code') }}, dimensions.whole_subject_code)
            as whole_subject_code,
        declared.note

    from declared
    left join dimensions
        on declared.dimension = dimensions.dimension
    {{ join_subjects('wholes', 'declared.platform_code', "'intake'", 'declared.whole_zh') }}
)

select * from final
