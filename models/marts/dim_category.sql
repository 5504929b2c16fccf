with

categories as (
    select * from {{ ref('stg_reference__categories') }}
)

select
    platform_code,
    category_code,
    category_name_zh,
    category_name_en,
    parent_category_code,
    category_level
from categories
