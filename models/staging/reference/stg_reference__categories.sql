with

categories as (
    select * from {{ ref('ref_categories') }}
),

renamed as (
    select
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
