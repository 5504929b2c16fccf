-- Invariant: every row of complete_measure_splits declares a split a page
-- prints whole: its source is known, its split is one of ref_measure_splits
-- that is summed only where a page declares it (is_declared_per_page), and
-- the source prints the whole and every part of it for at least one subject
-- of the row's type. A row that fails any of these would otherwise declare
-- nothing, silently, and the split's sum checks would not be made.
-- Exceptions: none.
{%- set row_rules = [
    ('source_id', 'is not a known source (seeds/sources/sources.csv)', 'not is_known_source'),
    ('split_code', 'is not a split of ref_measure_splits summed only where a page declares it (is_declared_per_page)',
        'not is_known_split'),
    ('split_code', "names a split of which the source prints the whole and every part for no subject of the row's type (printed_figures)",
        'is_known_split and is_known_source and printed_subject_count = 0'),
] %}
with

declared as (
    select
        {{ seed_line() }} as seed_line,
        source_id,
        subject_type,
        split_code
    from {{ ref('complete_measure_splits') }}
),

splits as (
    select
        split_code,
        whole_measure,
        part_measure,
        count(*) over (partition by split_code) as part_count
    from {{ ref('ref_measure_splits') }}
    where is_declared_per_page
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

figures as (
    select * from {{ ref('int_report__figures') }}
),

-- per declared line and subject: how many of the split's parts the source
-- prints, and whether it prints the whole
printed_parts as (
    select
        declared.seed_line,
        figures.subject_code,
        count(distinct figures.measure) filter (where figures.measure = splits.part_measure)
            as part_count,
        bool_or(figures.measure = splits.whole_measure) as has_whole,
        any_value(splits.part_count) as split_part_count
    from declared
    inner join splits
        on declared.split_code = splits.split_code
    inner join figures
        on
            declared.source_id = figures.source_id
            and declared.subject_type = figures.subject_type
            and (splits.part_measure = figures.measure or splits.whole_measure = figures.measure)
    group by declared.seed_line, figures.subject_code
),

judged as (
    select
        declared.seed_line,
        sources.source_id is not null as is_known_source,
        declared.split_code in (select splits.split_code from splits) as is_known_split,
        count(printed_parts.subject_code) filter (
            where printed_parts.has_whole
            and printed_parts.part_count = printed_parts.split_part_count
        ) as printed_subject_count
    from declared
    left join sources
        on declared.source_id = sources.source_id
    left join printed_parts
        on declared.seed_line = printed_parts.seed_line
    group by declared.seed_line, sources.source_id, declared.split_code
)

{{ seed_rule_failures(row_rules, 'judged', "'complete_measure_splits'") }}
