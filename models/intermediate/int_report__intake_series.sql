-- The best-known items of every intake member in every period the sources
-- speak of, with how each was obtained:
--   printed                       a source prints it;
--   sum_of_parts                  the members of an exhaustive split are all
--                                 printed (2021's total = phone + online);
--   back_calculated_from_<period> the next year prints the member and its
--                                 year-on-year change: prior = items / (1 + yoy/100).
-- Where several ways exist the first in that order wins (and, between two
-- sums, the narrower one). Bounds follow from the inputs' printed bounds.
with

members as (
    select * from {{ ref('int_report__intake_members') }}
),

dimensions as (
    select * from {{ ref('stg_reference__intake_dimensions') }}
),


printed as (
    select
        platform_code,
        period_start,
        period_end,
        period_kind,
        period_code,
        subject_code,
        items,
        cast(items_low as double) as items_low,
        cast(items_high as double) as items_high,
        'printed' as how_obtained,
        1 as preference,
        items_source_id as source_ids,
        [items_figure_id] as input_figure_ids
    from members
    where items is not null
),

summed as (
    select
        members.platform_code,
        any_value(members.period_start) as period_start,
        any_value(members.period_end) as period_end,
        any_value(members.period_kind) as period_kind,
        members.period_code,
        dimensions.whole_subject_code as subject_code,
        cast(sum(members.items) as bigint) as items,
        sum(cast(members.items_low as double)) as items_low,
        sum(cast(members.items_high as double)) as items_high,
        'sum_of_parts' as how_obtained,
        2 as preference,
        string_agg(distinct members.items_source_id, ', ' order by members.items_source_id)
            as source_ids,
        list(members.items_figure_id order by members.items_figure_id) as input_figure_ids
    from members
    inner join dimensions
        on
            members.platform_code = dimensions.platform_code
            and members.dimension = dimensions.dimension
    where dimensions.members_are_exhaustive and members.items is not null
    group by
        members.platform_code,
        members.period_code,
        dimensions.whole_subject_code,
        members.dimension,
        dimensions.member_count
    having count(*) = dimensions.member_count
),

-- the year before a period whose items and year-on-year change are printed
prior_years as (
    select
        platform_code,
        {{ date_shifted('period_start', -1, 'year') }} as period_start,
        {{ date_shifted('period_end', -1, 'year') }} as period_end,
        subject_code,
        {{ back_calculated_prior_items('items', 'published_yoy_change_pct') }} as items,
        items_low * 100.0 / (100 + published_yoy_change_pct_high) as items_low,
        items_high * 100.0 / (100 + published_yoy_change_pct_low) as items_high,
        'back_calculated_from_' || period_code as how_obtained,
        items_source_id as source_ids,
        [items_figure_id, yoy_figure_id] as input_figure_ids
    from members
    where items is not null and published_yoy_change_pct is not null and period_start is not null
),

prior_year_kinds as (
    select
        prior_years.*,
        {{ period_kind('prior_years.period_start', 'prior_years.period_end') }} as period_kind
    from prior_years
),

back_calculated as (
    select
        platform_code,
        period_start,
        period_end,
        period_kind,
        {{ period_code('period_start', 'period_end', 'period_kind') }} as period_code,
        subject_code,
        items,
        items_low,
        items_high,
        how_obtained,
        3 as preference,
        source_ids,
        input_figure_ids
    from prior_year_kinds
),

candidates as (
    select * from printed
    union all
    select * from summed
    union all
    select * from back_calculated
),

ranked as (
    select
        *,
        row_number() over (
            partition by platform_code, period_code, subject_code
            order by preference, items_high - items_low, source_ids
        ) as candidate_rank
    from candidates
),

final as (
    select
        ranked.platform_code,
        ranked.period_start,
        ranked.period_end,
        ranked.period_kind,
        ranked.period_code,
        year(ranked.period_end) as year,
        ranked.subject_code,
        split_part(ranked.subject_code, '.', 1) as dimension,
        split_part(ranked.subject_code, '.', 2) as member,
        ranked.items,
        ranked.items_low,
        ranked.items_high,
        ranked.how_obtained,
        ranked.source_ids,
        ranked.input_figure_ids,
        ranked.candidate_rank = 1 as is_best
    from ranked
)

select * from final
