-- Second printings of figures, parsed exactly as stg_report__figures parses
-- the canonical ones, so that the two can be compared within their precision.
with

reprints as (
    select * from {{ ref('report_figure_reprints') }}
),

units as (
    select * from {{ ref('ref_units') }}
),

parsed as (
    select
        -- where it stands
        reprints.report_year,
        reprints.figure_year,
        reprints.section_zh,
        reprints.source_phrase,

        -- what it is about
        reprints.subject_type,
        reprints.subject_zh,
        reprints.parent_zh,
        reprints.month,
        reprints.measure,
        reprints.approximation_zh = '约' as is_approximate,

        -- as printed
        reprints.value_printed,
        reprints.unit_printed,

        -- parsed and normalised
        {{ printed_figure_columns('reprints.value_printed') }}

    from reprints
    left join units
        on reprints.unit_printed = units.unit_printed
)

select * from parsed
