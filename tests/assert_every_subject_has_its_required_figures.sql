-- Invariant: every subject the report covers has each figure its type
-- requires (ref_required_measures), for the full year; and every one of the
-- 16 districts is there. A missing row in report_figures fails here.
-- Exceptions: none.
with

figures as (
    select * from {{ ref('stg_report__figures') }}
    where month is null and figure_year = report_year
),

required_measures as (
    select * from {{ ref('ref_required_measures') }}
),

districts as (
    select * from {{ ref('stg_reference__districts') }}
),

report_years as (
    select distinct report_year from figures
),

subjects as (
    select distinct
        report_year,
        subject_type,
        subject_code,
        parent_code
    from figures

    union

    select
        report_years.report_year,
        'district' as subject_type,
        districts.district_code as subject_code,
        null as parent_code
    from report_years
    cross join districts
),

expected as (
    select
        subjects.report_year,
        subjects.subject_type,
        subjects.subject_code,
        subjects.parent_code,
        required_measures.measure
    from subjects
    inner join required_measures
        on subjects.subject_type = required_measures.subject_type
)

select
    expected.report_year,
    expected.subject_type,
    expected.subject_code,
    expected.measure
from expected
left join figures
    on
        expected.report_year = figures.report_year
        and expected.subject_type = figures.subject_type
        and expected.subject_code = figures.subject_code
        and expected.parent_code is not distinct from figures.parent_code
        and expected.measure = figures.measure
where figures.figure_id is null
