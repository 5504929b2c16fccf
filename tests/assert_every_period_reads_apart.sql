-- Invariant: every period a reader sees has its own words. Each kind of
-- period (dim_period.period_kind) has its line in ref_period_kinds, with its
-- name in Chinese and English (a line that leaves one empty is named), and no
-- two periods of one hotline read alike (a filter or a chart legend by label
-- would take one for the other): where two year-less periods of a hotline
-- would share a label, the name a page gives its period
-- (source_period_names) tells them apart, and the line that gives a
-- period the label of another is named, as is a name for a period no
-- year-less figure covers (its source unknown, or its figures dated).
-- Exceptions: none.
{%- set kind_rules = [
    (none, 'has no line for a kind of period the figures cover: its words are missing for',
        'known_kind is null', "'''' || period_kind || ''' (' || periods || ' periods)'"),
] %}
{%- set kind_name_rules = [
    ('kind_name_zh', 'leaves a kind of period without its Chinese name:', 'kind_name_zh is null',
        "'''' || period_kind || ''''"),
    ('kind_name_en', 'leaves a kind of period without its English name:', 'kind_name_en is null',
        "'''' || period_kind || ''''"),
] %}
{%- set label_rules = [
    ('period_name_zh', 'gives its period a label another period of the same hotline has:',
        'seed_line is not null',
        "'''' || period_label_zh || ''' (' || period_label_en || ') is the label of ' || other_period_codes"),
    (none, 'has no name for periods of one hotline that read alike:',
        'seed_line is null',
        "'''' || period_label_zh || ''' (' || period_label_en || ') is the label of ' || other_period_codes"
        " || '; give each source its period''s name'"),
] %}
{%- set name_rules = [
    ('source_id', 'names the period of a source no year-less figure is printed in (printed_figures, sources)',
        'named_period is null'),
] %}
with

periods as (
    select * from {{ ref('dim_period') }}
),

kinds as (
    select
        {{ seed_line() }} as seed_line,
        period_kind,
        kind_name_zh,
        kind_name_en
    from {{ ref('ref_period_kinds') }}
),

names as (
    select
        {{ seed_line() }} as seed_line,
        source_id
    from {{ ref('source_period_names') }}
),

names_used as (
    select
        names.seed_line,
        any_value(periods.period_code) as named_period
    from names
    left join periods
        on names.source_id = periods.source_id
    group by names.seed_line
),

kinds_used as (
    select
        null as seed_line,
        null as seed_column,
        periods.period_kind,
        count(*) as periods,
        any_value(kinds.period_kind) as known_kind
    from periods
    left join kinds
        on periods.period_kind = kinds.period_kind
    group by periods.period_kind
),

label_groups as (
    select
        periods.period_code,
        periods.source_id,
        periods.period_label_zh,
        periods.period_label_en,
        count(*) over (
            partition by periods.platform_code, periods.period_label_zh
        ) as with_the_zh_label,
        count(*) over (
            partition by periods.platform_code, periods.period_label_en
        ) as with_the_en_label,
        string_agg(periods.period_code, ', ') over (
            partition by periods.platform_code, periods.period_label_zh
        ) as other_period_codes
    from periods
),

alike as (
    select
        label_groups.period_code,
        label_groups.period_label_zh,
        label_groups.period_label_en,
        label_groups.other_period_codes,
        names.seed_line,
        null as seed_column
    from label_groups
    left join names
        on label_groups.source_id = names.source_id
    where label_groups.with_the_zh_label > 1 or label_groups.with_the_en_label > 1
)

{{ seed_rule_failures(kind_rules, 'kinds_used', "'ref_period_kinds'") }}
union all
{{ seed_rule_failures(kind_name_rules, 'kinds', "'ref_period_kinds'") }}
union all
{{ seed_rule_failures(label_rules, 'alike', "'source_period_names'") }}
union all
{{ seed_rule_failures(name_rules, 'names_used', "'source_period_names'") }}
