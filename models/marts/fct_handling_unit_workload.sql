-- Items handled (承办量) by each handling unit a source names with a
-- count: districts, city bodies (市属机构), state-owned enterprises (国有企业)
-- and any other named department, town or street of a platform.
with

figures as (
    select * from {{ ref('int_report__figures') }}
    where
        subject_type in ('district', 'city_body', 'state_owned_enterprise', 'handling_unit')
        and observation_code is null
        and {{ measure_feeds() }}
),

handling_units as (
    select * from {{ ref('stg_reference__handling_units') }}
),

periods as (
    select * from {{ ref('dim_period') }}
),

final as (
    select
        {{ mart_key_columns('figures') }},
        periods.period_label_zh,
        periods.period_label_en,
        handling_units.unit_type,
        figures.subject_code as unit_code,
        figures.subject_name_zh as unit_name_zh,
        handling_units.unit_name_en,
        figures.items,
        rank() over (
            partition by figures.platform_code, figures.period_code, handling_units.unit_type
            order by figures.items desc
        ) as rank_in_unit_type
    from figures
    inner join handling_units
        on
            figures.platform_code = handling_units.platform_code
            and figures.subject_code = handling_units.unit_code
    left join periods
        on figures.period_code = periods.period_code
)

select
    platform_code,
    year,
    period_code,
    period_label_zh,
    period_label_en,
    period_kind,
    period_start,
    period_end,
    source_id,
    unit_type,
    unit_code,
    unit_name_zh,
    unit_name_en,
    items,
    rank_in_unit_type
from final
