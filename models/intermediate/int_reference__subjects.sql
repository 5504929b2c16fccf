-- One lookup from a printed name to its canonical code and canonical names,
-- for every subject type a figure can be about (several printed names can
-- mean one subject: 网络渠道 and 网络反映). Each name belongs to a platform's
-- own list, or (platform_code empty) to the shared vocabulary every platform
-- uses; a figure's name resolves within its platform first. A name that is
-- not here leaves the figure's subject_code empty, and the build names it.
-- A second spelling of a name on record (ref_subject_aliases: “三农”问题 beside
-- 三农问题) resolves to that name's code and canonical names; an alias of a
-- name that is not on record resolves to nothing, and
-- assert_every_reference_row_is_readable names its line. A subcategory
-- resolves under either spelling of its parent.
with

categories as (
    select * from {{ ref('stg_reference__categories') }}
),

handling_units as (
    select * from {{ ref('stg_reference__handling_units') }}
),

intake_members as (
    select
        *,
        {{ seed_line() }} as seed_line
    from {{ ref('ref_intake_members') }}
),

monthly_topics as (
    select
        *,
        {{ seed_line() }} as seed_line
    from {{ ref('ref_monthly_topics') }}
),

aggregate_subjects as (
    select
        *,
        {{ seed_line() }} as seed_line
    from {{ ref('ref_aggregate_subjects') }}
),

functional_zones as (
    select
        *,
        {{ seed_line() }} as seed_line
    from {{ ref('ref_functional_zones') }}
),

aliases as (
    select
        *,
        {{ seed_line() }} as seed_line
    from {{ ref('ref_subject_aliases') }}
),

unioned as (
    select
        'ref_categories' as seed_name,
        seed_line,
        'category_name_zh' as seed_column,
        platform_code,
        'category' as subject_type,
        category_name_zh as subject_zh,
        null as parent_zh,
        category_code as subject_code,
        category_name_zh as subject_name_zh,
        category_name_en as subject_name_en
    from categories
    where category_level = 1

    union all

    select
        'ref_categories' as seed_name,
        subcategories.seed_line,
        'category_name_zh' as seed_column,
        subcategories.platform_code,
        'subcategory' as subject_type,
        subcategories.category_name_zh as subject_zh,
        parents.category_name_zh as parent_zh,
        subcategories.category_code as subject_code,
        subcategories.category_name_zh as subject_name_zh,
        subcategories.category_name_en as subject_name_en
    from categories as subcategories
    inner join categories as parents
        on
            subcategories.platform_code = parents.platform_code
            and subcategories.parent_category_code = parents.category_code
    where subcategories.category_level = 2

    union all

    select
        'ref_intake_members' as seed_name,
        seed_line,
        'subject_zh' as seed_column,
        platform_code,
        'intake' as subject_type,
        subject_zh,
        null as parent_zh,
        dimension || '.' || member as subject_code,
        member_name_zh as subject_name_zh,
        member_name_en as subject_name_en
    from intake_members

    union all

    -- districts, city bodies and state-owned enterprises as themselves
    select
        seed_name,
        seed_line,
        seed_column,
        platform_code,
        unit_type as subject_type,
        unit_name_zh as subject_zh,
        null as parent_zh,
        unit_code as subject_code,
        unit_name_zh as subject_name_zh,
        unit_name_en as subject_name_en
    from handling_units

    union all

    -- any handling unit as one of a 每月一题 topic's top three
    select
        seed_name,
        seed_line,
        seed_column,
        platform_code,
        'monthly_topic_unit' as subject_type,
        unit_name_zh as subject_zh,
        null as parent_zh,
        unit_code as subject_code,
        unit_name_zh as subject_name_zh,
        unit_name_en as subject_name_en
    from handling_units

    union all

    select
        'ref_monthly_topics' as seed_name,
        seed_line,
        'topic_name_zh' as seed_column,
        platform_code,
        'monthly_topic' as subject_type,
        topic_name_zh as subject_zh,
        null as parent_zh,
        topic_code as subject_code,
        topic_name_zh as subject_name_zh,
        topic_name_en as subject_name_en
    from monthly_topics

    union all

    select
        'ref_aggregate_subjects' as seed_name,
        seed_line,
        'subject_zh' as seed_column,
        platform_code,
        subject_type,
        subject_zh,
        null as parent_zh,
        subject_code,
        subject_zh as subject_name_zh,
        subject_name_en
    from aggregate_subjects

    union all

    select
        'ref_functional_zones' as seed_name,
        seed_line,
        'functional_zone_zh' as seed_column,
        platform_code,
        'functional_zone' as subject_type,
        functional_zone_zh as subject_zh,
        null as parent_zh,
        functional_zone_code as subject_code,
        functional_zone_zh as subject_name_zh,
        functional_zone_en as subject_name_en
    from functional_zones
),

aliased as (
    select
        'ref_subject_aliases' as seed_name,
        aliases.seed_line,
        'alias_zh' as seed_column,
        aliases.platform_code,
        aliases.subject_type,
        aliases.alias_zh as subject_zh,
        named.parent_zh,
        named.subject_code,
        named.subject_name_zh,
        named.subject_name_en
    from aliases
    inner join unioned as named
        on
            aliases.platform_code is not distinct from named.platform_code
            and aliases.subject_type = named.subject_type
            and aliases.subject_zh = named.subject_zh
),

named_or_aliased as (
    select * from unioned
    union all
    select * from aliased
),

-- a subcategory under its parent's second spelling (涉疫訴求 for 涉疫诉求):
-- a page that prints one name in traditional characters prints them all so
parent_aliased as (
    select
        'ref_subject_aliases' as seed_name,
        aliases.seed_line,
        'alias_zh' as seed_column,
        subcategories.platform_code,
        subcategories.subject_type,
        subcategories.subject_zh,
        aliases.alias_zh as parent_zh,
        subcategories.subject_code,
        subcategories.subject_name_zh,
        subcategories.subject_name_en
    from named_or_aliased as subcategories
    inner join aliases
        on
            subcategories.platform_code is not distinct from aliases.platform_code
            and aliases.subject_type = 'category'
            and subcategories.parent_zh = aliases.subject_zh
    where subcategories.subject_type = 'subcategory'
),

final as (
    select * from named_or_aliased
    union all
    select * from parent_aliased
)

select * from final
