-- A list a page prints whole, each member with its count, against the whole
-- it divides (complete_lists): 汉中's sixteen kinds of letter add up to the
-- 434 letters, 临汾's six types to the 4372 requests. The sum of the members
-- can be anything from the sum of their lows to the sum of their highs; the
-- whole is consistent when its printed range meets that range. Which lists
-- are whole is a fact of the page, declared per source, never inferred: a
-- list of the leading categories (十大热点) is not one. A declared list is
-- summed only when the page prints as many members as the row says (the
-- build refuses the row otherwise).
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

lists as (
    select * from {{ ref('int_reference__complete_lists') }}
),

-- the members each declared list prints, in its source and period: every
-- figure of the subject type (of the split, for the intake) counted in items
members as (
    select
        lists.seed_line,
        count(*) as printed_member_count,
        sum(members.items) as items,
        sum(cast(members.value_low as double)) as items_low,
        sum(cast(members.value_high as double)) as items_high,
        string_agg(members.subject_zh, '、' order by members.seed_line) as members_zh,
        list(members.figure_id order by members.figure_id) as figure_ids
    from lists
    inner join figures as members
        on
            {{ same_period('lists', 'members') }}
            and lists.source_id = members.source_id
            and lists.subject_type = members.subject_type
            and (
                lists.dimension is null
                or split_part(members.subject_code, '.', 1) = lists.dimension
            )
    where {{ measure_feeds('count', 'members.measure') }}
    group by lists.seed_line
),

checks as (
    select
        'list_sum:' || lists.platform_code || '.' || lists.period_code || '.' || lists.subject_type
        || coalesce('.' || lists.dimension, '') as check_id,
        'list_sum' as check_kind,
        wholes.platform_code,
        wholes.period_code,
        wholes.year,
        wholes.section_zh,
        wholes.subject_code,
        wholes.subject_name_zh,
        wholes.measure,
        wholes.measure || ' = sum over the ' || members.printed_member_count || ' '
        || coalesce(lists.dimension, lists.subject_type)
        || ' members printed whole (complete_lists line '
        || lists.seed_line || ')' as formula,
        wholes.value_as_printed || wholes.unit_printed as published_value_as_printed,
        wholes.value_normalised as published_number,
        wholes.normalised_unit as published_unit,
        wholes.value_low as published_low,
        wholes.value_high as published_high,
        members.items as derived_value,
        members.items_low as feasible_low,
        members.items_high as feasible_high,
        'sum of the members of a list the page prints whole (complete_lists), '
        || 'each within its printed bounds, against the printed whole' as check_method,
        wholes.source_id,
        {{ source_id_list('[wholes.source_id, lists.source_id]') }} as input_source_ids,
        members.figure_ids as part_figure_ids,
        [wholes.figure_id] as whole_figure_ids,
        wholes.multiplier as page_multiplier,
        wholes.decimal_places as page_decimals,
        wholes.unit_printed as page_unit_zh,
        'the ' || members.printed_member_count || ' members of the list ('
        || members.members_zh || ') add up to' as inputs_text
    from lists
    inner join members
        on lists.seed_line = members.seed_line
    inner join figures as wholes
        on
            {{ same_period('lists', 'wholes') }}
            and wholes.subject_type = 'intake'
            and lists.whole_subject_code = wholes.subject_code
            and {{ measure_feeds('count', 'wholes.measure') }}
    where members.printed_member_count = lists.member_count
)

select
    {{ audit_check_columns() }},
    part_figure_ids,
    whole_figure_ids,
    page_multiplier,
    page_decimals,
    page_unit_zh,
    inputs_text
from checks
