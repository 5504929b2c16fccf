with

known_discrepancies as (
    select * from {{ ref('known_discrepancies') }}
),

renamed as (
    select
        -- ids
        check_id,

        -- why
        explanation

    from known_discrepancies
)

select * from renamed
