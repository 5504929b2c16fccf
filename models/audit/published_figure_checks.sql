-- One row per published percentage, rate, ratio, sum or ranking claim that
-- other printed figures let us check. A published value is `consistent` when
-- some set of true values, each within the precision of its printing, and
-- obeying the exact relations between the figures, reproduces it: that is,
-- when the published range [published_low, published_high] meets the
-- feasible range [feasible_low, feasible_high] (an empty bound is open).
-- No tolerance is added anywhere. An empty feasible range (no true values
-- obey the relations) is never consistent. A plain printing that misses only
-- because it reads as rounded, and meets the feasible range read as
-- truncated (cut after its last digit: 4.4461% printed 4.44), is
-- `truncated`: a rounding rule of its source, not an arithmetic error. Each
-- row names the source of the published value and the sources of the
-- figures it was checked against. Every row explains itself in one sentence
-- written from its own columns (`explanation`): what was printed, what the
-- inputs allow and by how much it misses, in the value's own unit (a count
-- in the unit the page prints it in: 件, 宗, 万件). A
-- finding a person has reviewed is listed in the known_discrepancies seed,
-- with a note for what the numbers cannot say (`review_note`).
with

share_checks as (
    select * from {{ ref('int_audit__share_checks') }}
),

sum_checks as (
    select * from {{ ref('int_audit__sum_checks') }}
),

bound_checks as (
    select * from {{ ref('int_audit__bound_checks') }}
),

ranking_checks as (
    select * from {{ ref('int_audit__ranking_checks') }}
),

ratio_checks as (
    select * from {{ ref('int_audit__ratio_checks') }}
),

reprint_checks as (
    select * from {{ ref('int_audit__reprint_checks') }}
),

yoy_checks as (
    select * from {{ ref('int_audit__yoy_checks') }}
),

cumulative_checks as (
    select * from {{ ref('int_audit__cumulative_checks') }}
),

share_list_checks as (
    select * from {{ ref('int_audit__share_list_checks') }}
),

rate_checks as (
    select * from {{ ref('int_audit__rate_checks') }}
),

coverage_checks as (
    select * from {{ ref('int_audit__coverage_checks') }}
),

change_checks as (
    select * from {{ ref('int_audit__change_checks') }}
),

level_change_checks as (
    select * from {{ ref('int_audit__level_change_checks') }}
),

list_sum_checks as (
    select * from {{ ref('int_audit__list_sum_checks') }}
),

daily_average_checks as (
    select * from {{ ref('int_audit__daily_average_checks') }}
),

part_within_whole_checks as (
    select * from {{ ref('int_audit__part_within_whole_checks') }}
),

range_checks as (
    select * from {{ ref('int_audit__range_checks') }}
),

known_discrepancies as (
    select * from {{ ref('stg_reference__known_discrepancies') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
),

-- a measure reads by its label where it has one (a sentence a reader can
-- quote), else by its code
measure_labels as (
    select * from {{ ref('ref_measure_properties') }}
),

platforms as (
    select * from {{ ref('ref_platforms') }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

checks as (
    select * from share_checks
    union all by name
    select * from sum_checks
    union all by name
    select * from bound_checks
    union all by name
    select * from ranking_checks
    union all by name
    select * from ratio_checks
    union all by name
    select * from reprint_checks
    union all by name
    select * from yoy_checks
    union all by name
    select * from cumulative_checks
    union all by name
    select * from share_list_checks
    union all by name
    select * from rate_checks
    union all by name
    select * from coverage_checks
    union all by name
    select * from change_checks
    union all by name
    select * from level_change_checks
    union all by name
    select * from list_sum_checks
    union all by name
    select * from daily_average_checks
    union all by name
    select * from part_within_whole_checks
    union all by name
    select * from range_checks
),

assessed as (
    select
        *,
        (feasible_high is null or published_low <= feasible_high)
        and (feasible_low is null or published_high >= feasible_low)
        and (feasible_low is null or feasible_high is null or feasible_low <= feasible_high)
            as is_consistent,
        -- the printing read as truncated: [v, v + one unit of its last digit)
        -- (a list of shares says itself whether it fits so)
        coalesce(fits_if_truncated, false)
        or coalesce(published_is_plain, false) and published_low >= 0
        and (feasible_high is null or (published_low + published_high) / 2 <= feasible_high)
        and (
            feasible_low is null
            or published_high + (published_high - published_low) / 2 >= feasible_low
        )
        and (feasible_low is null or feasible_high is null or feasible_low <= feasible_high)
            as is_consistent_if_truncated,
        -- how far apart the two ranges are (negative: by how much they overlap),
        -- relative to the published value's size
        greatest(
            coalesce(published_low - feasible_high, '-infinity'::double),
            coalesce(feasible_low - published_high, '-infinity'::double)
        ) / greatest(abs(published_high), 1e-300) as relative_gap
    from checks
),

-- the words of each check's sentence: its unit (a list of shares and a
-- ranking are about wholes and positions, not their measure's unit), where
-- it stands, what its inputs are, and whether they allow any value at all
worded as (
    select
        assessed.*,
        coalesce(assessed.value_unit, measures.normalised_unit) as unit,
        periods.period_label_zh,
        periods.period_label_en,
        coalesce(platforms.platform_name_zh, assessed.platform_code) || ', '
        -- a period reads by its label (marts.dim_period), never by its key
        || periods.period_label_en
        || ', ' || coalesce(assessed.subject_name_zh, assessed.subject_code, '') || ' ('
        || coalesce(measure_labels.label_en, assessed.measure) || ')' as place,
        -- a count's feasible range and its miss in the unit the page prints
        -- it in (件, 宗, 万件), where the check says which
        case
            when assessed.page_unit_zh is not null
                then {{ audit_count_range(
                    'assessed.feasible_low', 'assessed.feasible_high',
                    'assessed.page_multiplier', 'assessed.page_decimals', 'assessed.page_unit_zh'
                ) }}
        end as page_feasible_text,
        case
            when assessed.page_unit_zh is not null
                then {{ audit_count_gap(
                    'greatest(assessed.published_low - assessed.feasible_high, '
                    ~ 'assessed.feasible_low - assessed.published_high)',
                    'assessed.page_multiplier', 'assessed.page_decimals', 'assessed.page_unit_zh'
                ) }}
        end as page_gap_text
    from assessed
    left join measures
        on assessed.measure = measures.measure
    left join measure_labels
        on assessed.measure = measure_labels.measure
    left join platforms
        on assessed.platform_code = platforms.platform_code
    left join periods
        on assessed.period_code = periods.period_code
),

explained as (
    select
        *,
        case
            when is_consistent then 'Consistent: ' || check_method || '.'
            else
                place || ': printed ' || coalesce(published_text, published_value_as_printed)
                || '; '
                || case
                    when {{ audit_range_is_empty('feasible_low', 'feasible_high', 'unit') }}
                        then
                            coalesce(
                                empty_text,
                                coalesce(inputs_text, 'its inputs (' || check_method || ') allow')
                                || ' no value (no value fits: they need at least '
                                || {{ audit_amount('feasible_low', 'unit') }} || ' and at most '
                                || {{ audit_amount('feasible_high', 'unit') }} || ')'
                            )
                    else
                        coalesce(inputs_text, 'its inputs (' || check_method || ') allow') || ' '
                        || coalesce(
                            page_feasible_text,
                            {{ audit_range('feasible_low', 'feasible_high', 'unit') }}
                            || case when unit = 'items' then ' items' else '' end
                        )
                end
                || case
                    when is_consistent_if_truncated
                        then
                            '; it fits only read as truncated (cut after its last digit, as some '
                            || 'bulletins print), not as rounded'
                    when {{ audit_range_is_empty('feasible_low', 'feasible_high', 'unit') }} then ''
                    when feasible_high is not null and published_low > feasible_high
                        then
                            '; the printed value is over by '
                            || coalesce(
                                page_gap_text,
                                {{ audit_gap('published_low - feasible_high', 'unit') }}
                            )
                    when feasible_low is not null and published_high < feasible_low
                        then
                            '; the printed value is short by '
                            || coalesce(
                                page_gap_text,
                                {{ audit_gap('feasible_low - published_high', 'unit') }}
                            )
                    else ''
                end
                || coalesce(fit_text, '')
                || '.'
        end as explanation
    from worded
),

final as (
    select
        explained.check_id,
        explained.check_kind,
        explained.platform_code,
        explained.period_code,
        explained.year,
        explained.source_id,
        explained.input_source_ids,
        explained.input_source_ids != explained.source_id as is_cross_source,
        -- the printed figures it is checked against, where its kind names them
        nullif(array_to_string(list_sort(list_distinct(flatten([
            explained.part_figure_ids,
            explained.rest_figure_ids,
            explained.whole_figure_ids,
            explained.share_figure_ids,
            explained.this_figure_ids,
            explained.prior_figure_ids,
            [explained.whole_figure_id, explained.numerator_figure_id]
        ]))), ', '), '') as input_figure_ids,
        explained.section_zh as section,
        explained.subject_code,
        explained.subject_name_zh,
        explained.measure,
        explained.formula,
        explained.published_value_as_printed,
        explained.published_number,
        explained.published_unit,
        explained.published_low,
        explained.published_high,
        explained.derived_value,
        explained.feasible_low,
        explained.feasible_high,
        case
            when explained.is_consistent then 'consistent'
            when explained.is_consistent_if_truncated then 'truncated'
            else 'inconsistent'
        end as status,
        known_discrepancies.check_id is not null as is_known_discrepancy,
        explained.relative_gap,
        explained.check_method,
        explained.explanation,
        known_discrepancies.reviewed_by,
        known_discrepancies.review_note,
        explained.period_label_zh,
        explained.period_label_en
    from explained
    left join known_discrepancies
        on explained.check_id = known_discrepancies.check_id
)

select
    check_id,
    check_kind,
    platform_code,
    period_code,
    year,
    source_id,
    input_source_ids,
    is_cross_source,
    input_figure_ids,
    section,
    subject_code,
    subject_name_zh,
    measure,
    formula,
    published_value_as_printed,
    published_number,
    published_unit,
    published_low,
    published_high,
    derived_value,
    feasible_low,
    feasible_high,
    status,
    is_known_discrepancy,
    relative_gap,
    check_method,
    explanation,
    reviewed_by,
    review_note,
    period_label_zh,
    period_label_en
from final
