-- Which district's streets and townships (街道乡镇) carry the largest share of
-- its workload? Derived from the counts, with the published share beside it.
with

districts as (
    select * from {{ ref('fct_district_workload') }}
),

zones as (
    select * from {{ ref('dim_district') }}
)

select
    districts.platform_code,
    districts.period_code,
    districts.district_name_zh,
    zones.district_name_en,
    zones.functional_zone_en,
    districts.items,
    districts.street_township_items,
    districts.street_township_share_pct,
    districts.published_street_township_share_pct
from districts
inner join zones
    on
        districts.platform_code = zones.platform_code
        and districts.district_code = zones.district_code
where districts.street_township_items is not null
order by
    districts.platform_code asc,
    districts.period_code asc,
    districts.street_township_share_pct desc
