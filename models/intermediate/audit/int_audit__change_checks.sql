-- Every published rate of change printed beside the change in items it
-- stands for (同比增加110件,增幅5.85%; 环比减少252件,减幅10.73%) and the
-- count it is a change of: the rate follows from the two, since the earlier
-- period's items are this period's less the change, so
-- rate = 100 x change / (count - change). Which change in items goes with
-- which rate is data: the change's role here (ref_measure_uses) is the
-- period it compares with, as the rate's measure names it
-- (ref_measures.change_against). The rate is increasing in the change and,
-- for a rise, decreasing in the count (increasing for a fall), so its
-- extremes over the printed bounds of the two are at their corners: the
-- feasible range is the least and the greatest of the four. The count and
-- the change are of the same subject, period and source as the rate.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
),

rates as (
    select
        *,
        measure_change_against as change_against
    from figures
    where measure_change_against is not null
),

-- each change in items with the period it compares with (its role here)
changes as (
    select
        figures.*,
        uses.figure_role as change_against
    from figures
    inner join {{ measure_uses() }} as uses
        on figures.measure = uses.measure
    where uses.figure_role in (select distinct compared.change_against from measures as compared)
),

counts as (
    select * from figures
    where {{ measure_feeds('count') }}
),

-- the rate, its change and its count, each within its printed bounds
paired as (
    select
        rates.*,
        changes.figure_id as change_figure_id,
        changes.value_as_printed || changes.unit_printed as change_as_printed,
        cast(changes.value_low as double) as change_low,
        cast(changes.value_high as double) as change_high,
        counts.figure_id as count_figure_id,
        cast(counts.value_low as double) as count_low,
        cast(counts.value_high as double) as count_high,
        coalesce(counts.multiplier, 1) as count_multiplier,
        coalesce(counts.decimal_places, 0) as count_decimals,
        counts.unit_printed as count_unit
    from rates
    inner join changes
        on
            {{ same_subject('rates', 'changes') }}
            and rates.source_id = changes.source_id
            and rates.change_against = changes.change_against
    inner join counts
        on
            {{ same_subject('rates', 'counts') }}
            and rates.source_id = counts.source_id
),

cornered as (
    select
        *,
        [
            100.0 * change_low / nullif(count_low - change_low, 0),
            100.0 * change_low / nullif(count_high - change_low, 0),
            100.0 * change_high / nullif(count_low - change_high, 0),
            100.0 * change_high / nullif(count_high - change_high, 0)
        ] as corner_rates
    from paired
),

final as (
    select
        'change:' || figure_id as check_id,
        'change' as check_kind,
        platform_code,
        period_code,
        year,
        section_zh,
        subject_code,
        subject_name_zh,
        measure,
        -- the period is the row's own (period_code; a page shows its label):
        -- never a key inside a sentence
        measure || ' = 100 x change / (items - change), the change and the items of the same period'
            as formula,
        value_as_printed || unit_printed as published_value_as_printed,
        value_normalised as published_number,
        normalised_unit as published_unit,
        value_low as published_low,
        value_high as published_high,
        100.0 * (change_low + change_high) / 2
        / ((count_low + count_high) / 2 - (change_low + change_high) / 2) as derived_value,
        list_min(corner_rates) as feasible_low,
        list_max(corner_rates) as feasible_high,
        'the printed change in items over the earlier period''s items (this period''s less the '
        || 'change), both within their bounds' as check_method,
        source_id,
        source_id as input_source_ids,
        [count_figure_id, change_figure_id] as this_figure_ids,
        -- the inputs in words, in the units the page prints its counts in
        'the printed change (' || change_as_printed || ') on '
        || {{ audit_count_range(
            'count_low - change_high', 'count_high - change_low',
            'count_multiplier', 'count_decimals', 'count_unit'
        ) }}
        || ' (the printed '
        || {{ audit_count_range(
            'count_low', 'count_high', 'count_multiplier', 'count_decimals', 'count_unit'
        ) }}
        || ' less the change) allows' as inputs_text
    from cornered
)

select
    {{ audit_check_columns() }},
    this_figure_ids,
    inputs_text
from final
