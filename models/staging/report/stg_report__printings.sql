-- Every printing of a figure, one row each: the canonical printings
-- (printed_figures) and the further ones (printed_figure_reprints), parsed
-- the same way: the printed text and unit kept, parsed into an exact decimal,
-- normalised (万件, 亿件, million → items), with the bounds its printed
-- precision and wording allow, its period, its source, and the printed names
-- mapped to canonical codes.
with

canonical as (
    select * from {{ ref('printed_figures') }}
),

reprints as (
    select * from {{ ref('printed_figure_reprints') }}
),

sources as (
    select * from {{ ref('stg_reference__sources') }}
),

units as (
    select * from {{ ref('ref_units') }}
),

approximations as (
    select * from {{ ref('ref_approximations') }}
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

measures as (
    select * from {{ ref('ref_measures') }}
),

printings as (
    select
        true as is_canonical,
        'printed_figures' as seed_name,
        1 + row_number() over () as seed_line,
        source_id,
        period_start,
        period_end,
        section_zh,
        source_phrase,
        subject_type,
        subject_zh,
        parent_zh,
        list_position,
        measure,
        approximation_zh,
        observation_zh,
        value_printed,
        unit_printed
    from canonical

    union all

    select
        false as is_canonical,
        'printed_figure_reprints' as seed_name,
        1 + row_number() over () as seed_line,
        source_id,
        period_start,
        period_end,
        section_zh,
        source_phrase,
        subject_type,
        subject_zh,
        parent_zh,
        null as list_position,
        measure,
        approximation_zh,
        null as observation_zh,
        value_printed,
        unit_printed
    from reprints
),

parsed as (
    select
        -- where it stands
        printings.is_canonical,
        printings.seed_name,
        printings.seed_line,
        printings.source_id,
        sources.platform_code,
        sources.source_kind,
        printings.section_zh,
        printings.source_phrase,

        -- the period it covers
        {{ period_columns('printings') }},
        sources.series_start_date,

        -- what it is about
        printings.subject_type,
        subject_types.subject_type is not null as is_known_subject_type,
        printings.subject_zh,
        printings.parent_zh,
        subject_types.parent_subject_type,
        printings.list_position,
        printings.measure,
        measures.normalised_unit as measure_normalised_unit,
        measures.min_value as measure_min_value,
        measures.max_value as measure_max_value,
        printings.approximation_zh,
        approximations.approximation_en,
        approximations.printed_position as approximation_position,
        printings.observation_zh,
        observations.observation_code,
        observations.implies_annual_maximum,

        -- as printed
        printings.value_printed,
        printings.unit_printed,

        -- parsed and normalised
        {{ printed_figure_columns('printings.value_printed') }}

    from printings
    left join sources
        on printings.source_id = sources.source_id
    left join units
        on printings.unit_printed = units.unit_printed
    left join approximations
        on coalesce(printings.approximation_zh, '') = coalesce(approximations.approximation_zh, '')
    left join subject_types
        on printings.subject_type = subject_types.subject_type
    left join observations
        on printings.observation_zh = observations.observation_zh
    left join measures
        on printings.measure = measures.measure
),

coded as (
    select
        parsed.*,
        subjects.subject_code,
        subjects.subject_name_zh,
        subjects.subject_name_en,
        parents.subject_code as parent_code,
        -- the population a subject is ranked and summed within: its parent,
        -- or for the intake its split (channel, handling mode …)
        case
            when parsed.subject_type = 'intake' then split_part(subjects.subject_code, '.', 1)
            else coalesce(parents.subject_code, '')
        end as population_code
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
            platform_code,
            period_code,
            subject_type,
            parent_code,
            subject_code,
            measure
        ) as figure_id,
        is_canonical,
        seed_name,
        seed_line,
        source_id,
        platform_code,
        source_kind,

        -- where it stands
        section_zh,
        source_phrase,

        -- the period it covers
        period_start,
        period_end,
        period_kind,
        period_code,
        year,
        series_start_date,

        -- what it is about
        subject_type,
        is_known_subject_type,
        subject_code,
        subject_zh,
        subject_name_zh,
        subject_name_en,
        parent_subject_type,
        parent_code,
        parent_zh,
        population_code,
        list_position,
        measure,
        measure_normalised_unit,
        measure_min_value,
        measure_max_value,
        approximation_zh is not null as is_approximate,
        approximation_zh,
        approximation_en,
        approximation_position,
        observation_zh,
        observation_code,
        implies_annual_maximum,

        -- as printed
        value_printed,
        unit_printed,
        case approximation_position
            when 'after' then value_printed || approximation_zh
            else coalesce(approximation_zh, '') || value_printed
        end as value_as_printed,

        -- parsed and normalised
        value_decimal,
        decimal_places,
        significant_unit,
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
