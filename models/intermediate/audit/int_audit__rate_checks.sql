-- Every published rate (a percentage of 0–100 that is no share of a named
-- whole: 直办率, 在线解答率, 办结率) printed with the count it is a rate of:
-- the `items` count of a subject of the same name in the same source and
-- period, printed in the rate's own clause or in the clause of the rate's
-- numerator. A rate of N items can only be k / N for a whole number k: with
-- no numerator printed, the check asks whether some k gives the printed rate
-- (no whole number of 8 gives 71.43%: 5 of 8 is 62.50%, 6 of 8 is 75.00%);
-- where the numerator is printed too (a count of the same subject whose
-- printing the rate's clause quotes: 直接解答633件，在线解答率90.95%), the rate
-- is checked against it exactly. Only an exact count (件) is a whole here.
-- Whole numbers k are found in exact integer arithmetic, the printed bounds
-- scaled to millionths (they have at most six decimals).
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
),

rates as (
    select figures.*
    from figures
    inner join measures
        on figures.measure = measures.measure
    where
        measures.normalised_unit = 'percent'
        and measures.min_value = 0
        and measures.max_value = 100
        and measures.share_denominator is null
),

counts as (
    select *
    from figures
    where normalised_unit = 'items' and value_low = value_high
),

-- a count of the rate's subject whose printing the rate's clause quotes,
-- other than the subject's total: the numerator
numerators as (
    select
        rates.figure_id as rate_figure_id,
        counts.figure_id,
        counts.items,
        counts.source_phrase
    from rates
    inner join counts
        on
            rates.source_id = counts.source_id
            and rates.period_code = counts.period_code
            and rates.subject_zh = counts.subject_zh
            and not {{ measure_feeds('whole', 'counts.measure') }}
            and contains(rates.source_phrase, counts.value_printed || counts.unit_printed)
),

-- the subject's own count, printed in the rate's clause or the numerator's
paired as (
    select
        rates.*,
        wholes.figure_id as whole_figure_id,
        wholes.items as whole_items,
        numerators.figure_id as numerator_figure_id,
        numerators.items as numerator_items,
        -- the printed bounds, and the printed value read as truncated, in
        -- millionths of a percent
        cast(rates.value_low * 1000000 as hugeint) as low_millionths,
        cast(rates.value_high * 1000000 as hugeint) as high_millionths,
        cast((rates.value_low + rates.value_high) / 2 * 1000000 as hugeint)
            as truncated_low_millionths,
        cast(
            (rates.value_high + (rates.value_high - rates.value_low) / 2) * 1000000 as hugeint
        ) as truncated_high_millionths,
        rates.approximation_zh is null and not rates.is_exact_count as published_is_plain
    from rates
    inner join counts as wholes
        on
            rates.source_id = wholes.source_id
            and rates.period_code = wholes.period_code
            and rates.subject_zh = wholes.subject_zh
            and {{ measure_feeds('whole', 'wholes.measure') }}
    left join numerators
        on rates.figure_id = numerators.rate_figure_id
    where
        wholes.items > 0
        and (
            contains(rates.source_phrase, wholes.value_printed || wholes.unit_printed)
            or contains(numerators.source_phrase, wholes.value_printed || wholes.unit_printed)
        )
),

-- the whole numbers k whose k / N lies within the printed bounds (and
-- within them read as truncated: [v, v + one unit))
counted as (
    select
        *,
        -- the smallest k with 100 k / N >= low: ceil(low * N / 100)
        (low_millionths * whole_items + 100000000 - 1) // 100000000 as k_low,
        -- the largest k with 100 k / N <= high: floor(high * N / 100)
        high_millionths * whole_items // 100000000 as k_high,
        (truncated_low_millionths * whole_items + 100000000 - 1) // 100000000 as truncated_k_low,
        -- the largest k with 100 k / N < high, for the half-open truncated range
        (truncated_high_millionths * whole_items + 100000000 - 1) // 100000000 - 1
            as truncated_k_high,
        -- the whole number nearest the printed value, for the words
        cast(round((value_low + value_high) / 2 * whole_items / 100) as hugeint) as k_nearest
    from paired
),

final as (
    select
        'rate:' || figure_id as check_id,
        'rate' as check_kind,
        platform_code,
        period_code,
        year,
        section_zh,
        subject_code,
        subject_name_zh,
        measure,
        case
            when numerator_figure_id is not null
                then measure || ' = 100 x numerator / items (both printed)'
            else measure || ' = 100 x k / items for a whole number k'
        end as formula,
        value_as_printed || unit_printed as published_value_as_printed,
        value_normalised as published_number,
        normalised_unit as published_unit,
        value_low as published_low,
        value_high as published_high,
        100.0 * coalesce(numerator_items, greatest(k_low, least(k_high, k_nearest))) / whole_items
            as derived_value,
        case
            when numerator_figure_id is not null then 100.0 * numerator_items / whole_items
            else 100.0 * k_low / whole_items
        end as feasible_low,
        case
            when numerator_figure_id is not null then 100.0 * numerator_items / whole_items
            else 100.0 * k_high / whole_items
        end as feasible_high,
        case
            when numerator_figure_id is not null
                then
                    'the printed numerator over the printed count: '
                    || format('{:,}', numerator_items)
                    || ' of ' || format('{:,}', whole_items) || ' is '
                    || format('{:.4f}%', 100.0 * numerator_items / whole_items)
            when k_low <= k_high
                then
                    'a whole number of the printed ' || format('{:,}', whole_items) || ' items: '
                    || format('{:,}', greatest(k_low, least(k_high, k_nearest))) || ' of '
                    || format('{:,}', whole_items) || ' is '
                    || format(
                        '{:.4f}%', 100.0 * greatest(k_low, least(k_high, k_nearest)) / whole_items
                    )
            else 'a whole number of the printed ' || format('{:,}', whole_items) || ' items'
        end as check_method,
        source_id,
        source_id as input_source_ids,
        published_is_plain,
        numerator_figure_id is null
        and truncated_k_low <= truncated_k_high
        and published_is_plain as fits_if_truncated,
        whole_figure_id,
        numerator_figure_id,
        whole_items,
        numerator_items,
        case
            when numerator_figure_id is not null
                then
                    'the printed ' || format('{:,}', numerator_items) || ' of '
                    || format('{:,}', whole_items) || ' items allow'
            else 'a whole number of the printed ' || format('{:,}', whole_items) || ' items allows'
        end as inputs_text,
        case
            when numerator_figure_id is null and k_low > k_high
                then
                    'no count of ' || format('{:,}', whole_items) || ' gives it: '
                    || format('{:,}', k_high) || ' of ' || format('{:,}', whole_items) || ' is '
                    || format('{:.2f}%', 100.0 * k_high / whole_items) || ' and '
                    || format('{:,}', k_low) || ' of ' || format('{:,}', whole_items) || ' is '
                    || format('{:.2f}%', 100.0 * k_low / whole_items)
        end as empty_text
    from counted
)

select
    {{ audit_check_columns() }},
    published_is_plain,
    fits_if_truncated,
    whole_figure_id,
    numerator_figure_id,
    whole_items,
    numerator_items,
    inputs_text,
    empty_text
from final
