-- The members of the intake's splits, one row each with their canonical
-- names (ref_intake_members has a row per printed name).
with

printed_names as (
    select * from {{ ref('ref_intake_members') }}
),

members as (
    select distinct
        -- ids
        dimension || '.' || member as subject_code,
        dimension,
        member,

        -- names
        member_name_zh,
        member_name_en

    from printed_names
)

select * from members
