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

subjects as (
    select * from {{ ref('stg_reference__subjects') }}
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
        coalesce(own_subjects.subject_code, shared_subjects.subject_code) as subject_code,
        claims.parent_zh,
        coalesce(own_parents.subject_code, shared_parents.subject_code) as parent_code,
        claims.measure,
        claims.rank_order,
        claims.claimed_rank

    from claims
    left join sources
        on claims.source_id = sources.source_id
    left join subject_types
        on claims.subject_type = subject_types.subject_type
    -- a name resolves within the source's platform first, then the shared vocabulary
    left join subjects as own_subjects
        on
            sources.platform_code = own_subjects.platform_code
            and claims.subject_type = own_subjects.subject_type
            and claims.subject_zh = own_subjects.subject_zh
            and (own_subjects.parent_zh is null or claims.parent_zh = own_subjects.parent_zh)
    left join subjects as shared_subjects
        on
            shared_subjects.platform_code is null
            and claims.subject_type = shared_subjects.subject_type
            and claims.subject_zh = shared_subjects.subject_zh
            and (shared_subjects.parent_zh is null or claims.parent_zh = shared_subjects.parent_zh)
    left join subjects as own_parents
        on
            sources.platform_code = own_parents.platform_code
            and subject_types.parent_subject_type = own_parents.subject_type
            and claims.parent_zh = own_parents.subject_zh
    left join subjects as shared_parents
        on
            shared_parents.platform_code is null
            and subject_types.parent_subject_type = shared_parents.subject_type
            and claims.parent_zh = shared_parents.subject_zh
)

select * from renamed
