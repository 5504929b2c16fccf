-- Which categories fell most against the back-calculated prior year, on each
-- platform that prints a category's change?
with

categories as (
    select * from {{ ref('fct_category_volume') }}
)

select
    platform_code,
    period_code,
    category_name_zh,
    category_name_en,
    items,
    prior_year_items,
    change_from_prior_year_items,
    published_yoy_change_pct
from categories
where prior_year_items is not null
order by platform_code, period_code, change_from_prior_year_items
