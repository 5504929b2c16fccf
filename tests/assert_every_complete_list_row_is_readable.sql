-- Invariant: every row of complete_lists declares a list the figures print
-- whole: its source is known, the whole it names is a known intake figure of
-- its platform, its period is read, and its source prints as many members
-- of the list (counts in items, in the row's period) as the row says. A row
-- that fails any of these would otherwise drop its list's sum check
-- silently (a list with a member left out of the seed, or one too many).
-- Exceptions: none.
{%- set row_rules = [
    ('source_id', 'is not a known source (seeds/sources/sources.csv)', 'not is_known_source'),
    ('whole_zh', "is not a known name of an intake figure of the row's platform (ref_intake_members)",
        'whole_subject_code is null'),
    ('period_start', 'is not a date (2024-03-15, or --03-15 where the page prints no year)', 'period_kind is null'),
    ('member_count', 'is not the number of members its source prints in items for the period (printed_figures):',
        'period_kind is not null and coalesce(printed_member_count, 0) != member_count',
        "'the row says ' || member_count || ', the page prints ' || coalesce(printed_member_count, 0)"),
] %}
with

declared as (
    select * from {{ ref('int_reference__complete_lists') }}
),

figures as (
    select * from {{ ref('int_report__figures') }}
),

printed as (
    select
        declared.seed_line,
        count(figures.figure_id) as printed_member_count
    from declared
    inner join figures
        on
            {{ same_period('declared', 'figures') }}
            and declared.source_id = figures.source_id
            and declared.subject_type = figures.subject_type
            and (
                declared.dimension is null
                or split_part(figures.subject_code, '.', 1) = declared.dimension
            )
    -- the counts the audit sums (the measures that feed its list_sum checks)
    where
        figures.measure in (
            select uses.measure from {{ ref('ref_measure_uses') }} as uses
            where uses.model_name = 'int_audit__list_sum_checks' and uses.figure_role = 'count'
        )
    group by declared.seed_line
),

judged as (
    select
        declared.seed_line,
        declared.is_known_source,
        declared.whole_subject_code,
        declared.period_kind,
        declared.member_count,
        printed.printed_member_count
    from declared
    left join printed
        on declared.seed_line = printed.seed_line
)

{{ seed_rule_failures(row_rules, 'judged', "'complete_lists'") }}
