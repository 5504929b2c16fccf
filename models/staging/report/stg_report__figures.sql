-- One row per figure (platform, period, subject, measure): its canonical
-- printing. Everything that computes with figures starts here; the other
-- printings of a figure are in stg_report__printings, and the audit checks
-- that they agree with this one.
with

printings as (
    select * from {{ ref('stg_report__printings') }}
),

final as (
    select * exclude (is_canonical)
    from printings
    where is_canonical
)

select * from final
