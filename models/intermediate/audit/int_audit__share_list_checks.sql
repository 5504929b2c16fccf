-- Every list of published shares of one whole (the same platform, period,
-- subject type, population and denominator) that the single-share checks
-- cannot settle: a list with a share out of reach of its stated whole, or a
-- list whose whole the page does not state (未说明). For each, the range of
-- wholes that every share of the list allows: a share s of a part p (each
-- within its printed bounds) allows a whole of 100 · p / s, so the list
-- allows [max(100 · p_low / s_high), min(100 · p_high / s_low)]. The finding
-- then reads "these seven shares fit a total of a–b, not the printed c"; a
-- list whose whole is not stated is consistent when some whole fits it all.
-- Where the list fits only with its plain shares read as truncated
-- ([s, s + one unit of the last digit)), or where every share of it fits its
-- stated whole so, the row says so (`fits_if_truncated`) and the audit calls
-- it `truncated`, never `inconsistent`. Every count the
-- page prints for the same platform and period is tried as the whole too:
-- the row names those that fit (`fitting_printed_totals`), so that a list of
-- shares of an unstated whole reads "fits the 3,780 办结", "fits only an
-- unprinted whole of a–b" or "fits no whole". A list printed in groups
-- (list_group_zh: 第一类 / 第二类, 市级 / 区级) is one list per group, each
-- checked against its own group's whole. A list is of one subject type,
-- unless its measure's rest is counted over every subject type
-- (ref_measure_properties.rest_of other_subject_types: 5个区 and
-- 13个市职能部门, each 占当月立案总数的…): such shares of one period's total
-- are one list whatever their subject types.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

share_checks as (
    select * from {{ ref('int_audit__share_checks') }}
),

measure_properties as (
    select * from {{ ref('ref_measure_properties') }}
),

-- every count the page prints for a period: a whole a list could be of
printed_totals as (
    select
        platform_code,
        period_code,
        subject_name_zh,
        items,
        value_as_printed || unit_printed as value_as_printed,
        figure_id
    from figures
    where {{ measure_feeds('count') }} and items is not null
),

-- every share with a whole shared by a list (not a subject's split of
-- itself, `self:items`)
shares as (
    select
        figures.figure_id,
        figures.platform_code,
        figures.period_code,
        figures.year,
        figures.section_zh,
        figures.source_id,
        figures.subject_type,
        figures.subject_code,
        figures.subject_name_zh,
        figures.population_code,
        coalesce(figures.list_group_zh, '') as list_group_zh,
        figures.measure,
        -- the list a share is in: its subject type's (and population's), or
        -- one list over every subject type where its whole is one total of
        -- the period
        case
            when properties.rest_of = 'other_subject_types' then '' else figures.subject_type
        end as list_subject_type,
        case
            when properties.rest_of = 'other_subject_types' then '' else figures.population_code
        end as list_population_code,
        coalesce(figures.share_of_zh, figures.measure_share_denominator) as denominator,
        coalesce(figures.share_of_zh = '未说明', false) as is_whole_unstated,
        cast(figures.value_low as double) as share_low,
        cast(figures.value_high as double) as share_high,
        -- the share read as truncated, where it is printed plainly
        case
            when figures.approximation_zh is null
                then cast(figures.value_low + figures.value_high as double) / 2
            else cast(figures.value_low as double)
        end as truncated_share_low,
        case
            when figures.approximation_zh is null
                then
                    cast(
                        figures.value_high + (figures.value_high - figures.value_low) / 2 as double
                    )
            else cast(figures.value_high as double)
        end as truncated_share_high
    from figures
    left join measure_properties as properties
        on figures.measure = properties.measure
    where
        figures.measure_share_denominator is not null
        and figures.measure_share_denominator not like 'self:%'
),

parts as (
    select
        platform_code,
        period_code,
        subject_type,
        subject_code,
        figure_id,
        cast(value_low as double) as part_low,
        cast(value_high as double) as part_high
    from figures
    where {{ measure_feeds('count') }}
),

allowed as (
    select
        shares.*,
        parts.figure_id as part_figure_id,
        100.0 * parts.part_low / shares.share_high as whole_low,
        100.0 * parts.part_high / nullif(shares.share_low, 0) as whole_high,
        100.0 * parts.part_low / shares.truncated_share_high as truncated_whole_low,
        100.0 * parts.part_high / nullif(shares.truncated_share_low, 0) as truncated_whole_high,
        checks.whole_low as stated_whole_low,
        checks.whole_high as stated_whole_high,
        checks.whole_figure_ids[1] as stated_whole_figure_id,
        checks.check_id is not null and not (
            checks.feasible_high >= checks.published_low
            and checks.feasible_low <= checks.published_high
        ) as is_out_of_reach,
        -- the share fits its stated whole, read as rounded or as truncated
        checks.check_id is not null and checks.feasible_low <= checks.feasible_high and (
            checks.feasible_high >= checks.published_low
            and checks.feasible_low <= checks.published_high
            or checks.published_is_plain
            and checks.feasible_high >= (checks.published_low + checks.published_high) / 2
            and checks.feasible_low
            <= checks.published_high + (checks.published_high - checks.published_low) / 2
        ) as fits_stated_whole_if_truncated
    from shares
    -- a share printed without its count is in its list, and bounds no whole
    left join parts
        on
            shares.platform_code = parts.platform_code
            and shares.period_code = parts.period_code
            and shares.subject_type = parts.subject_type
            and shares.subject_code = parts.subject_code
    left join share_checks as checks
        on checks.check_id = 'share:' || shares.figure_id
),

lists as (
    select
        platform_code,
        period_code,
        -- the list's subject types ('district_total+intake' for a list over
        -- several)
        string_agg(distinct subject_type, '+' order by subject_type) as subject_type,
        list_population_code as population_code,
        list_group_zh,
        denominator,
        any_value(measure) as measure,
        any_value(year) as year,
        min(section_zh) as section_zh,
        min(source_id) as source_id,
        count(part_figure_id) as share_count,
        count(*) - count(part_figure_id) as uncounted_share_count,
        bool_or(is_whole_unstated) as is_whole_unstated,
        bool_or(is_out_of_reach) as has_share_out_of_reach,
        max(whole_low) as fitting_whole_low,
        min(whole_high) as fitting_whole_high,
        max(truncated_whole_low) as truncated_fitting_whole_low,
        min(truncated_whole_high) as truncated_fitting_whole_high,
        bool_and(fits_stated_whole_if_truncated) filter (where part_figure_id is not null)
            as every_share_fits_if_truncated,
        max(stated_whole_low) as stated_whole_low,
        max(stated_whole_high) as stated_whole_high,
        min(stated_whole_figure_id) as stated_whole_figure_id,
        -- the list by its members' names, as the page prints them
        string_agg(subject_name_zh, '、' order by figure_id) as member_names_zh,
        list(figure_id order by figure_id) as share_figure_ids,
        list(part_figure_id order by figure_id) as part_figure_ids
    from allowed
    group by
        platform_code,
        period_code,
        list_subject_type,
        list_population_code,
        list_group_zh,
        denominator
    having count(part_figure_id) >= 2 and (bool_or(is_whole_unstated) or bool_or(is_out_of_reach))
),

-- the printed counts of the list's platform and period that fit it as its
-- whole, read as rounded or, failing that, as truncated
fitting_totals as (
    select
        lists.platform_code,
        lists.period_code,
        lists.subject_type,
        lists.population_code,
        lists.list_group_zh,
        lists.denominator,
        list(
            totals.value_as_printed || ' ' || totals.subject_name_zh
            || case
                when
                    totals.items between lists.fitting_whole_low and lists.fitting_whole_high
                    then ''
                else ' (read as truncated)'
            end
            order by totals.items desc, totals.subject_name_zh asc
        ) as fitting_printed_totals
    from lists
    inner join printed_totals as totals
        on
            lists.platform_code = totals.platform_code
            and lists.period_code = totals.period_code
            and (
                totals.items between lists.fitting_whole_low and lists.fitting_whole_high
                or totals.items between lists.truncated_fitting_whole_low
                and lists.truncated_fitting_whole_high
            )
    group by all
),

listed as (
    select
        lists.*,
        fitting_totals.fitting_printed_totals,
        stated_wholes.value_as_printed || stated_wholes.unit_printed as stated_whole_as_printed,
        stated_wholes.value_normalised as stated_whole_items,
        stated_wholes.subject_name_zh as stated_whole_name_zh,
        -- the unit the page prints the whole in (a part's, where it does
        -- not state the whole), for the audit's sentence
        coalesce(stated_wholes.multiplier, part_units.multiplier) as page_multiplier,
        coalesce(stated_wholes.decimal_places, part_units.decimal_places) as page_decimals,
        coalesce(stated_wholes.unit_printed, part_units.unit_printed) as page_unit_zh
    from lists
    left join figures as stated_wholes
        on lists.stated_whole_figure_id = stated_wholes.figure_id
    left join figures as part_units
        on list_min(lists.part_figure_ids) = part_units.figure_id
    left join fitting_totals
        on
            lists.platform_code = fitting_totals.platform_code
            and lists.period_code = fitting_totals.period_code
            and lists.subject_type = fitting_totals.subject_type
            and lists.population_code = fitting_totals.population_code
            and lists.list_group_zh = fitting_totals.list_group_zh
            and lists.denominator = fitting_totals.denominator
),

final as (
    select
        'share_list:' || platform_code || '.' || period_code || '.' || subject_type
        || case when population_code != '' then '.' || population_code else '' end
        || '.' || measure || '.' || denominator
        || case when list_group_zh != '' then '.' || list_group_zh else '' end as check_id,
        'share_list' as check_kind,
        platform_code,
        period_code,
        year,
        section_zh,
        subject_type
        || case when population_code != '' then '.' || population_code else '' end as subject_code,
        case when list_group_zh != '' then list_group_zh || ': ' else '' end
        || member_names_zh as subject_name_zh,
        measure,
        'whole = 100 x part / ' || measure || ' for each of the ' || share_count || ' shares'
        || case
            when uncounted_share_count > 0
                then
                    ' (and ' || uncounted_share_count
                    || ' printed without a count, which bound no whole)'
            else ''
        end as formula,
        -- the stated whole as the page prints it (none where it is not stated)
        stated_whole_as_printed as published_value_as_printed,
        case when not is_whole_unstated then coalesce(stated_whole_items, stated_whole_low) end
            as published_number,
        'items' as published_unit,
        -- a whole the page does not state is any whole that fits
        -- (as an ordered range: two shares that need wholes apart from each
        -- other are not a range printed backwards)
        case
            when is_whole_unstated then least(fitting_whole_low, fitting_whole_high) else
                stated_whole_low
        end as published_low,
        case
            when is_whole_unstated then greatest(fitting_whole_low, fitting_whole_high) else
                stated_whole_high
        end as published_high,
        (fitting_whole_low + fitting_whole_high) / 2 as derived_value,
        fitting_whole_low as feasible_low,
        fitting_whole_high as feasible_high,
        case
            when fitting_whole_low <= fitting_whole_high
                then
                    'the wholes every one of the ' || share_count
                    || ' shares allows (each share and part within its printed bounds): '
                    || cast(ceil(fitting_whole_low) as bigint) || '–'
                    || cast(floor(fitting_whole_high) as bigint) || ' items'
            else
                'no one whole fits all ' || share_count
                || ' shares (each share and part within its printed bounds): one needs at least '
                || cast(ceil(fitting_whole_low) as bigint) || ' items, another at most '
                || cast(floor(fitting_whole_high) as bigint)
        end as check_method,
        source_id,
        source_id as input_source_ids,
        share_figure_ids,
        part_figure_ids,
        truncated_fitting_whole_low <= truncated_fitting_whole_high
        and (
            is_whole_unstated
            or (
                truncated_fitting_whole_low <= stated_whole_high
                and truncated_fitting_whole_high >= stated_whole_low
            )
        )
        or not is_whole_unstated and every_share_fits_if_truncated as fits_if_truncated,
        truncated_fitting_whole_low,
        truncated_fitting_whole_high,
        fitting_printed_totals,
        -- the list in words, for the audit's sentence
        'items' as value_unit,
        page_multiplier,
        page_decimals,
        page_unit_zh,
        case
            when is_whole_unstated then 'no whole stated (未说明)'
            else
                coalesce(
                    stated_whole_as_printed,
                    {{ audit_count_range(
                        'stated_whole_low', 'stated_whole_high', 'page_multiplier', 'page_decimals', 'page_unit_zh'
                    ) }}
                )
                || ' (' || coalesce(stated_whole_name_zh, denominator) || ')'
        end as published_text,
        'the ' || share_count || ' shares with their counts fit a whole of' as inputs_text,
        'no one whole fits the '
        || share_count
        || ' shares with their counts (no value fits: one share needs '
        || {{ audit_count_range(
            'fitting_whole_low', 'null', 'page_multiplier', 'page_decimals', 'page_unit_zh'
        ) }}
        || ', another '
        || {{ audit_count_range(
            'null', 'fitting_whole_high', 'page_multiplier', 'page_decimals', 'page_unit_zh'
        ) }}
        || ')' as empty_text,
        -- what the list fits: its stated whole, another printed total, only
        -- an unprinted whole, or no whole (read as rounded or as truncated)
        case
            when
                not is_whole_unstated
                and (
                    fitting_whole_low <= stated_whole_high
                    and fitting_whole_high >= stated_whole_low
                    or truncated_fitting_whole_low <= stated_whole_high
                    and truncated_fitting_whole_high >= stated_whole_low
                )
                then 'fits the stated whole' || case
                    when
                        fitting_whole_low <= stated_whole_high
                        and fitting_whole_high >= stated_whole_low
                        then ''
                    else ' (read as truncated)'
                end
            when fitting_printed_totals is not null
                then
                    'fits another printed total: '
                    || array_to_string(fitting_printed_totals, ', ')
            when fitting_whole_low <= fitting_whole_high
                then
                    'fits only an unprinted whole of '
                    || {{ audit_count_range(
                        'fitting_whole_low', 'fitting_whole_high', 'page_multiplier', 'page_decimals', 'page_unit_zh'
                    ) }}
            when truncated_fitting_whole_low <= truncated_fitting_whole_high
                then
                    'fits only an unprinted whole of '
                    || {{ audit_count_range(
                        'truncated_fitting_whole_low', 'truncated_fitting_whole_high',
                        'page_multiplier', 'page_decimals', 'page_unit_zh'
                    ) }}
                    || ' (read as truncated)'
            else 'fits no whole'
        end as list_fit
    from listed
)

select
    {{ audit_check_columns() }},
    share_figure_ids,
    part_figure_ids,
    fits_if_truncated,
    truncated_fitting_whole_low,
    truncated_fitting_whole_high,
    fitting_printed_totals,
    value_unit,
    page_multiplier,
    page_decimals,
    page_unit_zh,
    published_text,
    inputs_text,
    empty_text,
    list_fit,
    '; the list ' || list_fit as fit_text
from final
