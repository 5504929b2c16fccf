with

districts as (
    select * from {{ ref('ref_districts') }}
),

functional_zones as (
    select * from {{ ref('ref_functional_zones') }}
),

joined as (
    select
        -- ids
        districts.platform_code,
        districts.district_code,
        districts.administrative_division_code,

        -- names
        districts.district_name_zh,
        districts.district_name_en,

        -- functional zone
        districts.functional_zone_code,
        functional_zones.functional_zone_zh,
        functional_zones.functional_zone_en,
        functional_zones.functional_zone_order

    from districts
    left join functional_zones
        on
            districts.platform_code = functional_zones.platform_code
            and districts.functional_zone_code = functional_zones.functional_zone_code
)

select * from joined
