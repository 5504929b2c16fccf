with

categories as (
    select * from {{ ref('ref_categories') }}
),

renamed as (
    select
        -- the seed's own line, numbered before anything else (1 = the header)
        {{ seed_line() }} as seed_line,

        -- ids
        platform_code,
        category_code,
        parent_category_code,

        -- names
        category_name_zh,
        category_name_en,

        -- hierarchy
        category_level

    from categories
)

select * from renamed
