with

known_discrepancies as (
    select * from {{ ref('known_discrepancies') }}
),

renamed as (
    select
        -- ids
        check_id,

        -- who read it, and what the numbers cannot say
        reviewed_by,
        review_note

    from known_discrepancies
)

select * from renamed
