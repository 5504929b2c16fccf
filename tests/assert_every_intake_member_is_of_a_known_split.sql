-- Invariant: every line of ref_intake_members names a split of the intake
-- that ref_intake_dimensions lists (total, channel, request type, handling
-- mode …): a member of an unknown split would reach the intake marts with a
-- dimension nothing describes, and no complete split's sum check would find
-- it. Judged on the seed's own lines, so that a bad line is named by its
-- file, line and column.
-- Exceptions: none.
{%- set row_rules = [
    ('dimension', 'is not a known dimension (ref_intake_dimensions)', 'dimension is not null and known_dimension is null'),
] %}
with

intake_members as (
    select
        {{ seed_line() }} as seed_line,
        dimension
    from {{ ref('ref_intake_members') }}
),

intake_dimensions as (
    select distinct dimension from {{ ref('ref_intake_dimensions') }}
),

judged as (
    select
        intake_members.seed_line,
        intake_members.dimension,
        intake_dimensions.dimension as known_dimension
    from intake_members
    left join intake_dimensions
        on intake_members.dimension = intake_dimensions.dimension
)

{{ seed_rule_failures(row_rules, 'judged', "'ref_intake_members'") }}
