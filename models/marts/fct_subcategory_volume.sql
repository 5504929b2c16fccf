-- The five sub-categories the report names for each leading category
-- (主要反映…等问题), with their share of the category.
with

figures as (
    select * from {{ ref('int_report__figures') }}
    where subject_type = 'subcategory' and observation_code is null and {{ measure_feeds() }}
),

categories as (
    select * from {{ ref('fct_category_volume') }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('figures') }},
        periods.period_label_zh,
        periods.period_label_en,
        figures.parent_code as category_code,
        figures.subject_code as subcategory_code,
        figures.subject_name_zh as subcategory_name_zh,
        figures.subject_name_en as subcategory_name_en,
        figures.items,
        {{ share_pct('figures.items', 'categories.items') }} as share_of_category_pct,
        rank() over (
            partition by figures.platform_code, figures.period_code, figures.parent_code
            order by figures.items desc
        ) as rank_in_category,
        figures.list_position as published_list_position
    from figures
    left join categories
        on
            {{ same_period('figures', 'categories') }}
            and figures.parent_code = categories.category_code
    left join periods
        on figures.period_code = periods.period_code
)

select
    platform_code,
    year,
    period_code,
    period_label_zh,
    period_label_en,
    period_kind,
    period_start,
    period_end,
    source_id,
    category_code,
    subcategory_code,
    subcategory_name_zh,
    subcategory_name_en,
    items,
    share_of_category_pct,
    rank_in_category,
    published_list_position
from final
