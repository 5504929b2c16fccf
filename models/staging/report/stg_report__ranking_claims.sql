with

claims as (
    select * from {{ ref('printed_ranking_claims') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

subject_types as (
    select * from {{ ref('ref_subject_types') }}
),

renamed as (
    select
        -- where it stands
        claims.source_id,
        sources.platform_code,
        claims.section_zh,
        claims.source_phrase,

        -- the period the ranking holds in
        {{ period_columns('claims') }},

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
    left join sources
        on claims.source_id = sources.source_id
    left join subject_types
        on claims.subject_type = subject_types.subject_type
    {{ join_subjects(
        'subjects', 'sources.platform_code', 'claims.subject_type', 'claims.subject_zh', 'claims.parent_zh'
    ) }}
    {{ join_subjects(
        'parents', 'sources.platform_code', 'subject_types.parent_subject_type', 'claims.parent_zh'
    ) }}
)

select * from renamed
