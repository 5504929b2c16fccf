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

observations as (
    select * from {{ ref('ref_monthly_observations') }}
),

measures as (
    select * from {{ ref('ref_measures') }}
),

platforms as (
    select * from {{ ref('ref_platforms') }}
),

printings as (
    select
        true as is_canonical,
        'printed_figures' as seed_name,
        {{ seed_line() }} as seed_line,
        source_id,
        platform_code,
        period_start,
        period_end,
        section_zh,
        source_phrase,
        subject_type,
        subject_zh,
        parent_zh,
        list_position,
        measure,
        share_of_zh,
        list_group_zh,
        approximation_zh,
        observation_zh,
        value_printed,
        unit_printed
    from canonical

    union all

    select
        false as is_canonical,
        'printed_figure_reprints' as seed_name,
        {{ seed_line() }} as seed_line,
        source_id,
        null as platform_code,
        cast(period_start as varchar) as period_start,
        cast(period_end as varchar) as period_end,
        section_zh,
        source_phrase,
        subject_type,
        subject_zh,
        parent_zh,
        null as list_position,
        measure,
        null as share_of_zh,
        null as list_group_zh,
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
        coalesce(printings.platform_code, sources.platform_code) as platform_code,
        platforms.platform_code is not null as is_known_platform,
        sources.source_kind,
        printings.section_zh,
        printings.source_phrase,

        -- the period it covers
        printings.period_start as period_start_printed,
        printings.period_end as period_end_printed,
        {{ printed_period_columns('printings') }},
        sources.series_start_date,
        -- the latest day a period whose end is not printed can end on
        sources.published_on,

        -- what it is about
        printings.subject_type,
        subject_types.subject_type is not null as is_known_subject_type,
        printings.subject_zh,
        printings.parent_zh,
        subject_types.parent_subject_type,
        printings.list_position,
        printings.measure,
        printings.share_of_zh,
        printings.list_group_zh,
        measures.normalised_unit as measure_normalised_unit,
        measures.share_denominator as measure_share_denominator,
        measures.min_value as measure_min_value,
        measures.max_value as measure_max_value,
        measures.change_against as measure_change_against,
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
        {{ printed_figure_columns(
            'printings.value_printed', measure_unit='measures.normalised_unit'
        ) }}

    from printings
    left join sources
        on printings.source_id = sources.source_id
    left join platforms
        on coalesce(printings.platform_code, sources.platform_code) = platforms.platform_code
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

-- a name resolves within the figure's platform: its own list first, then
-- the shared vocabulary
coded as (
    select
        parsed.*,
        {{ printed_period_code('parsed') }} as period_code,
        {{ resolved_subject('subjects', 'subject_code') }} as subject_code,
        {{ resolved_subject('subjects', 'subject_name_zh') }} as subject_name_zh,
        {{ resolved_subject('subjects', 'subject_name_en') }} as subject_name_en,
        {{ resolved_subject('parents', 'subject_code') }} as parent_code,
        -- the population a subject is ranked and summed within: its parent,
        -- or for the intake its split (channel, handling mode …)
        case
            when parsed.subject_type = 'intake'
                then split_part({{ resolved_subject('subjects', 'subject_code') }}, '.', 1)
            else coalesce({{ resolved_subject('parents', 'subject_code') }}, '')
        end as population_code,
        -- what a share is of, where the row names it: an intake figure of the
        -- same platform and period (`未说明` where the page does not say)
        {{ resolved_subject('denominators', 'subject_code') }} as share_of_code
    from parsed
    {{ join_subjects(
        'subjects', 'parsed.platform_code', 'parsed.subject_type', 'parsed.subject_zh', 'parsed.parent_zh'
    ) }}
    {{ join_subjects(
        'parents', 'parsed.platform_code', 'parsed.parent_subject_type', 'parsed.parent_zh'
    ) }}
    {{ join_subjects('denominators', 'parsed.platform_code', "'intake'", 'parsed.share_of_zh') }}
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
        is_known_platform,
        source_kind,

        -- where it stands
        section_zh,
        source_phrase,

        -- the period it covers
        period_start_printed,
        period_end_printed,
        period_start,
        period_end,
        period_kind,
        period_code,
        year,
        is_year_unknown,
        series_start_date,
        published_on,

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
        share_of_zh,
        share_of_code,
        list_group_zh,
        measure_share_denominator,
        measure_normalised_unit,
        measure_min_value,
        measure_max_value,
        measure_change_against,
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
