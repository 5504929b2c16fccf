-- Claims that a printed whole is at least (or at most) something its printed
-- parts imply: named parts never exceed their whole (sub-categories, a
-- topic's top units, a split that is not exhaustive, the part groups a
-- source says are disjoint, the months or half-year of a year), a month
-- called the year's highest is at least the monthly average, and a group's
-- share printed as a bound (三类诉求合计占比超六成: 60%–70%) meets the sum of its
-- named members' printed shares (printed_part_claims names the members).
-- feasible_low / feasible_high bound the whole; an empty bound is open.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

part_claims as (
    select
        claims.*,
        sources.platform_code
    from {{ ref('printed_part_claims') }} as claims
    left join {{ ref('stg_reference__sources') }} as sources
        on claims.source_id = sources.source_id
),

subjects as (
    select * from {{ ref('int_reference__subjects') }}
),

intake_dimensions as (
    select * from {{ ref('ref_intake_dimensions') }}
),

items as (
    select * from figures
    where {{ measure_feeds('count') }}
),

-- every set of printed parts that lies inside a printed whole, keyed by the
-- whole's figure_id: the whole is at least the sum of the parts' lows
part_sets as (
    -- the named sub-categories (主要反映…) of a category, the top three
    -- handling units of a 每月一题 topic, a category's items by channel
    select
        parents.figure_id as whole_figure_id,
        'named_' || parts.subject_type || '_sum' as check_suffix,
        'items >= sum of the ' || count(*) || ' named '
        || parts.subject_type || ' items' as formula,
        sum(cast(parts.items as double)) as items,
        sum(cast(parts.value_low as double)) as items_low,
        list(distinct parts.source_id) as source_ids,
        list(parts.figure_id order by parts.figure_id) as part_figure_ids
    from items as parts
    inner join {{ ref('ref_subject_types') }} as subject_types
        on parts.subject_type = subject_types.subject_type
    inner join items as parents
        on
            {{ part_of_whole('parts', 'parents') }}
    -- parts that may overlap (completed and due items of one figure) are not summed
    where subject_types.parts_add_up
    group by parents.figure_id, parts.subject_type

    union all

    -- a member of a split that does not exhaust its whole (a theme, one
    -- online channel) is part of that whole
    select
        wholes.figure_id as whole_figure_id,
        'member_' || parts.subject_code as check_suffix,
        'items >= items of ' || parts.subject_code as formula,
        cast(parts.items as double) as items,
        cast(parts.value_low as double) as items_low,
        [parts.source_id] as source_ids,
        [parts.figure_id] as part_figure_ids
    from items as parts
    inner join intake_dimensions as dimensions
        on
            parts.subject_type = 'intake'
            and parts.population_code = dimensions.dimension
    inner join items as wholes
        on
            {{ same_period('parts', 'wholes') }}
            and dimensions.whole_subject_code = wholes.subject_code
    where not dimensions.members_are_exhaustive

    union all

    -- part groups a source states are disjoint parts of a whole
    select
        wholes.figure_id as whole_figure_id,
        part_claims.claim_code as check_suffix,
        -- the parts named in one order, so that the text is the same in every build
        'items >= ' || string_agg(
            distinct coalesce(part_claims.part_subject_zh, part_claims.part_subject_type), ' + '
            order by coalesce(part_claims.part_subject_zh, part_claims.part_subject_type)
        ) as formula,
        sum(cast(parts.items as double)) as items,
        sum(cast(parts.value_low as double)) as items_low,
        list(distinct parts.source_id) as source_ids,
        list(distinct parts.figure_id order by parts.figure_id) as part_figure_ids
    from part_claims
    inner join subjects as whole_subjects
        on
            part_claims.platform_code = whole_subjects.platform_code
            and part_claims.whole_subject_type = whole_subjects.subject_type
            and part_claims.whole_subject_zh = whole_subjects.subject_zh
    inner join items as wholes
        on
            {{ same_dated_period('part_claims', 'wholes') }}
            and part_claims.whole_subject_type = wholes.subject_type
            and whole_subjects.subject_code = wholes.subject_code
    inner join items as parts
        on
            {{ same_dated_period('part_claims', 'parts') }}
            and part_claims.part_subject_type = parts.subject_type
            and (
                part_claims.part_subject_zh is null
                or part_claims.part_subject_zh = parts.subject_zh
            )
    group by wholes.figure_id, part_claims.claim_code

    union all

    -- the printed shorter periods inside a year (the months; a half-year)
    -- are part of the year
    select
        wholes.figure_id as whole_figure_id,
        'printed_' || parts.period_kind || 's_sum' as check_suffix,
        'items >= items of ' || string_agg(parts.period_code, ' + ' order by parts.period_start)
            as formula,
        sum(cast(parts.items as double)) as items,
        sum(cast(parts.value_low as double)) as items_low,
        list(distinct parts.source_id) as source_ids,
        list(parts.figure_id order by parts.figure_id) as part_figure_ids
    from items as parts
    inner join items as wholes
        on
            parts.platform_code = wholes.platform_code
            and parts.subject_type = wholes.subject_type
            and parts.subject_code = wholes.subject_code
            and coalesce(parts.parent_code, '') = coalesce(wholes.parent_code, '')
            and wholes.period_kind = 'year'
            and parts.period_kind in ('month', 'quarter', 'half_year')
            and parts.period_start >= wholes.period_start
            and parts.period_end <= wholes.period_end
    group by wholes.figure_id, parts.period_kind
),

at_least_parts_checks as (
    select
        'bound:' || wholes.figure_id || '.' || part_sets.check_suffix as check_id,
        'bound' as check_kind,
        wholes.platform_code,
        wholes.period_code,
        wholes.year,
        wholes.section_zh,
        wholes.subject_code,
        wholes.subject_name_zh,
        {{ measure_of('count') }} as measure,
        part_sets.formula,
        wholes.value_as_printed || wholes.unit_printed as published_value_as_printed,
        wholes.value_normalised as published_number,
        wholes.normalised_unit as published_unit,
        wholes.value_low as published_low,
        wholes.value_high as published_high,
        part_sets.items as derived_value,
        part_sets.items_low as feasible_low,
        cast(null as double) as feasible_high,
        'the whole is at least the sum of the lows of its printed parts' as check_method,
        wholes.source_id,
        {{ source_id_list('part_sets.source_ids') }} as input_source_ids,
        part_sets.part_figure_ids,
        [wholes.figure_id] as whole_figure_ids
    from part_sets
    inner join items as wholes
        on part_sets.whole_figure_id = wholes.figure_id
),

-- a month called the year's highest holds at least a twelfth of the year
peak_month_checks as (
    select
        'bound:' || monthly.figure_id || '.peak_at_least_average' as check_id,
        'bound' as check_kind,
        annual.platform_code,
        annual.period_code,
        annual.year,
        monthly.section_zh,
        monthly.subject_code,
        monthly.subject_name_zh,
        {{ measure_of('count') }} as measure,
        'items <= 12 x the items of ' || monthly.period_code
        || ' (' || monthly.observation_zh || ')' as formula,
        annual.value_as_printed || annual.unit_printed as published_value_as_printed,
        annual.value_normalised as published_number,
        annual.normalised_unit as published_unit,
        annual.value_low as published_low,
        annual.value_high as published_high,
        12.0 * monthly.items as derived_value,
        cast(null as double) as feasible_low,
        12.0 * cast(monthly.value_high as double) as feasible_high,
        'a month the source calls the year''s highest holds at least a twelfth of the year'
            as check_method,
        monthly.source_id,
        annual.source_id as input_source_ids,
        [monthly.figure_id] as part_figure_ids,
        [annual.figure_id] as whole_figure_ids
    from items as monthly
    inner join items as annual
        on
            monthly.platform_code = annual.platform_code
            and monthly.subject_type = annual.subject_type
            and monthly.subject_code = annual.subject_code
            and coalesce(monthly.parent_code, '') = coalesce(annual.parent_code, '')
            and annual.period_kind = 'year'
            and monthly.period_start >= annual.period_start
            and monthly.period_end <= annual.period_end
    where monthly.period_kind = 'month' and monthly.implies_annual_maximum
),

-- a group of subjects printed as one share (a category group: 三类诉求合计
-- 占比超六成, its wording read as a bound): the members the page names for it
-- (printed_part_claims) add up to it, where every member's share of the same
-- whole is printed; each member's share within its printed bounds
claimed_groups as (
    select
        *,
        count(*) over (
            partition by
                claim_code,
                source_id,
                period_start,
                period_end,
                whole_subject_type,
                whole_subject_zh
        ) as part_count
    from part_claims
),

group_shares as (
    select
        group_figures.figure_id as group_figure_id,
        claimed_groups.claim_code,
        any_value(claimed_groups.part_count) as part_count,
        count(members.figure_id) as printed_part_count,
        string_agg(members.subject_name_zh, ' + ' order by members.subject_name_zh) as members_zh,
        sum(cast(members.value_normalised as double)) as members_share,
        sum(cast(members.value_low as double)) as share_low,
        sum(cast(members.value_high as double)) as share_high,
        list(distinct members.source_id) as source_ids,
        list(distinct members.figure_id order by members.figure_id) as part_figure_ids
    from claimed_groups
    inner join subjects as group_subjects
        on
            claimed_groups.platform_code = group_subjects.platform_code
            and claimed_groups.whole_subject_type = group_subjects.subject_type
            and claimed_groups.whole_subject_zh = group_subjects.subject_zh
    inner join figures as group_figures
        on
            {{ same_dated_period('claimed_groups', 'group_figures') }}
            and claimed_groups.whole_subject_type = group_figures.subject_type
            and group_subjects.subject_code = group_figures.subject_code
            and group_figures.measure_share_denominator is not null
    left join figures as members
        on
            {{ same_dated_period('claimed_groups', 'members') }}
            and claimed_groups.part_subject_type = members.subject_type
            and claimed_groups.part_subject_zh = members.subject_zh
            and group_figures.measure = members.measure
    group by group_figures.figure_id, claimed_groups.claim_code
),

group_share_checks as (
    select
        'bound:' || group_figures.figure_id || '.' || group_shares.claim_code as check_id,
        'bound' as check_kind,
        group_figures.platform_code,
        group_figures.period_code,
        group_figures.year,
        group_figures.section_zh,
        group_figures.subject_code,
        group_figures.subject_name_zh,
        group_figures.measure,
        group_figures.measure || ' = ' || group_shares.members_zh as formula,
        group_figures.value_as_printed || group_figures.unit_printed as published_value_as_printed,
        group_figures.value_normalised as published_number,
        group_figures.normalised_unit as published_unit,
        group_figures.value_low as published_low,
        group_figures.value_high as published_high,
        group_shares.members_share as derived_value,
        group_shares.share_low as feasible_low,
        group_shares.share_high as feasible_high,
        'the group''s printed bound meets the sum of its named members'' printed shares,'
        || ' each within its printed bounds' as check_method,
        group_figures.source_id,
        {{ source_id_list('group_shares.source_ids') }} as input_source_ids,
        group_shares.part_figure_ids,
        [group_figures.figure_id] as whole_figure_ids
    from group_shares
    inner join figures as group_figures
        on group_shares.group_figure_id = group_figures.figure_id
    where group_shares.printed_part_count = group_shares.part_count
),

final as (
    select * from at_least_parts_checks
    union all
    select * from peak_month_checks
    union all
    select * from group_share_checks
)

select
    {{ audit_check_columns() }},
    part_figure_ids,
    whole_figure_ids
from final
