-- A part within its whole: a printed count of a part can be no larger than
-- its whole's printed count, and the printed parts of one whole that cannot
-- overlap, summed, no larger than it, even where the page does not print
-- every part. A part is a figure of a subject under a parent (a
-- sub-category under its category, an intake part under the intake subject
-- it is printed under: ref_subject_types.parent_subject_type) in the same
-- measure as its parent, or a part measure of the same subject
-- (ref_measure_splits: a unit's 办结 within its 承办). Parts may be summed
-- where they cannot overlap: a subject type whose parts add up
-- (ref_subject_types.parts_add_up), a measure split declared disjoint
-- everywhere or on the page that prints it (complete_measure_splits).
-- A pair another check already reads together (its share, a sum, a list:
-- int_audit__part_whole_pairs_checked) is not checked again.
-- Two kinds of row, both `part`: one per part (published: the part; at most
-- its whole's high), one per set of two or more parts that cannot overlap
-- (published: the whole; at least the sum of the parts' lows).
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

subject_types as (
    select * from {{ ref('ref_subject_types') }}
),

measure_splits as (
    select * from {{ ref('ref_measure_splits') }}
),

measure_split_pages as (
    select * from {{ ref('complete_measure_splits') }}
),

pairs_checked as (
    select * from {{ ref('int_audit__part_whole_pairs_checked') }}
),

-- a subject's part under its parent, in the parent's measure
subject_parts as (
    select
        parts.figure_id as part_figure_id,
        wholes.figure_id as whole_figure_id,
        parts.subject_type as part_set,
        coalesce(subject_types.parts_add_up, false) as parts_are_disjoint
    from figures as parts
    inner join subject_types
        on parts.subject_type = subject_types.subject_type
    inner join figures as wholes
        on
            {{ part_of_whole('parts', 'wholes') }}
            and parts.measure = wholes.measure
    where {{ measure_feeds('count', 'parts.measure') }}
),

-- a part measure of a subject within its whole measure
measure_parts as (
    select
        parts.figure_id as part_figure_id,
        wholes.figure_id as whole_figure_id,
        splits.split_code as part_set,
        not splits.is_declared_per_page or pages.split_code is not null as parts_are_disjoint
    from figures as parts
    inner join measure_splits as splits
        on parts.measure = splits.part_measure
    inner join figures as wholes
        on
            {{ same_subject('parts', 'wholes', with_parent=true) }}
            and splits.whole_measure = wholes.measure
    left join measure_split_pages as pages
        on
            parts.source_id = pages.source_id
            and parts.subject_type = pages.subject_type
            and splits.split_code = pages.split_code
),

part_wholes as (
    select * from subject_parts
    union all
    select * from measure_parts
),

unchecked as (
    select part_wholes.*
    from part_wholes
    left join pairs_checked
        on
            part_wholes.part_figure_id = pairs_checked.part_figure_id
            and part_wholes.whole_figure_id = pairs_checked.whole_figure_id
    where pairs_checked.part_figure_id is null
),

-- the parts of one whole that cannot overlap, where two or more are printed:
-- they are checked together (their sum), not one by one (a part is within
-- its whole whenever their sum is)
summed_sets as (
    select
        whole_figure_id,
        part_set
    from unchecked
    where parts_are_disjoint
    group by whole_figure_id, part_set
    having count(*) >= 2
),

-- one part against its whole alone
part_checks as (
    select
        'part:' || parts.figure_id as check_id,
        'part' as check_kind,
        parts.platform_code,
        parts.period_code,
        parts.year,
        parts.section_zh,
        parts.subject_code,
        parts.subject_name_zh,
        parts.measure,
        parts.measure || ' <= ' || wholes.measure || ' of ' || wholes.subject_code as formula,
        parts.value_as_printed || parts.unit_printed as published_value_as_printed,
        parts.value_normalised as published_number,
        parts.normalised_unit as published_unit,
        parts.value_low as published_low,
        parts.value_high as published_high,
        wholes.value_normalised as derived_value,
        cast(null as double) as feasible_low,
        cast(wholes.value_high as double) as feasible_high,
        'a part is no larger than its whole, each within its printed bounds' as check_method,
        parts.source_id,
        {{ source_id_list('[parts.source_id, wholes.source_id]') }} as input_source_ids,
        [parts.figure_id] as part_figure_ids,
        [wholes.figure_id] as whole_figure_ids,
        parts.approximation_zh is null and not parts.is_exact_count as published_is_plain,
        parts.multiplier as page_multiplier,
        parts.decimal_places as page_decimals,
        parts.unit_printed as page_unit_zh,
        'its whole (' || coalesce(wholes.subject_name_zh, wholes.subject_code)
        || case when wholes.measure != parts.measure then ', ' || wholes.measure else '' end
        || ', printed ' || wholes.value_as_printed || wholes.unit_printed
        || ') allows' as inputs_text
    from unchecked
    inner join figures as parts
        on unchecked.part_figure_id = parts.figure_id
    inner join figures as wholes
        on unchecked.whole_figure_id = wholes.figure_id
    left join summed_sets
        on
            unchecked.whole_figure_id = summed_sets.whole_figure_id
            and unchecked.part_set = summed_sets.part_set
    where summed_sets.whole_figure_id is null
),

part_sets as (
    select
        unchecked.whole_figure_id,
        unchecked.part_set,
        count(*) as part_count,
        sum(parts.value_normalised) as items,
        sum(cast(parts.value_low as double)) as items_low,
        string_agg(
            coalesce(parts.subject_name_zh, parts.subject_code)
            || case
                when parts.subject_type = wholes.subject_type then ' ' || parts.measure else ''
            end,
            '、' order by parts.figure_id
        ) as parts_zh,
        list(parts.figure_id order by parts.figure_id) as part_figure_ids,
        list(distinct parts.source_id) as source_ids
    from unchecked
    inner join figures as parts
        on unchecked.part_figure_id = parts.figure_id
    inner join figures as wholes
        on unchecked.whole_figure_id = wholes.figure_id
    inner join summed_sets
        on
            unchecked.whole_figure_id = summed_sets.whole_figure_id
            and unchecked.part_set = summed_sets.part_set
    group by unchecked.whole_figure_id, unchecked.part_set
),

part_sum_checks as (
    select
        'part:' || wholes.figure_id || '.' || part_sets.part_set || '_sum' as check_id,
        'part' as check_kind,
        wholes.platform_code,
        wholes.period_code,
        wholes.year,
        wholes.section_zh,
        wholes.subject_code,
        wholes.subject_name_zh,
        wholes.measure,
        wholes.measure || ' >= sum of the ' || part_sets.part_count || ' printed '
        || part_sets.part_set || ' parts' as formula,
        wholes.value_as_printed || wholes.unit_printed as published_value_as_printed,
        wholes.value_normalised as published_number,
        wholes.normalised_unit as published_unit,
        wholes.value_low as published_low,
        wholes.value_high as published_high,
        part_sets.items as derived_value,
        part_sets.items_low as feasible_low,
        cast(null as double) as feasible_high,
        'the whole is at least the sum of the lows of its printed parts that cannot overlap'
            as check_method,
        wholes.source_id,
        {{ source_id_list('list_append(part_sets.source_ids, wholes.source_id)') }}
            as input_source_ids,
        part_sets.part_figure_ids,
        [wholes.figure_id] as whole_figure_ids,
        wholes.approximation_zh is null and not wholes.is_exact_count as published_is_plain,
        wholes.multiplier as page_multiplier,
        wholes.decimal_places as page_decimals,
        wholes.unit_printed as page_unit_zh,
        'its ' || part_sets.part_count || ' printed parts (' || part_sets.parts_zh || ') add up to'
            as inputs_text
    from part_sets
    inner join figures as wholes
        on part_sets.whole_figure_id = wholes.figure_id
),

final as (
    select * from part_checks
    union all
    select * from part_sum_checks
)

select
    {{ audit_check_columns() }},
    part_figure_ids,
    whole_figure_ids,
    published_is_plain,
    page_multiplier,
    page_decimals,
    page_unit_zh,
    inputs_text
from final
