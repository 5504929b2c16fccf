-- Invariant: every row of the figure seeds (printed_figures and
-- printed_figure_reprints) reads as a figure: its source, period, subject,
-- measure, wording, value and unit are all known and coherent, and its value
-- lies within the bounds its own precision and wording allow.
-- Exceptions: none.
--
-- One row per problem, naming the seed, its line, the seed column at fault
-- and what is wrong; `hotline12345 build` reads the stored rows back and
-- prints "seeds/figures/printed_figures.csv, line 23, column unit_printed:
-- '千件' is not a known unit (ref_units)". Each rule is one entry of
-- `row_rules` below: the seed column it blames, the problem, and the
-- condition on a int_report__printings row that is the problem.
{%- set row_rules = [
    ('source_id', 'is not a known source (seeds/sources/sources.csv)', 'source_kind is null'),
    ('platform_code', 'is not a known platform (ref_platforms)', 'source_kind is not null and not is_known_platform'),
    ('section_zh', 'is empty', 'section_zh is null'),
    ('source_phrase', 'is empty', 'source_phrase is null'),
    ('period_start', 'starts after its source was published (sources.csv published_on), while its end is not'
        ~ ' printed: an open period ends by the day its page was published at the latest',
        'period_end_printed is null and period_start > published_on'),
    ('period_start', 'is empty while the period ends on a dated day',
        'period_start_printed is null and period_end is not null'),
    ('period_start', 'is not a date (2024-03-15, or --03-15 where the page prints no year)',
        'period_start_printed is not null and not ' ~ is_printed_date('period_start_printed')),
    ('period_end', 'is not a date (2024-03-22, or --03-22 where the page prints no year)',
        'period_end_printed is not null and not ' ~ is_printed_date('period_end_printed')),
    ('period_end', 'is not of the same form as period_start (both with their year, or both --MM-DD)',
        'period_start_printed is not null and period_end_printed is not null'
        ~ " and starts_with(period_start_printed, '--') != starts_with(period_end_printed, '--')"),
    ('period_end', 'ends before the period starts', 'period_end < period_start'),
    ('subject_type', 'is not a known subject type (ref_subject_types)', 'not is_known_subject_type'),
    ('subject_zh', 'is empty', 'subject_zh is null'),
    ('subject_zh', 'is not a known name of its subject type', 'subject_code is null',
        subject_lookup_places('judged.subject_type', 'judged.platform_code')),
    ('parent_zh', 'is not a known parent of the subject', 'parent_zh is not null and parent_code is null'),
    ('measure', 'is empty', 'measure is null'),
    ('measure', 'is not a known measure (ref_measures)', 'measure_normalised_unit is null'),
    ('share_of_zh', "is not a known name of an intake figure of the row's platform (ref_intake_members), nor 未说明",
        "share_of_zh is not null and share_of_zh != '未说明' and share_of_code is null"),
    ('share_of_zh', 'is given for a measure that is not a share (ref_measures.share_denominator is empty)',
        'share_of_zh is not null and measure_share_denominator is null and measure_normalised_unit is not null'),
    ('measure', 'is a share of another whole than the one share_of_zh names: give the row the share measure of'
        ~ ' that whole (ref_measures.share_denominator)',
        "share_of_code is not null and starts_with(measure_share_denominator, 'intake:')"
        ~ " and share_of_code != split_part(measure_share_denominator, ':', 2)"
        ~ " and not starts_with(share_of_code, split_part(measure_share_denominator, ':', 2) || '.')"),
    ('measure', 'is a share of a stated whole, while share_of_zh says the page does not state it (未说明): give the'
        ~ ' row the share measure of an unstated whole (ref_measures.share_denominator unstated:whole)',
        "share_of_zh = '未说明' and starts_with(measure_share_denominator, 'intake:')"),
    ('share_of_zh', "does not name the whole its measure's shares are of (ref_measures.share_denominator): 未说明"
        ~ ' for a whole the page does not state, the intake figure of the group for a share of a group',
        "starts_with(measure_share_denominator, 'unstated:') and share_of_zh is distinct from '未说明'"
        ~ " or starts_with(measure_share_denominator, 'intake:')"
        ~ " and not contains(measure_share_denominator, '.') and share_of_code is null"),
    ('approximation_zh', 'is not a known wording (ref_approximations)', 'approximation_en is null'),
    ('observation_zh', 'is not a known monthly observation (ref_monthly_observations)',
        'observation_zh is not null and observation_code is null'),
    ('value_printed', 'is empty', 'value_printed is null'),
    ('value_printed', 'is not a number', 'value_decimal is null'),
    ('unit_printed', 'is empty', 'unit_printed is null'),
    ('unit_printed', 'is not a known unit (ref_units)', 'multiplier is null or normalised_unit is null'),
    ('value_printed', 'lies outside the bounds its own precision and wording allow',
        'value_normalised is not null and not (value_low <= value_normalised and value_normalised <= value_high)'),
    ('value_printed', 'is not a whole number of items',
        "normalised_unit = 'items' and not coalesce(items = value_normalised, false)"),
    ('value_printed', 'is not in the unit or range of its measure (ref_measures)',
        'measure_normalised_unit is not null and (normalised_unit is distinct from measure_normalised_unit'
        ~ ' or (value_normalised < measure_min_value or value_normalised > measure_max_value)'
        ~ ' and not is_reviewed_as_printed)',
        "case when normalised_unit = measure_normalised_unit then '(a value the page prints so is held once a"
        ~ " person lists its check, range:' || figure_id || ', in seeds/audit/known_discrepancies.csv)' end"),
    ('seed_line', 'is numbered twice (int_report__printings numbers each seed row once)', 'rows_on_the_line > 1'),
] %}
with

judged as (
    select
        seed_name,
        seed_line,
        platform_code,
        is_known_platform,
        source_kind,
        section_zh,
        source_phrase,
        period_start_printed,
        period_end_printed,
        period_start,
        period_end,
        period_kind,
        is_year_unknown,
        series_start_date,
        published_on,
        subject_type,
        is_known_subject_type,
        subject_zh,
        subject_code,
        parent_zh,
        parent_code,
        measure,
        share_of_zh,
        share_of_code,
        measure_share_denominator,
        measure_normalised_unit,
        measure_min_value,
        measure_max_value,
        approximation_en,
        observation_zh,
        observation_code,
        value_printed,
        value_decimal,
        unit_printed,
        multiplier,
        normalised_unit,
        value_normalised,
        value_low,
        value_high,
        items,
        figure_id,
        count(*) over (partition by seed_name, seed_line) as rows_on_the_line,
        -- a value out of its measure's range that a person has reviewed as
        -- printed so (int_audit__range_checks reads it)
        exists(
            select 1
            from {{ ref('stg_reference__known_discrepancies') }} as reviewed
            where reviewed.check_id = 'range:' || printings.figure_id
        ) as is_reviewed_as_printed
    from {{ ref('int_report__printings') }} as printings
),

problems as (
    {{ seed_rule_failures(row_rules, 'judged') }}
)

select
    seed_name,
    seed_line,
    seed_column,
    problem
from problems
