-- The members of the intake's splits, one row each with their canonical
-- names (ref_intake_members has a row per printed name).
with

printed_names as (
    select
        *,
        {{ seed_line() }} as seed_line
    from {{ ref('ref_intake_members') }}
),

-- one canonical name per member: the shared vocabulary's where the member
-- is in it, else the name of the platform that named the member first (its
-- earliest line), so that a platform added later (lines are appended) never
-- renames another platform's member
members as (
    select
        -- ids
        dimension || '.' || member as subject_code,
        dimension,
        member,

        -- names
        arg_min(member_name_zh, (platform_code is not null, seed_line)) as member_name_zh,
        arg_min(member_name_en, (platform_code is not null, seed_line)) as member_name_en

    from printed_names
    group by dimension, member
)

select * from members
