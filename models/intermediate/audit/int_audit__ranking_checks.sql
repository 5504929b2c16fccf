-- Ranking claims: the order of lists the sources print largest first
-- (categories, named sub-categories, top handling units, city bodies,
-- state-owned enterprises), and the claims they state in words (最多, 最少,
-- 前三位, 首次超越: all rows of printed_ranking_claims). The population is
-- every printed item count of the claim's platform and period with the same
-- subject type and parent (for the intake, the same split), by whichever
-- source printed it. Within it a subject's rank can be anything from 1 + the
-- number of others certainly larger (their low above its high) to 1 + the
-- number of others possibly at least as large (their high at or above its
-- low); the claimed rank is consistent when it lies in that range. A list
-- printed in groups (list_group_zh: 第一类 / 第二类) is ranked within each
-- group: "most of the second group" is a claim about that group.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

subject_types as (
    select * from {{ ref('ref_subject_types') }}
),

ranking_claims as (
    select * from {{ ref('int_report__ranking_claims') }}
),

population as (
    select
        figure_id,
        platform_code,
        period_start,
        period_end,
        period_code,
        year,
        subject_type,
        population_code,
        subject_code,
        subject_name_zh,
        parent_zh,
        section_zh,
        source_id,
        list_position,
        list_group_zh,
        cast(items as double) as items,
        cast(value_low as double) as items_low,
        cast(value_high as double) as items_high
    from figures
    where {{ measure_feeds('count') }}
),

rank_ranges as (
    select
        subjects.platform_code,
        subjects.period_start,
        subjects.period_end,
        subjects.period_code,
        subjects.year,
        subjects.subject_type,
        subjects.population_code,
        subjects.subject_code,
        subjects.subject_name_zh,
        subjects.parent_zh,
        subjects.section_zh,
        subjects.source_id,
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
        count(*) as population_size,
        list(distinct peers.source_id) filter (where peers.source_id is not null) as peer_source_ids
    from population as subjects
    left join population as peers
        on
            {{ same_period('subjects', 'peers') }}
            and subjects.subject_type = peers.subject_type
            and subjects.population_code = peers.population_code
            and subjects.subject_code != peers.subject_code
            and subjects.list_group_zh is not distinct from peers.list_group_zh
    group by all
),

-- the list order of ranked lists is a claim: position n = n-th largest
list_order_claims as (
    select
        rank_ranges.platform_code,
        rank_ranges.period_start,
        rank_ranges.period_end,
        rank_ranges.period_code,
        rank_ranges.subject_type,
        rank_ranges.population_code,
        rank_ranges.subject_code,
        rank_ranges.source_id as claim_source_id,
        rank_ranges.section_zh as claim_section_zh,
        'largest_first' as rank_order,
        rank_ranges.list_position as claimed_rank,
        'listed at position ' || rank_ranges.list_position as claim
    from rank_ranges
    inner join subject_types
        on rank_ranges.subject_type = subject_types.subject_type
    where subject_types.list_order_is_ranking and rank_ranges.list_position is not null
),

-- claims in words
stated_claims as (
    select
        rank_ranges.platform_code,
        rank_ranges.period_start,
        rank_ranges.period_end,
        rank_ranges.period_code,
        rank_ranges.subject_type,
        rank_ranges.population_code,
        rank_ranges.subject_code,
        ranking_claims.source_id as claim_source_id,
        ranking_claims.section_zh as claim_section_zh,
        ranking_claims.rank_order,
        ranking_claims.claimed_rank,
        ranking_claims.source_phrase as claim
    from ranking_claims
    inner join rank_ranges
        on
            {{ same_subject('ranking_claims', 'rank_ranges') }}
            and coalesce(ranking_claims.parent_code, '') = coalesce(
                case
                    when rank_ranges.subject_type = 'intake' then null else
                        rank_ranges.population_code
                end,
                ''
            )
    where {{ measure_feeds('count', 'ranking_claims.measure') }}
),

claims as (
    select * from list_order_claims
    union all
    select * from stated_claims
),

final as (
    select
        'rank:' || claims.platform_code || '.' || rank_ranges.period_code || '.'
        || claims.subject_type || '.'
        || case when claims.population_code != '' then claims.population_code || '.' else '' end
        || claims.subject_code || '.' || claims.rank_order
        || case
            when claims.claim_source_id != rank_ranges.source_id then '@' || claims.claim_source_id
            else ''
        end as check_id,
        'rank' as check_kind,
        claims.platform_code,
        rank_ranges.period_code,
        rank_ranges.year,
        claims.claim_section_zh as section_zh,
        rank_ranges.subject_code,
        rank_ranges.subject_name_zh,
        {{ measure_of('count') }} as measure,
        'rank by items (' || replace(claims.rank_order, '_', ' ') || ') among the '
        || rank_ranges.population_size || ' printed '
        || replace(claims.subject_type, '_', ' ')
        || case
            when
                rank_ranges.subject_type = 'intake'
                then ' members of ' || rank_ranges.population_code
            when rank_ranges.parent_zh is not null then ' of ' || rank_ranges.parent_zh
            else ''
        end
        || ' in ' || rank_ranges.period_code as formula,
        -- the claim: the phrase the page ranks the subject in, or its
        -- position in a list printed in order
        claims.claim as published_value_as_printed,
        claims.claimed_rank as published_number,
        'rank' as published_unit,
        claims.claimed_rank as published_low,
        claims.claimed_rank as published_high,
        case claims.rank_order
            when 'largest_first' then rank_ranges.rank_largest_first
            else rank_ranges.rank_smallest_first
        end as derived_value,
        case claims.rank_order
            when 'largest_first' then rank_ranges.best_rank_largest_first
            else rank_ranges.best_rank_smallest_first
        end as feasible_low,
        case claims.rank_order
            when 'largest_first' then rank_ranges.worst_rank_largest_first
            else rank_ranges.worst_rank_smallest_first
        end as feasible_high,
        'ranks the subject can take with every item count within its printed bounds'
            as check_method,
        claims.claim_source_id as source_id,
        {{ source_id_list(
            'list_append(coalesce(rank_ranges.peer_source_ids, []), rank_ranges.source_id)'
        ) }}
            as input_source_ids
    from claims
    inner join rank_ranges
        on
            {{ same_period('claims', 'rank_ranges') }}
            and claims.subject_type = rank_ranges.subject_type
            and claims.population_code = rank_ranges.population_code
            and claims.subject_code = rank_ranges.subject_code
)

select
    {{ audit_check_columns() }},
    -- a ranking's values are positions, not its measure's unit
    'rank' as value_unit,
    'the printed counts allow positions' as inputs_text
from final
