-- Invariant: every platform a reference list names is in ref_platforms, and
-- so is every platform's parent platform. A district, category, handling
-- unit, subject, intake member, monthly topic or functional zone of an
-- unknown platform (a typo in its platform_code) meets no figure: the figures
-- that name it are refused at their own lines as unknown names, and a line
-- no figure names would be refused nowhere. Judged on each seed's own lines,
-- so that a bad line is named by its file, line and column.
-- Exceptions: none. An empty platform_code is the shared vocabulary.
{%- set lists = [
    'ref_aggregate_subjects',
    'ref_categories',
    'ref_districts',
    'ref_functional_zones',
    'ref_handling_units',
    'ref_intake_members',
    'ref_monthly_topics',
] %}
{%- set platform_rules = [
    ('platform_code', 'is not a known platform_code (ref_platforms)',
        'platform_code is not null and known_platform_code is null'),
] %}
{%- set parent_rules = [
    ('parent_platform_code', 'is not a known platform_code (ref_platforms)',
        'parent_platform_code is not null and known_platform_code is null'),
] %}
with

platforms as (
    select
        {{ seed_line() }} as seed_line,
        platform_code,
        parent_platform_code
    from {{ ref('ref_platforms') }}
),

listed as (
    {% for list in lists %}
        select
            '{{ list }}' as seed_name,
            {{ seed_line() }} as seed_line,
            platform_code
        from {{ ref(list) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

listed_judged as (
    select
        listed.seed_name,
        listed.seed_line,
        listed.platform_code,
        platforms.platform_code as known_platform_code
    from listed
    left join platforms
        on listed.platform_code = platforms.platform_code
),

parents_judged as (
    select
        platforms.seed_line,
        platforms.parent_platform_code,
        parents.platform_code as known_platform_code
    from platforms
    left join platforms as parents
        on platforms.parent_platform_code = parents.platform_code
)

{{ seed_rule_failures(platform_rules, 'listed_judged') }}
union all
{{ seed_rule_failures(parent_rules, 'parents_judged', "'ref_platforms'") }}
