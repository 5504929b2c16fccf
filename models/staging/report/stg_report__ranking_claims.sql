with

claims as (
    select * from {{ ref('report_ranking_claims') }}
),

renamed as (
    select
        -- where it stands
        report_year,
        section_zh,
        source_phrase,

        -- the claim
        subject_type,
        subject_zh,
        parent_zh,
        measure,
        rank_order,
        claimed_rank

    from claims
)

select * from renamed
