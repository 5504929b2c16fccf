-- Every split of the intake into parts that do not overlap (a channel, a
-- ticket type: ref_intake_dimensions.members_are_exhaustive) that a page
-- prints in two or more parts, in the same section as their whole, without
-- saying that they are the whole of it (no 合计, no complete_splits row: the
-- complete ones are summed exactly in int_audit__sum_checks): the parts can
-- add up to at most their whole, and the check says how much of the whole
-- they cover. A split that covers less than its whole is coverage, not an
-- error (南通 2023's three channels, 380 + 2,385 + 21,241 = 24,006 of the
-- 24,424 received, cover 98.29%); parts that add up to more than their
-- whole are inconsistent.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

-- each intake figure with the section of the page it is printed in
intake_series as (
    select
        series.platform_code,
        series.period_code,
        series.year,
        series.subject_code,
        series.dimension,
        series.member,
        series.items,
        series.items_low,
        series.items_high,
        series.source_ids,
        series.input_figure_ids,
        series.how_obtained,
        figures.section_zh
    from {{ ref('int_report__intake_series') }} as series
    left join figures
        on series.input_figure_ids[1] = figures.figure_id
    where series.is_best and series.how_obtained in ('printed', 'sum_of_parts')
),

-- the intake's members (the parts of its splits and their wholes) by
-- their Chinese names, for the audit's sentence (the formula keeps the codes)
member_names as (
    {{ intake_member_names('figures') }}
),

-- a split whose members divide the whole (members_are_exhaustive: they do
-- not overlap, so their sum is at most the whole)
dimensions as (
    select * from {{ ref('stg_reference__intake_dimensions') }}
    where members_are_exhaustive
),

intake_splits as (
    select splits.*
    from {{ ref('int_report__intake_splits') }} as splits
    inner join dimensions
        on
            splits.platform_code = dimensions.platform_code
            and splits.dimension = dimensions.dimension
    where not splits.is_complete and splits.whole_subject_code is not null and splits.split_key = ''
),

-- the parts printed in the whole's own section: the list printed with it
parts as (
    select
        splits.platform_code,
        splits.period_code,
        splits.dimension,
        splits.whole_subject_code,
        count(*) as part_count,
        sum(series.items) as items,
        sum(series.items_low) as items_low,
        sum(series.items_high) as items_high,
        string_agg(series.member, ' + ' order by series.member) as member_names,
        string_agg(coalesce(zh_names.member_name_zh, series.member), ' + ' order by series.member)
            as member_names_zh,
        flatten(list(series.input_figure_ids order by series.member)) as part_figure_ids,
        flatten(list(string_split(series.source_ids, ', '))) as part_source_ids
    from intake_splits as splits
    inner join intake_series as series
        on
            splits.platform_code = series.platform_code
            and splits.period_code = series.period_code
            and splits.dimension = series.dimension
    inner join intake_series as wholes
        on
            splits.platform_code = wholes.platform_code
            and splits.period_code = wholes.period_code
            and splits.whole_subject_code = wholes.subject_code
            and series.section_zh = wholes.section_zh
    left join member_names as zh_names
        on
            series.platform_code = zh_names.platform_code
            and series.subject_code = zh_names.subject_code
    group by splits.platform_code, splits.period_code, splits.dimension, splits.whole_subject_code
    having count(*) >= 2
),

final as (
    select
        'coverage:' || wholes.platform_code || '.' || wholes.period_code || '.intake.'
        || parts.dimension as check_id,
        'coverage' as check_kind,
        wholes.platform_code,
        wholes.period_code,
        wholes.year,
        cast(null as varchar) as section_zh,
        wholes.subject_code,
        whole_names.member_name_zh as subject_name_zh,
        {{ measure_of('count') }} as measure,
        'items >= ' || parts.member_names || ' (the ' || parts.dimension
        || ' split, not said to be complete)' as formula,
        whole_figures.value_as_printed || whole_figures.unit_printed as published_value_as_printed,
        wholes.items as published_number,
        'items' as published_unit,
        wholes.items_low as published_low,
        wholes.items_high as published_high,
        cast(parts.items as double) as derived_value,
        parts.items_low as feasible_low,
        cast(null as double) as feasible_high,
        'the ' || parts.part_count || ' parts of the ' || parts.dimension || ' split add up to '
        || format('{:,}', parts.items) || ' items, '
        || format('{:.2f}%', 100.0 * parts.items / wholes.items) || ' of the whole '
        || format('{:,}', wholes.items) || ' ('
        || format('{:,}', wholes.items - parts.items) || ' items in no part printed)'
            as check_method,
        {{ source_id_list("string_split(wholes.source_ids, ', ')") }} as source_id,
        {{ source_id_list(
            "list_concat(parts.part_source_ids, string_split(wholes.source_ids, ', '))"
        ) }} as input_source_ids,
        100.0 * parts.items / wholes.items as coverage_pct,
        parts.part_figure_ids,
        wholes.input_figure_ids as whole_figure_ids,
        'the parts (' || parts.member_names_zh || ') add up to' as inputs_text,
        -- the unit the page prints the whole in (its first part's, where
        -- the whole is a sum), for the audit's sentence
        coalesce(whole_figures.multiplier, part_figures.multiplier) as page_multiplier,
        coalesce(whole_figures.decimal_places, part_figures.decimal_places) as page_decimals,
        coalesce(whole_figures.unit_printed, part_figures.unit_printed) as page_unit_zh
    from parts
    inner join intake_series as wholes
        on
            parts.platform_code = wholes.platform_code
            and parts.period_code = wholes.period_code
            and parts.whole_subject_code = wholes.subject_code
    left join member_names as whole_names
        on
            wholes.platform_code = whole_names.platform_code
            and wholes.subject_code = whole_names.subject_code
    -- the whole as the page prints it, where it is printed (not a sum)
    left join figures as whole_figures
        on
            wholes.input_figure_ids[1] = whole_figures.figure_id
            and wholes.how_obtained = 'printed'
    left join figures as part_figures
        on parts.part_figure_ids[1] = part_figures.figure_id
    where wholes.items > 0
)

select
    {{ audit_check_columns() }},
    coverage_pct,
    part_figure_ids,
    whole_figure_ids,
    inputs_text,
    page_multiplier,
    page_decimals,
    page_unit_zh
from final
