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
-- ([s, s + one unit of the last digit)), the row says so (`fits_if_truncated`)
-- and the audit calls it `truncated`.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

share_checks as (
    select * from {{ ref('int_audit__share_checks') }}
),

-- every share with a whole shared by a list (not a subject's split of
-- itself, `self:items`)
shares as (
    select
        figure_id,
        platform_code,
        period_code,
        year,
        section_zh,
        source_id,
        subject_type,
        subject_code,
        population_code,
        measure,
        coalesce(share_of_zh, measure_share_denominator) as denominator,
        share_of_zh = '未说明' as is_whole_unstated,
        cast(value_low as double) as share_low,
        cast(value_high as double) as share_high,
        -- the share read as truncated, where it is printed plainly
        case
            when approximation_zh is null then cast(value_low + value_high as double) / 2
            else cast(value_low as double)
        end as truncated_share_low,
        case
            when approximation_zh is null
                then cast(value_high + (value_high - value_low) / 2 as double)
            else cast(value_high as double)
        end as truncated_share_high
    from figures
    where
        measure_share_denominator is not null
        and measure_share_denominator not like 'self:%'
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
    where measure = 'items'
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
        checks.check_id is not null and not (
            checks.feasible_high >= checks.published_low
            and checks.feasible_low <= checks.published_high
        ) as is_out_of_reach
    from shares
    inner join parts
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
        subject_type,
        population_code,
        denominator,
        any_value(measure) as measure,
        any_value(year) as year,
        min(section_zh) as section_zh,
        min(source_id) as source_id,
        count(*) as share_count,
        bool_or(is_whole_unstated) as is_whole_unstated,
        bool_or(is_out_of_reach) as has_share_out_of_reach,
        max(whole_low) as fitting_whole_low,
        min(whole_high) as fitting_whole_high,
        max(truncated_whole_low) as truncated_fitting_whole_low,
        min(truncated_whole_high) as truncated_fitting_whole_high,
        max(stated_whole_low) as stated_whole_low,
        max(stated_whole_high) as stated_whole_high,
        list(figure_id order by figure_id) as share_figure_ids,
        list(part_figure_id order by figure_id) as part_figure_ids
    from allowed
    group by platform_code, period_code, subject_type, population_code, denominator
    having count(*) >= 2 and (bool_or(is_whole_unstated) or bool_or(is_out_of_reach))
),

final as (
    select
        'share_list:' || platform_code || '.' || period_code || '.' || subject_type
        || case when population_code != '' then '.' || population_code else '' end
        || '.' || measure || '.' || denominator as check_id,
        'share_list' as check_kind,
        platform_code,
        period_code,
        year,
        section_zh,
        subject_type
        || case when population_code != '' then ' ' || population_code else '' end as subject,
        measure,
        'whole = 100 x part / ' || measure || ' for each of the ' || share_count || ' shares'
            as formula,
        case
            when is_whole_unstated then 'whole not stated (未说明)'
            else
                'whole ' || denominator || ': ' || cast(round(stated_whole_low) as bigint)
                || '–' || cast(round(stated_whole_high) as bigint) || ' items'
        end as published_value,
        -- a whole the page does not state is any whole that fits
        case
            when is_whole_unstated then fitting_whole_low else stated_whole_low
        end as published_low,
        case
            when is_whole_unstated then fitting_whole_high else stated_whole_high
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
        ) as fits_if_truncated
    from lists
)

select
    {{ audit_check_columns() }},
    share_figure_ids,
    part_figure_ids,
    fits_if_truncated
from final
