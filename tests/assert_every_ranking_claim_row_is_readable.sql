-- Invariant: every row of printed_ranking_claims reads as a claim: its
-- source, subject and parent are known, its period reads as a date (or
-- --MM-DD where the page prints no year, or empty where it prints none), it
-- ranks a measure that can be ranked (items), in an order that exists, with
-- a rank. These are the
-- constraints of int_report__ranking_claims' contract, judged here on the
-- seed's own lines first: dbt runs this test before it builds the model (the
-- test reads everything the model reads), so a bad row is named by its line
-- instead of by DuckDB's "NOT NULL constraint failed".
-- Exceptions: none.
{%- set row_rules = [
    ('source_id', 'is not a known source (seeds/sources/sources.csv)', 'platform_code is null'),
    ('period_end', 'is empty while the period starts (leave both empty only where the page prints no dates)',
        'period_end_printed is null and period_start_printed is not null'),
    ('period_start', 'is empty while the period ends', 'period_start_printed is null and period_end_printed is not null'),
    ('period_start', 'is not a date (2024-03-15, or --03-15 where the page prints no year)',
        'period_start_printed is not null and not ' ~ is_printed_date('period_start_printed')),
    ('period_end', 'is not a date (2024-03-22, or --03-22 where the page prints no year)',
        'period_end_printed is not null and not ' ~ is_printed_date('period_end_printed')),
    ('period_end', 'is not of the same form as period_start (both with their year, or both --MM-DD)',
        'period_start_printed is not null and period_end_printed is not null'
        ~ " and starts_with(period_start_printed, '--') != starts_with(period_end_printed, '--')"),
    ('subject_zh', 'is not a known name of its subject type', 'subject_code is null',
        subject_lookup_places('judged.subject_type', 'judged.platform_code')),
    ('parent_zh', 'is not a known parent of the subject', 'parent_zh is not null and parent_code is null'),
    ('measure', "is not a measure a claim can rank ('items')", "measure is distinct from 'items'"),
    ('rank_order', "is not 'largest_first' or 'smallest_first'",
        "rank_order is null or rank_order not in ('largest_first', 'smallest_first')"),
    ('claimed_rank', 'is empty', 'claimed_rank is null'),
] %}
with

claims as (
    select
        {{ seed_line() }} as seed_line,
        source_id,
        period_start,
        period_end,
        subject_type,
        subject_zh,
        parent_zh,
        measure,
        rank_order,
        claimed_rank
    from {{ ref('printed_ranking_claims') }}
),

judged as (
    -- the lookups of int_report__ranking_claims
    select
        claims.seed_line,
        sources.platform_code,
        claims.subject_type,
        claims.period_start as period_start_printed,
        claims.period_end as period_end_printed,
        {{ resolved_subject('subjects', 'subject_code') }} as subject_code,
        {{ resolved_subject('parents', 'subject_code') }} as parent_code,
        claims.parent_zh,
        claims.measure,
        claims.rank_order,
        claims.claimed_rank
    from claims
    {{ join_ranking_claim_lookups('claims') }}
)

{{ seed_rule_failures(row_rules, 'judged', "'printed_ranking_claims'") }}
