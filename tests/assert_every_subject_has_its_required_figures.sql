-- Invariant: a source covers completely what source_coverage says it
-- covers: for the period the source reports on, it prints the measure for
-- exactly the expected number of subjects of the type, and every subject of
-- that type it prints has the measure (a district without its share, a
-- category without its year-on-year change, the 16th district missing, fail
-- here). A source with no coverage rows is partial and held to nothing.
-- Exceptions: none.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
),

coverage as (
    select * from {{ ref('source_coverage') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

in_covered_period as (
    select figures.*
    from figures
    inner join sources
        on
            figures.source_id = sources.source_id
            and figures.period_start is not distinct from sources.covers_period_start
            and figures.period_end is not distinct from sources.covers_period_end
),

counted as (
    select
        coverage.source_id,
        coverage.subject_type,
        coverage.measure,
        coverage.expected_subject_count,
        count(
            distinct coalesce(in_covered_period.parent_code, '')
            || '/'
            || in_covered_period.subject_code
        )
        filter (where in_covered_period.measure = coverage.measure) as subjects_with_measure,
        count(
            distinct coalesce(in_covered_period.parent_code, '')
            || '/'
            || in_covered_period.subject_code
        )
            as subjects_printed
    from coverage
    left join in_covered_period
        on
            coverage.source_id = in_covered_period.source_id
            and coverage.subject_type = in_covered_period.subject_type
    group by all
)

select
    source_id,
    subject_type,
    measure,
    expected_subject_count,
    subjects_with_measure,
    subjects_printed
from counted
where
    subjects_with_measure != expected_subject_count
    or subjects_printed != expected_subject_count
