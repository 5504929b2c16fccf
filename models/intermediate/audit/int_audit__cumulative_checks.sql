-- Cumulative totals ("since 2019-01-01, as of a date") against the annual
-- and part-year totals they span. For every calendar year inside the
-- cumulative period the year's total counts whole; for the last, partial
-- year a total printed for exactly [1 January, as-of date] counts whole,
-- otherwise that year adds at least the largest total printed for a period
-- inside it and at most the whole year's total. A year with no known total
-- adds 0 to the low bound and leaves the high bound open. And a later
-- cumulative total is at least an earlier one.
with

intake_series as (
    select * from {{ ref('int_report__intake_series') }}
    where is_best and subject_code = 'total.all'
),

cumulative as (
    select * from {{ ref('int_report__figures') }}
    where period_kind = 'cumulative' and subject_code = 'total.all' and {{ measure_feeds('count') }}
),

spanned_years as (
    select
        cumulative.figure_id,
        cumulative.platform_code,
        cumulative.period_end as as_of,
        unnest(range(year(cumulative.period_start), year(cumulative.period_end) + 1)) as span_year
    from cumulative
),

year_bounds as (
    select
        spanned_years.figure_id,
        spanned_years.span_year,
        -- the whole year, or the part of it up to the as-of date
        coalesce(
            max(series.items_low) filter (
                where series.period_start = make_date(spanned_years.span_year, 1, 1)
                and series.period_end
                = least(make_date(spanned_years.span_year, 12, 31), spanned_years.as_of)
            ),
            max(series.items_low) filter (
                where series.period_start >= make_date(spanned_years.span_year, 1, 1)
                and series.period_end <= spanned_years.as_of
                and series.period_kind != 'cumulative'
            ),
            0
        ) as items_low,
        coalesce(
            max(series.items_high) filter (
                where series.period_start = make_date(spanned_years.span_year, 1, 1)
                and series.period_end
                = least(make_date(spanned_years.span_year, 12, 31), spanned_years.as_of)
            ),
            max(series.items_high) filter (
                where series.period_kind = 'year' and series.year = spanned_years.span_year
            )
        ) as items_high,
        coalesce(
            any_value(series.how_obtained || ' ' || series.period_code) filter (
                where series.period_start = make_date(spanned_years.span_year, 1, 1)
                and series.period_end
                = least(make_date(spanned_years.span_year, 12, 31), spanned_years.as_of)
            ),
            'part of ' || spanned_years.span_year
        ) as basis,
        flatten(list(series.input_figure_ids order by series.period_start) filter (
            where series.period_start >= make_date(spanned_years.span_year, 1, 1)
            and series.period_end <= make_date(spanned_years.span_year, 12, 31)
            and series.period_kind != 'cumulative'
        )) as input_figure_ids,
        flatten(list(string_split(series.source_ids, ', ')) filter (
            where series.period_start >= make_date(spanned_years.span_year, 1, 1)
            and series.period_end <= make_date(spanned_years.span_year, 12, 31)
            and series.period_kind != 'cumulative'
        )) as source_ids
    from spanned_years
    left join intake_series as series
        on
            spanned_years.platform_code = series.platform_code
            and year(series.period_end) = spanned_years.span_year
    group by spanned_years.figure_id, spanned_years.span_year, spanned_years.as_of
),

spans as (
    select
        figure_id,
        sum(items_low) as items_low,
        case when count(items_high) = count(*) then sum(items_high) end as items_high,
        string_agg(span_year || ': ' || basis, '; ' order by span_year) as basis,
        flatten(list(coalesce(source_ids, []))) as source_ids
    from year_bounds
    group by figure_id
),

span_checks as (
    select
        'cumulative:' || cumulative.figure_id as check_id,
        'cumulative' as check_kind,
        cumulative.platform_code,
        cumulative.period_code,
        cumulative.year,
        cumulative.section_zh,
        cumulative.subject_code,
        cumulative.subject_name_zh,
        {{ measure_of('count') }} as measure,
        'items since '
        || cumulative.period_start
        || ' = the years and part-years it spans' as formula,
        cumulative.value_as_printed || cumulative.unit_printed as published_value_as_printed,
        cumulative.value_normalised as published_number,
        cumulative.normalised_unit as published_unit,
        cumulative.value_low as published_low,
        cumulative.value_high as published_high,
        cast(null as double) as derived_value,
        spans.items_low as feasible_low,
        spans.items_high as feasible_high,
        'sum of the totals of the periods it spans, each within its bounds (' || spans.basis || ')'
            as check_method,
        cumulative.source_id,
        {{ source_id_list('spans.source_ids') }} as input_source_ids
    from cumulative
    inner join spans
        on cumulative.figure_id = spans.figure_id
    -- a span none of whose periods any source prints says nothing
    where len(spans.source_ids) > 0
),

-- a running total never falls
running_checks as (
    select
        'cumulative:' || later.figure_id || '.at_least.' || earlier.period_code as check_id,
        'cumulative' as check_kind,
        later.platform_code,
        later.period_code,
        later.year,
        later.section_zh,
        later.subject_code,
        later.subject_name_zh,
        {{ measure_of('count') }} as measure,
        'items since '
        || later.period_start
        || ' >= the total as of '
        || earlier.period_end as formula,
        later.value_as_printed || later.unit_printed as published_value_as_printed,
        later.value_normalised as published_number,
        later.normalised_unit as published_unit,
        later.value_low as published_low,
        later.value_high as published_high,
        cast(earlier.value_normalised as double) as derived_value,
        earlier.value_low as feasible_low,
        cast(null as double) as feasible_high,
        'a later running total is at least an earlier one ('
        || earlier.value_as_printed
        || ' '
        || earlier.unit_printed
        || ', '
        || earlier.source_id
        || ')'
            as check_method,
        later.source_id,
        earlier.source_id as input_source_ids
    from cumulative as later
    inner join cumulative as earlier
        on
            later.platform_code = earlier.platform_code
            and later.period_start = earlier.period_start
            and later.period_end > earlier.period_end
    qualify row_number() over (partition by later.figure_id order by earlier.period_end desc) = 1
),

final as (
    select * from span_checks
    union all
    select * from running_checks
)

select {{ audit_check_columns() }}
from final
