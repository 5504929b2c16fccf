{{ config(store_failures=true) }}
-- Invariant: every row of complete_splits declares a split the figures
-- print: its source is known, its dimension is a known split of the intake,
-- the whole it names (if any) is a known intake figure of its platform, and
-- the figures of its platform and period print members of that split. A row
-- that fails any of these would otherwise drop its declaration silently, and
-- the split's sum check with it.
-- Exceptions: none.
{%- set row_rules = [
    ('source_id', 'is not a known source (seeds/sources/sources.csv)', 'source_kind is null'),
    ('dimension', 'is not a known dimension (ref_intake_dimensions)', 'not is_known_dimension'),
    ('whole_zh', "is not a known name of an intake figure of the row's platform (ref_intake_members)",
        'whole_zh is not null and whole_code is null'),
    ('period_start', 'is not a date (2024-03-15, or --03-15 where the page prints no year)', 'period_kind is null'),
    ('dimension', 'names a split of which no member is printed for its platform and period (printed_figures)',
        'is_known_dimension and period_kind is not null and printed_dimension is null'),
] %}
with

declared as (
    -- the seed's own lines, numbered before any join (1 = the header)
    select
        1 + row_number() over () as seed_line,
        source_id,
        platform_code,
        period_start,
        period_end,
        dimension,
        whole_zh
    from {{ ref('complete_splits') }}
),

dimensions as (
    select * from {{ ref('ref_intake_dimensions') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

printed as (
    select * from {{ ref('int_report__intake_splits') }}
),

periods as (
    -- the lookups of stg_reference__complete_splits
    select
        declared.seed_line,
        declared.source_id,
        declared.platform_code,
        declared.dimension,
        declared.whole_zh,
        dimensions.dimension is not null as is_known_dimension,
        {{ printed_period_columns('declared') }}
    from declared
    left join dimensions
        on declared.dimension = dimensions.dimension
),

judged as (
    select
        periods.seed_line,
        sources.source_kind,
        periods.is_known_dimension,
        periods.whole_zh,
        {{ resolved_subject('wholes', 'subject_code') }} as whole_code,
        periods.period_kind,
        printed.dimension as printed_dimension
    from periods
    left join sources
        on periods.source_id = sources.source_id
    left join printed
        on
            periods.platform_code = printed.platform_code
            and periods.period_code = printed.period_code
            and periods.dimension = printed.dimension
    {{ join_subjects('wholes', 'periods.platform_code', "'intake'", 'periods.whole_zh') }}
)

{%- for seed_column, problem, condition in row_rules %}
    select
        'complete_splits' as seed_name,
        seed_line,
        '{{ seed_column }}' as seed_column,
        '{{ problem | replace("'", "''") }}' as problem
    from judged
    where {{ condition }}
    {%- if not loop.last %}
        union all
    {%- endif %}
{%- endfor %}
