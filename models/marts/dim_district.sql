with

districts as (
    select * from {{ ref('stg_reference__districts') }}
)

select
    platform_code,
    district_code,
    administrative_division_code,
    district_name_zh,
    district_name_en,
    functional_zone_code,
    functional_zone_zh,
    functional_zone_en,
    functional_zone_order
from districts
