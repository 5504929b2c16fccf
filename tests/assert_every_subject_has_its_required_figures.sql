-- Invariant: a source covers completely what source_coverage says it
-- covers: for the period the source reports on, it prints the measure for
-- exactly the expected number of subjects of the type, and every subject of
-- that type it prints has the measure (a district without its share, a
-- category without its year-on-year change, the 16th district missing, fail
-- here). A source with no coverage rows is partial and held to nothing.
-- Exceptions: none.
--
-- One row per subject that lacks measures, naming it and them ("怀柔区
-- (bj12345_annual_report_2022, 2022) lacks items, …"); where the type has
-- exactly as many known subjects as the source must print, a subject the
-- source leaves out entirely is named too. Otherwise a short count is
-- reported on the line of source_coverage that expects it, with the names of
-- the platform's known subjects of the type the source does not print.
with

figures as (
    select * from {{ ref('int_report__figures') }}
),

coverage as (
    select
        source_id,
        subject_type,
        measure,
        expected_subject_count,
        {{ seed_line() }} as seed_line
    from {{ ref('source_coverage') }}
),

sources as (
    select
        source_id,
        platform_code,
        covers_period_start,
        covers_period_end,
        {{ period_kind('covers_period_start', 'covers_period_end') }} as covers_period_kind
    from {{ ref('stg_reference__sources') }}
),

known_subjects as (
    select * from {{ ref('int_reference__subjects') }}
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

printed_subjects as (
    select distinct
        source_id,
        subject_type,
        parent_code,
        subject_code,
        subject_name_zh as subject_zh
    from in_covered_period
),

counted as (
    select
        coverage.source_id,
        coverage.subject_type,
        coverage.measure,
        coverage.expected_subject_count,
        coverage.seed_line,
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
),

-- one name per known subject without a parent, and how many the type has
top_level as (
    select
        subject_type,
        subject_code,
        min(subject_name_zh) as subject_zh,
        count(*) over (partition by subject_type) as subject_count
    from known_subjects
    where parent_zh is null
    group by subject_type, subject_code
),

-- the subjects the source must print: those it prints, and, where the type
-- has exactly as many subjects without a parent as expected, all of them
expected_subjects as (
    select
        source_id,
        subject_type,
        parent_code,
        subject_code,
        subject_zh
    from printed_subjects

    union

    select distinct
        counted.source_id,
        counted.subject_type,
        null as parent_code,
        top_level.subject_code,
        top_level.subject_zh
    from counted
    inner join top_level
        on
            counted.subject_type = top_level.subject_type
            and counted.expected_subject_count = top_level.subject_count
),

lacking as (
    select
        expected_subjects.source_id,
        expected_subjects.subject_type,
        expected_subjects.subject_zh,
        string_agg(distinct coverage.measure, ', ' order by coverage.measure) as measures
    from expected_subjects
    inner join coverage
        on
            expected_subjects.source_id = coverage.source_id
            and expected_subjects.subject_type = coverage.subject_type
    left join in_covered_period
        on
            expected_subjects.source_id = in_covered_period.source_id
            and expected_subjects.subject_type = in_covered_period.subject_type
            and expected_subjects.subject_code = in_covered_period.subject_code
            and expected_subjects.parent_code is not distinct from in_covered_period.parent_code
            and coverage.measure = in_covered_period.measure
    where in_covered_period.figure_id is null
    group by all
),

miscounted as (
    select counted.*
    from counted
    where
        (
            counted.subjects_with_measure != counted.expected_subject_count
            or counted.subjects_printed != counted.expected_subject_count
        )
        and not exists (
            select 1
            from lacking
            where
                lacking.source_id = counted.source_id
                and lacking.subject_type = counted.subject_type
        )
),

-- for a short count, the subjects of the source's platform (its own list and
-- the shared vocabulary, without a parent) the source does not print with
-- the measure, by name
not_printed as (
    select
        miscounted.source_id,
        miscounted.subject_type,
        miscounted.measure,
        string_agg(
            distinct known_subjects.subject_name_zh, ', ' order by known_subjects.subject_name_zh
        )
            as subjects_zh
    from miscounted
    inner join sources
        on miscounted.source_id = sources.source_id
    inner join known_subjects
        on
            miscounted.subject_type = known_subjects.subject_type
            and known_subjects.parent_zh is null
            and (
                sources.platform_code = known_subjects.platform_code
                or known_subjects.platform_code is null
            )
    where
        not exists (
            select 1
            from in_covered_period
            where
                in_covered_period.source_id = miscounted.source_id
                and in_covered_period.subject_type = miscounted.subject_type
                and in_covered_period.measure = miscounted.measure
                and in_covered_period.subject_code = known_subjects.subject_code
        )
    group by all
)

select
    'printed_figures' as seed_name,
    null as seed_line,
    null as seed_column,
    lacking.subject_zh || ' (' || lacking.source_id || ', '
    || {{ period_code(
        'sources.covers_period_start', 'sources.covers_period_end', 'sources.covers_period_kind'
    ) }}
    || ') lacks ' || lacking.measures
    || ' (seeds/sources/source_coverage.csv says the source prints them for every '
    || lacking.subject_type || ')' as problem
from lacking
inner join sources
    on lacking.source_id = sources.source_id

union all

select
    'source_coverage' as seed_name,
    miscounted.seed_line,
    'expected_subject_count' as seed_column,
    'expects '
    || miscounted.expected_subject_count
    || ' '
    || miscounted.subject_type
    || ' subjects with '
    || miscounted.measure || ' from ' || miscounted.source_id || '; printed_figures has '
    || miscounted.subjects_with_measure
    || ' with it, of '
    || miscounted.subjects_printed
    || ' printed'
    || coalesce(
        '; of the '
        || miscounted.subject_type
        || ' subjects its platform knows, not printed with it: '
        || not_printed.subjects_zh,
        ''
    ) as problem
from miscounted
left join not_printed
    on
        miscounted.source_id = not_printed.source_id
        and miscounted.subject_type = not_printed.subject_type
        and miscounted.measure = not_printed.measure
