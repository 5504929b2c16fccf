-- Invariant: every row of complete_splits declares a split the figures
-- print: its source is known, its dimension is a known split of the intake,
-- the whole it names (if any) is a known intake figure of its platform, and
-- the figures of its platform and period print members of that split. A row
-- that fails any of these would otherwise drop its declaration silently, and
-- the split's sum check with it.
-- Exceptions: none.
{%- set row_rules = [
    ('source_id', 'is not a known source (seeds/sources/sources.csv)', 'not is_known_source'),
    ('dimension', 'is not a known dimension (ref_intake_dimensions)', 'not is_known_dimension'),
    ('whole_zh', "is not a known name of an intake figure of the row's platform (ref_intake_members)",
        'whole_zh is not null and whole_subject_code is null'),
    ('period_start', 'is not a date (2024-03-15, or --03-15 where the page prints no year)', 'period_kind is null'),
    ('dimension', 'names a split of which no member is printed for its platform and period (printed_figures)',
        'is_known_dimension and period_kind is not null and printed_dimension is null'),
    ('members_zh', "names a member that is not a known name of an intake figure of the row's platform (ref_intake_members)",
        'unresolved_members_zh is not null', "unresolved_members_zh"),
] %}
with

declared as (
    select * from {{ ref('int_reference__complete_splits') }}
),

printed as (
    select * from {{ ref('int_report__intake_splits') }}
),

judged as (
    select
        declared.seed_line,
        declared.is_known_source,
        declared.is_known_dimension,
        declared.whole_zh,
        declared.whole_subject_code,
        declared.period_kind,
        declared.unresolved_members_zh,
        printed.dimension as printed_dimension
    from declared
    left join printed
        on
            declared.platform_code = printed.platform_code
            and declared.period_code = printed.period_code
            and declared.dimension = printed.dimension
            and declared.split_key = printed.split_key
)

{{ seed_rule_failures(row_rules, 'judged', "'complete_splits'") }}
