-- Every handling unit (承办单位): the 16 districts and the other units.
with

districts as (
    select * from {{ ref('ref_districts') }}
),

other_units as (
    select * from {{ ref('ref_handling_units') }}
),

unioned as (
    select
        platform_code,
        district_code as unit_code,
        district_name_zh as unit_name_zh,
        district_name_en as unit_name_en,
        'district' as unit_type,
        district_code
    from districts

    union all

    select
        platform_code,
        unit_code,
        unit_name_zh,
        unit_name_en,
        unit_type,
        null as district_code
    from other_units
)

select * from unioned
