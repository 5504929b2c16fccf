-- Every handling unit (承办单位) of every platform: its districts and the other units.
with

-- each seed's own lines, numbered before the union (1 = the header)
districts as (
    select
        *,
        {{ seed_line() }} as seed_line
    from {{ ref('ref_districts') }}
),

other_units as (
    select
        *,
        {{ seed_line() }} as seed_line
    from {{ ref('ref_handling_units') }}
),

unioned as (
    select
        'ref_districts' as seed_name,
        seed_line,
        'district_name_zh' as seed_column,
        platform_code,
        district_code as unit_code,
        district_name_zh as unit_name_zh,
        district_name_en as unit_name_en,
        'district' as unit_type,
        district_code
    from districts

    union all

    select
        'ref_handling_units' as seed_name,
        seed_line,
        'unit_name_zh' as seed_column,
        platform_code,
        unit_code,
        unit_name_zh,
        unit_name_en,
        unit_type,
        null as district_code
    from other_units
)

select * from unioned
