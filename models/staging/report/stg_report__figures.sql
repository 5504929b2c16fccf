-- One row per printed figure: the printed text kept, parsed into an exact
-- decimal, normalised (万件 → items), with the precision the printing carries
-- as a low/high bound, and the Chinese names mapped to canonical codes.
with

figures as (
    select * from {{ ref('report_figures') }}
),

units as (
    select * from {{ ref('ref_units') }}
),

subject_types as (
    select * from {{ ref('ref_subject_types') }}
),

subjects as (
    select * from {{ ref('stg_reference__subjects') }}
),

observations as (
    select * from {{ ref('ref_monthly_observations') }}
),

parsed as (
    select
        -- where it stands
        figures.report_year,
        figures.figure_year,
        figures.section_zh,
        figures.source_phrase,

        -- what it is about
        figures.subject_type,
        figures.subject_zh,
        figures.parent_zh,
        subject_types.parent_subject_type,
        figures.list_position,
        figures.month,
        figures.measure,
        figures.approximation_zh = '约' as is_approximate,
        figures.observation_zh,
        observations.observation_code,
        observations.implies_annual_maximum,

        -- as printed
        figures.value_printed,
        figures.unit_printed,

        -- parsed and normalised
        {{ printed_figure_columns('figures.value_printed') }}

    from figures
    left join units
        on figures.unit_printed = units.unit_printed
    left join subject_types
        on figures.subject_type = subject_types.subject_type
    left join observations
        on figures.observation_zh = observations.observation_zh
),

coded as (
    select
        parsed.*,
        subjects.subject_code,
        subjects.subject_name_en,
        parents.subject_code as parent_code
    from parsed
    left join subjects
        on
            parsed.subject_type = subjects.subject_type
            and parsed.subject_zh = subjects.subject_zh
            and (subjects.parent_zh is null or parsed.parent_zh = subjects.parent_zh)
    left join subjects as parents
        on
            parsed.parent_subject_type = parents.subject_type
            and parsed.parent_zh = parents.subject_zh
),

final as (
    select
        -- ids
        concat_ws(
            '.',
            report_year,
            subject_type,
            parent_code,
            subject_code,
            'm' || lpad(cast(month as varchar), 2, '0'),
            measure,
            case when figure_year != report_year then 'fy' || figure_year end
        ) as figure_id,
        report_year,
        figure_year,

        -- where it stands
        section_zh,
        source_phrase,

        -- what it is about
        subject_type,
        subject_code,
        subject_zh,
        subject_name_en,
        parent_subject_type,
        parent_code,
        parent_zh,
        list_position,
        month,
        measure,
        is_approximate,
        observation_zh,
        observation_code,
        implies_annual_maximum,

        -- as printed
        value_printed,
        unit_printed,

        -- parsed and normalised
        value_decimal,
        decimal_places,
        normalised_unit,
        multiplier,
        is_exact_count,
        value_normalised,
        value_low,
        value_high,
        items

    from coded
)

select * from final
