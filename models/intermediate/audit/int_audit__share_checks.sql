-- Every published share (占比) against the range of shares that the printed
-- counts allow. A share is part / whole, where the whole is also the part
-- plus the rest (the other parts of the same whole), and each of part, rest
-- and whole lies within its printed bounds; the rest is unbounded above
-- where not every other part is printed. What a share is a share of is data
-- (ref_measures.share_denominator), so a share of the online channels or of
-- the dispatched items is checked like a share of the total. The bounds are
-- exact (see the share_feasible_* macros); each row names the figures it
-- used, so that a test can recompute it in rational arithmetic.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
),

measure_properties as (
    select * from {{ ref('ref_measure_properties') }}
),

intake_series as (
    select * from {{ ref('int_report__intake_series') }}
    where is_best and how_obtained in ('printed', 'sum_of_parts')
),

intake_splits as (
    select * from {{ ref('int_report__intake_splits') }}
),

-- every district subject of a period (a district, or the districts
-- combined), with the first source that prints it
district_subjects as (
    select
        platform_code,
        period_code,
        subject_type,
        subject_code,
        min(source_id) as source_id
    from figures
    where subject_type in ('district', 'district_total')
    group by platform_code, period_code, subject_type, subject_code
),

-- where a page prints two splits of one dimension, the split that names
-- each member
split_of_member as (
    select
        platform_code,
        period_code,
        unnest(member_codes) as subject_code,
        split_key
    from intake_splits
    where split_key != ''
),

-- each intake figure with the split it stands in ('' for its dimension's)
keyed_series as (
    select
        intake_series.*,
        coalesce(named.split_key, '') as split_key
    from intake_series
    left join split_of_member as named
        on
            {{ same_period('intake_series', 'named') }}
            and intake_series.subject_code = named.subject_code
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

-- what each share is of: the intake figure its row names (share_of_zh), or
-- else its measure's denominator; a share whose page does not say (未说明)
-- has no whole to be checked against
published_shares as (
    select
        figures.*,
        case
            when figures.share_of_code is not null then 'intake'
            else split_part(measures.share_denominator, ':', 1)
        end as denominator_kind,
        coalesce(figures.share_of_code, split_part(measures.share_denominator, ':', 2))
            as denominator_code
    from figures
    inner join measures
        on figures.measure = measures.measure
    where measures.share_denominator is not null and figures.share_of_zh is distinct from '未说明'
),

-- intake: a member's share of another member (the total, the online
-- channels, the dispatched items); the rest is the member's siblings within
-- its split, where the split divides that whole, bounded above where the
-- split is printed whole (int_report__intake_splits)
intake_siblings as (
    select
        parts.platform_code,
        parts.period_start,
        parts.period_end,
        parts.period_code,
        parts.subject_code,
        sum(siblings.items_low) as rest_low,
        case
            when
                any_value(splits.is_complete)
                and count(siblings.subject_code) + 1 = any_value(splits.known_member_count)
                then sum(siblings.items_high)
        end as rest_high,
        coalesce(
            flatten(
                list(siblings.input_figure_ids order by siblings.subject_code) filter (
                    where siblings.subject_code is not null
                )
            ),
            []
        )
            as rest_figure_ids,
        coalesce(
            flatten(
                list(string_split(siblings.source_ids, ', ')) filter (
                    where siblings.subject_code is not null
                )
            ),
            []
        )
            as rest_source_ids,
        any_value(splits.whole_subject_code) as whole_subject_code
    from keyed_series as parts
    inner join intake_splits as splits
        on
            {{ same_period('parts', 'splits') }}
            and parts.dimension = splits.dimension
            and parts.split_key = splits.split_key
    left join keyed_series as siblings
        on
            {{ same_period('parts', 'siblings') }}
            and parts.dimension = siblings.dimension
            and parts.split_key = siblings.split_key
            and parts.subject_code != siblings.subject_code
    group by
        parts.platform_code,
        parts.period_code,
        parts.period_start,
        parts.period_end,
        parts.subject_code
),

intake_inputs as (
    select
        published_shares.figure_id,
        parts.items as part,
        parts.items_low as part_low,
        parts.items_high as part_high,
        case
            when siblings.whole_subject_code = published_shares.denominator_code
                then coalesce(siblings.rest_low, 0)
            else 0
        end as rest_low,
        case
            when siblings.whole_subject_code = published_shares.denominator_code
                then siblings.rest_high
        end as rest_high,
        wholes.items as whole,
        wholes.items_low as whole_low,
        wholes.items_high as whole_high,
        parts.input_figure_ids as part_figure_ids,
        case
            when siblings.whole_subject_code = published_shares.denominator_code
                then siblings.rest_figure_ids
            else []
        end as rest_figure_ids,
        wholes.input_figure_ids as whole_figure_ids,
        list_concat(
            string_split(parts.source_ids, ', '),
            string_split(wholes.source_ids, ', '),
            case
                when siblings.whole_subject_code = published_shares.denominator_code
                    then siblings.rest_source_ids
                else []
            end
        ) as input_source_ids,
        false as part_is_members_sum
    from published_shares
    inner join intake_series as parts
        on
            {{ same_period('published_shares', 'parts') }}
            and published_shares.subject_code = parts.subject_code
    inner join intake_series as wholes
        on
            {{ same_period('published_shares', 'wholes') }}
            and published_shares.denominator_code = wholes.subject_code
    left join intake_siblings as siblings
        on
            {{ same_period('parts', 'siblings') }}
            and parts.subject_code = siblings.subject_code
    -- an intake member's share (another subject's share of the total, a
    -- category's by channel, has its part among subject_counts below)
    where published_shares.denominator_kind = 'intake' and published_shares.subject_type = 'intake'
),

-- districts: every count of every district subject of a period (the
-- districts and their total), one row per subject and count measure, empty
-- where the page does not print it, so that a share's part, rest and whole
-- are picked by its measure's properties (ref_measure_properties: the part
-- and the rest; ref_measures.share_denominator: the whole)
-- the count measures a district subject is printed with (its items, its
-- departments' and its streets' items, ...)
district_count_measures as (
    select distinct measure
    from figures
    where subject_type in ('district', 'district_total') and normalised_unit = 'items'
),

district_counts as (
    select
        subjects.platform_code,
        subjects.period_code,
        subjects.subject_type,
        subjects.subject_code,
        count_measures.measure,
        printed.items,
        cast(printed.value_low as double) as items_low,
        cast(printed.value_high as double) as items_high,
        printed.figure_id
    from district_subjects as subjects
    cross join district_count_measures as count_measures
    left join figures as printed
        on
            {{ same_subject('subjects', 'printed') }}
            and count_measures.measure = printed.measure
),

-- each count summed over the districts of the period: the whole of a
-- district's share of all, or the rest of the total's share where the total's
-- own other part is not printed
district_sums as (
    select
        platform_code,
        period_code,
        measure,
        count(*) as printed_district_count,
        sum(items_low) as items_low,
        sum(items_high) as items_high,
        list(figure_id order by figure_id) as figure_ids
    from district_counts
    where subject_type = 'district'
    group by platform_code, period_code, measure
),

-- the other districts' figures of each count, the rest of a district's share
-- of all
other_districts as (
    select
        districts.platform_code,
        districts.period_code,
        districts.subject_code,
        peer_districts.measure,
        list(peer_districts.figure_id order by peer_districts.figure_id) as figure_ids
    from district_subjects as districts
    inner join district_counts as peer_districts
        on
            {{ same_period('districts', 'peer_districts') }}
            and peer_districts.subject_type = 'district'
            and districts.subject_code != peer_districts.subject_code
    where districts.subject_type = 'district'
    group by
        districts.platform_code,
        districts.period_code,
        districts.subject_code,
        peer_districts.measure
),

district_inputs as (
    select
        published_shares.figure_id,
        parts.items as part,
        parts.items_low as part_low,
        parts.items_high as part_high,
        case
            when properties.rest_of = 'other_subjects'
                then rest_sums.items_low - rests.items_low
            when rests.items_low is not null then rests.items_low
            when published_shares.subject_type = 'district_total' then rest_sums.items_low
            -- a share of an intake figure: the rest is what the districts
            -- leave of it, which no district figure bounds
            when published_shares.denominator_kind = 'intake' then 0
        end as rest_low,
        case
            when properties.rest_of = 'other_subjects'
                then
                    case
                        when rest_sums.printed_district_count = district_count.district_count
                            then rest_sums.items_high - rests.items_high
                    end
            when rests.items_high is not null then rests.items_high
            when
                published_shares.subject_type = 'district_total'
                and rest_sums.printed_district_count = district_count.district_count
                then rest_sums.items_high
        end as rest_high,
        coalesce(wholes.items, intake_wholes.items) as whole,
        coalesce(wholes.items_low, intake_wholes.items_low) as whole_low,
        coalesce(wholes.items_high, intake_wholes.items_high) as whole_high,
        [parts.figure_id] as part_figure_ids,
        case
            when properties.rest_of = 'other_subjects' then other_districts.figure_ids
            when published_shares.denominator_kind = 'intake' then []
            when rests.figure_id is not null or published_shares.subject_type != 'district_total'
                then [rests.figure_id]
            else rest_sums.figure_ids
        end as rest_figure_ids,
        coalesce(intake_wholes.input_figure_ids, [wholes.figure_id]) as whole_figure_ids,
        list_concat(
            [subjects.source_id, totals.source_id],
            coalesce(string_split(intake_wholes.source_ids, ', '), [])
        ) as input_source_ids,
        false as part_is_members_sum
    from published_shares
    inner join measure_properties as properties
        on published_shares.measure = properties.measure
    inner join district_subjects as subjects
        on
            {{ same_subject('published_shares', 'subjects') }}
    left join district_counts as parts
        on
            {{ same_subject('published_shares', 'parts') }}
            and properties.part_measure = parts.measure
    left join district_counts as rests
        on
            {{ same_subject('published_shares', 'rests') }}
            and properties.rest_measure = rests.measure
    left join district_sums as rest_sums
        on
            {{ same_period('published_shares', 'rest_sums') }}
            and properties.rest_measure = rest_sums.measure
    left join other_districts
        on
            {{ same_period('published_shares', 'other_districts') }}
            and published_shares.subject_code = other_districts.subject_code
            and properties.rest_measure = other_districts.measure
    -- the whole: the subject's own count (self) or the districts' total
    left join district_counts as wholes
        on
            {{ same_period('published_shares', 'wholes') }}
            and published_shares.denominator_code = wholes.measure
            and (
                published_shares.denominator_kind = 'self'
                and published_shares.subject_type = wholes.subject_type
                and published_shares.subject_code = wholes.subject_code
                or published_shares.denominator_kind = 'district_total'
                and wholes.subject_type = 'district_total'
            )
    -- or an intake figure its measure names (the districts' share of the
    -- total: 各区 占当月立案总数的91.17%)
    left join intake_series as intake_wholes
        on
            {{ same_period('published_shares', 'intake_wholes') }}
            and published_shares.denominator_kind = 'intake'
            and published_shares.denominator_code = intake_wholes.subject_code
    left join district_subjects as totals
        on
            {{ same_period('published_shares', 'totals') }}
            and totals.subject_type = 'district_total'
    left join district_count
        on published_shares.platform_code = district_count.platform_code
    where published_shares.denominator_kind in ('district_total', 'self', 'intake')
),

-- the printed counts of every subject other than the intake and the
-- districts (which have their own inputs above)
subject_counts as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        subject_type,
        population_code,
        subject_code,
        figure_id,
        source_id,
        items,
        cast(value_low as double) as items_low,
        cast(value_high as double) as items_high,
        -- the group a list printed in groups holds the count in (第一类 …)
        list_group_zh
    from figures
    where
        {{ measure_feeds('count') }}
        and subject_type not in ('intake', 'district', 'district_total')
),

-- the wholes a subject's share can be of: an intake figure (the total, the
-- valid items) or the subject's parent (a sub-category's category)
subject_wholes as (
    select
        'intake' as denominator_kind,
        platform_code,
        period_code,
        null as subject_type,
        subject_code,
        items,
        items_low,
        items_high,
        input_figure_ids as figure_ids,
        string_split(source_ids, ', ') as source_ids
    from intake_series

    union all

    select
        'parent' as denominator_kind,
        platform_code,
        period_code,
        subject_type,
        subject_code,
        items,
        items_low,
        items_high,
        [figure_id] as figure_ids,
        [source_id] as source_ids
    from subject_counts
),

-- any other subject (a category, a handling unit, a place) as a share of an
-- intake figure or of its parent: the part is the subject's own count of
-- the same period, the rest its printed siblings' counts (unbounded above: a
-- list need not name every part of the whole); in a list printed in groups
-- (list_group_zh), its siblings within its own group only
subject_inputs as (
    select
        published_shares.figure_id,
        parts.items as part,
        parts.items_low as part_low,
        parts.items_high as part_high,
        coalesce(sum(siblings.items_low), 0) as rest_low,
        cast(null as double) as rest_high,
        any_value(wholes.items) as whole,
        any_value(wholes.items_low) as whole_low,
        any_value(wholes.items_high) as whole_high,
        [parts.figure_id] as part_figure_ids,
        coalesce(list(siblings.figure_id order by siblings.figure_id) filter (
            where siblings.figure_id is not null
        ), []) as rest_figure_ids,
        any_value(wholes.figure_ids) as whole_figure_ids,
        list_concat([parts.source_id], any_value(wholes.source_ids)) as input_source_ids,
        false as part_is_members_sum
    from published_shares
    inner join subject_counts as parts
        on
            {{ same_subject('published_shares', 'parts') }}
            and published_shares.population_code = parts.population_code
    inner join subject_wholes as wholes
        on
            {{ same_period('published_shares', 'wholes') }}
            and published_shares.denominator_kind = wholes.denominator_kind
            and case wholes.denominator_kind
                when 'intake' then published_shares.denominator_code = wholes.subject_code
                else
                    published_shares.parent_subject_type = wholes.subject_type
                    and published_shares.parent_code = wholes.subject_code
            end
    left join subject_counts as siblings
        on
            {{ same_period('parts', 'siblings') }}
            and parts.subject_type = siblings.subject_type
            and parts.population_code = siblings.population_code
            and parts.subject_code != siblings.subject_code
            and parts.list_group_zh is not distinct from siblings.list_group_zh
    where
        published_shares.denominator_kind in ('intake', 'parent')
        and published_shares.subject_type != 'intake'
    group by
        published_shares.figure_id,
        parts.items,
        parts.items_low,
        parts.items_high,
        parts.figure_id,
        parts.source_id
),

-- a group of subjects printed as one share of an intake figure with no count
-- of its own (位居前三位的工单…占工单总量的59.68%): the part is the sum of the
-- counts of the members the page names for it (printed_part_claims), each
-- within its printed bounds, where every member named has a count of the
-- same period and source (else no check); the rest is unbounded above and
-- at least nothing (the page need not print the other subjects)
group_members as (
    select
        claims.claim_code,
        claims.source_id,
        claims.period_start,
        claims.period_end,
        claims.whole_subject_type,
        claims.part_subject_type,
        claims.part_subject_zh,
        sources.platform_code,
        group_subjects.subject_code as group_subject_code,
        count(*) over (
            partition by
                claims.claim_code,
                claims.source_id,
                claims.period_start,
                claims.period_end,
                claims.whole_subject_type,
                claims.whole_subject_zh
        ) as member_count
    from {{ ref('printed_part_claims') }} as claims
    inner join {{ ref('stg_reference__sources') }} as sources
        on claims.source_id = sources.source_id
    inner join {{ ref('int_reference__subjects') }} as group_subjects
        on
            sources.platform_code = group_subjects.platform_code
            and claims.whole_subject_type = group_subjects.subject_type
            and claims.whole_subject_zh = group_subjects.subject_zh
),

group_inputs as (
    select
        published_shares.figure_id,
        sum(members.items) as part,
        sum(cast(members.value_low as double)) as part_low,
        sum(cast(members.value_high as double)) as part_high,
        cast(0 as double) as rest_low,
        cast(null as double) as rest_high,
        any_value(wholes.items) as whole,
        any_value(wholes.items_low) as whole_low,
        any_value(wholes.items_high) as whole_high,
        list(members.figure_id order by members.figure_id) as part_figure_ids,
        cast([] as varchar[]) as rest_figure_ids,
        any_value(wholes.figure_ids) as whole_figure_ids,
        list_concat(list(distinct members.source_id), any_value(wholes.source_ids))
            as input_source_ids,
        true as part_is_members_sum
    from published_shares
    inner join group_members
        on
            published_shares.source_id = group_members.source_id
            and {{ same_dated_period('published_shares', 'group_members') }}
            and published_shares.subject_type = group_members.whole_subject_type
            and published_shares.subject_code = group_members.group_subject_code
    inner join subject_wholes as wholes
        on
            {{ same_period('published_shares', 'wholes') }}
            and wholes.denominator_kind = 'intake'
            and published_shares.denominator_code = wholes.subject_code
    left join figures as members
        on
            {{ same_dated_period('group_members', 'members') }}
            and group_members.source_id = members.source_id
            and group_members.part_subject_type = members.subject_type
            and group_members.part_subject_zh = members.subject_zh
            and {{ measure_feeds('count', 'members.measure') }}
    where
        published_shares.denominator_kind = 'intake'
        -- a group printed with a count of its own is checked from that count
        and not exists (
            select 1
            from subject_counts as own_counts
            where
                {{ same_subject('published_shares', 'own_counts') }}
        )
        and not exists (
            select 1
            from intake_series as own_intake
            where
                {{ same_period('published_shares', 'own_intake') }}
                and published_shares.subject_type = 'intake'
                and published_shares.subject_code = own_intake.subject_code
        )
    group by published_shares.figure_id
    having count(members.figure_id) = any_value(group_members.member_count)
),

inputs as (
    select * from intake_inputs
    union all
    select * from district_inputs
    union all
    select * from subject_inputs
    union all
    select * from group_inputs
),

-- the unit the page prints each input's counts in (件, 万件 …), for the
-- audit's sentence: the part's, the first of the rest's and the whole's
input_units as (
    select
        inputs.figure_id,
        coalesce(parts.multiplier, 1) as part_multiplier,
        coalesce(parts.decimal_places, 0) as part_decimals,
        parts.unit_printed as part_unit,
        coalesce(rests.multiplier, 1) as rest_multiplier,
        coalesce(rests.decimal_places, 0) as rest_decimals,
        rests.unit_printed as rest_unit,
        coalesce(wholes.multiplier, 1) as whole_multiplier,
        coalesce(wholes.decimal_places, 0) as whole_decimals,
        wholes.unit_printed as whole_unit
    from inputs
    left join figures as parts
        on inputs.part_figure_ids[1] = parts.figure_id
    left join figures as rests
        on inputs.rest_figure_ids[1] = rests.figure_id
    left join figures as wholes
        on inputs.whole_figure_ids[1] = wholes.figure_id
),

final as (
    select
        'share:' || published_shares.figure_id as check_id,
        'share' as check_kind,
        published_shares.platform_code,
        published_shares.period_code,
        published_shares.year,
        published_shares.section_zh,
        published_shares.subject_code,
        published_shares.subject_name_zh,
        published_shares.measure,
        published_shares.measure || ' = 100 x part / whole ('
        || published_shares.denominator_kind || ':' || published_shares.denominator_code || ')'
            as formula,
        published_shares.value_as_printed || published_shares.unit_printed
            as published_value_as_printed,
        published_shares.value_normalised as published_number,
        published_shares.normalised_unit as published_unit,
        published_shares.value_low as published_low,
        published_shares.value_high as published_high,
        100.0 * inputs.part / inputs.whole as derived_value,
        {{ share_feasible_low('inputs.part_low', 'inputs.rest_low', 'inputs.rest_high',
            'inputs.whole_low', 'inputs.whole_high') }} as feasible_low,
        {{ share_feasible_high('inputs.part_high', 'inputs.rest_low', 'inputs.rest_high',
            'inputs.whole_low', 'inputs.whole_high') }} as feasible_high,
        'part / whole, part, rest and whole each within their printed bounds, '
        || case
            when inputs.part_is_members_sum
                then 'the part the sum of the counts of the members the page names for the group, '
            else ''
        end
        || 'whole = part + rest'
        || case when inputs.rest_high is null then ' (the rest unbounded above)' else '' end
            as check_method,
        published_shares.source_id,
        {{ source_id_list('inputs.input_source_ids') }} as input_source_ids,

        -- the inputs, for an independent recomputation
        inputs.part_low,
        inputs.part_high,
        inputs.rest_low,
        inputs.rest_high,
        inputs.whole_low,
        inputs.whole_high,
        inputs.part_figure_ids,
        inputs.rest_figure_ids,
        inputs.whole_figure_ids,
        published_shares.approximation_zh is null and not published_shares.is_exact_count
            as published_is_plain,
        -- the inputs in words, for the audit's sentence, in the units the
        -- page prints them in (items where it counts in 件)
        'the printed counts ('
        || case
            when units.part_multiplier = 1 and units.whole_multiplier = 1
                then {{ audit_range('inputs.part_low', 'inputs.part_high', "'items'") }}
            else
                {{ audit_count_range(
                    'inputs.part_low', 'inputs.part_high',
                    'units.part_multiplier', 'units.part_decimals', 'units.part_unit'
                ) }}
        end
        || ' of '
        || {{ audit_count_range(
            'inputs.whole_low', 'inputs.whole_high',
            'units.whole_multiplier', 'units.whole_decimals', 'units.whole_unit'
        ) }}
        || case
            when inputs.rest_high is not null
                then
                    ', the rest '
                    || {{ audit_count_range(
                        'inputs.rest_low', 'inputs.rest_high',
                        'units.rest_multiplier', 'units.rest_decimals', 'units.rest_unit'
                    ) }}
            else ''
        end
        || ') allow' as inputs_text,
        'no share fits the printed counts (no value fits: the part and the rest, '
        || {{ audit_count_range(
            'inputs.part_low + inputs.rest_low', 'inputs.part_high + inputs.rest_high',
            'units.part_multiplier', 'units.part_decimals', 'units.part_unit'
        ) }}
        || ' in all, cannot make up the whole of '
        || {{ audit_count_range(
            'inputs.whole_low', 'inputs.whole_high',
            'units.whole_multiplier', 'units.whole_decimals', 'units.whole_unit'
        ) }}
        || ')' as empty_text
    from published_shares
    inner join inputs
        on published_shares.figure_id = inputs.figure_id
    inner join input_units as units
        on published_shares.figure_id = units.figure_id
    where inputs.part is not null and inputs.whole is not null
)

select
    {{ audit_check_columns() }},
    part_low,
    part_high,
    rest_low,
    rest_high,
    whole_low,
    whole_high,
    part_figure_ids,
    rest_figure_ids,
    whole_figure_ids,
    published_is_plain,
    inputs_text,
    empty_text
from final
