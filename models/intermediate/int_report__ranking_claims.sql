with

claims as (
    select * from {{ ref('printed_ranking_claims') }}
),

renamed as (
    select
        -- where it stands
        claims.source_id,
        sources.platform_code,
        claims.section_zh,
        claims.source_phrase,

        -- the period the ranking holds in: dated, or as printed where the
        -- page prints no year (`--06-01`) or no dates (empty), as a figure's
        claims.period_start as period_start_printed,
        claims.period_end as period_end_printed,
        {{ printed_period_columns('claims') }},

        -- the claim
        claims.subject_type,
        claims.subject_zh,
        {{ resolved_subject('subjects', 'subject_code') }} as subject_code,
        claims.parent_zh,
        {{ resolved_subject('parents', 'subject_code') }} as parent_code,
        claims.measure,
        claims.rank_order,
        claims.claimed_rank

    from claims
    {{ join_ranking_claim_lookups('claims') }}
),

final as (
    select
        renamed.source_id,
        renamed.platform_code,
        renamed.section_zh,
        renamed.source_phrase,
        renamed.period_start,
        renamed.period_end,
        renamed.period_kind,
        {{ printed_period_code('renamed') }} as period_code,
        renamed.year,
        renamed.subject_type,
        renamed.subject_zh,
        renamed.subject_code,
        renamed.parent_zh,
        renamed.parent_code,
        renamed.measure,
        renamed.rank_order,
        renamed.claimed_rank
    from renamed
)

select * from final
