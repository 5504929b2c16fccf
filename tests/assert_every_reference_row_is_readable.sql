-- Invariant: every line of a reference list can be read on its own, and
-- names something once: a district's functional zone and a sub-category's
-- parent are on its own platform's lists, a source reports on a known
-- platform, and no printed name is on two lines for one platform, subject
-- type and parent (it would resolve to two codes, and its figures would count
-- twice), and an alias names a name on record. Each is judged on the seed's
-- own lines, so that a bad line is named by its file, line and column.
-- Everything this test reads is upstream of the figures
-- (int_report__printings), so that dbt builds none of them while it fails;
-- an intake member's split is judged apart, for the same reason
-- (assert_every_intake_member_is_of_a_known_split).
-- Exceptions: none.
{%- set district_rules = [
    ('functional_zone_code', 'is not a known functional_zone_code of its platform (ref_functional_zones)',
        'functional_zone_code is not null and known_zone_code is null'),
] %}
{%- set category_rules = [
    ('parent_category_code', 'is not a known category_code of its platform (ref_categories)',
        'parent_category_code is not null and known_parent_code is null'),
] %}
{%- set source_rules = [
    ('platform_code', 'is not a known platform_code (ref_platforms)',
        'platform_code is not null and known_platform_code is null'),
] %}
{%- set subject_rules = [
    (none, 'is on more than one line for its platform, subject type and parent: a printed name would resolve'
        ' to two codes', 'lines_with_the_name > 1'),
] %}
{%- set alias_rules = [
    ('subject_zh', 'is not a name on record for the alias''s platform and subject type (int_reference__subjects):'
        ' an alias stands for a name of its own list or the shared vocabulary', 'known_subject_code is null'),
] %}
with

districts as (
    select
        {{ seed_line() }} as seed_line,
        platform_code,
        functional_zone_code
    from {{ ref('ref_districts') }}
),

functional_zones as (
    select * from {{ ref('ref_functional_zones') }}
),

categories as (
    select * from {{ ref('stg_reference__categories') }}
),

sources as (
    select
        {{ seed_line() }} as seed_line,
        platform_code
    from {{ ref('sources') }}
),

platforms as (
    select * from {{ ref('ref_platforms') }}
),

subjects as (
    select * from {{ ref('int_reference__subjects') }}
),

aliases as (
    select
        {{ seed_line() }} as seed_line,
        platform_code,
        subject_type,
        subject_zh
    from {{ ref('ref_subject_aliases') }}
),

category_codes as (
    select distinct
        platform_code,
        category_code
    from categories
),

districts_judged as (
    select
        districts.seed_line,
        districts.functional_zone_code,
        functional_zones.functional_zone_code as known_zone_code
    from districts
    left join functional_zones
        on
            districts.platform_code = functional_zones.platform_code
            and districts.functional_zone_code = functional_zones.functional_zone_code
),

categories_judged as (
    select
        categories.seed_line,
        categories.parent_category_code,
        parents.category_code as known_parent_code
    from categories
    left join category_codes as parents
        on
            categories.platform_code = parents.platform_code
            and categories.parent_category_code = parents.category_code
),

sources_judged as (
    select
        sources.seed_line,
        sources.platform_code,
        platforms.platform_code as known_platform_code
    from sources
    left join platforms
        on sources.platform_code = platforms.platform_code
),

aliases_judged as (
    select
        aliases.seed_line,
        any_value(known.subject_code) as known_subject_code
    from aliases
    left join subjects as known
        on
            aliases.platform_code is not distinct from known.platform_code
            and aliases.subject_type = known.subject_type
            and aliases.subject_zh = known.subject_zh
            and known.seed_name != 'ref_subject_aliases'
    group by aliases.seed_line
),

subjects_judged as (
    select
        seed_name,
        seed_line,
        seed_column,
        count(*) over (
            partition by platform_code, subject_type, subject_zh, parent_zh
        ) as lines_with_the_name
    from subjects
)

{{ seed_rule_failures(district_rules, 'districts_judged', "'ref_districts'") }}
union all
{{ seed_rule_failures(category_rules, 'categories_judged', "'ref_categories'") }}
union all
{{ seed_rule_failures(source_rules, 'sources_judged', "'sources'") }}
union all
{{ seed_rule_failures(subject_rules, 'subjects_judged') }}
union all
{{ seed_rule_failures(alias_rules, 'aliases_judged', "'ref_subject_aliases'") }}
