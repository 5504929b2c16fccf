-- Ranking claims: the order of lists the report prints largest first
-- (categories, named sub-categories, top handling units, city bodies,
-- state-owned enterprises), and the claims it states in words (最多, 最少,
-- 前三位, 首次超越). Within its population a subject's rank can be anything
-- from 1 + the number of others certainly larger (their low above its high)
-- to 1 + the number of others possibly at least as large (their high at or
-- above its low); the claimed rank is consistent when it lies in that range.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

subject_types as (
    select * from {{ ref('ref_subject_types') }}
),

ranking_claims as (
    select * from {{ ref('stg_report__ranking_claims') }}
),

intake_bounds as (
    select * from {{ ref('int_audit__intake_bounds') }}
),

-- populations: the full-year items of a subject type within one parent, and
-- the intake channels in the report year and the back-calculated prior year
population as (
    select
        report_year,
        figure_year,
        subject_type,
        coalesce(parent_code, '') as parent_code,
        subject_code,
        subject_zh,
        parent_zh,
        section_zh,
        list_position,
        cast(items as double) as items,
        cast(value_low as double) as items_low,
        cast(value_high as double) as items_high
    from figures
    where month is null and measure = 'items'

    union all

    select
        report_year,
        figure_year,
        'intake_channel' as subject_type,
        '' as parent_code,
        subject_code,
        subject_zh,
        null as parent_zh,
        '一、总体情况' as section_zh,
        null as list_position,
        items,
        items_low,
        items_high
    from intake_bounds
    where dimension = 'channel'
),

rank_ranges as (
    select
        subjects.report_year,
        subjects.figure_year,
        subjects.subject_type,
        subjects.parent_code,
        subjects.subject_code,
        subjects.subject_zh,
        subjects.parent_zh,
        subjects.section_zh,
        subjects.list_position,
        1 + count(peers.subject_code) filter (where peers.items > subjects.items)
            as rank_largest_first,
        1 + count(peers.subject_code) filter (where peers.items_low > subjects.items_high)
            as best_rank_largest_first,
        1 + count(peers.subject_code) filter (where peers.items_high >= subjects.items_low)
            as worst_rank_largest_first,
        1 + count(peers.subject_code) filter (where peers.items < subjects.items)
            as rank_smallest_first,
        1 + count(peers.subject_code) filter (where peers.items_high < subjects.items_low)
            as best_rank_smallest_first,
        1 + count(peers.subject_code) filter (where peers.items_low <= subjects.items_high)
            as worst_rank_smallest_first,
        count(*) as population_size
    from population as subjects
    left join population as peers
        on
            subjects.report_year = peers.report_year
            and subjects.figure_year = peers.figure_year
            and subjects.subject_type = peers.subject_type
            and subjects.parent_code = peers.parent_code
            and subjects.subject_code != peers.subject_code
    group by all
),

-- the list order of ranked lists is a claim: position n = n-th largest
list_order_claims as (
    select
        rank_ranges.report_year,
        rank_ranges.figure_year,
        rank_ranges.subject_type,
        rank_ranges.parent_code,
        rank_ranges.subject_code,
        'largest_first' as rank_order,
        rank_ranges.list_position as claimed_rank,
        'listed at position ' || rank_ranges.list_position as claim
    from rank_ranges
    inner join subject_types
        on rank_ranges.subject_type = subject_types.subject_type
    where subject_types.list_order_is_ranking
),

-- claims in words, matched to their subject by the printed names
stated_claims as (
    select
        rank_ranges.report_year,
        rank_ranges.figure_year,
        rank_ranges.subject_type,
        rank_ranges.parent_code,
        rank_ranges.subject_code,
        ranking_claims.rank_order,
        ranking_claims.claimed_rank,
        ranking_claims.source_phrase as claim
    from ranking_claims
    inner join rank_ranges
        on
            ranking_claims.report_year = rank_ranges.report_year
            and ranking_claims.report_year = rank_ranges.figure_year
            and ranking_claims.subject_type = rank_ranges.subject_type
            and ranking_claims.subject_zh = rank_ranges.subject_zh
            and coalesce(ranking_claims.parent_zh, '') = coalesce(rank_ranges.parent_zh, '')
    where ranking_claims.measure = 'items'
),

-- 首次超越: online overtook phone in the report year, for the first time
channel_claims as (
    select
        report_year,
        figure_year,
        subject_type,
        parent_code,
        subject_code,
        'largest_first' as rank_order,
        1 as claimed_rank,
        case
            when figure_year = report_year
                then '网络渠道 … 首次超越电话渠道 (online is the larger channel)'
            else '首次超越 (phone was the larger channel the year before)'
        end as claim
    from rank_ranges
    where
        subject_type = 'intake_channel'
        and (
            (figure_year = report_year and subject_code = 'channel.online')
            or (figure_year = report_year - 1 and subject_code = 'channel.phone')
        )
),

claims as (
    select * from list_order_claims
    union all
    select * from stated_claims
    union all
    select * from channel_claims
),

final as (
    select
        'rank:' || claims.report_year || '.' || claims.subject_type || '.'
        || case when claims.parent_code != '' then claims.parent_code || '.' else '' end
        || claims.subject_code || '.' || claims.rank_order
        || case
            when claims.figure_year != claims.report_year then '.fy' || claims.figure_year
            else ''
        end as check_id,
        claims.report_year,
        'rank' as check_kind,
        rank_ranges.section_zh,
        rank_ranges.subject_zh as subject,
        'rank by items (' || replace(claims.rank_order, '_', ' ') || ') among '
        || rank_ranges.population_size || ' '
        || replace(claims.subject_type, '_', ' ')
        || case
            when rank_ranges.parent_zh is not null then ' of ' || rank_ranges.parent_zh
            else ''
        end
        || case
            when claims.figure_year != claims.report_year
                then ' in ' || claims.figure_year || ' (back-calculated)'
            else ''
        end as figure,
        cast(claims.claimed_rank as varchar) || ': ' || claims.claim as published_value,
        cast(claims.claimed_rank as double) as published_low,
        cast(claims.claimed_rank as double) as published_high,
        cast(
            case claims.rank_order
                when 'largest_first' then rank_ranges.rank_largest_first
                else rank_ranges.rank_smallest_first
            end as double
        ) as derived_value,
        cast(
            case claims.rank_order
                when 'largest_first' then rank_ranges.best_rank_largest_first
                else rank_ranges.best_rank_smallest_first
            end as double
        ) as feasible_low,
        cast(
            case claims.rank_order
                when 'largest_first' then rank_ranges.worst_rank_largest_first
                else rank_ranges.worst_rank_smallest_first
            end as double
        ) as feasible_high,
        'ranks the subject can take with every item count within its printed precision'
            as check_method
    from claims
    inner join rank_ranges
        on
            claims.report_year = rank_ranges.report_year
            and claims.figure_year = rank_ranges.figure_year
            and claims.subject_type = rank_ranges.subject_type
            and claims.parent_code = rank_ranges.parent_code
            and claims.subject_code = rank_ranges.subject_code
)

select * from final
