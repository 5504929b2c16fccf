with

handling_units as (
    select * from {{ ref('stg_reference__handling_units') }}
)

select
    platform_code,
    unit_code,
    unit_name_zh,
    unit_name_en,
    unit_type,
    district_code
from handling_units
