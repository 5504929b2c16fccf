-- Invariant: no check disappears silently. Every published share (any
-- measure with a share denominator in ref_measures) and every published
-- multiple has exactly one audit check; a share whose page does not say what
-- it is a share of (未说明) is checked with its list (share_list: the wholes
-- every share of the list allows). Every published rate of change (同比,
-- 环比: ref_measures.change_against) whose subject's items are printed for
-- both its period and the period it compares with has its check, and every
-- split a source says it prints whole (complete_splits) whose whole is
-- printed has its sum check.
-- Exceptions: what the printed figures cannot check yet, listed by this rule,
-- not by name, to show up in the audit when the figures arrive: a share whose
-- part no source prints in items (2020: 中心城区办理量近六成, the central
-- districts' share of the dispatched items, with no district counts for
-- 2020); a multiple printed across a span or against a year no source prints
-- (六年增长近48倍, 同比增长1.3倍); a rate whose compared period no source
-- prints (a 同比 against a year nobody printed, a 环比 on a page that prints
-- no year); a split whose whole is not printed.
--
-- One row per figure or split without its check, naming its seed line.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
),

declared_splits as (
    select * from {{ ref('int_reference__complete_splits') }}
),

checks as (
    select check_id from {{ ref('published_figure_checks') }}
),

checkable_shares as (
    select figures.*
    from figures
    left join measures
        on figures.measure = measures.measure
    where
        figures.measure = 'monthly_growth_multiple'
        or (
            measures.share_denominator is not null
            and exists (
                select 1
                from figures as parts
                where
                    parts.platform_code = figures.platform_code
                    and parts.period_code = figures.period_code
                    and parts.subject_type = figures.subject_type
                    and parts.subject_code = figures.subject_code
                    and parts.normalised_unit = 'items'
            )
        )
),

-- a share list names the shares it checks; one row per share, so that every
-- join below is on equal keys
list_checks as (
    select
        check_id,
        unnest(share_figure_ids) as figure_id
    from {{ ref('int_audit__share_list_checks') }}
),

-- the ids a figure's own check can have
own_check_ids as (
    select
        figure_id,
        unnest(['share:' || figure_id, 'ratio:' || figure_id]) as check_id
    from checkable_shares
),

own_checks as (
    select
        own_check_ids.figure_id,
        count(checks.check_id) as check_count
    from own_check_ids
    left join checks
        on own_check_ids.check_id = checks.check_id
    group by own_check_ids.figure_id
),

list_checks_of_unstated_shares as (
    select
        checkable_shares.figure_id,
        count(list_checks.check_id) as check_count
    from checkable_shares
    left join list_checks
        on
            checkable_shares.share_of_zh = '未说明'
            and checkable_shares.figure_id = list_checks.figure_id
    group by checkable_shares.figure_id
),

rates as (
    select
        *,
        measure_change_against as change_against
    from figures
    where measure_change_against is not null
),

rates_by_compared_period as (
    select
        rates.*,
        unnest({{ compared_period_keys('rates') }}) as compared_period_key
    from rates
),

items as (
    select * from figures
    where measure = 'items'
),

items_by_period as (
    select
        items.*,
        unnest({{ period_keys('items') }}) as period_key
    from items
),

checkable_rates as (
    select distinct
        rates.seed_name,
        rates.seed_line,
        rates.figure_id,
        case rates.change_against when 'previous_period' then 'pop' else 'yoy' end as check_kind
    from rates_by_compared_period as rates
    inner join items as this_period
        on
            {{ same_period('rates', 'this_period') }}
            and rates.subject_type = this_period.subject_type
            and rates.subject_code = this_period.subject_code
    inner join items_by_period as prior_items
        on
            rates.platform_code = prior_items.platform_code
            and rates.subject_type = prior_items.subject_type
            and rates.subject_code = prior_items.subject_code
            and rates.compared_period_key = prior_items.period_key
),

-- the members of each split printed in items for a platform and period, by name
printed_members as (
    select
        platform_code,
        period_code,
        split_part(subject_code, '.', 1) as dimension,
        count(distinct subject_code) as member_count,
        string_agg(distinct subject_name_zh, ', ' order by subject_name_zh) as members_zh
    from items
    where subject_type = 'intake'
    group by all
),

checkable_splits as (
    select
        'complete_splits' as seed_name,
        declared_splits.seed_line,
        declared_splits.platform_code,
        declared_splits.period_code,
        declared_splits.dimension,
        declared_splits.split_key,
        declared_splits.member_count
    from declared_splits
    where exists (
        select 1
        from items
        where
            items.platform_code = declared_splits.platform_code
            and items.period_code = declared_splits.period_code
            and items.subject_type = 'intake'
            and items.subject_code = declared_splits.whole_subject_code
    )
)

select
    checkable_shares.seed_name,
    checkable_shares.seed_line,
    'measure' as seed_column,
    'is a share or multiple with ' || (own_checks.check_count + listed.check_count)
    || ' audit checks (published_figure_checks), not one' as problem
from checkable_shares
inner join own_checks
    on checkable_shares.figure_id = own_checks.figure_id
inner join list_checks_of_unstated_shares as listed
    on checkable_shares.figure_id = listed.figure_id
where own_checks.check_count + listed.check_count != 1

union all

select
    checkable_rates.seed_name,
    checkable_rates.seed_line,
    'measure' as seed_column,
    'is a rate of change whose two periods are printed, but the audit has no '
    || checkable_rates.check_kind || ' check of it' as problem
from checkable_rates
left join checks
    on checks.check_id = checkable_rates.check_kind || ':' || checkable_rates.figure_id
where checks.check_id is null

union all

select
    checkable_splits.seed_name,
    checkable_splits.seed_line,
    'dimension' as seed_column,
    'is a split printed whole with its whole, but the audit has no sum check of it ('
    || checkable_splits.dimension || '): the split declares ' || checkable_splits.member_count
    || ' members (member_count), and '
    || coalesce(printed_members.member_count, 0)
    || ' are printed in items'
    || coalesce(' (' || printed_members.members_zh || ')', '') as problem
from checkable_splits
left join printed_members
    on
        checkable_splits.platform_code = printed_members.platform_code
        and checkable_splits.period_code = printed_members.period_code
        and checkable_splits.dimension = printed_members.dimension
left join checks
    on
        checks.check_id
        = 'sum:' || checkable_splits.platform_code || '.' || checkable_splits.period_code
        || '.intake.' || checkable_splits.dimension
        || case
            when checkable_splits.split_key != '' then '.' || checkable_splits.split_key else ''
        end
where checks.check_id is null
