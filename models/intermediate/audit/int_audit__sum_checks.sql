-- Wholes against the sum of their parts. The sum of parts can be anything
-- from the sum of the parts' lows to the sum of their highs; the whole is
-- consistent when its own range meets that range. Parts and wholes are
-- whatever the sources let us know of them (printed, or back-calculated from
-- a later year's rate), so a split printed by one source is checked against
-- a whole printed by another.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

intake_series as (
    select * from {{ ref('int_report__intake_series') }}
),

intake_splits as (
    select * from {{ ref('int_report__intake_splits') }}
    where is_complete
),

-- the split each intake member is summed in where a page prints two splits
-- of its dimension: the one that names it (a member no split names is in
-- its dimension's, split_key '')
split_of_member as (
    select
        platform_code,
        period_code,
        unnest(member_codes) as subject_code,
        split_key
    from {{ ref('int_report__intake_splits') }}
    where split_key != ''
),


-- the intake's members (the parts of its splits and their wholes) by
-- their Chinese names, for the audit's sentence (the formula keeps the codes)
member_names as (
    {{ intake_member_names('figures') }}
),

district_figures as (
    select * from {{ ref('int_report__district_figures') }}
),

-- how many districts each platform has: a list of them is complete when
-- that many are printed
district_count as (
    select
        platform_code,
        count(*) as district_count
    from {{ ref('stg_reference__districts') }}
    group by platform_code
),

-- a split of the intake printed whole adds up to its whole, each part taken
-- the way it is best known (printed, or back-calculated for every part)
intake_parts as (
    select
        parts.platform_code,
        parts.period_start,
        parts.period_end,
        parts.period_code,
        parts.dimension,
        splits.split_key,
        splits.whole_subject_code,
        any_value(parts.how_obtained) as how_obtained,
        string_agg(parts.member, ' + ' order by parts.member) as parts_label,
        sum(parts.items) as items,
        sum(parts.items_low) as items_low,
        sum(parts.items_high) as items_high,
        flatten(list(parts.input_figure_ids order by parts.member)) as part_figure_ids,
        flatten(list(string_split(parts.source_ids, ', '))) as source_ids
    from intake_series as parts
    left join split_of_member as part_splits
        on
            {{ same_period('parts', 'part_splits') }}
            and parts.subject_code = part_splits.subject_code
    inner join intake_splits as splits
        on
            {{ same_period('parts', 'splits') }}
            and parts.dimension = splits.dimension
            and coalesce(part_splits.split_key, '') = splits.split_key
    where parts.is_best
    group by
        parts.platform_code,
        parts.period_start,
        parts.period_end,
        parts.period_code,
        parts.dimension,
        splits.split_key,
        splits.whole_subject_code
    having count(distinct parts.how_obtained) = 1
),

intake_checks as (
    select
        'sum:' || wholes.platform_code || '.' || wholes.period_code || '.intake.'
        || parts.dimension
        || case when parts.split_key != '' then '.' || parts.split_key else '' end as check_id,
        case when parts.how_obtained = 'printed' then 'sum' else 'derived_sum' end as check_kind,
        wholes.platform_code,
        wholes.period_code,
        wholes.year,
        coalesce(whole_figures.section_zh, '(derived)') as section_zh,
        wholes.subject_code,
        whole_names.member_name_zh as subject_name_zh,
        {{ measure_of('count') }} as measure,
        'items = ' || parts.parts_label
        || case
            when parts.how_obtained != 'printed' then ' (' || parts.how_obtained || ')' else ''
        end
            as formula,
        -- a whole known only as a sum of its parts has no printing
        whole_figures.value_as_printed || whole_figures.unit_printed as published_value_as_printed,
        wholes.items as published_number,
        'items' as published_unit,
        wholes.items_low as published_low,
        wholes.items_high as published_high,
        parts.items as derived_value,
        parts.items_low as feasible_low,
        parts.items_high as feasible_high,
        'sum of the parts, each within its bounds ('
        || parts.how_obtained || '), against the whole (' || wholes.how_obtained || ')'
            as check_method,
        coalesce(whole_figures.source_id, wholes.source_ids) as source_id,
        {{ source_id_list(
            'list_concat(parts.source_ids, string_split(wholes.source_ids, \', \'))'
        ) }}
            as input_source_ids,
        parts.part_figure_ids,
        wholes.input_figure_ids as whole_figure_ids,
        wholes.how_obtained as whole_how_obtained,
        parts.how_obtained as parts_how_obtained,
        -- the unit the page prints the whole in (its first part's, where
        -- the whole is not printed), for the audit's sentence
        coalesce(whole_figures.multiplier, part_figures.multiplier) as page_multiplier,
        coalesce(whole_figures.decimal_places, part_figures.decimal_places) as page_decimals,
        coalesce(whole_figures.unit_printed, part_figures.unit_printed) as page_unit_zh
    from intake_parts as parts
    inner join intake_series as wholes
        on
            {{ same_period('parts', 'wholes') }}
            and parts.whole_subject_code = wholes.subject_code
            and wholes.is_best
    left join figures as whole_figures
        on
            wholes.input_figure_ids[1] = whole_figures.figure_id
            and wholes.how_obtained = 'printed'
    left join member_names as whole_names
        on
            wholes.platform_code = whole_names.platform_code
            and wholes.subject_code = whole_names.subject_code
    left join figures as part_figures
        on parts.part_figure_ids[1] = part_figures.figure_id
    -- a whole that is itself this split's sum proves nothing
    where not (
        wholes.how_obtained = 'sum_of_parts' and parts.how_obtained = 'printed'
        and wholes.input_figure_ids = parts.part_figure_ids
    )
),

-- districts: each district's departments + streets = the district
district_split_checks as (
    select
        'sum:' || districts.items_figure_id as check_id,
        'sum' as check_kind,
        districts.platform_code,
        districts.period_code,
        districts.year,
        districts.section_zh,
        districts.subject_code,
        districts.subject_name_zh,
        {{ measure_of('count') }} as measure,
        'items = district_department_items + street_township_items' as formula,
        whole_figures.value_as_printed || whole_figures.unit_printed as published_value_as_printed,
        districts.items as published_number,
        'items' as published_unit,
        districts.items_low as published_low,
        districts.items_high as published_high,
        districts.district_department_items + districts.street_township_items as derived_value,
        districts.district_department_items_low + districts.street_township_items_low
            as feasible_low,
        districts.district_department_items_high + districts.street_township_items_high
            as feasible_high,
        'sum of the printed parts, each within its printed bounds' as check_method,
        districts.source_id,
        districts.source_id as input_source_ids,
        [districts.district_department_figure_id, districts.street_township_figure_id]
            as part_figure_ids,
        [districts.items_figure_id] as whole_figure_ids,
        'printed' as whole_how_obtained,
        'printed' as parts_how_obtained,
        whole_figures.multiplier as page_multiplier,
        whole_figures.decimal_places as page_decimals,
        whole_figures.unit_printed as page_unit_zh
    from district_figures as districts
    left join figures as whole_figures
        on districts.items_figure_id = whole_figures.figure_id
    where
        districts.subject_type = 'district'
        and districts.items is not null
        and districts.district_department_items is not null
        and districts.street_township_items is not null
),

-- the districts add up to each count the source prints for them together
-- (十六区: 706 万件 dispatched, 253.6 万件 by streets and townships), where
-- every district of the platform has that count printed
district_measure_sums as (
    select
        platform_code,
        period_code,
        measure,
        count(*) as printed_district_count,
        sum(items) as items,
        sum(cast(value_low as double)) as items_low,
        sum(cast(value_high as double)) as items_high,
        list(figure_id order by figure_id) as figure_ids
    from figures
    where subject_type = 'district' and normalised_unit = 'items'
    group by platform_code, period_code, measure
),

district_total_checks as (
    select
        {{ printed_total_sum_check(
            'totals', 'sums',
            "totals.measure || ' = sum over the ' || sums.printed_district_count || ' districts'",
            'sum of the printed district figures, each within its printed bounds'
        ) }}
    from figures as totals
    inner join district_measure_sums as sums
        on
            {{ same_period('totals', 'sums') }}
            and totals.measure = sums.measure
    inner join district_count
        on
            totals.platform_code = district_count.platform_code
            and sums.printed_district_count = district_count.district_count
    where totals.subject_type = 'district_total' and totals.normalised_unit = 'items'
),

-- a count the page prints for the platform as a whole (service_quality:
-- 超期已办理工单3件) with the handling units it names for that count in the
-- same section (具体承办单位为:县城管执法局1件、…): the units add up to it
unit_measure_sums as (
    select
        platform_code,
        period_code,
        source_id,
        section_zh,
        measure,
        count(*) as printed_unit_count,
        sum(items) as items,
        sum(cast(value_low as double)) as items_low,
        sum(cast(value_high as double)) as items_high,
        list(figure_id order by figure_id) as figure_ids
    from figures
    where subject_type = 'handling_unit' and normalised_unit = 'items'
    group by platform_code, period_code, source_id, section_zh, measure
),

unit_total_checks as (
    select
        {{ printed_total_sum_check(
            'totals', 'sums',
            "totals.measure || ' = sum over the ' || sums.printed_unit_count || ' handling units printed with it'",
            "sum of the handling units' printed figures, each within its printed bounds"
        ) }}
    from figures as totals
    inner join unit_measure_sums as sums
        on
            {{ same_period('totals', 'sums') }}
            and totals.source_id = sums.source_id
            and totals.section_zh = sums.section_zh
            and totals.measure = sums.measure
    where totals.subject_type = 'service_quality' and totals.normalised_unit = 'items'
),

-- a subject's whole measure against its part measures, where the page
-- prints the whole and every part of a split declared in ref_measure_splits
-- for the subject and period (a district's 合计 722 = 公众举报立项 468 +
-- 考评员上报立项 218 + 视频巡查立项 36)
measure_splits as (
    select
        split_code,
        whole_measure,
        part_measure,
        is_declared_per_page,
        count(*) over (partition by split_code) as part_count
    from {{ ref('ref_measure_splits') }}
),

-- the pages that print a split whole whose parts may overlap on other pages
-- (汉中's 超时未办 is a column apart from 在办; elsewhere the overdue may be
-- among the items in progress): such a split is summed on those pages only
measure_split_pages as (
    select
        source_id,
        subject_type,
        split_code
    from {{ ref('complete_measure_splits') }}
),

measure_split_sums as (
    select
        figures.platform_code,
        figures.period_code,
        figures.subject_type,
        figures.subject_code,
        splits.split_code,
        splits.whole_measure,
        any_value(splits.part_count) as part_count,
        count(*) as printed_part_count,
        string_agg(figures.measure, ' + ' order by figures.measure) as parts_label,
        sum(figures.items) as items,
        sum(cast(figures.value_low as double)) as items_low,
        sum(cast(figures.value_high as double)) as items_high,
        list(figures.figure_id order by figures.figure_id) as figure_ids
    from figures
    inner join measure_splits as splits
        on figures.measure = splits.part_measure
    left join measure_split_pages as pages
        on
            figures.source_id = pages.source_id
            and figures.subject_type = pages.subject_type
            and splits.split_code = pages.split_code
    where
        figures.subject_code is not null
        and (not splits.is_declared_per_page or pages.split_code is not null)
    group by all
),

measure_split_checks as (
    select
        {{ printed_total_sum_check(
            'totals', 'sums',
            "totals.measure || ' = ' || sums.parts_label",
            "sum of the subject's printed part measures (ref_measure_splits), each within its printed bounds"
        ) }}
    from figures as totals
    inner join measure_split_sums as sums
        on
            {{ same_subject('totals', 'sums') }}
            and totals.measure = sums.whole_measure
    where sums.printed_part_count = sums.part_count
),

-- 每月一题: the topics add up to the printed total, and there are as many
-- topics as the source says it lists
topic_sums as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        source_id,
        {{ measure_of('count') }} as measure,
        sum(items) as derived,
        list(figure_id order by figure_id) as part_figure_ids
    from figures
    where subject_type = 'monthly_topic' and {{ measure_feeds('count') }}
    group by platform_code, period_code, period_start, period_end, source_id

    union all

    select
        platform_code,
        period_start,
        period_end,
        period_code,
        source_id,
        {{ measure_of('number_of_parts') }} as measure,
        count(*) as derived,
        list(figure_id order by figure_id) as part_figure_ids
    from figures
    where subject_type = 'monthly_topic' and {{ measure_feeds('count') }}
    group by platform_code, period_code, period_start, period_end, source_id
),

topic_total_checks as (
    select
        'sum:' || wholes.figure_id as check_id,
        case
            when {{ measure_feeds('number_of_parts', 'wholes.measure') }} then 'count' else 'sum'
        end as check_kind,
        wholes.platform_code,
        wholes.period_code,
        wholes.year,
        wholes.section_zh,
        wholes.subject_code,
        wholes.subject_name_zh,
        wholes.measure,
        case
            when {{ measure_feeds('number_of_parts', 'wholes.measure') }}
                then wholes.measure || ' = the number of topics in the table'
            else wholes.measure || ' = sum of the topics'' totals'
        end as formula,
        wholes.value_as_printed || wholes.unit_printed as published_value_as_printed,
        wholes.value_normalised as published_number,
        wholes.normalised_unit as published_unit,
        wholes.value_low as published_low,
        wholes.value_high as published_high,
        topic_sums.derived as derived_value,
        topic_sums.derived as feasible_low,
        topic_sums.derived as feasible_high,
        'the topics'' exact counts (件) from the table' as check_method,
        wholes.source_id,
        topic_sums.source_id as input_source_ids,
        topic_sums.part_figure_ids,
        [wholes.figure_id] as whole_figure_ids,
        'printed' as whole_how_obtained,
        'printed' as parts_how_obtained,
        wholes.multiplier as page_multiplier,
        wholes.decimal_places as page_decimals,
        wholes.unit_printed as page_unit_zh
    from figures as wholes
    inner join topic_sums
        on
            {{ same_period('wholes', 'topic_sums') }}
            and wholes.measure = topic_sums.measure
    where wholes.subject_type = 'monthly_topics_total'
),

intake_part_names as (
    select
        'sum:' || parts.platform_code || '.' || parts.period_code || '.intake.'
        || parts.dimension
        || case when splits.split_key != '' then '.' || splits.split_key else '' end as check_id,
        string_agg(coalesce(zh_names.member_name_zh, parts.member), ' + ' order by parts.member)
            as parts_label_zh
    from intake_series as parts
    left join split_of_member as part_splits
        on
            {{ same_period('parts', 'part_splits') }}
            and parts.subject_code = part_splits.subject_code
    inner join intake_splits as splits
        on
            {{ same_period('parts', 'splits') }}
            and parts.dimension = splits.dimension
            and coalesce(part_splits.split_key, '') = splits.split_key
    left join member_names as zh_names
        on
            parts.platform_code = zh_names.platform_code
            and parts.subject_code = zh_names.subject_code
    where parts.is_best
    group by parts.platform_code, parts.period_code, parts.dimension, splits.split_key
),

final as (
    select * from intake_checks
    union all
    select * from district_split_checks
    union all
    select * from district_total_checks
    union all
    select * from topic_total_checks
    union all
    select * from unit_total_checks
    union all
    select * from measure_split_checks
),

named as (
    select
        final.*,
        intake_part_names.parts_label_zh
    from final
    left join intake_part_names
        on final.check_id = intake_part_names.check_id
)

select
    {{ audit_check_columns() }},
    part_figure_ids,
    whole_figure_ids,
    whole_how_obtained,
    parts_how_obtained,
    -- the inputs in words, for the audit's sentence, in the page's unit
    -- (a whole known only as the sum of its parts, in its parts' unit)
    page_multiplier,
    page_decimals,
    page_unit_zh,
    case
        when published_value_as_printed is null
            then {{ audit_count_range(
                'published_low', 'published_high', 'page_multiplier', 'page_decimals', 'page_unit_zh'
            ) }}
    end as published_text,
    'the parts (' || coalesce(parts_label_zh, split_part(formula, ' = ', 2)) || ') add up to'
        as inputs_text
from named
