-- Every published rate of change against the items printed for the same
-- subject in the period it compares with (ref_measures.change_against): the
-- same period a year before (同比, kind `yoy`), or the previous period of the
-- same kind (环比, 较上周, 较上月, kind `pop`), by whichever source printed
-- them: change = this / prior - 1, so the feasible range is
-- this_low / prior_high - 1 to this_high / prior_low - 1.
-- The prior year's items may be printed or the sum of printed parts, never
-- back-calculated from this very rate.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

intake_series as (
    select * from {{ ref('int_report__intake_series') }}
    where how_obtained in ('printed', 'sum_of_parts')
),

-- items of every subject and period as the sources give them
known_items as (
    select
        platform_code,
        period_start,
        period_end,
        period_code,
        period_kind,
        subject_type,
        coalesce(parent_code, '') as parent_code,
        subject_code,
        items,
        cast(value_low as double) as items_low,
        cast(value_high as double) as items_high,
        'printed' as how_obtained,
        [source_id] as source_ids,
        [figure_id] as input_figure_ids
    from figures
    where {{ measure_feeds('count') }} and subject_type != 'intake'

    union all

    select
        platform_code,
        period_start,
        period_end,
        period_code,
        period_kind,
        'intake' as subject_type,
        '' as parent_code,
        subject_code,
        items,
        items_low,
        items_high,
        how_obtained,
        string_split(source_ids, ', ') as source_ids,
        input_figure_ids
    from intake_series
    qualify
        row_number() over (
            partition by platform_code, period_code, subject_code
            order by how_obtained = 'printed' desc, items_high - items_low
        ) = 1
),

rates as (
    select
        *,
        measure_change_against as change_against
    from figures
    where measure_change_against is not null
),

-- a rate, once per key of the period it compares with (macros/periods.sql)
rates_by_compared_period as (
    select
        rates.*,
        unnest({{ compared_period_keys('rates') }}) as compared_period_key
    from rates
),

-- the items, once per key of their period
items_by_period as (
    select
        known_items.*,
        unnest({{ period_keys('known_items') }}) as period_key
    from known_items
),

final as (
    select
        case rates.change_against when 'previous_period' then 'pop' else 'yoy' end
        || ':' || rates.figure_id as check_id,
        case rates.change_against when 'previous_period' then 'pop' else 'yoy' end as check_kind,
        rates.platform_code,
        rates.period_code,
        rates.year,
        rates.section_zh,
        rates.subject_code,
        rates.subject_name_zh,
        rates.measure,
        rates.measure || ' = items (' || rates.period_code || ') / items ('
        || case
            when rates.change_against = 'previous_period' then prior_items.period_code
            else cast(year(prior_items.period_start) as varchar)
        end
        || ', ' || prior_items.how_obtained || ') - 1' as formula,
        rates.value_as_printed || rates.unit_printed as published_value_as_printed,
        rates.value_normalised as published_number,
        rates.normalised_unit as published_unit,
        rates.value_low as published_low,
        rates.value_high as published_high,
        100.0 * (current_items.items / prior_items.items - 1) as derived_value,
        100.0 * (current_items.items_low / prior_items.items_high - 1) as feasible_low,
        100.0 * (current_items.items_high / prior_items.items_low - 1) as feasible_high,
        'this period''s items over '
        || case
            when rates.change_against = 'previous_period'
                then 'the previous period of the same kind'
            else 'the same period a year earlier'
        end
        || ', both within their bounds, as printed by '
        || {{ source_id_list('current_items.source_ids') }} || ' and '
        || {{ source_id_list('prior_items.source_ids') }}
        || '; the change ' || {{ read_as_printed('rates') }} as check_method,
        rates.source_id,
        {{ source_id_list('list_concat(current_items.source_ids, prior_items.source_ids)') }}
            as input_source_ids,
        current_items.input_figure_ids as this_figure_ids,
        prior_items.input_figure_ids as prior_figure_ids,
        'the counts of the two periods (this one as '
        || {{ source_id_list('current_items.source_ids') }} || ' prints it, the compared one as '
        || {{ source_id_list('prior_items.source_ids') }} || ' prints it) allow' as inputs_text
    from rates_by_compared_period as rates
    inner join known_items as current_items
        on
            {{ same_period('rates', 'current_items') }}
            and rates.subject_type = current_items.subject_type
            and coalesce(rates.parent_code, '') = current_items.parent_code
            and rates.subject_code = current_items.subject_code
    inner join items_by_period as prior_items
        on
            rates.platform_code = prior_items.platform_code
            and rates.compared_period_key = prior_items.period_key
            and rates.subject_type = prior_items.subject_type
            and coalesce(rates.parent_code, '') = prior_items.parent_code
            and rates.subject_code = prior_items.subject_code
)

select
    {{ audit_check_columns() }},
    this_figure_ids,
    prior_figure_ids,
    inputs_text
from final
