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
        subjects.subject_code,
        claims.parent_zh,
        parents.subject_code as parent_code,
        claims.measure,
        claims.rank_order,
        claims.claimed_rank

    from claims
    left join sources
        on claims.source_id = sources.source_id
    left join subject_types
        on claims.subject_type = subject_types.subject_type
    left join subjects
        on
            claims.subject_type = subjects.subject_type
            and claims.subject_zh = subjects.subject_zh
            and (subjects.parent_zh is null or claims.parent_zh = subjects.parent_zh)
    left join subjects as parents
        on
            subject_types.parent_subject_type = parents.subject_type
            and claims.parent_zh = parents.subject_zh
)

select * from renamed
