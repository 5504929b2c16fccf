-- Invariant: no check disappears silently. Every published rate of change
-- (同比, 环比: ref_measures.change_against) whose subject's items are printed
-- for both its period and the period it compares with has its check, and
-- every split a source says it prints whole (complete_splits) whose whole is
-- printed has its sum check.
-- Exceptions: a rate whose compared period no source prints (a 同比 against a
-- year nobody printed, a 环比 on a page that prints no year) and a split whose
-- whole is not printed cannot be checked; they are listed by this rule, not
-- by name, and show up in the audit when the figures arrive.
--
-- One row per rate or split without its check, naming its seed line.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
),

declared_splits as (
    select * from {{ ref('stg_reference__complete_splits') }}
),

checks as (
    select check_id from {{ ref('published_figure_checks') }}
),

rates as (
    select
        figures.*,
        measures.change_against
    from figures
    inner join measures
        on figures.measure = measures.measure
    where measures.change_against is not null
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

checkable_splits as (
    select
        'complete_splits' as seed_name,
        declared_splits.seed_line,
        declared_splits.platform_code,
        declared_splits.period_code,
        declared_splits.dimension
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
    || checkable_splits.dimension || ')' as problem
from checkable_splits
left join checks
    on
        checks.check_id
        = 'sum:' || checkable_splits.platform_code || '.' || checkable_splits.period_code
        || '.intake.' || checkable_splits.dimension
where checks.check_id is null
